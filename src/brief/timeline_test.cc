#include "brief/timeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <numeric>

#include "brief/test_util.h"
#include "parallax/brief.h"
#include "parallax/ingest.h"

namespace parallax {
namespace {

using brief_testing::AllOf;
Article Make(std::string id, std::string outlet, std::string published, std::vector<std::string> paragraphs) {
  return brief_testing::MakeArticle(std::move(id), std::move(outlet), std::move(paragraphs),
                                    std::move(published));
}

// Sentences from the seed articles (CNN, Al Jazeera) on the cancelled Rafah talks.
std::vector<Article> RafahArticles() {
  return {
      Make("cnn", "CNN", "2024-03-25",
           {"Netanyahu threatened to pull the delegation if the US did not veto a United Nations "
            "Security Council resolution calling for an immediate ceasefire in Gaza on Monday.",
            "Relations between the two allies have recently deteriorated, American officials said."}),
      Make("aljazeera", "Al Jazeera", "2024-03-28",
           {"White House spokeswoman Karine Jean-Pierre on Wednesday told reporters that \u201cwe\u2019re "
            "now working with them to find a convenient date that\u2019s obviously going to work for "
            "both sides\u201d.",
            "Netanyahu was angry that the US on Monday did not veto a United Nations Security Council "
            "resolution calling for an immediate ceasefire in Gaza and the release of captives."}),
  };
}

TEST(TimelineTest, SameDatedEventCitesEveryArticleInDateOrder) {
  auto articles = RafahArticles();
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  ASSERT_EQ(b.timeline.size(), 2u);
  EXPECT_EQ(b.timeline[0].date, "2024-03-25");
  EXPECT_EQ(b.timeline[0].sources.size(), 2u);
  EXPECT_EQ(b.timeline[1].date, "2024-03-27");
  EXPECT_NE(b.timeline[1].text.find("Jean-Pierre"), std::string::npos);
  EXPECT_EQ(b.timeline[1].sources, std::vector<std::string>{"aljazeera"});
}

TEST(TimelineTest, VagueAndUndatedReferencesStayOut) {
  // "recently" is PAST_REF: no entry; a byline date and a dateline are not events.
  auto articles = std::vector<Article>{
      Make("a", "Example", "2024-03-25",
           {"WASHINGTON, March 25, 2024 \u2014 Relations between Israel and the United States are strained.",
            "Published March 25, 2024",
            "Relations between the two allies have recently deteriorated, American officials said."})};
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  EXPECT_TRUE(b.timeline.empty());
}

// A date inside an aside about a person dates something else; the sentence
// is placed by its own event, or not at all.
TEST(TimelineTest, DatesInAsidesAfterANameAreNotTheEvent) {
  auto articles = std::vector<Article>{Make(
      "a", "Example", "2024-03-25",
      {"Even former President Donald Trump, Biden\u2019s rival for the White House this November, said "
       "it was time for Israel to finish the war.",
       "Netanyahu, who met Blinken on Friday, said on Monday that Israel would go ahead alone.",
       "Gallant, on Sunday, told troops in the south that the operation would begin soon.",
       "The body was found in the basement of her parents\u2019 Boulder, Colorado, home on Dec. 26, "
       "1996, police said."})};
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  ASSERT_EQ(b.timeline.size(), 3u);
  EXPECT_EQ(b.timeline[0].date, "1996-12-26");  // a place's commas are no aside
  EXPECT_EQ(b.timeline[1].date, "2024-03-24");  // ", on Sunday," dates the main clause
  EXPECT_EQ(b.timeline[2].date, "2024-03-25");
  EXPECT_NE(b.timeline[2].text.find("said on Monday"), std::string::npos);
}

// Page furniture with a date (an embedded tweet's signature, a "Related:"
// link) is no event.
TEST(TimelineTest, EmbeddedTweetsAndLinksAreNoEvents) {
  auto articles = std::vector<Article>{Make(
      "a", "Example", "2017-05-17",
      {"I have my subpoena pen ready \u2014 Jason Chaffetz (@jasoninthehouse) May 16, 2017",
       "Related: Echoes of the last officer to be shot on the same street -- Thanksgiving 1977",
       "The committee chairman asked the FBI on May 16 for all records of the meetings."})};
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  ASSERT_EQ(b.timeline.size(), 1u);
  EXPECT_NE(b.timeline[0].text.find("committee chairman"), std::string::npos);
}

TEST(TimelineTest, UndatedArticleIsAnchoredThroughTheStory) {
  auto articles = RafahArticles();
  articles.push_back(Make("forbes", "Forbes", "",
                          {"Officials from the U.S. and Israel will meet virtually Monday to discuss "
                           "Israel\u2019s Rafah operation, a week after the original meeting was canceled."}));
  articles.push_back(Make("axios", "Axios", "2024-03-29",
                          {"Israeli Strategic Affairs Minister Ron Dermer has informed Netanyahu several "
                           "times in recent days that Israel should send a delegation to Washington."}));
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  // Median publication date of the dated articles is 2024-03-28 (a Thursday):
  // "will meet ... Monday" is the Monday after it.
  bool found = false;
  for (const auto& e : b.timeline) {
    if (e.text.find("meet virtually") != std::string::npos) {
      found = true;
      EXPECT_EQ(e.date, "2024-04-01");
    }
  }
  EXPECT_TRUE(found);
}

TEST(TimelineTest, NoDateAnywhereKeepsOnlyAbsoluteDates) {
  auto articles = RafahArticles();
  for (auto& a : articles) a.published.clear();
  articles.push_back(Make("x", "Example", "",
                          {"Hamas attacked southern Israel on October 7, 2023, killing about 1,200 people."}));
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  ASSERT_EQ(b.timeline.size(), 1u);
  EXPECT_EQ(b.timeline[0].date, "2023-10-07");
}

TEST(TimelineTest, SeedStoryTimelineIsOrderedAndCited) {
  std::filesystem::path seeds = std::filesystem::path(PARALLAX_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "seeds not found at " << seeds;
  std::vector<Article> articles;
  ReadCallbacks cb;
  cb.on_article = [&](Article&& a) { articles.push_back(std::move(a)); };
  cb.on_error = [](const InputError&) {};
  ReadInputs({seeds.string()}, ReadOptions{}, cb);
  ASSERT_EQ(articles.size(), 5u);
  StoryBrief b = BuildBrief(articles, AllOf(articles));
  ASSERT_FALSE(b.timeline.empty());
  EXPECT_LE(b.timeline.size(), 12u);
  for (size_t i = 0; i < b.timeline.size(); ++i) {
    EXPECT_FALSE(b.timeline[i].sources.empty());
    EXPECT_GE(b.timeline[i].date.size(), 7u);
    if (i > 0) {
      EXPECT_LE(b.timeline[i - 1].date, b.timeline[i].date);
    }
  }
}

}  // namespace
}  // namespace parallax
