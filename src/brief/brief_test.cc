#include "brief/test_util.h"
#include "parallax/brief.h"

#include <gtest/gtest.h>

#include <numeric>

#include "brief/sentence_model.h"

namespace parallax {
namespace {

using brief_testing::AllOf;
Article Make(std::string id, std::string outlet, std::vector<std::string> paragraphs) {
  return brief_testing::MakeArticle(std::move(id), std::move(outlet), std::move(paragraphs));
}

std::vector<Article> ThreeOutlets() {
  return {
      Make("a", "Alpha News",
           {"The city council approved the new harbour bridge budget on Tuesday after a long debate.",
            "The mayor said construction of the bridge would begin in the spring of next year.",
            "Residents of the eastern district protested outside the town hall for three hours."}),
      Make("b", "Beta Times",
           {"On Tuesday the city council approved the budget for the new harbour bridge after debate.",
            "Construction is expected to start next spring, the mayor said at a press conference.",
            "The bridge will cost 40 million euros, according to documents seen by Beta Times."}),
      Make("c", "Gamma Daily",
           {"City councillors voted on Tuesday to approve the harbour bridge budget.",
            "Opposition leader Karin Holm called the vote a waste of public money and vowed to appeal."}),
  };
}

// Words of a summary, counted by spaces.
int SpaceWords(const std::vector<CitedText>& summary) {
  int words = 0;
  for (const auto& s : summary) {
    for (char c : s.text) words += c == ' ';
    words += 1;
  }
  return words;
}

TEST(BriefTest, SummaryCitesEverySourceThatStatesTheFact) {
  auto articles = ThreeOutlets();
  StoryBrief b = BuildBrief(articles, AllOf(articles), {60});
  ASSERT_FALSE(b.summary.empty());
  EXPECT_EQ(b.independent_sources, 3);
  for (const auto& s : b.summary) ASSERT_FALSE(s.sources.empty());
  EXPECT_LE(SpaceWords(b.summary), 60);
  // The budget approval is stated by all three outlets.
  bool found = false;
  for (const auto& s : b.agreements) {
    if (s.text.find("budget") != std::string::npos) {
      found = true;
      EXPECT_GE(s.sources.size(), 2u);
    }
  }
  EXPECT_TRUE(found);
}

// A pronoun-only sentence that several sources share ("They need to know,
// he said.") says nothing on its own and is not an agreement; the named fact
// next to it is.
TEST(BriefTest, PronounOnlySentencesAreNotAgreements) {
  auto articles = ThreeOutlets();
  articles[0].blocks.push_back({BlockKind::kParagraph, "They need to know what it will cost, he said."});
  articles[1].blocks.push_back({BlockKind::kParagraph, "They need to know what it will cost, he said again."});
  StoryBrief b = BuildBrief(articles, AllOf(articles), {60});
  ASSERT_FALSE(b.agreements.empty());
  for (const auto& s : b.agreements) EXPECT_NE(s.text.rfind("They need", 0), 0u) << s.text;
}

TEST(BriefTest, CutLastLetsOnlyTheLastSentenceRunPastTheBudget) {
  auto articles = ThreeOutlets();
  // 20 words: whole sentences of this story are 10-17 words long, so a
  // second one never fits within the budget, and with cut_last it is taken
  // (a scorer cuts it at 20 words).
  StoryBrief whole = BuildBrief(articles, AllOf(articles), {20});
  BriefOptions cut_options{20};
  cut_options.summary_cut_last = true;
  StoryBrief cut = BuildBrief(articles, AllOf(articles), cut_options);
  EXPECT_LE(SpaceWords(whole.summary), 20);
  ASSERT_GT(cut.summary.size(), whole.summary.size());
  EXPECT_GT(SpaceWords(cut.summary), 20);
  // Only one sentence runs past: without it (it may sit anywhere, as the
  // summary is put in reading order) the rest fits the budget.
  bool one_overflows = false;
  for (size_t k = 0; k < cut.summary.size(); ++k) {
    one_overflows |= SpaceWords(cut.summary) - SpaceWords({cut.summary[k]}) < 20;
  }
  EXPECT_TRUE(one_overflows);
}

TEST(BriefTest, ExclusivesAreSingleSourceDetails) {
  auto articles = ThreeOutlets();
  StoryBrief b = BuildBrief(articles, AllOf(articles), {60});
  bool holm = false;
  for (const auto& e : b.exclusives) {
    if (e.text.find("Karin Holm") != std::string::npos) {
      holm = true;
      EXPECT_EQ(e.source, "c");
    }
    EXPECT_EQ(e.text.find("approved"), std::string::npos) << "corroborated fact listed as exclusive";
  }
  EXPECT_TRUE(holm);
}

// Appends a reprint of articles[original] (another outlet) marked as its
// duplicate: one story of all the articles.
StoryCluster WithReprint(std::vector<Article>* articles, size_t original) {
  Article copy = (*articles)[original];
  copy.id += "-copy";
  copy.outlet = "Delta Wire Reprint";
  articles->push_back(copy);
  StoryCluster s = AllOf(*articles);
  s.duplicates.emplace_back(articles->size() - 1, original);
  return s;
}

// A detail only a syndicated pair reports is listed once, not once per copy.
TEST(BriefTest, SyndicatedExclusiveIsListedOnce) {
  auto articles = ThreeOutlets();
  articles[2].blocks.push_back({BlockKind::kParagraph, "Councillor Ada Varga also addressed the issue."});
  StoryCluster s = WithReprint(&articles, 2);
  StoryBrief b = BuildBrief(articles, s, {80});
  int varga = 0;
  for (const auto& e : b.exclusives) varga += e.text.find("Ada Varga") != std::string::npos;
  EXPECT_EQ(varga, 1);
}

// The middle of a quoted passage that runs over several sentences names no
// speaker and reads as the writer's claim: it is neither summary nor
// agreement material, however many sources carry the quotation.
TEST(BriefTest, MiddleOfAQuotationIsNotSummaryMaterial) {
  auto articles = ThreeOutlets();
  const std::string quote =
      "\xE2\x80\x9CWe have to stop this now. The harbour bridge budget is a waste of public money. "
      "We will appeal,\xE2\x80\x9D Karin Holm said.";
  articles[0].blocks.push_back({BlockKind::kParagraph, quote});
  articles[1].blocks.push_back({BlockKind::kParagraph, quote});
  StoryBrief b = BuildBrief(articles, AllOf(articles), {200});
  for (const auto* list : {&b.summary, &b.agreements}) {
    for (const auto& c : *list) EXPECT_NE(c.text.rfind("The harbour bridge budget is a waste", 0), 0u) << c.text;
  }
}

TEST(BriefTest, SyndicatedCopiesCountOnce) {
  auto articles = ThreeOutlets();
  StoryCluster s = WithReprint(&articles, 0);
  StoryBrief b = BuildBrief(articles, s, {80});
  EXPECT_EQ(b.independent_sources, 3);
  // An article repeated verbatim does not create agreement on its own.
  for (const auto& g : b.agreements) {
    bool only_copies = true;
    for (const auto& id : g.sources) only_copies &= (id == "a" || id == "a-copy");
    EXPECT_FALSE(only_copies) << g.text;
  }
}

TEST(BriefTest, EmptyAndTinyStories) {
  std::vector<Article> none;
  StoryCluster empty;
  empty.id = "e";
  StoryBrief b = BuildBrief(none, empty);
  EXPECT_TRUE(b.summary.empty());
  std::vector<Article> one = {Make("x", "", {"Short."})};
  b = BuildBrief(one, AllOf(one));
  EXPECT_EQ(b.title, "Title of x");
}

// Without any headline the clusterer's label is a body sentence of one
// article; the brief is titled by its summary's lead instead.
TEST(BriefTest, UnheadlinedStoryIsTitledByItsSummaryLead) {
  auto articles = ThreeOutlets();
  for (Article& a : articles) a.title.clear();
  StoryCluster s = AllOf(articles);
  s.title = "Residents of the eastern district protested outside the town hall for three hours.";
  StoryBrief b = BuildBrief(articles, s, {60});
  ASSERT_FALSE(b.summary.empty());
  EXPECT_EQ(b.title.substr(0, 20), b.summary.front().text.substr(0, 20));
  articles[1].title = "Council approves harbour bridge";
  s.title = "Council approves harbour bridge";
  EXPECT_EQ(BuildBrief(articles, s, {60}).title, "Council approves harbour bridge");
}

TEST(BriefTest, EntitiesMergeAcrossArticlesWithRolesAndSources) {
  std::vector<Article> articles = {
      Make("cnn", "CNN",
           {"Israeli Prime Minister Benjamin Netanyahu canceled a planned delegation to Washington "
            "after the United States abstained from a United Nations Security Council vote.",
            "Netanyahu had threatened to pull the delegation if the US did not veto the resolution."}),
      Make("axios", "Axios",
           {"Netanyahu's office said the delegation would not travel to Washington on Monday.",
            "The U.S. decision not to veto the U.N. Security Council resolution surprised Israeli officials."}),
      Make("aj", "Al Jazeera",
           {"Benjamin Netanyahu said the US had retreated from its previous position.",
            "National Security Adviser Jake Sullivan said the delegation could still come."})};
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  ASSERT_FALSE(b.entities.empty());
  const BriefEntity& top = b.entities.front();
  EXPECT_EQ(top.type, "person");
  EXPECT_EQ(top.name, "Benjamin Netanyahu");
  EXPECT_EQ(top.sources, (std::vector<std::string>{"cnn", "axios", "aj"}));
  ASSERT_FALSE(top.roles.empty());
  EXPECT_EQ(top.roles.front(), "Israeli prime minister");
  bool us = false;
  for (const BriefEntity& e : b.entities) {
    if (e.name == "United States") us = e.type == "place" && e.sources.size() == 3;
    EXPECT_NE(e.name, "Israeli");
  }
  EXPECT_TRUE(us);
}

TEST(SentenceModelTest, CosineOfIdenticalSentencesIsOne) {
  std::vector<Article> a = {Make("1", "A", {"The bridge budget was approved by the council."}),
                            Make("2", "B", {"The bridge budget was approved by the council."})};
  brief::SentenceModel m(a, {0, 1});
  ASSERT_EQ(m.sentences().size(), 2u);
  EXPECT_NEAR(brief::Cosine(m.sentences()[0].vec, m.sentences()[1].vec), 1.0, 1e-5);
  EXPECT_EQ(m.SimilarPairs(0.9f).size(), 1u);
}

}  // namespace
}  // namespace parallax
