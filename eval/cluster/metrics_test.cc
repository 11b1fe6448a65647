#include <gtest/gtest.h>

#include "metrics.h"

namespace parallax::eval {
namespace {

TEST(MetricsTest, PerfectClustering) {
  std::vector<std::string> g = {"a", "a", "b", "b", "b"};
  std::vector<std::string> p = {"x", "x", "y", "y", "y"};
  EXPECT_DOUBLE_EQ(BCubed(p, g).f1, 1.0);
  EXPECT_DOUBLE_EQ(Pairwise(p, g).f1, 1.0);
}

TEST(MetricsTest, AllInOneCluster) {
  std::vector<std::string> g = {"a", "a", "b", "b"};
  std::vector<std::string> p = {"x", "x", "x", "x"};
  PRF b = BCubed(p, g);
  EXPECT_DOUBLE_EQ(b.precision, 0.5);
  EXPECT_DOUBLE_EQ(b.recall, 1.0);
  PRF pw = Pairwise(p, g);
  EXPECT_DOUBLE_EQ(pw.precision, 2.0 / 6.0);
  EXPECT_DOUBLE_EQ(pw.recall, 1.0);
}

TEST(MetricsTest, AllSingletons) {
  std::vector<std::string> g = {"a", "a", "a", "b"};
  std::vector<std::string> p = {"1", "2", "3", "4"};
  PRF b = BCubed(p, g);
  EXPECT_DOUBLE_EQ(b.precision, 1.0);
  EXPECT_DOUBLE_EQ(b.recall, (1.0 / 3 * 3 + 1.0) / 4);
  PRF pw = Pairwise(p, g);
  EXPECT_DOUBLE_EQ(pw.precision, 1.0);  // no predicted pairs
  EXPECT_DOUBLE_EQ(pw.recall, 0.0);
}

}  // namespace
}  // namespace parallax::eval
