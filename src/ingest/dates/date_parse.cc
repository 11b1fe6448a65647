// The grammar is a handful of anchored patterns tried at one position (see
// MatchDate); each pattern works on a copy of the scanner and commits only on
// success, so failure never consumes input. Time and zone are optional tails
// shared by every date form.
#include "ingest/dates/date_parse.h"

#include <cstdio>

#include "ingest/dates/calendar.h"
#include "ingest/dates/date_words.h"
#include "ingest/dates/scanner.h"

namespace parallax::dates {

using internal::Scanner;

namespace {

bool ValidYear(int year, const ParseOptions& o) { return year >= o.min_year && year <= o.max_year; }

int ExpandTwoDigitYear(int yy) { return yy >= 70 ? 1900 + yy : 2000 + yy; }

// "st", "nd", "rd", "th", French "er"/"e"/"ème", Romance "º"/"ª", or a
// German-style "." after a day number.
void SkipOrdinalSuffix(Scanner& sc) {
  if (sc.Eat(".") || sc.Eat("\xC2\xBA") || sc.Eat("\xC2\xAA")) return;
  Scanner t = sc;
  std::string_view w;
  if (t.ReadWord(&w) && (w == "st" || w == "nd" || w == "rd" || w == "th" || w == "er" ||
                         w == "e" || w == "ème" || w == "eme" || w == "o" || w == "a")) {
    sc = t;
    sc.Eat(".");
  }
}

// am/pm forms: "am", "pm", "a.m.", "p. m." (any case). Sets *pm.
bool MatchAmPm(Scanner& sc, bool* pm) {
  Scanner t = sc;
  const char c = static_cast<char>(t.Peek() | 0x20);
  if (c != 'a' && c != 'p') return false;
  t.Advance();
  t.Eat(".");
  t.SkipSpaces();
  if ((t.Peek() | 0x20) != 'm') return false;
  t.Advance();
  t.Eat(".");
  if (t.IsLetterAt(t.pos()) || t.IsDigitAt(t.pos())) return false;
  *pm = c == 'p';
  sc = t;
  return true;
}

// Signed offset after '+'/'-': HH, HHMM, HH:MM, or H when `short_ok`.
bool MatchNumericOffset(Scanner& sc, bool short_ok, bool need_minutes, int* minutes) {
  Scanner t = sc;
  int sign = 0;
  if (t.Eat("+")) {
    sign = 1;
  } else if (t.Eat("-") || t.Eat("\xE2\x88\x92")) {  // '-' or U+2212 minus
    sign = -1;
  } else {
    return false;
  }
  int v = 0, digits = 0;
  if (!t.ReadNumber(&v, &digits)) return false;
  int h = 0, m = 0;
  if (digits == 4) {
    h = v / 100;
    m = v % 100;
  } else if (digits == 2 || (digits == 1 && short_ok)) {
    h = v;
    if (t.Peek() == ':' && t.IsDigitAt(t.pos() + 1)) {
      t.Advance();
      if (!t.ReadNumber(&m, &digits) || digits != 2) return false;
    } else if (need_minutes) {
      return false;
    }
  } else {
    return false;
  }
  if (h > 14 || m > 59 || h * 60 + m > 14 * 60) return false;
  *minutes = sign * (h * 60 + m);
  sc = t;
  return true;
}

// Optional zone after a time: "Z", "+01:00", " +0000", " GMT", " UTC+2",
// " (EST)", " ET".
void MatchZone(Scanner& sc, DateTime* dt) {
  Scanner t = sc;
  const bool spaced = t.SkipSpaces();
  int offset = 0;
  if (!spaced && (t.Peek() == 'Z' || t.Peek() == 'z') && !t.IsLetterAt(t.pos() + 1)) {
    t.Advance();
  } else if (t.Peek() == '+' || t.Peek() == '-' || t.PeekIs("\xE2\x88\x92")) {
    if (!MatchNumericOffset(t, false, spaced, &offset)) return;
  } else {
    const bool paren = t.Eat("(");
    std::string_view w;
    if (!t.ReadWord(&w)) return;
    std::optional<Zone> zone = LookupZone(w);
    if (!zone) return;
    offset = zone->offset_minutes;
    if (zone->rule == ZoneRule::kUsDst && UsDaylightTime(dt->year, dt->month, dt->day)) offset += 60;
    if ((w == "utc" || w == "gmt") && (t.Peek() == '+' || t.Peek() == '-')) {
      int extra = 0;
      if (MatchNumericOffset(t, true, false, &extra)) offset = extra;
    }
    if (paren && !t.Eat(")")) return;
  }
  dt->has_offset = true;
  dt->offset_minutes = offset;
  sc = t;
}

// Optional time after a date: "T14:03:00.5Z", " 14:03", ", 2:03 p.m. ET",
// " um 14:03 Uhr", " à 14h03", " at 9am".
void MatchTime(Scanner& sc, DateTime* dt) {
  Scanner t = sc;
  if ((t.Peek() == 'T' || t.Peek() == 't') && t.IsDigitAt(t.pos() + 1)) {
    t.Advance();
  } else {
    t.SkipSpaces();
    for (int i = 0; i < 3; ++i) {
      if (t.Eat(",") || t.Eat("|") || t.Eat("-") || t.Eat("@") || t.Eat("\xE2\x80\x93") ||
          t.Eat("\xE2\x80\x94") || t.Eat("\xC2\xB7") || t.Eat("\xE2\x80\xA2")) {
        t.SkipSpaces();
        continue;
      }
      Scanner u = t;
      std::string_view w;
      if (u.ReadWord(&w) && IsTimeConnector(w)) {
        u.Eat(".");
        u.SkipSpaces();
        t = u;
        continue;
      }
      break;
    }
  }
  int h = 0, m = 0, s = 0, digits = 0;
  if (!t.ReadNumber(&h, &digits) || digits > 2) return;
  bool have_minutes = false;
  if (t.Peek() == ':' && t.IsDigitAt(t.pos() + 1)) {
    t.Advance();
    if (!t.ReadNumber(&m, &digits) || digits != 2) return;
    have_minutes = true;
    if (t.Peek() == ':' && t.IsDigitAt(t.pos() + 1)) {
      t.Advance();
      // One-digit seconds occur in generated markup ("23:15:0Z").
      if (!t.ReadNumber(&s, &digits) || digits > 2) return;
      if ((t.Peek() == '.' || t.Peek() == ',') && t.IsDigitAt(t.pos() + 1)) {
        t.Advance();
        int frac = 0;
        while (t.IsDigitAt(t.pos())) t.ReadNumber(&frac, &digits);
      }
    }
  } else if ((t.Peek() == 'h' || t.Peek() == 'H') && !t.IsLetterAt(t.pos() + 1)) {
    t.Advance();  // French/Portuguese "14h03", "14h"
    Scanner u = t;
    if (u.ReadNumber(&m, &digits) && digits == 2) t = u;
    have_minutes = true;
  } else if (t.Peek() == '.' && t.IsDigitAt(t.pos() + 1)) {
    Scanner u = t;  // "2.03 p.m." only with am/pm
    u.Advance();
    bool pm = false;
    if (u.ReadNumber(&m, &digits) && digits == 2) {
      Scanner v = u;
      v.SkipSpaces();
      if (MatchAmPm(v, &pm)) t = u;
    }
  }
  {
    Scanner u = t;
    u.SkipSpaces();
    bool pm = false;
    if (MatchAmPm(u, &pm)) {
      if (h < 1 || h > 12) return;
      h = h % 12 + (pm ? 12 : 0);
      have_minutes = true;
      t = u;
    }
  }
  if (!have_minutes || h > 23 || m > 59 || s > 60) return;
  {
    Scanner u = t;
    u.SkipSpaces();
    std::string_view w;
    if (u.ReadWord(&w) && (w == "uhr" || w == "h" || w == "hrs" || w == "horas" || w == "hs")) {
      u.Eat(".");
      t = u;
    }
  }
  dt->has_time = true;
  dt->hour = h;
  dt->minute = m;
  dt->second = s == 60 ? 59 : s;  // leap second
  sc = t;
  MatchZone(sc, dt);
}

bool SetDate(DateTime* dt, int y, int m, int d, const ParseOptions& o) {
  if (!ValidYear(y, o) || !IsValidDate(y, m, d)) return false;
  dt->year = y;
  dt->month = m;
  dt->day = d;
  return true;
}

bool IsDateSeparator(char c) { return c == '-' || c == '/' || c == '.'; }

// Dates that start with a 4-digit year: ISO and its variants, CJK.
bool MatchYearFirst(Scanner& sc, int year, DateTime* dt, const ParseOptions& o) {
  int m = 0, d = 0, digits = 0;
  if (sc.Eat("\xE5\xB9\xB4")) {  // 年 ... 月 ... 日
    sc.SkipSpaces();
    if (!sc.ReadNumber(&m, &digits) || digits > 2 || !sc.Eat("\xE6\x9C\x88")) return false;
    sc.SkipSpaces();
    if (!sc.ReadNumber(&d, &digits) || digits > 2 || !sc.Eat("\xE6\x97\xA5")) return false;
    return SetDate(dt, year, m, d, o);
  }
  const char sep = sc.Peek();
  if (!IsDateSeparator(sep)) return false;
  sc.Advance();
  if (sep == '-' && (sc.Peek() == 'W' || sc.Peek() == 'w')) {  // ISO week date 2024-W13-1
    sc.Advance();
    int week = 0, weekday = 0;
    if (!sc.ReadNumber(&week, &digits) || digits != 2 || !sc.Eat("-")) return false;
    if (!sc.ReadNumber(&weekday, &digits) || digits != 1) return false;
    if (week < 1 || week > 53 || weekday < 1 || weekday > 7 || !ValidYear(year, o)) return false;
    // Week 1 holds January 4th; weeks start on Monday.
    const int64_t jan4 = DaysFromCivil(year, 1, 4);
    const int64_t monday1 = jan4 - (Weekday(jan4) + 6) % 7;
    // A year has 53 weeks when it starts on a Thursday (or a Wednesday in a leap year).
    const int jan1 = Weekday(DaysFromCivil(year, 1, 1));
    if (week == 53 && jan1 != 4 && !(IsLeapYear(year) && jan1 == 3)) return false;
    const CivilDay c = CivilFromDays(monday1 + (week - 1) * 7 + (weekday - 1));
    return SetDate(dt, c.year, c.month, c.day, o);
  }
  if (!sc.ReadNumber(&m, &digits)) return false;
  if (digits == 3 && sep == '-' && sc.Peek() != '-') {  // ordinal date 2024-085
    const int max_day = IsLeapYear(year) ? 366 : 365;
    if (m < 1 || m > max_day) return false;
    const CivilDay c = CivilFromDays(DaysFromCivil(year, 1, 1) + m - 1);
    return SetDate(dt, c.year, c.month, c.day, o);
  }
  if (digits > 2 || sc.Peek() != sep || !sc.IsDigitAt(sc.pos() + 1)) return false;
  sc.Advance();
  if (!sc.ReadNumber(&d, &digits) || digits > 2) return false;
  return SetDate(dt, year, m, d, o);
}

// Reads the year that ends a day-month-year or month-day-year form.
bool MatchTrailingYear(Scanner& sc, int* year, const ParseOptions& o) {
  Scanner t = sc;
  int y = 0, digits = 0;
  if (!t.ReadNumber(&y, &digits)) return false;
  if (digits == 2 && o.two_digit_years && t.Peek() != ':' && !t.IsLetterAt(t.pos())) {
    y = ExpandTwoDigitYear(y);
  } else if (digits != 4) {
    return false;
  }
  *year = y;
  sc = t;
  return true;
}

// Skips spaces, dashes, commas and joiner words ("de", "of") between parts.
void SkipJoiners(Scanner& sc, bool allow_comma) {
  for (int i = 0; i < 4; ++i) {
    sc.SkipSpaces();
    if (sc.Eat("-") || sc.Eat("/") || (allow_comma && sc.Eat(","))) continue;
    Scanner t = sc;
    std::string_view w;
    if (t.ReadWord(&w) && IsDateJoiner(w)) {
      sc = t;
      continue;
    }
    break;
  }
}

// Dates that start with a 1- or 2-digit number: numeric d/m/y or m/d/y, or
// a day followed by a month name.
bool MatchDayFirst(Scanner& sc, int first, DateTime* dt, const ParseOptions& o) {
  int b = 0, y = 0, digits = 0;
  const char sep = sc.Peek();
  if (IsDateSeparator(sep) && sc.IsDigitAt(sc.pos() + 1)) {
    sc.Advance();
    if (!sc.ReadNumber(&b, &digits) || digits > 2 || sc.Peek() != sep) return false;
    sc.Advance();
    if (!MatchTrailingYear(sc, &y, o) || sc.IsDigitAt(sc.pos())) return false;
    int day = first, month = b;
    if (first > 12 && b <= 12) {
      day = first, month = b;
    } else if (b > 12 && first <= 12) {
      day = b, month = first;
    } else {
      DayMonthOrder order = o.order;
      if (order == DayMonthOrder::kAuto) {
        order = sep == '.' ? DayMonthOrder::kDayFirst : DayMonthOrder::kMonthFirst;
        dt->ambiguous = first != b;
      }
      if (order == DayMonthOrder::kMonthFirst) day = b, month = first;
    }
    return SetDate(dt, y, month, day, o);
  }
  SkipOrdinalSuffix(sc);
  SkipJoiners(sc, false);
  std::string_view w;
  int month = 0;
  if (!sc.ReadWord(&w) || (month = LookupMonth(w)) == 0) return false;
  sc.Eat(".");
  SkipJoiners(sc, true);
  if (!MatchTrailingYear(sc, &y, o)) return false;
  return SetDate(dt, y, month, first, o);
}

// "March 25, 2024", "Mar. 25th 2024", asctime "Mar 25 14:03:00 2024".
bool MatchMonthFirst(Scanner& sc, DateTime* dt, const ParseOptions& o) {
  std::string_view w;
  int month = 0;
  if (!sc.ReadWord(&w) || (month = LookupMonth(w)) == 0) return false;
  sc.Eat(".");
  sc.SkipSpaces();
  sc.Eat("-");
  int day = 0, digits = 0, y = 0;
  if (!sc.ReadNumber(&day, &digits) || digits > 2) return false;
  SkipOrdinalSuffix(sc);
  Scanner t = sc;
  SkipJoiners(t, true);
  if (MatchTrailingYear(t, &y, o)) {
    sc = t;
    return SetDate(dt, y, month, day, o);
  }
  // asctime: the time comes before the year.
  DateTime probe;
  probe.year = o.min_year;  // any valid date; only the time is used
  probe.month = month;
  probe.day = 1;
  t = sc;
  MatchTime(t, &probe);
  if (!probe.has_time) return false;
  t.SkipSpaces();
  if (!t.ReadNumber(&y, &digits) || digits != 4) return false;
  if (!SetDate(dt, y, month, day, o)) return false;
  dt->has_time = true;
  dt->hour = probe.hour;
  dt->minute = probe.minute;
  dt->second = probe.second;
  dt->has_offset = probe.has_offset;
  dt->offset_minutes = probe.offset_minutes;
  sc = t;
  MatchZone(sc, dt);
  return true;
}

// A weekday name and its trailing punctuation ("Mon,", "Montag, den",
// "segunda-feira,").
void SkipWeekday(Scanner& sc) {
  Scanner t = sc;
  std::string_view w;
  if (!t.ReadWord(&w) || !IsWeekday(w)) return;
  if (t.PeekIs("-feira")) t.Advance(6);
  t.Eat(".");
  t.SkipSpaces();
  t.Eat(",");
  t.SkipSpaces();
  Scanner u = t;
  if (u.ReadWord(&w) && (w == "den" || w == "the" || w == "le" || w == "el" || w == "il")) {
    u.SkipSpaces();
    t = u;
  }
  sc = t;
}

// A full date (plus optional time and zone) starting exactly at sc.pos().
std::optional<DateTime> MatchDate(Scanner& sc, const ParseOptions& o) {
  Scanner t = sc;
  SkipWeekday(t);
  DateTime dt;
  int n = 0, digits = 0;
  if (t.IsDigitAt(t.pos())) {
    if (!t.ReadNumber(&n, &digits)) return std::nullopt;
    if (digits == 8) {  // compact ISO 20240325[T1403[00]][Z]
      if (!SetDate(&dt, n / 10000, n / 100 % 100, n % 100, o)) return std::nullopt;
      if ((t.Peek() == 'T' || t.Peek() == 't') && t.IsDigitAt(t.pos() + 1)) {
        Scanner u = t;
        u.Advance();
        int hms = 0;
        if (u.ReadNumber(&hms, &digits) && (digits == 4 || digits == 6)) {
          if (digits == 4) hms *= 100;
          const int h = hms / 10000, m = hms / 100 % 100, s = hms % 100;
          if (h < 24 && m < 60 && s <= 60) {
            dt.has_time = true;
            dt.hour = h, dt.minute = m, dt.second = s == 60 ? 59 : s;
            t = u;
            MatchZone(t, &dt);
          }
        }
      }
      if (t.IsLetterAt(t.pos()) || t.IsDigitAt(t.pos())) return std::nullopt;
      sc = t;
      return dt;
    }
    if (digits == 4) {
      if (!MatchYearFirst(t, n, &dt, o)) return std::nullopt;
    } else if (digits <= 2) {
      if (!MatchDayFirst(t, n, &dt, o)) return std::nullopt;
    } else {
      return std::nullopt;
    }
  } else if (!MatchMonthFirst(t, &dt, o)) {
    return std::nullopt;
  }
  if (t.IsDigitAt(t.pos())) return std::nullopt;
  if (!dt.has_time) MatchTime(t, &dt);
  sc = t;
  return dt;
}

void AppendTwo(std::string* out, int v) {
  out->push_back(static_cast<char>('0' + v / 10 % 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

}  // namespace

std::string DateTime::DateIso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string DateTime::ToIso() const {
  std::string out = DateIso();
  if (!has_time) return out;
  out.push_back('T');
  AppendTwo(&out, hour);
  out.push_back(':');
  AppendTwo(&out, minute);
  out.push_back(':');
  AppendTwo(&out, second);
  if (has_offset) {
    const int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    out.push_back(offset_minutes < 0 ? '-' : '+');
    AppendTwo(&out, a / 60);
    out.push_back(':');
    AppendTwo(&out, a % 60);
  }
  return out;
}

int64_t DateTime::Days() const { return DaysFromCivil(year, month, day); }

std::optional<DateTime> Parse(std::string_view s, const ParseOptions& options) {
  Scanner sc(s, 0);
  // Leading label: filler words and punctuation ("Published on:", "le").
  for (;;) {
    sc.SkipSpaces();
    if (sc.Eat(":") || sc.Eat(",") || sc.Eat("|") || sc.Eat("(") || sc.Eat("-")) continue;
    Scanner t = sc;
    std::string_view w;
    if (t.ReadWord(&w) && IsDateFiller(w) && LookupMonth(w) == 0) {
      sc = t;
      continue;
    }
    break;
  }
  std::optional<DateTime> dt = MatchDate(sc, options);
  if (!dt) return std::nullopt;
  // Trailing: only punctuation, zone names, weekdays and filler words.
  for (;;) {
    sc.SkipSpaces();
    if (sc.AtEnd()) break;
    const char c = sc.Peek();
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '|' ||
        c == '[' || c == ']' || c == '-') {
      sc.Advance();
      continue;
    }
    std::string_view w;
    if (sc.ReadWord(&w) && (IsDateFiller(w) || IsWeekday(w) || LookupZone(w))) continue;
    return std::nullopt;
  }
  return dt;
}

std::optional<std::string> ParseDateTime(std::string_view s) {
  std::optional<DateTime> dt = Parse(s);
  if (!dt) return std::nullopt;
  return dt->ToIso();
}

std::vector<FoundDate> FindDates(std::string_view text, size_t max_results,
                                 const ParseOptions& options) {
  std::vector<FoundDate> found;
  Scanner sc(text, 0);
  size_t pos = 0;
  while (pos < text.size() && found.size() < max_results) {
    const bool digit = sc.IsDigitAt(pos);
    if ((digit || sc.IsLetterAt(pos)) && sc.IsBoundaryBefore(pos)) {
      Scanner t(text, pos);
      if (std::optional<DateTime> dt = MatchDate(t, options)) {
        found.push_back({*dt, pos, t.pos()});
        pos = t.pos();
        continue;
      }
      // Skip the rest of this word or number.
      size_t p = pos;
      while (p < text.size() && (digit ? sc.IsDigitAt(p) : sc.IsLetterAt(p))) p += sc.CharLength(p);
      pos = p;
      continue;
    }
    pos += sc.CharLength(pos);
  }
  return found;
}

std::optional<DateTime> FromUnixTime(int64_t value, const ParseOptions& options) {
  if (value > 100'000'000'000LL) value /= 1000;  // milliseconds
  int64_t days = value / 86400;
  int64_t secs = value % 86400;
  if (secs < 0) secs += 86400, days -= 1;
  const CivilDay c = CivilFromDays(days);
  if (!ValidYear(c.year, options)) return std::nullopt;
  DateTime dt;
  dt.year = c.year, dt.month = c.month, dt.day = c.day;
  dt.has_time = true;
  dt.hour = static_cast<int>(secs / 3600);
  dt.minute = static_cast<int>(secs / 60 % 60);
  dt.second = static_cast<int>(secs % 60);
  dt.has_offset = true;
  return dt;
}

}  // namespace parallax::dates
