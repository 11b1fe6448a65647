// Rules for calendar expressions: numeric and written dates, months, years,
// decades, centuries, quarters, halves and weekdays.
#include "extract/timex/scanner.h"

namespace parallax::timex::internal {
namespace {

bool ValidDay(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (year == kUnset) year = 2000;  // leap: allow 29 February
  return DaysFromCivil({year, month, day}) - DaysFromCivil({year, month, 1}) == day - 1 &&
         CivilFromDays(DaysFromCivil({year, month, day})).month == month;
}

Match DayMatch(size_t begin, size_t end, int year, int month, int day) {
  Match m;
  m.begin = begin;
  m.end = end;
  m.meaning = Calendar(Granularity::kDay);
  m.meaning.year = year;
  m.meaning.month = month;
  m.meaning.day = day;
  return m;
}

}  // namespace

std::optional<Match> Scanner::NumericDate(size_t i) const {
  if (!IsNum(i)) return std::nullopt;
  // Month and year: 11/2016, 2016/11.
  if (Is(i + 1, "/") && Adjacent(i + 1) && IsNum(i + 2) && Adjacent(i + 2) &&
      !(Adjacent(i + 3) && IsAnyOf(i + 3, {"/", "-", "."}))) {
    const Tok &a = toks_[i], &b = toks_[i + 2];
    int mo = 0, y = 0;
    if (a.digits <= 2 && b.digits == 4) mo = a.value, y = b.value;
    if (a.digits == 4 && b.digits <= 2) mo = b.value, y = a.value;
    if (mo >= 1 && mo <= 12 && y >= options_.min_year && y <= options_.max_year) {
      Match m;
      m.begin = i;
      m.end = i + 3;
      m.meaning = Calendar(Granularity::kMonth);
      m.meaning.year = y;
      m.meaning.month = mo;
      return m;
    }
  }
  // Three adjacent numbers joined by one separator: '-', '/' or '.'.
  if (!(IsAnyOf(i + 1, {"-", "/", "."}) && Adjacent(i + 1) && IsNum(i + 2) && Adjacent(i + 2) &&
        Is(i + 3, toks_[i + 1].low) && Adjacent(i + 3) && IsNum(i + 4) && Adjacent(i + 4))) {
    return std::nullopt;
  }
  // Not part of a longer run ("1.2.3.4", "10-20-30-40").
  if (Adjacent(i + 5) && IsAnyOf(i + 5, {"-", "/", "."}) && IsNum(i + 6) && Adjacent(i + 6)) return std::nullopt;
  const Tok &a = toks_[i], &b = toks_[i + 2], &c = toks_[i + 4];
  int y = 0, mo = 0, d = 0;
  if (a.digits == 4 && b.digits <= 2 && c.digits <= 2) {  // 2024-03-25, 2015/08/12
    y = a.value, mo = b.value, d = c.value;
  } else if (a.digits <= 2 && b.digits <= 2 && (c.digits == 4 || c.digits == 2)) {
    // 3/25/2024 (US order), 25/3/2024 and 25.3.2024 (day first when it must be,
    // or with dots, the European habit).
    y = c.digits == 4 ? c.value : c.value + (c.value <= 50 ? 2000 : 1900);
    mo = a.value, d = b.value;
    if (a.value > 12 || (toks_[i + 1].low == "." && b.value <= 12)) std::swap(mo, d);
  } else {
    return std::nullopt;
  }
  if (!ValidDay(y, mo, d)) return std::nullopt;
  return DayMatch(i, i + 5, y, mo, d);
}

std::optional<Match> Scanner::MonthDate(size_t i) const {
  size_t start = i;
  int weekday = 0;
  if (auto j = Weekday(i, &weekday)) {
    i = Is(*j, ",") ? *j + 1 : *j;
  }
  int month = 0;
  auto j = Month(i, &month);
  if (!j) return std::nullopt;
  if (weekday == 0) start = i;
  size_t k = *j;
  int day = 0, year = 0;
  // "September the twenty-first", "March the 3rd": an ordinal after "the".
  // Not "in March the first soldiers arrived": the ordinal must end the
  // phrase (punctuation, a year, or a preposition or conjunction after it).
  int ordinal = 0, spoken_year = 0;
  if (Is(k, "the")) {
    auto o = Ordinal(k + 1, &ordinal);
    if (o && (*o >= size() || !IsWord(*o) || Year(*o, &spoken_year, true) ||
              IsAnyOf(*o, {"and", "at", "in", "on", "of", "when", "to", "for", "from", "until", "by"}))) {
      ++k;
    }
  }
  if (auto d = DayNumber(k, &day)) {
    size_t e = *d;
    size_t y_at = Is(e, ",") || (Is(e, "of") && IsNum(e + 1)) ? e + 1 : e;  // "July 4th of 1995"
    if (auto y = Year(y_at, &year, true)) {
      if (!ValidDay(year, month, day)) return std::nullopt;
      return DayMatch(start, *y, year, month, day);
    }
    if (!ValidDay(kUnset, month, day)) return std::nullopt;
    return DayMatch(start, e, kUnset, month, day);
  }
  if (weekday != 0) return std::nullopt;  // "Monday, March" is not a date
  Match m;
  m.begin = start;
  m.meaning = Calendar(Granularity::kMonth);
  m.meaning.month = month;
  size_t y_at = Is(k, ",") || Is(k, "of") ? k + 1 : k;
  if (auto y = Year(y_at, &year, true)) {
    m.meaning.year = year;
    m.end = *y;
    return m;
  }
  // "June last year", "January this year"
  if (IsAnyOf(k, {"last", "this", "next"}) && Is(k + 1, "year")) {
    m.meaning.year_shift = Is(k, "last") ? -1 : Is(k, "next") ? 1 : 0;
    m.end = k + 2;
    return m;
  }
  // A bare abbreviation ("Jan", "Dec") is too often a name; "Mar." is fine.
  const Tok& t = toks_[i];
  if (t.word->month_abbr && t.low != "may" && *j == i + 1) return std::nullopt;
  // "May" alone: only in a date-like frame ("in May", "last May").
  if (t.low == "may" && !(i > 0 && IsAnyOf(i - 1, {"in", "since", "until", "by", "of", "last", "next",
                                                    "this", "early", "late", "mid", "-", "during",
                                                    "before", "after", "from", "through", "till"}))) {
    return std::nullopt;
  }
  m.end = *j;
  return m;
}

std::optional<Match> Scanner::DayMonthDate(size_t i) const {
  size_t start = i;
  int weekday = 0;
  if (auto j = Weekday(i, &weekday)) {
    i = Is(*j, ",") ? *j + 1 : *j;
  } else if (Is(i, "the")) {
    ++i;
  }
  int day = 0, month = 0, year = 0;
  auto d = DayNumber(i, &day);
  if (!d) return std::nullopt;
  // An amount is no day: "bought it for $12 December 27".
  if (i > 0 && IsAnyOf(i - 1, {"$", "£", "€"})) return std::nullopt;
  size_t k = Is(*d, "of") ? *d + 1 : *d;
  auto mo = Month(k, &month);
  if (!mo) return std::nullopt;
  if (weekday == 0 && Is(start, "the") && !Is(*d, "of")) start = i;
  if (weekday == 0 && !Is(start, "the")) start = i;
  size_t y_at = Is(*mo, ",") ? *mo + 1 : *mo;
  if (auto y = Year(y_at, &year, true)) {
    if (!ValidDay(year, month, day)) return std::nullopt;
    return DayMatch(start, *y, year, month, day);
  }
  if (!ValidDay(kUnset, month, day)) return std::nullopt;
  return DayMatch(start, *mo, kUnset, month, day);
}

std::optional<Match> Scanner::YearLike(size_t i) const {
  Match m;
  m.begin = i;
  size_t j = i;
  bool the = Is(j, "the");
  if (the) ++j;
  // Decades: "1990s", "the '90s", "the nineties"; centuries: "the 20th century".
  if (IsNum(j) && toks_[j].digits == 4 && toks_[j].value % 10 == 0 && Is(j + 1, "s") && Adjacent(j + 1)) {
    m.meaning = Calendar(Granularity::kDecade);
    m.meaning.decade = toks_[j].value / 10;
    m.end = j + 2;
    if (!the) m.begin = j;
    return m;
  }
  // "the 1990's"
  if (IsNum(j) && toks_[j].digits == 4 && toks_[j].value % 10 == 0 && Is(j + 1, "'") && Adjacent(j + 1) &&
      Is(j + 2, "s") && Adjacent(j + 2) && (the || (j > 0 && IsAnyOf(j - 1, {"in", "the", "early", "late", "mid", "-", "since", "during", "through"})))) {
    m.meaning = Calendar(Granularity::kDecade);
    m.meaning.decade = toks_[j].value / 10;
    m.end = j + 3;
    if (!the) m.begin = j;
    return m;
  }
  if (Is(j, "'") && IsNum(j + 1) && Adjacent(j + 1) && toks_[j + 1].digits == 2 &&
      toks_[j + 1].value % 10 == 0 && Is(j + 2, "s") && Adjacent(j + 2)) {
    int yy = toks_[j + 1].value;
    m.meaning = Calendar(Granularity::kDecade);
    m.meaning.decade = (yy <= 20 ? 2000 + yy : 1900 + yy) / 10;
    m.end = j + 3;
    if (!the) m.begin = j;
    return m;
  }
  if (the) {
    static constexpr const char* kDecades[] = {"twenties", "thirties", "forties", "fifties",
                                               "sixties",  "seventies", "eighties", "nineties"};
    for (int d = 0; d < 8; ++d) {
      if (Is(j, kDecades[d])) {
        m.meaning = Calendar(Granularity::kDecade);
        m.meaning.decade = 192 + d;
        m.end = j + 1;
        return m;
      }
    }
    int n = 0;
    if (auto k = Ordinal(j, &n); k && n >= 1 && n <= 21 && Is(*k, "century")) {
      m.meaning = Calendar(Granularity::kCentury);
      m.meaning.century = n - 1;
      m.end = *k + 1;
      return m;
    }
    // "the year 2000", "the year two thousand"
    int year = 0;
    if (Is(j, "year")) {
      if (auto y = Year(j + 1, &year, true)) {
        m.meaning = Calendar(Granularity::kYear);
        m.meaning.year = year;
        m.end = *y;
        return m;
      }
    }
    return std::nullopt;
  }
  int year = 0;
  // "fiscal 1998", "fiscal year 2024", "FY2024"
  if (Is(j, "fiscal") || Is(j, "fy")) {
    size_t k = Is(j + 1, "year") ? j + 2 : j + 1;
    if (auto y = Year(k, &year, false)) {
      m.meaning = Calendar(Granularity::kYear);
      m.meaning.year = year;
      m.end = *y;
      return m;
    }
    return std::nullopt;
  }
  // Spoken years stand on their own ("in nineteen ninety-six").
  if (IsWord(j) && W(j) != nullptr && W(j)->cardinal > 0) {
    auto y = Year(j, &year, true);
    if (!y || (Is(j, "two") && *y == j + 2 && !(j > 0 && IsAnyOf(j - 1, {"year", "in", "since", "by"})))) {
      return std::nullopt;
    }
    m.meaning = Calendar(Granularity::kYear);
    m.meaning.year = year;
    m.end = *y;
    return m;
  }
  // "20th century" without "the"
  int ord = 0;
  if (auto k = Ordinal(j, &ord); k && ord >= 1 && ord <= 21 && Is(*k, "century")) {
    m.meaning = Calendar(Granularity::kCentury);
    m.meaning.century = ord - 1;
    m.end = *k + 1;
    return m;
  }
  auto y = Year(j, &year, false);
  if (!y) return std::nullopt;
  // A bare number is a year only in a year-like frame.
  bool frame_before = j > 0 && IsAnyOf(j - 1, {"in", "since", "of", "until", "till", "by", "from",
                                               "before", "after", "during", "through", "early",
                                               "late", "mid", "-", "between", "and", "to", "year",
                                               "end", "summer", "spring", "autumn", "fall",
                                               "winter", "throughout", "circa", "around", "for"});
  bool frame_after = *y >= size() || toks_[*y].kind == TokKind::kPunct ||
                     IsAnyOf(*y, {"and", "or", "to", "when", "as", "after", "before", "until",
                                  "through", "with", "for", "in", "at", "on", "was", "were", "is",
                                  "had", "has", "the", "that", "which", "while", "but", "election",
                                  "elections", "budget", "levels", "season", "census", "campaign",
                                  "presidential", "midterm", "midterms", "olympics", "agreement",
                                  "accord", "deal", "law", "act", "fiscal", "saw", "marked"});
  if (Is(*y, "%")) frame_after = false;
  // "between 1998 and 2000", "1998-2000": the joined word needs a year before it.
  if (frame_before && IsAnyOf(j - 1, {"and", "to", "-"}) && !(j >= 2 && IsNum(j - 2) && toks_[j - 2].digits == 4)) {
    frame_before = false;
  }
  if (j > 0 && IsAnyOf(j - 1, {"$", "#", "no", "number"})) return std::nullopt;
  // After a determiner or a possessive: "the company's 1989 results", "that 1978 resolution".
  // Not a model year before a make: "Kopp's 1987 Chevrolet".
  bool possessive = j >= 2 && ((Is(j - 1, "s") && Is(j - 2, "'")) || (Is(j - 1, "'") && Adjacent(j - 1))) &&
                    !(IsWord(*y) && toks_[*y].cap);
  if (j > 0 && year >= 1900 && year <= 2100 &&
      (possessive || IsAnyOf(j - 1, {"its", "the", "his", "her", "their", "a", "that", "this"}))) {
    frame_before = true;
  }
  if (!frame_before && !frame_after) return std::nullopt;
  m.meaning = Calendar(Granularity::kYear);
  m.meaning.year = year;
  m.end = *y;
  return m;
}

std::optional<Match> Scanner::QuarterHalf(size_t i) const {
  Match m;
  m.begin = i;
  size_t j = i;
  int year_shift = kUnset;
  if (IsAnyOf(j, {"its", "a"})) m.begin = ++j;  // TimeML leaves these out
  if (Is(j, "the")) ++j;
  // "this year's third quarter", "last year's fourth quarter"
  if (IsAnyOf(j, {"this", "last", "next"}) && Is(j + 1, "year") && Is(j + 2, "'") && Is(j + 3, "s")) {
    year_shift = Is(j, "last") ? -1 : Is(j, "next") ? 1 : 0;
    j += 4;
  }
  // "the year-ago third quarter", "the year-earlier fourth quarter"
  if (j > i && Is(j, "year") && Is(j + 1, "-") && IsAnyOf(j + 2, {"ago", "earlier"})) {
    year_shift = -1;
    j += 3;
  }
  if (Is(j, "fiscal")) j = SkipHyphen(j + 1);
  int lead_year = kUnset;
  if (IsNum(j) && toks_[j].digits == 4 && j > i) {  // "the 1988 third quarter"
    int y = 0;
    if (auto e = Year(j, &y, false)) {
      lead_year = y;
      j = *e;
      // "the 1988 quarter": which quarter only the text around can tell.
      if (Is(j, "quarter")) return std::nullopt;
    }
  }
  // Q3 2024, H1 2024
  bool q = IsWord(j) && toks_[j].low == "q" && toks_[j].cap && IsNum(j + 1) && Adjacent(j + 1) &&
           toks_[j + 1].value >= 1 && toks_[j + 1].value <= 4;
  int h_year = 0;
  std::optional<size_t> h_end;
  if (IsWord(j) && toks_[j].low == "h" && toks_[j].cap && IsNum(j + 1) && Adjacent(j + 1) &&
      toks_[j + 1].value >= 1 && toks_[j + 1].value <= 2) {
    h_end = Year(j + 2, &h_year, false);  // "H1 2024"; a bare "H1" is too often something else
  }
  if (i == j && h_end) {
    m.meaning = Calendar(Granularity::kHalf);
    m.meaning.half = toks_[j + 1].value;
    m.meaning.year = h_year;
    m.end = *h_end;
    return m;
  }
  if (i == j && q) {
    m.meaning = Calendar(Granularity::kQuarter);
    m.meaning.quarter = toks_[j + 1].value;
    int year = 0;
    m.end = j + 2;
    if (auto y = Year(j + 2, &year, true)) {
      m.meaning.year = year;
      m.end = *y;
    }
    return m;
  }
  int n = 0;
  auto o = Ordinal(j, &n);
  if (!o) return std::nullopt;
  size_t k = SkipHyphen(*o);
  bool quarter = Is(k, "quarter") && n >= 1 && n <= 4;
  bool half = Is(k, "half") && n >= 1 && n <= 2;
  if (!quarter && !half) return std::nullopt;
  m.meaning = Calendar(quarter ? Granularity::kQuarter : Granularity::kHalf);
  (quarter ? m.meaning.quarter : m.meaning.half) = n;
  m.meaning.year_shift = year_shift;
  m.meaning.year = lead_year;
  m.end = k + 1;
  // "a third-quarter loss": the adjective alone is the expression.
  if (k != *o && lead_year == kUnset && year_shift == kUnset) m.begin = std::min(j, *o);
  // A bare "the first half" without "of YEAR" is often a game or a text.
  int year = 0;
  size_t y_at = Is(k + 1, "of") ? k + 2 : k + 1;
  if (Is(y_at, "fiscal")) ++y_at;
  if (auto y = Year(y_at, &year, true)) {
    m.meaning.year = year;
    m.end = *y;
  } else if (half && year_shift == kUnset) {
    return std::nullopt;
  }
  return m;
}

std::optional<Match> Scanner::SeasonExpr(size_t i) const {
  // "the summer", "summer 2023", "the fall of 1998", "in winter"
  size_t j = Is(i, "the") ? i + 1 : i;
  const Word* w = W(j);
  if (w == nullptr || w->season.empty()) return std::nullopt;
  Match m;
  m.begin = i;
  m.meaning = Calendar(Granularity::kSeason);
  m.meaning.season = w->season;
  int year = 0;
  size_t y_at = Is(j + 1, "of") ? j + 2 : j + 1;
  if (auto y = Year(y_at, &year, true)) {
    m.meaning.year = year;
    m.end = *y;
    return m;
  }
  if (Is(j + 1, "of") || Is(j + 1, "-")) return std::nullopt;  // "the fall of Kabul"
  bool framed = j > i || (i > 0 && IsAnyOf(i - 1, {"in", "during", "this", "last", "next", "by", "until"}));
  if (!framed || (toks_[j].low == "fall" && j == i)) return std::nullopt;
  m.end = j + 1;
  return m;
}

std::optional<Match> Scanner::WeekdayExpr(size_t i) const {
  Match m;
  m.begin = i;
  size_t j = i;
  int direction = 0;
  if (Is(j, "last") || (Is(j, "this") && Is(j + 1, "past")) || Is(j, "previous")) {
    direction = -1;
    j += Is(j, "this") ? 2 : 1;
  } else if (Is(j, "next") || (Is(j, "this") && Is(j + 1, "coming")) || Is(j, "coming") || Is(j, "following")) {
    direction = 1;
    j += Is(j, "this") ? 2 : 1;
  } else if (Is(j, "this")) {
    ++j;
  }
  int weekday = 0;
  auto w = Weekday(j, &weekday);
  if (!w) return std::nullopt;
  if (Is(*w, "'") || (IsWord(*w) && toks_[*w].low == "s" && Adjacent(*w))) {
    // "Monday's vote" is still Monday; the possessive is not part of it.
  }
  // "Tuesday next week", "Friday last week": that weekday of that week.
  // Also "Tuesday of next week".
  size_t week_at = Is(*w, "of") ? *w + 1 : *w;
  if (direction == 0 && j == i && IsAnyOf(week_at, {"next", "last", "this"}) && Is(week_at + 1, "week")) {
    m.meaning = Shift(Granularity::kWeek, Is(week_at, "next") ? 1 : Is(week_at, "last") ? -1 : 0,
                      Granularity::kDay);
    m.meaning.weekday = weekday;
    m.end = week_at + 2;
    return m;
  }
  m.meaning.kind = Kind::kWeekday;
  m.meaning.granularity = Granularity::kDay;
  m.meaning.weekday = weekday;
  m.meaning.direction = direction;
  m.meaning.narrative = Is(i, "previous") || Is(i, "following");
  m.end = *w;
  const Word* pod = W(*w);
  if (pod != nullptr && !pod->part_of_day.empty() && toks_[*w].low != "overnight") {
    m.meaning.part_of_day = pod->part_of_day;
    m.meaning.granularity = Granularity::kPartOfDay;
    m.type = TimexType::kTime;
    m.end = *w + 1;
  }
  return m;
}

}  // namespace parallax::timex::internal
