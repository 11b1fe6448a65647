// Rules added in the second round (eval/timex/RESULTS.md, round 2): each
// with real news sentences, anchored on their publication date.
#include <gtest/gtest.h>

#include "parallax/timex.h"

namespace parallax::timex {
namespace {

std::string Show(std::string_view text, CivilDate anchor) {
  TimexOptions options;
  options.anchor = anchor;
  std::string out;
  for (const TimeExpression& e : FindTimexes(text, options)) {
    if (!out.empty()) out += "; ";
    out += e.text + "|" + TimexTypeName(e.type) + "|" + e.value;
  }
  return out;
}

constexpr CivilDate kOct1989{1989, 10, 26};

TEST(TimexRules, DateAFewWeeksAheadInAPastSentenceIsThisYears) {
  EXPECT_EQ(Show("The company said the dividend is payable Dec. 15 to holders of record Nov. 30.", kOct1989),
            "Dec. 15|DATE|1989-12-15; Nov. 30|DATE|1989-11-30");
  EXPECT_EQ(Show("The company said in a statement that the offer expired Aug. 21.", kOct1989),
            "Aug. 21|DATE|1989-08-21");
}

}  // namespace
}  // namespace parallax::timex
