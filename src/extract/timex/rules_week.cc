// Weeks named by their place in a month or year: "the first week of
// October", "the last week of March 2024", "the second week of 2015". The
// value is the ISO week holding the middle day of that seven-day stretch
// (for a year, ISO week n itself: week 1 always holds 4 January, the last
// week 28 December).
#include "extract/timex/scanner.h"

namespace parallax::timex::internal {

std::optional<Match> Scanner::WeekOfExpr(size_t i) const {
  if (!Is(i, "the")) return std::nullopt;
  size_t j = i + 1;
  int nth = 0;
  if (Is(j, "last")) {
    nth = -1;
    ++j;
  } else if (auto o = Ordinal(j, &nth); o && nth >= 1 && nth <= 5) {
    j = *o;
  } else {
    return std::nullopt;
  }
  if (!Is(j, "week") || !Is(j + 1, "of")) return std::nullopt;
  size_t at = Is(j + 2, "the") ? j + 3 : j + 2;
  Match m;
  m.begin = i;
  m.meaning = Calendar(Granularity::kWeek);
  int month = 0, year = 0;
  if (auto mo = Month(at, &month)) {
    if (nth == 5) return std::nullopt;
    m.meaning.month = month;
    // The 4th, 11th, 18th or 25th; the last week: the 25th too, the one
    // day that is among the last seven of every month.
    m.meaning.day = nth < 0 ? 25 : 7 * nth - 3;
    m.end = *mo;
    size_t y_at = Is(*mo, ",") ? *mo + 1 : *mo;
    if (auto y = Year(y_at, &year, true)) {
      m.meaning.year = year;
      m.end = *y;
    }
    return m;
  }
  if (auto y = Year(at, &year, true)) {
    m.meaning.year = year;
    m.meaning.month = nth < 0 ? 12 : 1;
    m.meaning.day = nth < 0 ? 28 : 7 * nth - 3;
    m.end = *y;
    return m;
  }
  return std::nullopt;
}

}  // namespace parallax::timex::internal
