// Shared by the timex tests: expressions printed compactly for EXPECT_EQ.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parallax/timex.h"

namespace parallax::timex_testing {

// "text|TYPE|value" per expression found in `text`, joined by "; ".
inline std::string Show(std::string_view text, std::optional<timex::CivilDate> anchor) {
  timex::TimexOptions options;
  options.anchor = anchor;
  std::string out;
  for (const timex::TimeExpression& e : timex::FindTimexes(text, options)) {
    if (!out.empty()) out += "; ";
    out += e.text + "|" + timex::TimexTypeName(e.type) + "|" + e.value;
  }
  return out;
}
// Anchored: also takes a braced date, `Show(text, {2024, 3, 25})`.
inline std::string Show(std::string_view text, timex::CivilDate anchor) {
  return Show(text, std::optional<timex::CivilDate>(anchor));
}

}  // namespace parallax::timex_testing
