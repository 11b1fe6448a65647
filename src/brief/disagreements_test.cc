#include "brief/disagreements.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "brief/test_util.h"
#include "parallax/brief.h"
#include "parallax/render.h"

namespace parallax {
namespace {

using brief_testing::AllOf;
Article Make(std::string id, std::string outlet, std::vector<std::string> paragraphs) {
  return brief_testing::MakeArticle(std::move(id), std::move(outlet), std::move(paragraphs));
}

const Disagreement* SlotWith(const StoryBrief& b, const std::string& value) {
  for (const auto& d : b.disagreements) {
    for (const auto& v : d.values) {
      if (v.value == value) return &d;
    }
  }
  return nullptr;
}

TEST(DisagreementsTest, DeathTollsConflictInjuriesAreNotCompared) {
  std::vector<Article> articles = {
      Make("a", "Harbour Post",
           {"A ferry capsized off the coast of Zanzibar on Sunday during a storm.",
            "At least 30 people were killed when the ferry capsized near Zanzibar, police said.",
            "Another 60 people were injured and taken to hospitals in Stone Town."}),
      Make("b", "Coast Herald",
           {"Rescue teams searched the waters off Zanzibar after the ferry capsized on Sunday.",
            "Officials said 45 people were killed in the ferry disaster near Zanzibar.",
            "The ferry was carrying more passengers than allowed, the port authority said."}),
      Make("c", "Island Times",
           {"The ferry capsized near Zanzibar in rough seas on Sunday.",
            "Police in Zanzibar said 30 people were killed when the ferry capsized."}),
  };
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  const Disagreement* d = SlotWith(b, "45");
  ASSERT_NE(d, nullptr) << "death toll slot missing";
  EXPECT_EQ(d->kind, "conflict");
  // "At least 30" does not contradict 45, but 30 (exact, Island Times) does.
  bool has_exact_30 = false;
  for (const auto& v : d->values) {
    EXPECT_NE(v.value, "60") << "injured figure compared with the death toll";
    if (v.value == "30") {
      has_exact_30 = true;
      EXPECT_EQ(v.sources, std::vector<std::string>{"c"});
    }
  }
  EXPECT_TRUE(has_exact_30);
}

TEST(DisagreementsTest, BoundsMakeASpreadNotAConflict) {
  std::vector<Article> articles = {
      Make("a", "North Daily",
           {"More than 2,000 residents of Lisbon were evacuated as the wildfire spread toward "
            "the city's western suburbs."}),
      Make("b", "South Wire",
           {"Authorities in Lisbon evacuated about 2,500 residents as the wildfire spread "
            "toward the western suburbs."}),
  };
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  ASSERT_EQ(b.disagreements.size(), 1u);
  EXPECT_EQ(b.disagreements[0].kind, "spread");
  EXPECT_EQ(b.disagreements[0].values.size(), 2u);
}

TEST(DisagreementsTest, SameFigureIsNoDisagreementAndSyndicatedCopiesCountOnce) {
  std::vector<Article> articles = {
      Make("a", "Wire", {"The strike in Marseille involved 12,000 dock workers on Monday."}),
      Make("b", "Wire", {"The strike in Marseille involved 15,000 dock workers on Monday, union "
                         "leaders said."}),
      Make("c", "Metro", {"Some 12,000 dock workers joined the strike in Marseille on Monday."}),
  };
  // a and b are the same outlet: one source. Their 12,000 vs 15,000 is one
  // source revising itself, but c's figure makes it two independent sources.
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  ASSERT_EQ(b.disagreements.size(), 1u);
  std::vector<Article> same = {articles[0], articles[1]};
  EXPECT_TRUE(BuildBrief(same, AllOf(same)).disagreements.empty());
  std::vector<Article> agree = {articles[0], articles[2]};
  EXPECT_TRUE(BuildBrief(agree, AllOf(agree)).disagreements.empty());
}

TEST(DisagreementsTest, DifferentThingsAreNotCompared) {
  std::vector<Article> articles = {
      Make("a", "One", {"The summit in Nairobi drew 40 heads of state and 300 journalists."}),
      Make("b", "Two", {"The summit in Nairobi was attended by 55 ministers from African states."}),
  };
  EXPECT_TRUE(BuildBrief(articles, AllOf(articles)).disagreements.empty());
}

TEST(DisagreementsTest, CancelledVersusPostponed) {
  std::vector<Article> articles = {
      Make("a", "Capital Wire",
           {"Finance ministers from the eurozone were due to meet in Brussels on Friday.",
            "The Brussels meeting was cancelled after the Dutch minister fell ill."}),
      Make("b", "Ledger",
           {"Eurozone finance ministers had planned to gather in Brussels this week.",
            "The Brussels meeting has been postponed until next month, officials said."}),
      Make("c", "Morning Star",
           {"Officials in Brussels said the meeting could be postponed if talks stall."}),
  };
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  const Disagreement* d = SlotWith(b, "postponed");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->kind, "conflict");
  ASSERT_EQ(d->values.size(), 2u);
  for (const auto& v : d->values) {
    // "could be postponed" is a possibility, not a report.
    EXPECT_EQ(std::find(v.sources.begin(), v.sources.end(), "c"), v.sources.end());
  }
}

TEST(DisagreementsTest, RenderersShowKindEscaped) {
  std::vector<Article> articles = {
      Make("a", "North Daily",
           {"More than 2,000 residents of Lisbon were evacuated as the <b>wildfire</b> spread "
            "toward the city's western suburbs."}),
      Make("b", "South Wire",
           {"Authorities in Lisbon evacuated about 2,500 residents as the <b>wildfire</b> spread "
            "toward the western suburbs."}),
  };
  std::vector<StoryBrief> briefs = {BuildBrief(articles, AllOf(articles))};
  ASSERT_EQ(briefs[0].disagreements.size(), 1u);
  EXPECT_NE(RenderBriefJson(articles, briefs).find("\"kind\": \"spread\""), std::string::npos);
  EXPECT_NE(RenderBriefMarkdown(articles, briefs).find("(spread)"), std::string::npos);
  std::string html = RenderBriefHtml(articles, briefs);
  EXPECT_NE(html.find("<em>(spread)</em>"), std::string::npos);
  EXPECT_EQ(html.find("<b>wildfire"), std::string::npos);
}

}  // namespace
}  // namespace parallax
