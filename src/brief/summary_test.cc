// Summary text compression and shared NER tagging of a story's duplicates.
#include <gtest/gtest.h>

#include "brief/mentions.h"
#include "brief/summary.h"
#include "brief/test_util.h"

namespace parallax::brief {
namespace {

TEST(SummaryTextTest, DropsOpeningDatelines) {
  // Real news leads in the styles of the wires and broadcasters.
  EXPECT_EQ(SummaryText("DENVER (AP) \xE2\x80\x94 Troy Tulowitzki has a tough name to spell, even at his own ballpark."),
            "Troy Tulowitzki has a tough name to spell, even at his own ballpark.");
  EXPECT_EQ(SummaryText("PITTSBURGH (KDKA) \xE2\x80\x94 A former Pittsburgh Public School teacher is now in police custody."),
            "A former Pittsburgh Public School teacher is now in police custody.");
  EXPECT_EQ(SummaryText("ST. PAUL, Minn. (Reuters) - Minnesota lawmakers approved the budget on Friday."),
            "Minnesota lawmakers approved the budget on Friday.");
  EXPECT_EQ(SummaryText("WASHINGTON \xE2\x80\x94 The Senate passed the bill late on Tuesday night."),
            "The Senate passed the bill late on Tuesday night.");
  EXPECT_EQ(SummaryText("(CNN) The White House said on Monday that talks would resume."),
            "The White House said on Monday that talks would resume.");
  EXPECT_EQ(SummaryText("(Reuters) - Oil prices rose on Tuesday after the report."),
            "Oil prices rose on Tuesday after the report.");
}

TEST(SummaryTextTest, KeepsSentencesThatOnlyLookLikeDatelines) {
  for (const char* s : {
           "The deal \xE2\x80\x94 signed on Friday \xE2\x80\x94 ends a year of talks.",
           "US - China talks resumed in Geneva on Monday.",
           "EU \xE2\x80\x94 the bloc's executive said the rules would apply from 2026.",
           "Israel \xE2\x80\x94 which denies the claim \xE2\x80\x94 said the strike hit a depot.",
           "Police said the man, 34, was arrested at 10 a.m. \xE2\x80\x94 two hours later.",
           "(laughs) that is what he said.",
       }) {
    EXPECT_EQ(SummaryText(s), s) << s;
  }
}

TEST(TagStoryTest, DuplicatesReuseTheirOriginalsMentions) {
  std::vector<Article> articles = {
      brief_testing::MakeArticle("a", "Alpha", {"Prime Minister Benjamin Netanyahu met Antony Blinken in Jerusalem on Monday."}),
      brief_testing::MakeArticle("b", "Beta", {"Prime Minister Benjamin Netanyahu met Antony Blinken in Jerusalem on Monday."}),
      brief_testing::MakeArticle("c", "Gamma", {"Secretary of State Antony Blinken met Prime Minister Benjamin Netanyahu in Jerusalem."}),
  };
  StoryCluster story = brief_testing::AllOf(articles);
  story.duplicates.push_back({2, 0});  // c is a (reworded) syndicated copy of a
  StoryMentions m = TagStory(articles, story);
  if (!m.tagged) GTEST_SKIP() << "NER model not available";
  ASSERT_EQ(m.texts.size(), 3u);
  EXPECT_FALSE(m.mentions[0].empty());
  EXPECT_EQ(m.mentions[1], m.mentions[0]);  // identical text: tagged once
  EXPECT_EQ(m.texts[2], m.texts[0]);        // linked copy: the original's text and mentions
  EXPECT_EQ(m.mentions[2], m.mentions[0]);
  for (size_t k = 0; k < 3; ++k) {
    for (const ner::Mention& x : m.mentions[k]) EXPECT_EQ(m.texts[k].substr(x.begin, x.end - x.begin), x.text);
  }
}

}  // namespace
}  // namespace parallax::brief
