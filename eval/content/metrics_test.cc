#include "metrics.h"

#include <gtest/gtest.h>

namespace parallax::eval {
namespace {

TEST(MetricsTest, WordTokensAreUnicodeWordRuns) {
  auto t = WordTokens("Naïve café, 東京_2024! don't");
  std::vector<std::string> want = {"Naïve", "café", "東京_2024", "don", "t"};
  EXPECT_EQ(t, want);
  auto folded = WordTokens("ÉTÉ Straße", true);
  std::vector<std::string> want_folded = {"été", "straße"};
  EXPECT_EQ(folded, want_folded);
}

TEST(MetricsTest, ShingleCounts) {
  Counts same = ShingleCounts("one two three four five", "one two three four five");
  EXPECT_EQ(same.tp, 2);
  EXPECT_EQ(same.fp, 0);
  EXPECT_EQ(same.fn, 0);
  Counts extra = ShingleCounts("one two three four five six", "one two three four five");
  EXPECT_EQ(extra.tp, 2);
  EXPECT_EQ(extra.fp, 1);
  EXPECT_DOUBLE_EQ(Precision(extra), 2.0 / 3);
  EXPECT_DOUBLE_EQ(Recall(extra), 1.0);
  Counts empty = ShingleCounts("", "one two three four");
  EXPECT_EQ(Precision(empty), 0.0);
  EXPECT_EQ(Recall(empty), 0.0);
}

TEST(MetricsTest, CollapseSpace) {
  EXPECT_EQ(CollapseSpace("  a \n\t b\xc2\xa0 c  "), "a b c");
}

}  // namespace
}  // namespace parallax::eval
