#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "parallax/ingest.h"

namespace parallax {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/tests/data/formats/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct FeedRun {
  Status status;
  std::vector<Article> articles;
  std::vector<std::string> errors;
};

FeedRun RunFeed(std::string_view bytes) {
  FeedRun run;
  DocContext ctx;
  ctx.source = "feed.json";
  ReadCallbacks cb;
  cb.on_article = [&](Article&& a) { run.articles.push_back(std::move(a)); };
  cb.on_error = [&](const InputError& e) { run.errors.push_back(e.problem); };
  run.status = ParseFeed(bytes, ctx, cb);
  return run;
}

using Strings = std::vector<std::string>;

TEST(JsonFeedTest, Version11) {
  FeedRun run = RunFeed(ReadFixture("jsonfeed_news.json"));
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ASSERT_EQ(run.articles.size(), 3u);
  const Article& a = run.articles[0];
  EXPECT_EQ(a.title, "US and Israel to hold virtual meeting on Rafah");
  EXPECT_EQ(a.url, "https://thelantern.example/2024/03/26/rafah-meeting");
  EXPECT_EQ(a.id, DeriveArticleId("https://thelantern.example/2024/03/26/rafah-meeting", ""));
  EXPECT_EQ(a.author, "Ana Costa and Ben Okafor");
  EXPECT_EQ(a.published, "2024-03-26T10:00:00+00:00");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.outlet, "The Lantern");
  EXPECT_FALSE(a.summary_only);
  EXPECT_EQ(a.Paragraphs(), (Strings{"The meeting will be held by video call on Monday.",
                                     "Officials from both sides will attend."}));
  const Article& b = run.articles[1];
  EXPECT_EQ(b.url, "https://thelantern.example/2024/03/25/vote");
  EXPECT_EQ(b.author, "The Lantern");
  EXPECT_EQ(b.published, "2024-03-25T18:00:00+00:00");
  EXPECT_EQ(b.Paragraphs(), (Strings{"The council passed the resolution.", "The US abstained."}));
  const Article& c = run.articles[2];
  EXPECT_TRUE(c.summary_only);
  EXPECT_EQ(c.id[0], 'g');
  EXPECT_EQ(c.Paragraphs(), (Strings{"Only a summary here."}));
  EXPECT_EQ(run.errors,
            (Strings{"item 3: not an object", "item 4: field 'title' must be a string"}));
}

TEST(JsonFeedTest, Version1WithNumericIdAndAuthorObject) {
  FeedRun run = RunFeed(ReadFixture("jsonfeed_v1.json"));
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ASSERT_EQ(run.articles.size(), 1u);
  EXPECT_EQ(run.articles[0].author, "Old Desk");
  EXPECT_EQ(run.articles[0].outlet, "Old Feed");
  EXPECT_EQ(run.articles[0].Paragraphs(), (Strings{"Body text of version one."}));
}

TEST(JsonFeedTest, Errors) {
  FeedRun truncated = RunFeed("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [");
  EXPECT_EQ(truncated.status.code(), StatusCode::kInvalidInput);
  EXPECT_TRUE(truncated.status.message().starts_with("invalid JSON at byte "))
      << truncated.status.message();
  FeedRun array = RunFeed("[1, 2]");
  EXPECT_EQ(array.status.message(), "not a JSON Feed: top level is not an object");
  FeedRun other = RunFeed("{\"name\": \"x\"}");
  EXPECT_EQ(other.status.message(), "not a JSON Feed: no \"version\" or \"items\"");
  FeedRun bad_items = RunFeed("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": 3}");
  EXPECT_EQ(bad_items.status.message(), "not a JSON Feed: \"items\" is not an array");
  FeedRun empty = RunFeed("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}");
  EXPECT_TRUE(empty.status.ok());
  EXPECT_TRUE(empty.articles.empty());
  std::string deep(200000, '[');
  FeedRun nested = RunFeed("{\"items\": " + deep);
  EXPECT_EQ(nested.status.code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace parallax
