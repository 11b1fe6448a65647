#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "parallax/watch.h"

namespace parallax::watch {
namespace {

TEST(FeedListTest, PlainListSkipsCommentsBlanksAndDuplicates) {
  Result<std::vector<std::string>> r = ParseFeedList(
      "# world news\n"
      "https://www.example.org/world/rss.xml\n"
      "\n"
      "  http://feeds.example.com/news?format=atom  \r\n"
      "# again, ignored as a duplicate\n"
      "https://www.example.org/world/rss.xml\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, (std::vector<std::string>{"https://www.example.org/world/rss.xml",
                                          "http://feeds.example.com/news?format=atom"}));
}

TEST(FeedListTest, PlainListRejectsNonHttpLineWithItsNumber) {
  Result<std::vector<std::string>> r =
      ParseFeedList("https://a.example/rss\nftp://b.example/feed.xml\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(r.status().message().find("line 2"), std::string::npos) << r.status().message();
}

TEST(FeedListTest, EmptyListIsEmpty) {
  Result<std::vector<std::string>> r = ParseFeedList("# nothing yet\n\n");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(FeedListTest, OpmlNestedOutlinesInDocumentOrder) {
  Result<std::vector<std::string>> r = ParseFeedList(R"(<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Newsroom subscriptions</title></head>
  <body>
    <outline text="World">
      <outline type="rss" text="Reuters World" xmlUrl="https://feeds.example.com/world?a=1&amp;b=2"/>
      <outline type="rss" text="Al Jazeera" xmlUrl="http://aljazeera.example/xml/rss/all.xml"/>
    </outline>
    <outline text="A folder without a feed"/>
    <outline type="rss" text="Duplicate" xmlUrl="http://aljazeera.example/xml/rss/all.xml"/>
  </body>
</opml>)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, (std::vector<std::string>{"https://feeds.example.com/world?a=1&b=2",
                                          "http://aljazeera.example/xml/rss/all.xml"}));
}

TEST(FeedListTest, OpmlWithBadUrlNamesTheOutline) {
  Result<std::vector<std::string>> r = ParseFeedList(
      R"(<opml version="1.0"><body><outline xmlUrl="http://ok.example/rss"/>)"
      R"x(<outline xmlUrl="javascript:alert(1)"/></body></opml>)x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("outline 2"), std::string::npos) << r.status().message();
}

TEST(FeedListTest, MalformedOpmlIsInvalidInput) {
  Result<std::vector<std::string>> r = ParseFeedList("<opml><body><outline xmlUrl=\"http://x\"");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
}

TEST(FeedListTest, ReadFeedListFromFile) {
  std::string path = testing::TempDir() + "parallax_watch_feeds_" + std::to_string(::getpid()) + ".txt";
  {
    std::ofstream out(path);
    out << "https://news.example.net/rss\n";
  }
  Result<std::vector<std::string>> r = ReadFeedList(path);
  std::remove(path.c_str());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, std::vector<std::string>{"https://news.example.net/rss"});
  EXPECT_EQ(ReadFeedList(path + ".missing").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace parallax::watch
