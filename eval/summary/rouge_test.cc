#include "rouge.h"

#include <gtest/gtest.h>

namespace parallax::eval {
namespace {

TEST(RougeTest, TokenisationFollowsRouge155) {
  Rouge r("");
  auto t = r.Tokens("The U.S. well-known cats, 1.4 million!", 0);
  // Lowercased, non [a-z0-9] -> space (ROUGE-1.5.5 spaces out "-" and drops
  // it), Porter stems for tokens over 3 chars.
  std::vector<std::string> want = {"the", "u", "s", "well", "known", "cat", "1", "4", "million"};
  EXPECT_EQ(t, want);
  EXPECT_EQ(r.Tokens("one two three four", 2).size(), 2u);
}

TEST(RougeTest, RecallPrecisionAndClipping) {
  Rouge r("");
  auto s = r.Score("the cat the cat", {"the cat sat on the mat"}, 1, 0);
  // Reference unigrams: the x2, cat, sat, on, mat (6); peer: the x2, cat x2.
  // Hits clipped: the 2 + cat 1 = 3.
  EXPECT_NEAR(s.recall, 3.0 / 6.0, 1e-9);
  EXPECT_NEAR(s.precision, 3.0 / 4.0, 1e-9);
  auto s2 = r.Score("the cat sat", {"the cat sat on the mat"}, 2, 0);
  EXPECT_NEAR(s2.recall, 2.0 / 5.0, 1e-9);
  EXPECT_NEAR(s2.precision, 1.0, 1e-9);
}

TEST(RougeTest, IdenticalTextScoresOne) {
  Rouge r("");
  auto s = r.Score("Officials met in Washington on Monday.", {"Officials met in Washington on Monday."}, 2, 100);
  EXPECT_NEAR(s.f1, 1.0, 1e-9);
}

TEST(RougeTest, LengthLimitCutsPeerAndReferencesLikeRouge155) {
  Rouge r("");
  // Reference of 6 words cut to 3 ("the cat sat"): the peer matches all 3.
  auto cut = r.Score("the cat sat", {"the cat sat on the mat"}, 1, 3);
  EXPECT_NEAR(cut.recall, 1.0, 1e-9);
  auto peer_only = r.Score("the cat sat", {"the cat sat on the mat"}, 1, 3, false);
  EXPECT_NEAR(peer_only.recall, 3.0 / 6.0, 1e-9);
}

}  // namespace
}  // namespace parallax::eval
