#include "polnear.h"

#include <gtest/gtest.h>

namespace parallax::eval {
namespace {

// A real PolNeAR-style sentence with a split content around the cue.
const char kText[] =
    "“Next summer, Charlotte is going to be a big sister,” Clinton said, “and we are thrilled.”";

GoldDoc Gold() {
  // Content split around `Clinton said,` (code points).
  std::string ann =
      "T1\tSource 54 61\tClinton\n"
      "T2\tCue 62 66\tsaid\n"
      "T3\tContent 0 53;68 90\tx\n"
      "T4\tAttribution 62 66\tsaid\n"
      "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
  return ParseAnn("doc", kText, ann);
}

TEST(PolnearTest, ParsesSplitContentAndSource) {
  GoldDoc d = Gold();
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(d.attributions[0].content.size(), 2u);
  EXPECT_EQ(d.attributions[0].source_text, "Clinton");
}

TEST(PolnearTest, GapInsideSplitGoldIsNotCountedAgainstPrediction) {
  GoldDoc d = Gold();
  // One span from the first part's start to the second's end matches.
  QuoteScore s = ScoreDoc(d, {{{0, 90}, "Hillary Clinton"}});
  EXPECT_EQ(s.matched, 1u);
  EXPECT_EQ(s.speaker_correct, 1u);
  // Only the first part: 53 of 75 gold characters, more than half.
  s = ScoreDoc(d, {{{0, 53}, "she"}});
  EXPECT_EQ(s.matched, 1u);
  EXPECT_EQ(s.speaker_correct, 0u);
  // Only the second part (22 of 75): no match.
  s = ScoreDoc(d, {{{68, 90}, "Clinton"}});
  EXPECT_EQ(s.matched, 0u);
}

// Regression: the second part of a quote split by its attribution sentence
// is a separate text bound, `Content2` of the event; it used to be dropped,
// so a prediction covering both parts failed to match.
TEST(PolnearTest, SecondContentArgumentIsPartOfTheContent) {
  std::string text = "“We are global,” he said. “We are multi-platform.”";
  std::string ann =
      "T1\tContent 0 16\t“We are global,”\nT2\tSource 17 19\the\nT3\tCue 20 24\tsaid\n"
      "T4\tAttribution 20 24\tsaid\nT5\tContent 26 50\t“We are multi-platform.”\n"
      "E1\tAttribution:T4 Cue:T3 Source:T2 Content:T1 Content2:T5\n";
  GoldDoc d = ParseAnn("doc", text, ann);
  ASSERT_EQ(d.attributions.size(), 1u);
  ASSERT_EQ(d.attributions[0].content.size(), 2u);
  EXPECT_EQ(d.attributions[0].content.back().end, 50u);
  EXPECT_EQ(ScoreDoc(d, {{{1, 49}, "he"}}).matched, 1u);
}

TEST(PolnearTest, ExactMatchesIgnoreEdgePunctuationOnly) {
  std::string text = "He said, “We are global.” Then he left.";
  std::string ann =
      "T1\tContent 9 25\t“We are global.”\nT2\tSource 0 2\tHe\nT3\tCue 3 7\tsaid\n"
      "T4\tAttribution 3 7\tsaid\nE1\tAttribution:T4 Cue:T3 Source:T2 Content:T1\n";
  GoldDoc d = ParseAnn("doc", text, ann);
  EXPECT_EQ(ExactMatches(d, {{{10, 23}, "he"}}), 1u);                      // "We are global"
  EXPECT_EQ(ExactMatches(d, {{{10, 16}, "he"}}), 0u);                      // "We are"
  EXPECT_EQ(ExactMatches(d, {{{10, 23}, "he"}, {{9, 25}, "he"}}), 1u);   // one to one
}

TEST(PolnearTest, OneToOne) {
  GoldDoc d = Gold();
  QuoteScore s = ScoreDoc(d, {{{0, 90}, "Clinton"}, {{0, 89}, "Clinton"}});
  EXPECT_EQ(s.matched, 1u);
  EXPECT_EQ(s.predicted, 2u);
}

TEST(PolnearTest, PronounSourceUsesCoreferentName) {
  std::string text = "Clinton said she would run. He said it would fail.";
  std::string ann =
      "T1\tSource 0 7\tClinton\nT2\tCue 8 12\tsaid\nT3\tContent 13 26\tx\n"
      "T4\tAttribution 8 12\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
      "T5\tSource 28 30\tHe\nT6\tCue 31 35\tsaid\nT7\tContent 36 49\tx\n"
      "T8\tAttribution 31 35\tsaid\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n";
  GoldDoc d = ParseAnn("doc", text, ann);
  ASSERT_EQ(d.attributions.size(), 2u);
  EXPECT_EQ(d.attributions[1].coreferent_name, "Clinton");
  EXPECT_TRUE(SpeakerMatches("Hillary Clinton", d.attributions[1]));
}

}  // namespace
}  // namespace parallax::eval
