#include "brief/framing.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <numeric>

#include "parallax/render.h"

namespace parallax::brief {
namespace {

Article Make(std::string id, std::string outlet, std::vector<std::string> paragraphs) {
  Article a;
  a.id = std::move(id);
  a.outlet = std::move(outlet);
  for (auto& p : paragraphs) a.blocks.push_back({BlockKind::kParagraph, std::move(p)});
  return a;
}

StoryCluster AllOf(const std::vector<Article>& articles) {
  StoryCluster s;
  s.id = "s";
  s.articles.resize(articles.size());
  std::iota(s.articles.begin(), s.articles.end(), 0);
  return s;
}

std::vector<std::string> Terms(const OutletFraming& f) {
  std::vector<std::string> out;
  for (const auto& t : f.terms) out.push_back(t.term);
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(AttributedSourcesTest, SpeechVerbsAndAccordingTo) {
  using V = std::vector<std::string>;
  EXPECT_EQ(AttributedSources("\xE2\x80\x9CWe will go into Rafah,\xE2\x80\x9D said Benjamin Netanyahu."),
            V{"Benjamin Netanyahu"});
  EXPECT_EQ(AttributedSources("Netanyahu said the operation in Rafah would go ahead."), V{"Netanyahu"});
  EXPECT_EQ(AttributedSources("About 1.4 million people are sheltering in Rafah, according to the UN."),
            V{"UN"});
  EXPECT_EQ(AttributedSources("John Kirby, the White House national security spokesman, said the US "
                              "was perplexed by the decision."),
            V{"John Kirby"});
  // Pronouns and lower-case groups are not names.
  EXPECT_TRUE(AttributedSources("He said it was a mistake to cancel the delegation.").empty());
  EXPECT_TRUE(AttributedSources("American officials said they were perplexed by Netanyahu's decision.").empty());
  // Dates and possessives are not speakers.
  EXPECT_TRUE(AttributedSources("Netanyahu on Wednesday said his decision was a message to Hamas.").empty());
  EXPECT_TRUE(AttributedSources("The talks will go ahead, said Biden\xE2\x80\x99s national security adviser.").empty());
}

std::vector<Article> TwoTellings() {
  // One event told by two outlets with different vocabularies (sentences in
  // the style of the seed story: the cancelled Israeli delegation).
  return {
      Make("cnn-1", "CNN",
           {"Israeli Prime Minister Benjamin Netanyahu scrapped a planned delegation to Washington "
            "after the US abstained on a ceasefire resolution.",
            "American officials warned that a ground invasion of Rafah would be a humanitarian "
            "catastrophe, John Kirby said.",
            "The humanitarian catastrophe in Rafah worries the White House, Kirby said.",
            "Officials fear a humanitarian catastrophe for the civilians sheltering in Rafah."}),
      Make("tol-1", "Times of Israel",
           {"Netanyahu cancelled the delegation to Washington after the US abstained on the "
            "Security Council vote.",
            "The prime minister said the vote hurt the war effort against Hamas terrorists, "
            "according to his office.",
            "Hamas terrorists still hold hostages in Gaza, Netanyahu said.",
            "Israel will defeat the Hamas terrorists in Rafah, the prime minister said, and bring "
            "the hostages home."}),
  };
}

TEST(FramingTest, DistinctiveTermsAndSourcesPerOutlet) {
  auto articles = TwoTellings();
  auto framing = ComputeFraming(articles, AllOf(articles));
  ASSERT_EQ(framing.size(), 2u);
  EXPECT_EQ(framing[0].outlet, "CNN");
  EXPECT_EQ(framing[0].articles, std::vector<std::string>{"cnn-1"});
  EXPECT_EQ(framing[1].outlet, "Times of Israel");
  auto cnn = Terms(framing[0]);
  auto tol = Terms(framing[1]);
  EXPECT_TRUE(Has(cnn, "humanitarian catastrophe")) << ::testing::PrintToString(cnn);
  EXPECT_TRUE(Has(tol, "hamas terrorists")) << ::testing::PrintToString(tol);
  // Words both outlets use alike are not distinctive of either.
  EXPECT_FALSE(Has(cnn, "delegation"));
  EXPECT_FALSE(Has(tol, "delegation"));
  for (const auto& f : framing) {
    for (size_t k = 1; k < f.terms.size(); ++k) EXPECT_GE(f.terms[k - 1].z, f.terms[k].z);
  }
  // "Kirby" folds into "John Kirby"; the Times of Israel relies on Netanyahu.
  ASSERT_FALSE(framing[0].sources.empty());
  EXPECT_EQ(framing[0].sources.front(), "John Kirby");
  ASSERT_FALSE(framing[1].sources.empty());
  EXPECT_EQ(framing[1].sources.front(), "Netanyahu");
}

TEST(FramingTest, OneOutletHasNothingToCompare) {
  auto articles = TwoTellings();
  articles[1].outlet = "CNN";
  EXPECT_TRUE(ComputeFraming(articles, AllOf(articles)).empty());
  std::vector<Article> none;
  EXPECT_TRUE(ComputeFraming(none, AllOf(none)).empty());
}

TEST(FramingTest, BriefCarriesFramingIntoEveryFormat) {
  auto articles = TwoTellings();
  articles[0].outlet = "<b>CNN</b>";
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  ASSERT_EQ(b.framing.size(), 2u);
  std::vector<StoryBrief> stories = {b};
  auto j = nlohmann::json::parse(RenderBriefJson(articles, stories));
  const auto& f = j["stories"][0]["framing"];
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0]["outlet"], "<b>CNN</b>");
  EXPECT_EQ(f[1]["articles"][0], "tol-1");
  ASSERT_FALSE(f[1]["terms"].empty());
  EXPECT_TRUE(f[1]["terms"][0].contains("z"));
  std::string html = RenderBriefHtml(articles, stories);
  EXPECT_EQ(html.find("<b>CNN"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;CNN"), std::string::npos);
  EXPECT_NE(html.find("How each outlet tells it"), std::string::npos);
  std::string md = RenderBriefMarkdown(articles, stories);
  EXPECT_NE(md.find("## How each outlet tells it"), std::string::npos);
  EXPECT_NE(md.find("hamas terrorists"), std::string::npos);
}

// An article without an outlet is named in the framing section as in the
// source list (its title here), not by its id.
TEST(FramingTest, ArticleWithoutOutletIsNamedLikeItsSource) {
  auto articles = TwoTellings();
  articles[1].outlet.clear();
  articles[1].title = "Israel vows to press on <in> Rafah";
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  ASSERT_EQ(b.framing.size(), 2u);
  const bool tol_first = b.framing[0].articles == std::vector<std::string>{"tol-1"};
  EXPECT_EQ(b.framing[tol_first ? 0 : 1].outlet, "tol-1");  // the data keeps the id
  std::vector<StoryBrief> stories = {b};
  std::string md = RenderBriefMarkdown(articles, stories);
  EXPECT_NE(md.find("** [2]:"), std::string::npos) << md;
  EXPECT_NE(md.find("- **Israel vows to press on"), std::string::npos) << md;
  EXPECT_EQ(md.find("**tol-1**"), std::string::npos) << md;
  std::string html = RenderBriefHtml(articles, stories);
  EXPECT_NE(html.find("<li><strong>Israel vows to press on &lt;in&gt; Rafah</strong>"), std::string::npos);
}

}  // namespace
}  // namespace parallax::brief
