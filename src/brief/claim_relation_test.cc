#include "brief/claim_relation.h"

#include <gtest/gtest.h>

namespace parallax::brief {
namespace {

TEST(ClaimRelationTest, SupportDenialAndNumbers) {
  EXPECT_EQ(ClassifyClaims("Police charged Lewandowski with simple battery on Tuesday.",
                           "Jupiter police charged Lewandowski with battery after reviewing video."),
            ClaimRelation::kStrengthens);
  EXPECT_EQ(ClassifyClaims("Lewandowski grabbed the reporter, police said.",
                           "Lewandowski denied that he grabbed the reporter."),
            ClaimRelation::kWeakens);
  ClaimCues c = CompareClaims("At least 30 people were killed in the Zanzibar ferry disaster.",
                              "Officials said 12 people were killed when the Zanzibar ferry sank.");
  EXPECT_TRUE(c.quantity_conflict);
  EXPECT_EQ(ClassifyClaims("The council approved the harbour budget.",
                           "Wildfires spread across the western suburbs of Lisbon."),
            ClaimRelation::kNone);
}

}  // namespace
}  // namespace parallax::brief
