#include "parallax/render.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "brief/labels.h"

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

// A plain text without outlet, title or URL is named by its opening words
// (escaped like everything else), one with only a URL by its host.
TEST(RenderTest, SourcesWithoutMetadataAreNamedByTheirOpeningOrHost) {
  Article plain;
  plain.id = "001_d21e06c215a5d396";
  plain.blocks.push_back({BlockKind::kParagraph,
                          "The United States and Israel will hold a virtual meeting on Monday "
                          "to discuss Rafah."});
  Article linked;
  linked.id = "x";
  linked.url = "https://www.example.com:8080/world/rafah?x=1";
  linked.blocks.push_back({BlockKind::kParagraph, "Text."});
  Article evil;
  evil.id = "evil";
  evil.blocks.push_back({BlockKind::kParagraph, kEvil});
  StoryBrief s;
  s.id = "s-1";
  s.articles = {plain.id, linked.id, evil.id};
  s.summary.push_back({"A sentence.", {plain.id, linked.id, evil.id}});
  const std::vector<Article> articles = {plain, linked, evil};
  const std::string md = RenderBriefMarkdown(articles, {s});
  EXPECT_NE(md.find("1. The United States and Israel will hold a\xE2\x80\xA6 (id "),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("2. example.com, https"), std::string::npos) << md;
  const std::string html = RenderBriefHtml(articles, {s});
  EXPECT_NE(html.find("The United States and Israel will hold a"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
}

TEST(RenderTest, CountsAreSingularForOne) {
  EXPECT_EQ(brief::ArticleCounts(1, 1), "1 article, 1 independent source");
  EXPECT_EQ(brief::ArticleCounts(5, 3), "5 articles, 3 independent sources");
  EXPECT_EQ(brief::ArticleCounts(2, 1), "2 articles, 1 independent source");
}

// A story whose articles hold no prose says so instead of an empty heading.
TEST(RenderTest, EmptySummarySaysSo) {
  std::vector<Article> articles(1);
  articles[0].id = "credits";
  StoryBrief s;
  s.id = "s1";
  s.articles = {"credits"};
  s.independent_sources = 1;
  EXPECT_NE(RenderBriefMarkdown(articles, {s}).find("## Summary\n\nNo sentence of these articles reads as a summary."),
            std::string::npos);
  EXPECT_NE(RenderBriefHtml(articles, {s}).find("<p>No sentence of these articles reads as a summary.</p>"),
            std::string::npos);
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
