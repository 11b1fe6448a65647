#include "brief/claim_relation.h"

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace parallax::brief {
namespace {

ClaimRelation Rules(std::string_view a, std::string_view b) { return ClassifyClaims(a, b); }

TEST(ClaimRelationTest, RulesSupportDenialAndNumbers) {
  EXPECT_EQ(Rules("Police charged Lewandowski with simple battery on Tuesday.",
                  "Jupiter police charged Lewandowski with battery after reviewing video."),
            ClaimRelation::kStrengthens);
  EXPECT_EQ(Rules("Lewandowski grabbed the reporter, police said.",
                  "Lewandowski denied that he grabbed the reporter."),
            ClaimRelation::kWeakens);
  ClaimCues c = CompareClaims("At least 30 people were killed in the Zanzibar ferry disaster.",
                              "Officials said 12 people were killed when the Zanzibar ferry sank.");
  EXPECT_TRUE(c.quantity_conflict);
  EXPECT_EQ(Rules("The council approved the harbour budget.",
                  "Wildfires spread across the western suburbs of Lisbon."),
            ClaimRelation::kNone);
}

double Feature(const std::vector<double>& f, const std::string& name) {
  const auto& names = ClaimFeatureNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return f[i];
  }
  ADD_FAILURE() << "no feature " << name;
  return 0;
}

TEST(ClaimRelationTest, FeaturesOverlapNumbersAndCues) {
  std::vector<double> f =
      ClaimFeatures("At least 30 people were killed in the Zanzibar ferry disaster.",
                    "Officials said 12 people were killed when the Zanzibar ferry sank.");
  ASSERT_EQ(f.size(), ClaimFeatureNames().size());
  EXPECT_GT(Feature(f, "jaccard"), 0.2);
  EXPECT_EQ(Feature(f, "num_conflict"), 1);
  EXPECT_EQ(Feature(f, "shared_names"), 1);  // "zanzibar"
  std::vector<double> g = ClaimFeatures("Lewandowski grabbed the reporter, police said.",
                                        "Lewandowski did not grab the reporter, his lawyer said.");
  EXPECT_EQ(Feature(g, "neg_mismatch"), 1);
  EXPECT_EQ(Feature(g, "neg_b"), 1);
  EXPECT_EQ(Feature(g, "neg_a"), 0);
  std::vector<double> h = ClaimFeatures("The bill passed the Senate on March 3.",
                                        "The bill failed in the Senate on March 5.");
  EXPECT_EQ(Feature(h, "opposites"), 1);
  EXPECT_EQ(Feature(h, "date_differ"), 1);
}

TEST(ClaimRelationTest, IdfWeighsRareStemsMore) {
  ClaimIdf idf = ClaimIdf::Build({"Police said the ferry sank.", "Police said the fire spread.",
                                  "Police said the road closed."});
  EXPECT_GT(idf.Weight("ferri"), idf.Weight("polic"));
  EXPECT_GT(idf.Weight("unseen-stem"), idf.Weight("polic"));
}

TEST(ClaimRelationTest, ModelRoundTripsAndDefaultMatchesFile) {
  const ClaimModel& m = DefaultClaimModel();
  EXPECT_EQ(m.feature_names, ClaimFeatureNames());
  ClaimModel back;
  std::string error;
  ASSERT_TRUE(ParseClaimModel(FormatClaimModel(m), &back, &error)) << error;
  EXPECT_EQ(back.feature_names, m.feature_names);
  ASSERT_EQ(back.weakens.weight.size(), m.weakens.weight.size());
  for (size_t i = 0; i < m.weakens.weight.size(); ++i) {
    EXPECT_NEAR(back.weakens.weight[i], m.weakens.weight[i], 1e-5);
  }
  // The compiled-in weights are the ones in models/claims/claims.model.
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/models/claims/claims.model");
  ASSERT_TRUE(in) << "models/claims/claims.model missing";
  std::stringstream text;
  text << in.rdbuf();
  ClaimModel file;
  ASSERT_TRUE(ParseClaimModel(text.str(), &file, &error)) << error;
  EXPECT_EQ(FormatClaimModel(file), FormatClaimModel(m));
}

TEST(ClaimRelationTest, TrainedModelSeparatesClearCases) {
  ClaimScores support = ScoreClaims("Police charged Lewandowski with simple battery on Tuesday.",
                                    "Jupiter police charged Lewandowski with battery on Tuesday.");
  ClaimScores unrelated = ScoreClaims("The council approved the harbour budget.",
                                      "Wildfires spread across the western suburbs of Lisbon.");
  EXPECT_GE(support.strengthens, 0.0);
  EXPECT_LE(support.strengthens, 1.0);
  EXPECT_GT(support.strengthens, unrelated.strengthens);
}

}  // namespace
}  // namespace parallax::brief
