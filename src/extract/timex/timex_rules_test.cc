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

TEST(TimexRules, YearAgoQuarters) {
  EXPECT_EQ(Show("National Intergroup in the year-ago third quarter earned $22.5 million.", kOct1989),
            "the year-ago third quarter|DATE|1988-Q3");
  EXPECT_EQ(Show("In the year-earlier third quarter, Poughkeepsie Savings had net income of $2.8 million.",
                 kOct1989),
            "the year-earlier third quarter|DATE|1988-Q3");
  // "a year-earlier loss" is the adjective, not the duration "a year".
  EXPECT_EQ(Show("It earned 10 cents a share in the third quarter, compared with a year-earlier loss of "
                 "$26,956.", kOct1989),
            "the third quarter|DATE|1989-Q3; year-earlier|DATE|1988-Q3");
}

}  // namespace
}  // namespace parallax::timex
