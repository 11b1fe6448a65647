#include "parallax/render.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace parallax {
namespace {

const char* kEvil = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

std::vector<Article> EvilArticles() {
  Article a;
  a.id = "evil\"id";
  a.outlet = kEvil;
  a.title = kEvil;
  a.url = "javascript:alert(3)";
  a.blocks.push_back({BlockKind::kParagraph, kEvil});
  return {a};
}

std::vector<StoryBrief> EvilBrief() {
  StoryBrief s;
  s.id = "s<1>";
  s.title = kEvil;
  s.articles = {"evil\"id"};
  s.summary.push_back({kEvil, {"evil\"id"}});
  s.agreements.push_back({kEvil, {"evil\"id"}});
  s.exclusives.push_back({kEvil, "evil\"id"});
  s.quotes.push_back({kEvil, kEvil, {"evil\"id"}, {}});
  s.timeline.push_back({kEvil, kEvil, {"evil\"id"}});
  s.entities.push_back({kEvil, kEvil, {kEvil}, {"evil\"id"}, {kEvil}});
  s.disagreements.push_back({kEvil, {{kEvil, kEvil, {"evil\"id"}}}, kEvil});
  return {s};
}

TEST(RenderTest, HtmlEscapesEverythingAndLinksOnlyHttp) {
  std::string html = RenderBriefHtml(EvilArticles(), EvilBrief());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
}

TEST(RenderTest, MarkdownEscapesInlineHtml) {
  std::string md = RenderBriefMarkdown(EvilArticles(), EvilBrief());
  // Every '<' is backslash-escaped (CommonMark renders "\\<" as a literal).
  for (size_t i = md.find('<'); i != std::string::npos; i = md.find('<', i + 1)) {
    ASSERT_GT(i, 0u);
    EXPECT_EQ(md[i - 1], '\\') << md.substr(i, 20);
  }
  EXPECT_NE(md.find("\\<script"), std::string::npos);
}

TEST(RenderTest, JsonFollowsTheContract) {
  auto j = nlohmann::json::parse(RenderBriefJson(EvilArticles(), EvilBrief()));
  EXPECT_EQ(j["schema"], "parallax.brief/1");
  ASSERT_EQ(j["stories"].size(), 1u);
  const auto& s = j["stories"][0];
  for (const char* key : {"id", "title", "articles", "summary", "entities", "quotes", "timeline",
                          "agreements", "disagreements", "exclusives"}) {
    EXPECT_TRUE(s.contains(key)) << key;
  }
  EXPECT_EQ(s["summary"][0]["sources"][0], "evil\"id");
  EXPECT_EQ(j["articles"][0]["outlet"], kEvil);
}

TEST(RenderTest, ArticleJsonHasContractFields) {
  Article a;
  a.id = "x";
  a.blocks.push_back({BlockKind::kParagraph, "One."});
  a.blocks.push_back({BlockKind::kParagraph, "Two."});
  auto j = nlohmann::json::parse(RenderArticleJson(a, false));
  EXPECT_EQ(j["schema"], "parallax.article/1");
  EXPECT_TRUE(j["url"].is_null());
  EXPECT_TRUE(j["published_source"].is_null());
  EXPECT_EQ(j["text"], "One.\n\nTwo.");
  EXPECT_EQ(j["paragraphs"].size(), 2u);
}

}  // namespace
}  // namespace parallax
