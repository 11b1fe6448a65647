#include "ingest/html/content/content.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "ingest/html/content/patterns.h"

namespace parallax::html {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream f(std::string(PARALLAX_SOURCE_DIR) + "/src/ingest/html/content/testdata/" + name,
                  std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string Joined(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& b : blocks) out += b.text + "\n";
  return out;
}

bool Has(const std::vector<Block>& blocks, const std::string& needle) {
  return Joined(blocks).find(needle) != std::string::npos;
}

std::vector<Block> Extract(const std::string& html, std::string_view title = "") {
  HtmlDocument doc = HtmlDocument::Parse(html);
  return ExtractMainContent(doc, {title, ""});
}

TEST(ContentTest, KeepsArticleDropsBoilerplate) {
  auto blocks = Extract(ReadFixture("news_article.html"),
                        "Council approves new river bridge | The Daily Example");
  std::string text = Joined(blocks);
  // Article text, in order.
  size_t first = text.find("The city council voted on Tuesday");
  size_t last = text.find("a wide cycle path");
  ASSERT_NE(first, std::string::npos) << text;
  ASSERT_NE(last, std::string::npos) << text;
  EXPECT_LT(first, last);
  EXPECT_TRUE(Has(blocks, "120 million euros"));
  EXPECT_TRUE(Has(blocks, "strict limits on night work"));
  // Boilerplate.
  for (const char* junk : {"We use cookies", "Share on Facebook", "Related stories",
                           "Traffic in the old town reaches", "waste of money", "Most read",
                           "All rights reserved", "Sign up to receive", "Photo: City Archive",
                           "Advertisement", "Home", "By Jane Reporter",
                           "Council approves new river bridge"}) {
    EXPECT_FALSE(Has(blocks, junk)) << junk << "\n" << text;
  }
}

TEST(ContentTest, KeepsHeadingsListsAndQuotesWithTheirKinds) {
  auto blocks = Extract(ReadFixture("news_article.html"));
  bool heading = false, quote = false;
  int items = 0;
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kHeading && b.text == "Opposition from residents") heading = true;
    if (b.kind == BlockKind::kQuote && b.text.find("Maria Lopez") != std::string::npos) quote = true;
    if (b.kind == BlockKind::kListItem) ++items;
  }
  EXPECT_TRUE(heading) << Joined(blocks);
  EXPECT_TRUE(quote) << Joined(blocks);
  EXPECT_EQ(items, 2) << Joined(blocks);
}

TEST(ContentTest, CollectsBodySplitOverSeveralDivs) {
  auto blocks = Extract(ReadFixture("split_body.html"));
  EXPECT_TRUE(Has(blocks, "Glaciers across the Alps")) << Joined(blocks);
  EXPECT_TRUE(Has(blocks, "most small glaciers will have disappeared")) << Joined(blocks);
  EXPECT_TRUE(Has(blocks, "publish their data openly")) << Joined(blocks);
  EXPECT_FALSE(Has(blocks, "Photo gallery")) << Joined(blocks);
  EXPECT_FALSE(Has(blocks, "Imprint")) << Joined(blocks);
}

TEST(ContentTest, GermanPage) {
  auto blocks = Extract(ReadFixture("german.html"), "Neue Radwege für die Innenstadt – Stadtanzeiger");
  EXPECT_TRUE(Has(blocks, "zwölf Kilometer neue Radwege")) << Joined(blocks);
  EXPECT_TRUE(Has(blocks, "baulich von der Fahrbahn getrennt")) << Joined(blocks);
  EXPECT_FALSE(Has(blocks, "Anzeige")) << Joined(blocks);
  EXPECT_FALSE(Has(blocks, "Lesen Sie auch")) << Joined(blocks);
  EXPECT_FALSE(Has(blocks, "viel zu wenig")) << Joined(blocks);
  EXPECT_FALSE(Has(blocks, "Impressum")) << Joined(blocks);
}

TEST(ContentTest, JapanesePage) {
  auto blocks = Extract(ReadFixture("japanese.html"), "新しい図書館が開館");
  EXPECT_TRUE(Has(blocks, "約三十万冊の本")) << Joined(blocks);
  EXPECT_TRUE(Has(blocks, "毎週来たい")) << Joined(blocks);
  EXPECT_FALSE(Has(blocks, "ホーム")) << Joined(blocks);
  EXPECT_FALSE(Has(blocks, "著作権")) << Joined(blocks);
}

TEST(ContentTest, PageWithoutArticleGivesLittleOrNothing) {
  auto blocks = Extract(ReadFixture("no_article.html"));
  EXPECT_LT(Joined(blocks).size(), 40u) << Joined(blocks);
}

TEST(ContentTest, JsonLdArticleBodyWhenTheDomHasLittle) {
  std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@graph\":[{\"@type\":\"NewsArticle\",\"articleBody\":\"" +
      std::string(
          "The first paragraph of a story that the page renders with JavaScript only, so the "
          "markup holds nothing but an empty container.\\n\\nThe second paragraph carries on "
          "with more detail, long enough that the fallback is clearly the better text for "
          "readers. It has several sentences. And commas, too.\\n\\nA third paragraph closes "
          "the story with a quote from an official who spoke on condition of anonymity, "
          "because she was not authorised to discuss the matter in public.") +
      "\"}]}</script></head><body><div id=\"app\"><p>Loading…</p></div></body></html>";
  auto blocks = Extract(html);
  ASSERT_EQ(blocks.size(), 3u) << Joined(blocks);
  EXPECT_EQ(blocks[0].text.rfind("The first paragraph", 0), 0u);
}

TEST(ContentTest, HostileInputNeverCrashes) {
  EXPECT_TRUE(Extract("").empty());
  Extract("<<<>>></p></div><p");
  Extract(std::string(1 << 16, '<'));
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div><p>";
  deep += "text, deep inside many unclosed elements, long enough to look like prose.";
  Extract(deep);
  std::string unclosed = "<html><body><h2>Intro";
  for (int i = 0; i < 20; ++i) {
    unclosed += "<p>An unclosed heading swallows this paragraph, which has words, commas, and "
                "a full stop.";
  }
  auto blocks = Extract(unclosed);
  EXPECT_FALSE(blocks.empty());
  std::mt19937 rng(42);  // fixed seed: deterministic garbage
  for (int round = 0; round < 20; ++round) {
    std::string garbage(4096, '\0');
    for (char& c : garbage) c = static_cast<char>(rng() & 0xFF);
    Extract(garbage);
    std::string tags;
    const char* parts[] = {"<div>", "</div>", "<p>", "</p>", "<a href=x>", "</a>", "<table>",
                           "<td>", "<br>", "<h1>", "<li>", " word, ", "text. ", "<nav>", "\xff"};
    for (int i = 0; i < 2000; ++i) tags += parts[rng() % 15];
    Extract(tags);
  }
}

TEST(PatternsTest, AttributeWords) {
  using content::ClassifyAttributeWords;
  EXPECT_TRUE(ClassifyAttributeWords("comment-list") & content::kFlagBoiler);
  EXPECT_TRUE(ClassifyAttributeWords("relatedarticles") & content::kFlagBoiler);
  EXPECT_TRUE(ClassifyAttributeWords("ad") & content::kFlagBoiler);
  EXPECT_FALSE(ClassifyAttributeWords("head") & content::kFlagBoiler);
  EXPECT_FALSE(ClassifyAttributeWords("shadow") & content::kFlagBoiler);
  EXPECT_TRUE(ClassifyAttributeWords("entry-content") & content::kFlagStrongPositive);
  EXPECT_FALSE(ClassifyAttributeWords("entry-content") & content::kFlagBoiler);
  // A strong body marker outweighs a boilerplate word; a weak one does not.
  EXPECT_FALSE(ClassifyAttributeWords("article-body has-share-bar") & content::kFlagBoiler);
  EXPECT_TRUE(ClassifyAttributeWords("comment-content") & content::kFlagBoiler);
  EXPECT_TRUE(ClassifyAttributeWords("widget-span") & content::kFlagWeakBoiler);
  EXPECT_FALSE(ClassifyAttributeWords("widget-span") & content::kFlagBoiler);
}

TEST(PatternsTest, BoilerplatePhrases) {
  EXPECT_TRUE(content::IsBoilerplatePhrase("Advertisement"));
  EXPECT_TRUE(content::IsBoilerplatePhrase("READ MORE: the full story"));
  EXPECT_TRUE(content::IsBoilerplatePhrase("Lesen Sie auch: etwas"));
  EXPECT_FALSE(content::IsBoilerplatePhrase("The council voted on Tuesday."));
}

}  // namespace
}  // namespace parallax::html
