#include "logistic.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace parallax::claimdiff {
namespace {

TEST(ClaimDiffLogisticTest, FitsAWeightWithTheRightSign) {
  // y is mostly 1 when x > 0: the weight must come out positive and the
  // probabilities must order the rows.
  std::vector<std::vector<double>> rows;
  std::vector<bool> ys;
  for (int i = -10; i <= 10; ++i) {
    rows.push_back({i / 5.0});
    ys.push_back(i > 0 ? i != 3 : i == -7);
  }
  std::vector<double> w = FitLogistic(rows, ys, 1.0);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_GT(w[1], 0.5);
  // A stronger penalty shrinks the weight.
  std::vector<double> shrunk = FitLogistic(rows, ys, 100.0);
  EXPECT_LT(shrunk[1], w[1]);
  EXPECT_GT(shrunk[1], 0);
}

TEST(ClaimDiffLogisticTest, ThresholdAndAuc) {
  std::vector<double> scores = {0.9, 0.8, 0.7, 0.4, 0.3, 0.2};
  std::vector<bool> labels = {true, true, false, true, false, false};
  // F1 is best when the top four are called positive (3 tp, 1 fp: 0.857).
  double t = BestF1Threshold(scores, labels);
  EXPECT_GT(t, 0.3);
  EXPECT_LT(t, 0.4);
  // 8 of the 9 positive/negative pairs are ordered correctly.
  EXPECT_NEAR(RocAuc(scores, labels), 8.0 / 9.0, 1e-9);
  EXPECT_NEAR(RocAuc({0.5, 0.5}, {true, false}), 0.5, 1e-9);
}

TEST(ClaimDiffLogisticTest, RecipeChoosesFromTheGridAndStandardises) {
  std::vector<Example> examples;
  for (int i = 0; i < 200; ++i) {
    double x = (i % 20) / 2.0;  // 0 .. 9.5
    examples.push_back({{x, 3.0}, (i % 20) >= 10 ? (i % 7 != 0) : (i % 9 == 0), i % 5});
  }
  RecipeOptions options;
  RecipeReport report;
  brief::ClaimLogit logit = TrainRelation(examples, options, &report);
  EXPECT_NE(std::find(options.l2_grid.begin(), options.l2_grid.end(), report.l2),
            options.l2_grid.end());
  ASSERT_EQ(logit.weight.size(), 2u);
  EXPECT_GT(logit.weight[0], 0);
  EXPECT_EQ(logit.weight[1], 0);  // a constant feature carries nothing
  EXPECT_EQ(logit.scale[1], 1.0);
  EXPECT_GT(logit.Probability({9.0, 3.0}), logit.Probability({1.0, 3.0}));
  EXPECT_GT(report.inner_auc, 0.8);
}

}  // namespace
}  // namespace parallax::claimdiff
