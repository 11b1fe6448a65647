// Scanner pieces: months, weekdays, day numbers, years, counts, ordinals,
// a.m./p.m. and time zones, plus the meaning constructors.
#include "extract/timex/scanner.h"

namespace parallax::timex::internal {

TimexMeaning Fixed(std::string v) {
  TimexMeaning m;
  m.kind = Kind::kFixed;
  m.fixed = std::move(v);
  return m;
}

TimexMeaning Shift(Granularity unit, int n, Granularity shown) {
  TimexMeaning m;
  m.kind = Kind::kShift;
  m.shift_unit = unit;
  m.shift = n;
  m.granularity = shown;
  return m;
}

TimexMeaning Calendar(Granularity shown) {
  TimexMeaning m;
  m.kind = Kind::kCalendar;
  m.granularity = shown;
  return m;
}

Match Simple(size_t begin, size_t end, TimexMeaning meaning, TimexType type) {
  Match m;
  m.begin = begin;
  m.end = end;
  m.meaning = std::move(meaning);
  m.type = type;
  return m;
}

namespace {

char UnitLetter(Granularity g) {
  switch (g) {
    case Granularity::kDay: return 'D';
    case Granularity::kWeek: return 'W';
    case Granularity::kWeekend: return 'W';
    case Granularity::kMonth: return 'M';
    case Granularity::kQuarter: return 'Q';
    case Granularity::kYear: return 'Y';
    case Granularity::kDecade: return 'E';
    case Granularity::kCentury: return 'C';
    default: return 'X';
  }
}

}  // namespace

std::string DurationValue(int n, const Word& unit) {
  std::string count = n >= 0 ? std::to_string(n) : "X";
  if (unit.time_unit != 0) return "PT" + count + unit.time_unit;
  // TimeML writes quarters as months and several decades as years.
  if (unit.unit == Granularity::kQuarter && n > 0) return "P" + std::to_string(3 * n) + "M";
  if (unit.unit == Granularity::kDecade && n > 1) return "P" + std::to_string(10 * n) + "Y";
  return std::string("P") + count + UnitLetter(unit.unit);
}

// ---------------------------------------------------------------- pieces

std::optional<size_t> Scanner::Month(size_t i, int* month) const {
  const Word* w = W(i);
  if (w == nullptr || w->month == 0) return std::nullopt;
  const Tok& t = toks_[i];
  // Month names are capitalised in news; "may" and "march" are also verbs.
  // Lowercase full names count only before a number or a year ("january 12th,
  // 2016", "february twenty second", "june of 1992").
  bool before_year = (Is(i + 1, "of") || Is(i + 1, ",")) && IsNum(i + 2) && toks_[i + 2].digits == 4;
  int ordinal = 0;
  bool before_day = IsNum(i + 1) || (Ordinal(i + 1, &ordinal) && ordinal <= 31);  // "february twenty second"
  if (!t.cap && (w->month_abbr || t.low == "march" || t.low == "may" || !(before_day || before_year))) {
    return std::nullopt;
  }
  *month = w->month;
  if (w->month_abbr) {
    // "Mar"/"Jun" as abbreviations; "May" is a full name.
    if (t.low == "may") return i + 1;
    return SkipDot(i + 1);
  }
  return i + 1;
}

std::optional<size_t> Scanner::Weekday(size_t i, int* weekday) const {
  const Word* w = W(i);
  if (w == nullptr || w->weekday == 0 || !toks_[i].cap) return std::nullopt;
  if (w->weekday_abbr && !(Is(i + 1, ".") && Adjacent(i + 1))) return std::nullopt;
  *weekday = w->weekday;
  return w->weekday_abbr ? i + 2 : i + 1;
}

std::optional<size_t> Scanner::DayNumber(size_t i, int* day) const {
  if (IsNum(i) && toks_[i].digits <= 2 && toks_[i].value >= 1 && toks_[i].value <= 31) {
    size_t j = i + 1;
    if (IsAnyOf(j, {"st", "nd", "rd", "th"}) && Adjacent(j)) ++j;
    // Not part of a longer number ("25.5", "25,000", "25:00", "25-year").
    if (j < size() && Adjacent(j) && IsAnyOf(j, {".", ",", ":", "/"}) && IsNum(j + 1) && Adjacent(j + 1)) {
      return std::nullopt;
    }
    *day = toks_[i].value;
    return j;
  }
  int n = 0;
  if (auto j = Ordinal(i, &n); j && n >= 1 && n <= 31) {
    *day = n;
    return j;
  }
  return std::nullopt;
}

std::optional<size_t> Scanner::Year(size_t i, int* year, bool loose) const {
  if (IsNum(i) && toks_[i].digits == 4) {
    int y = toks_[i].value;
    if (y < options_.min_year || y > options_.max_year) return std::nullopt;
    // Not "2024-25" seasons, "1,000" etc.
    if (Adjacent(i + 1) && IsAnyOf(i + 1, {",", "."}) && IsNum(i + 2) && Adjacent(i + 2)) return std::nullopt;
    *year = y;
    return i + 1;
  }
  // Spoken years in broadcast transcripts: "nineteen ninety-six", "two thousand and one".
  if (loose && IsWord(i)) {
    const Word* w = W(i);
    if (w != nullptr && (w->cardinal == 19 || w->cardinal == 18 || w->cardinal == 20) && !toks_[i].cap) {
      const Word* t = W(i + 1);
      if (t != nullptr && t->tens) {
        int rest = t->cardinal;
        size_t k = SkipHyphen(i + 2);
        const Word* u = W(k);
        size_t end = i + 2;
        if (u != nullptr && u->cardinal >= 1 && u->cardinal <= 9 && !u->tens && toks_[k].low != "a" &&
            toks_[k].low != "an") {
          rest += u->cardinal;
          end = k + 1;
        }
        *year = w->cardinal * 100 + rest;
        return end;
      }
    }
    if (Is(i, "two") && Is(i + 1, "thousand")) {
      size_t k = Is(i + 2, "and") ? i + 3 : i + 2;
      int n = 0;
      auto e = Cardinal(k, &n);
      if (e && n >= 1 && n <= 99 && !IsAnyOf(k, {"a", "an"})) {
        *year = 2000 + n;
        return *e;
      }
      *year = 2000;
      return i + 2;
    }
  }
  // '98 / ’98
  if (loose && Is(i, "'") && IsNum(i + 1) && Adjacent(i + 1) && toks_[i + 1].digits == 2) {
    int yy = toks_[i + 1].value;
    int pivot = options_.anchor ? options_.anchor->year % 100 + 5 : 30;
    *year = yy <= pivot ? 2000 + yy : 1900 + yy;
    return i + 2;
  }
  return std::nullopt;
}

std::optional<size_t> Scanner::Cardinal(size_t i, int* n) const {
  if (IsNum(i)) {
    if (toks_[i].value < 0) return std::nullopt;
    size_t j = i + 1;
    // "1,500" / "2.5" are not counts of time units here.
    if (Adjacent(j) && IsAnyOf(j, {",", ".", ":", "/"}) && IsNum(j + 1) && Adjacent(j + 1)) return std::nullopt;
    *n = toks_[i].value;
    return j;
  }
  if (Is(i, "a") && Is(i + 1, "couple")) {
    *n = 2;
    return Is(i + 2, "of") ? i + 3 : i + 2;
  }
  // "the next couple of years" (after "the next", "the past")
  if (Is(i, "couple") && Is(i + 1, "of") && i > 0 && IsAnyOf(i - 1, {"next", "past", "last", "first"})) {
    *n = 2;
    return i + 2;
  }
  if (Is(i, "a") && Is(i + 1, "few")) {
    *n = -2;
    return i + 2;
  }
  const Word* w = W(i);
  if (w == nullptr || w->cardinal == -1) return std::nullopt;
  int v = w->cardinal;
  size_t j = i + 1;
  if (w->tens) {
    size_t k = SkipHyphen(j);
    const Word* u = W(k);
    if (u != nullptr && u->cardinal >= 1 && u->cardinal <= 9 && !u->tens && toks_[k].low != "a" &&
        toks_[k].low != "an") {
      v += u->cardinal;
      j = k + 1;
    }
  }
  if (v > 0 && Is(j, "hundred")) {
    v *= 100;
    ++j;
  } else if (v > 0 && Is(j, "thousand")) {
    v *= 1000;
    ++j;
  }
  *n = v;
  return j;
}

std::optional<size_t> Scanner::Ordinal(size_t i, int* n) const {
  if (IsNum(i) && toks_[i].digits <= 2 && IsAnyOf(i + 1, {"st", "nd", "rd", "th"}) && Adjacent(i + 1)) {
    *n = toks_[i].value;
    return i + 2;
  }
  const Word* w = W(i);
  if (w == nullptr) return std::nullopt;
  if (w->ordinal > 0) {
    *n = w->ordinal;
    return i + 1;
  }
  if (w->tens && w->cardinal <= 30) {
    size_t k = SkipHyphen(i + 1);
    const Word* u = W(k);
    if (u != nullptr && u->ordinal >= 1 && u->ordinal <= 9) {
      *n = w->cardinal + u->ordinal;
      return k + 1;
    }
  }
  return std::nullopt;
}

std::optional<size_t> Scanner::AmPm(size_t i, bool* pm) const {
  if (IsAnyOf(i, {"am", "pm"})) {
    *pm = toks_[i].low == "pm";
    return SkipDot(i + 1);
  }
  // a.m. / p.m.
  if (IsAnyOf(i, {"a", "p"}) && Is(i + 1, ".") && Adjacent(i + 1) && Is(i + 2, "m") && Adjacent(i + 2)) {
    *pm = toks_[i].low == "p";
    return SkipDot(i + 3);
  }
  return std::nullopt;
}

bool Scanner::QuarterContext(size_t begin, size_t end) const {
  // This sentence or the few before ("Third-quarter profit rose 5%. ... A year
  // ago, ..."): a quarterly report usually names the quarter in its lead.
  for (size_t k = begin, d = 0; k > 0 && d < 120; --k, ++d) {
    if (toks_[k - 1].low == "quarter" || toks_[k - 1].low == "quarterly") return true;
  }
  for (size_t k = end, d = 0; k < size() && d < 12; ++k, ++d) {
    if (toks_[k].low == "quarter" || toks_[k].low == "quarterly") return true;
    if (toks_[k].low == ".") break;
  }
  return false;
}

std::optional<size_t> Scanner::Zone(size_t i) const {
  if (i < size() && toks_[i].kind == TokKind::kWord && !toks_[i].cap) {
    if (Is(i, "local") && Is(i + 1, "time")) return i + 2;
    return std::nullopt;
  }
  if (IsAnyOf(i, {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "bst", "cet"}) &&
      toks_[i].end - toks_[i].begin <= 3 && text_[toks_[i].begin] >= 'A' && text_[toks_[i].begin] <= 'Z' &&
      text_[toks_[i].begin + 1] >= 'A' && text_[toks_[i].begin + 1] <= 'Z') {
    return i + 1;
  }
  return std::nullopt;
}

}  // namespace parallax::timex::internal
