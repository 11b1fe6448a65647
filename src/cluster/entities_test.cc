#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parallax/cluster.h"

namespace parallax {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(CapitalisedSpansTest, FindsNamesAndAcronyms) {
  auto spans = CapitalisedSpans(
      "Tara Reid checked into the Promises Treatment Center on Tuesday. Her rep told People "
      "magazine. The FBI and the Bank of America declined to comment. Reid was not available.");
  EXPECT_TRUE(Has(spans, "tara reid"));
  EXPECT_TRUE(Has(spans, "reid"));  // last word of a multi-word name
  EXPECT_TRUE(Has(spans, "promises treatment center"));
  EXPECT_TRUE(Has(spans, "people"));
  EXPECT_TRUE(Has(spans, "fbi"));
  EXPECT_TRUE(Has(spans, "bank of america"));
  EXPECT_FALSE(Has(spans, "tuesday"));
  EXPECT_FALSE(Has(spans, "her"));  // lone capital at a sentence start
  EXPECT_FALSE(Has(spans, "the"));
  // A lone capitalised word at a sentence start is not kept as a name.
  EXPECT_EQ(std::count(spans.begin(), spans.end(), "reid"), 1);
}

TEST(CapitalisedSpansTest, DropsLeadingStopWords) {
  auto spans = CapitalisedSpans("Officials said that In Washington the talks failed.");
  EXPECT_TRUE(Has(spans, "washington"));
  EXPECT_FALSE(Has(spans, "in washington"));
}

TEST(CapitalisedSpansTest, EmptyAndLowercaseText) {
  EXPECT_TRUE(CapitalisedSpans("").empty());
  EXPECT_TRUE(CapitalisedSpans("nothing capitalised here at all").empty());
}

TEST(ParseDayTest, DatesAndTimestamps) {
  ASSERT_TRUE(ParseDay("1970-01-01").has_value());
  EXPECT_DOUBLE_EQ(*ParseDay("1970-01-01"), 0.0);
  EXPECT_DOUBLE_EQ(*ParseDay("2000-03-01"), 11017.0);
  EXPECT_DOUBLE_EQ(*ParseDay("1969-12-31"), -1.0);
  EXPECT_DOUBLE_EQ(*ParseDay("2024-03-25T12:00:00Z"), *ParseDay("2024-03-25") + 0.5);
  EXPECT_DOUBLE_EQ(*ParseDay("2024-03-25T14:00:00+02:00"), *ParseDay("2024-03-25") + 0.5);
  EXPECT_DOUBLE_EQ(*ParseDay("2024-03-25T06:00-0600"), *ParseDay("2024-03-25") + 0.5);
  EXPECT_FALSE(ParseDay("").has_value());
  EXPECT_FALSE(ParseDay("March 25, 2024").has_value());
  EXPECT_FALSE(ParseDay("2024-13-01").has_value());
  EXPECT_FALSE(ParseDay("2024-1-1").has_value());
}

}  // namespace
}  // namespace parallax
