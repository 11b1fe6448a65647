#include "parallax/timex.h"

#include <gtest/gtest.h>

namespace parallax::timex {
namespace {

// Compact printed form: "text|TYPE|value" per expression, joined by "; ".
std::string Show(std::string_view text, std::optional<CivilDate> anchor) {
  TimexOptions options;
  options.anchor = anchor;
  std::string out;
  for (const TimeExpression& e : FindTimexes(text, options)) {
    if (!out.empty()) out += "; ";
    out += e.text + "|" + TimexTypeName(e.type) + "|" + e.value;
  }
  return out;
}

constexpr CivilDate kMonday{2024, 3, 25};

TEST(Timex, Smoke) {
  EXPECT_EQ(Show("The meeting was held on March 25, 2024.", kMonday), "March 25, 2024|DATE|2024-03-25");
}

}  // namespace
}  // namespace parallax::timex
