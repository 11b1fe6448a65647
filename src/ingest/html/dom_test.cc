#include "ingest/html/dom.h"

#include <gtest/gtest.h>

namespace parallax::html {
namespace {

TEST(DomTest, ParsesElementsTextAndAttributes) {
  auto doc = HtmlDocument::Parse(
      "<html><head><title>T &amp; U</title></head><body><div class=main id=x>"
      "<p>Hello <b>big</b> world</p><p>Second</p></div></body></html>");
  uint32_t div = doc.FindFirst(Tag::kDiv);
  ASSERT_NE(div, kNoNode);
  EXPECT_EQ(doc.Attribute(div, "class"), "main");
  EXPECT_EQ(doc.Attribute(div, "id"), "x");
  EXPECT_TRUE(doc.Attribute(div, "missing").empty());
  EXPECT_EQ(doc.TextContent(doc.FindFirst(Tag::kTitle)), "T & U");
  auto ps = doc.FindAll(Tag::kP);
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(doc.TextContent(ps[0]), "Hello big world");
  EXPECT_EQ(doc.TextContent(div), "Hello big world Second");
}

TEST(DomTest, StripsScriptsKeepsJsonLd) {
  auto doc = HtmlDocument::Parse(
      "<p>a<script>var x='<p>no</p>';</script>b</p><style>p{}</style>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>"
      "<p>c<!-- hidden <p>x</p> -->d</p><SCRIPT>evil()</SCRIPT >");
  auto ps = doc.FindAll(Tag::kP);
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(doc.TextContent(ps[0]), "ab");
  EXPECT_EQ(doc.TextContent(ps[1]), "cd");
  ASSERT_EQ(doc.json_ld().size(), 1u);
  EXPECT_EQ(doc.json_ld()[0], "{\"@type\":\"NewsArticle\"}");
}

TEST(DomTest, SurvivesGarbageAndUnclosedTags) {
  for (const char* junk : {"", "<", "<<<>>>", "<script>", "<!--", "<p><div><span>",
                           "\x01\x02\xff\xfe", "</p></p></div>", "<a href='x>y"}) {
    auto doc = HtmlDocument::Parse(junk);
    EXPECT_GE(doc.size(), 1u) << junk;
    (void)doc.TextContent(doc.root());
  }
}

TEST(DomTest, DeepNestingIsBounded) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "text";
  auto doc = HtmlDocument::Parse(deep);
  int max_depth = 0;
  for (uint32_t i = 0; i < doc.size(); ++i) max_depth = std::max<int>(max_depth, doc.node(i).depth);
  EXPECT_LE(max_depth, HtmlDocument::kMaxDepth + 1);
  EXPECT_NE(doc.TextContent(doc.root()).find("text"), std::string::npos);
}

TEST(DomTest, ForEachAttributeVisitsAllInOrder) {
  auto doc = HtmlDocument::Parse("<div class=\"a b\" id=x data-k=\"v\">t</div>");
  uint32_t div = doc.FindFirst(Tag::kDiv);
  ASSERT_NE(div, kNoNode);
  std::string seen;
  doc.ForEachAttribute(div, [&](std::string_view name, std::string_view value) {
    seen += std::string(name) + "=" + std::string(value) + ";";
  });
  EXPECT_EQ(seen, "class=a b;id=x;data-k=v;");
}

}  // namespace
}  // namespace parallax::html
