// Calendar arithmetic and TIMEX3 values: turns a TimexMeaning into a value,
// against an anchor date or (with X placeholders) without one.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "extract/timex/holidays.h"
#include "parallax/timex.h"

namespace parallax::timex {
namespace {

using Kind = TimexMeaning::Kind;
constexpr int kUnset = TimexMeaning::kUnset;

bool Set(int v) { return v != kUnset; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// ISO weekday, 1 = Monday .. 7 = Sunday (1970-01-01 was a Thursday).
int Weekday(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1; }

// ISO 8601 week-numbering year and week of a day.
void IsoWeek(int64_t days, int* year, int* week) {
  int64_t thursday = days - (Weekday(days) - 1) + 3;
  *year = CivilFromDays(thursday).year;
  *week = static_cast<int>((thursday - DaysFromCivil({*year, 1, 1})) / 7) + 1;
}

CivilDate AddMonths(CivilDate d, int months) {
  int m = d.year * 12 + (d.month - 1) + months;
  d.year = m >= 0 ? m / 12 : -((-m + 11) / 12);
  d.month = m - d.year * 12 + 1;
  if (d.day > DaysInMonth(d.year, d.month)) d.day = DaysInMonth(d.year, d.month);
  return d;
}

std::string Pad(int v, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, v);
  return buf;
}

std::string DayValue(const CivilDate& d) { return FormatIsoDate(d); }

// Appends the time-of-day part (part of day or hh:mm) to a day value.
std::string WithTime(std::string day, const TimexMeaning& m) {
  if (Set(m.hour)) return day + "T" + Pad(m.hour, 2) + ":" + Pad(Set(m.minute) ? m.minute : 0, 2);
  if (!m.part_of_day.empty()) return day + "T" + m.part_of_day;
  return day;
}

// A value at the meaning's granularity for the period containing `d`.
std::string Format(const CivilDate& d, const TimexMeaning& m) {
  switch (m.granularity) {
    case Granularity::kCentury: return Pad(d.year / 100, 2);
    case Granularity::kDecade: return Pad(d.year / 10, 3);
    case Granularity::kYear: return Pad(d.year, 4);
    case Granularity::kHalf: return Pad(d.year, 4) + "-H" + std::to_string(d.month <= 6 ? 1 : 2);
    case Granularity::kQuarter: return Pad(d.year, 4) + "-Q" + std::to_string((d.month + 2) / 3);
    case Granularity::kSeason: return Pad(d.year, 4) + "-" + m.season;
    case Granularity::kMonth: return Pad(d.year, 4) + "-" + Pad(d.month, 2);
    case Granularity::kWeek:
    case Granularity::kWeekend: {
      int y = 0, w = 0;
      IsoWeek(DaysFromCivil(d), &y, &w);
      return Pad(y, 4) + "-W" + Pad(w, 2) + (m.granularity == Granularity::kWeekend ? "-WE" : "");
    }
    case Granularity::kDay:
    case Granularity::kPartOfDay:
    case Granularity::kTime: return WithTime(DayValue(d), m);
    case Granularity::kNone: break;
  }
  return m.fixed;
}

// Position of a calendar meaning within its year, in days from 1 January,
// for choosing the nearest year.
int PositionInYear(const TimexMeaning& m, int year) {
  if (Set(m.holiday) && !Set(m.month)) {
    CivilDate d = internal::HolidayDate(m.holiday, year);
    return (d.month - 1) * 31 + d.day - 1;
  }
  if (Set(m.month)) return (m.month - 1) * 31 + (Set(m.day) ? m.day - 1 : 15);
  if (Set(m.quarter)) return (m.quarter - 1) * 93 + 46;
  if (Set(m.half)) return (m.half - 1) * 186 + 93;
  if (m.season == "SP") return 3 * 31 + 15;
  if (m.season == "SU") return 6 * 31 + 15;
  if (m.season == "FA") return 9 * 31 + 15;
  if (m.season == "WI") return 0;
  return 0;
}

int ChooseYear(const TimexMeaning& m, const CivilDate& anchor) {
  if (Set(m.year)) return m.year;
  if (Set(m.year_shift)) return anchor.year + m.year_shift;
  // Quarters and halves are reported when over: the latest one up to now.
  if (Set(m.quarter)) return m.quarter <= (anchor.month + 2) / 3 ? anchor.year : anchor.year - 1;
  if (Set(m.half)) return m.half <= (anchor.month + 5) / 6 ? anchor.year : anchor.year - 1;
  // "last March" / "next March": strictly before / after the anchor's month.
  if (m.direction != 0 && Set(m.month)) {
    if (m.direction < 0) return m.month < anchor.month ? anchor.year : anchor.year - 1;
    return m.month > anchor.month ? anchor.year : anchor.year + 1;
  }
  int pos = PositionInYear(m, anchor.year);
  int here = (anchor.month - 1) * 31 + anchor.day - 1;
  int dir = m.direction != 0 ? m.direction : m.tense;
  // Same period as the anchor counts as "this one" both ways, except for a
  // whole month or season named in a clearly past or future sentence with a
  // day-precise anchor inside it: that still means this year's.
  if (dir < 0) {
    // The latest one up to the anchor; but a date up to about ten weeks
    // ahead is far more often a past-tense sentence about a coming date
    // ("shareholders of record Nov. 21 will be paid", "the company said the
    // offer expires Dec. 15") than one almost a year back, which news would
    // write with its year.
    for (int y : {anchor.year, anchor.year + 1}) {
      int ahead = pos + (y - anchor.year) * 372 - here;
      if (ahead > 0 && ahead <= 75) return y;
    }
    return pos <= here ? anchor.year : anchor.year - 1;
  }
  // Mirror image: a day a couple of weeks back in a future-tense sentence is
  // usually a recent date ("the meeting, planned for March 20, would be held
  // next week"), not one almost a year ahead.
  if (dir > 0) {
    const int back = here - pos;
    return back <= 0 || back < (Set(m.day) ? 15 : 31) ? anchor.year : anchor.year + 1;
  }
  // No cue: the nearest, ties to the past.
  int best = anchor.year;
  int best_dist = std::abs(pos - here);
  for (int y : {anchor.year - 1, anchor.year + 1}) {
    int dist = std::abs(pos + (y - anchor.year) * 372 - here);
    if (dist < best_dist || (dist == best_dist && y < best)) {
      best = y;
      best_dist = dist;
    }
  }
  return best;
}

// A holiday: "last Thanksgiving" is the one strictly before the anchor,
// "next Easter" the one after; otherwise the year is chosen as for a date.
std::string HolidayValue(const TimexMeaning& m, const CivilDate& anchor) {
  int year = anchor.year;
  if (Set(m.year)) {
    year = m.year;
  } else if (Set(m.year_shift)) {
    year = anchor.year + m.year_shift;
  } else if (m.direction != 0) {
    CivilDate d = internal::HolidayDate(m.holiday, year);
    if (m.direction < 0 && !(d < anchor)) --year;
    if (m.direction > 0 && !(anchor < d)) ++year;
  } else {
    year = ChooseYear(m, anchor);
  }
  return Format(internal::HolidayDate(m.holiday, year), m);
}

std::string CalendarValue(const TimexMeaning& m, int year) {
  std::string y = Pad(year, 4);
  switch (m.granularity) {
    case Granularity::kCentury: return Pad(Set(m.century) ? m.century : year / 100, 2);
    case Granularity::kDecade: return Pad(Set(m.decade) ? m.decade : year / 10, 3);
    case Granularity::kYear: return y;
    case Granularity::kHalf: return y + "-H" + std::to_string(m.half);
    case Granularity::kQuarter: return y + "-Q" + std::to_string(m.quarter);
    case Granularity::kSeason: return y + "-" + m.season;
    case Granularity::kMonth: return y + "-" + Pad(m.month, 2);
    case Granularity::kWeek:
      if (!Set(m.week) && Set(m.month) && Set(m.day)) return Format({year, m.month, m.day}, m);
      return y + "-W" + Pad(m.week, 2);
    default: break;
  }
  if (Set(m.month) && Set(m.day)) return WithTime(y + "-" + Pad(m.month, 2) + "-" + Pad(m.day, 2), m);
  return y;
}

std::string Placeholder(const TimexMeaning& m) {
  switch (m.granularity) {
    case Granularity::kCentury: return "XX";
    case Granularity::kDecade: return "XXX";
    case Granularity::kYear: return "XXXX";
    case Granularity::kHalf: return "XXXX-HX";
    case Granularity::kQuarter: return "XXXX-QX";
    case Granularity::kSeason: return "XXXX-" + (m.season.empty() ? std::string("XX") : m.season);
    case Granularity::kMonth: return "XXXX-XX";
    case Granularity::kWeek: return "XXXX-WXX";
    case Granularity::kWeekend: return "XXXX-WXX-WE";
    default: break;
  }
  return WithTime("XXXX-XX-XX", m);
}

}  // namespace

int64_t DaysFromCivil(const CivilDate& d) {
  // Era-based conversion (400-year cycles of 146097 days), March-based years.
  int y = d.year - (d.month <= 2 ? 1 : 0);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int mp = (d.month + 9) % 12;
  int doy = (153 * mp + 2) / 5 + d.day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return int64_t{era} * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int doe = static_cast<int>(days - era * 146097);
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  CivilDate d;
  d.day = doy - (153 * mp + 2) / 5 + 1;
  d.month = mp < 10 ? mp + 3 : mp - 9;
  d.year = static_cast<int>(yoe + era * 400) + (d.month <= 2 ? 1 : 0);
  return d;
}

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  auto digits = [&](size_t at, size_t n, int* out) {
    if (s.size() < at + n) return false;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  CivilDate d;
  if (!digits(0, 4, &d.year) || s.size() < 10 || s[4] != '-' || s[7] != '-' ||
      !digits(5, 2, &d.month) || !digits(8, 2, &d.day)) {
    return std::nullopt;
  }
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

std::string FormatIsoDate(const CivilDate& d) {
  return Pad(d.year, 4) + "-" + Pad(d.month, 2) + "-" + Pad(d.day, 2);
}

const char* TimexTypeName(TimexType t) {
  switch (t) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

// A day moved by the meaning's offset ("two weeks before Christmas").
std::optional<CivilDate> OffsetDay(const TimexMeaning& m, const std::string& base) {
  auto d = ParseIsoDate(base);
  if (!d) return std::nullopt;
  switch (m.offset_unit) {
    case Granularity::kDay: return CivilFromDays(DaysFromCivil(*d) + m.offset);
    case Granularity::kWeek: return CivilFromDays(DaysFromCivil(*d) + 7 * m.offset);
    case Granularity::kMonth: return AddMonths(*d, m.offset);
    case Granularity::kYear: return AddMonths(*d, 12 * m.offset);
    default: return d;
  }
}

std::string ResolveValue(const TimexMeaning& m, const CivilDate& anchor) {
  if (m.offset_unit != Granularity::kNone) {
    TimexMeaning base = m;
    base.offset_unit = Granularity::kNone;
    auto d = OffsetDay(m, ResolveValue(base, anchor));
    return d ? FormatIsoDate(*d) : "XXXX-XX-XX";
  }
  switch (m.kind) {
    case Kind::kFixed: return m.fixed;
    case Kind::kCalendar: {
      if (Set(m.holiday)) return HolidayValue(m, anchor);
      int year = ChooseYear(m, anchor);
      // "Feb. 29" without a year: the nearest leap year the tense points to.
      if (!Set(m.year) && m.month == 2 && m.day == 29) {
        int dir = m.direction != 0 ? m.direction : m.tense;
        int step = dir != 0 ? dir : year > anchor.year ? 1 : -1;
        while (DaysInMonth(year, 2) != 29) year += step;
      }
      return CalendarValue(m, year);
    }
    case Kind::kShift: {
      CivilDate d = anchor;
      switch (m.shift_unit) {
        case Granularity::kDay: d = CivilFromDays(DaysFromCivil(d) + m.shift); break;
        case Granularity::kWeek: {
          int64_t days = DaysFromCivil(d) + 7 * m.shift;
          // "Tuesday next week": that weekday of the shifted week.
          if (Set(m.weekday)) days += m.weekday - Weekday(days);
          d = CivilFromDays(days);
          break;
        }
        case Granularity::kWeekend: {
          // "the weekend" told on a weekday is, unless the sentence looks
          // ahead, the one just past.
          int64_t days = DaysFromCivil(d) + 7 * m.shift;
          if (m.shift == 0 && m.direction < 0 && Weekday(days) < 6 && m.tense <= 0) days -= 7;
          d = CivilFromDays(days);
          break;
        }
        case Granularity::kMonth: d = AddMonths(d, m.shift); break;
        case Granularity::kQuarter: d = AddMonths(d, 3 * m.shift); break;
        case Granularity::kHalf: d = AddMonths(d, 6 * m.shift); break;
        case Granularity::kYear: d = AddMonths(d, 12 * m.shift); break;
        case Granularity::kDecade: d.year += 10 * m.shift; break;
        case Granularity::kCentury: d.year += 100 * m.shift; break;
        default: break;
      }
      return Format(d, m);
    }
    case Kind::kWeekday: {
      int64_t days = DaysFromCivil(anchor);
      int wa = Weekday(days);
      int back = (wa - m.weekday + 7) % 7;
      int fwd = (m.weekday - wa + 7) % 7;
      int64_t target = days;
      int dir = m.direction != 0 ? m.direction : m.tense;
      if (m.direction < 0) {
        target = days - (back == 0 ? 7 : back);
      } else if (m.direction > 0) {
        target = days + (fwd == 0 ? 7 : fwd);
      } else if (dir < 0) {
        target = days - back;
      } else if (dir > 0) {
        target = days + fwd;
      } else {
        // No cue: news mostly reports what happened, so the past few days
        // win over the next few.
        target = back <= 4 ? days - back : days + fwd;
      }
      return Format(CivilFromDays(target), m);
    }
  }
  return m.fixed;
}

std::string UnanchoredValue(const TimexMeaning& m, bool* complete) {
  if (m.offset_unit != Granularity::kNone) {
    TimexMeaning base = m;
    base.offset_unit = Granularity::kNone;
    std::string v = UnanchoredValue(base, complete);
    auto d = *complete ? OffsetDay(m, v) : std::nullopt;
    *complete = d.has_value();
    return d ? FormatIsoDate(*d) : "XXXX-XX-XX";
  }
  *complete = true;
  if (m.kind == Kind::kFixed) return m.fixed;
  if (m.kind == Kind::kCalendar && Set(m.holiday)) {
    if (Set(m.year)) return Format(internal::HolidayDate(m.holiday, m.year), m);
    *complete = false;
    if (m.granularity == Granularity::kDay && Set(m.month)) return "XXXX-" + Pad(m.month, 2) + "-" + Pad(m.day, 2);
    return Placeholder(m);
  }
  if (m.kind == Kind::kCalendar) {
    if (Set(m.year)) return CalendarValue(m, m.year);
    if (m.granularity == Granularity::kCentury && Set(m.century)) return Pad(m.century, 2);
    if (m.granularity == Granularity::kDecade && Set(m.decade)) return Pad(m.decade, 3);
    *complete = false;
    std::string v = CalendarValue(m, 0);
    return "XXXX" + v.substr(4);
  }
  *complete = false;
  return Placeholder(m);
}

void ResolveTimex(TimeExpression* e, const CivilDate& anchor) {
  e->value = ResolveValue(e->meaning, anchor);
  e->anchored = true;
}

std::optional<CivilDate> DayOf(const TimeExpression& e) {
  if (!e.anchored) return std::nullopt;
  Granularity g = e.meaning.granularity;
  if (g != Granularity::kDay && g != Granularity::kPartOfDay && g != Granularity::kTime) {
    // Absolute full dates are kept as fixed values: accept a YYYY-MM-DD value.
    if (!(e.meaning.kind == Kind::kFixed && e.value.size() >= 10)) return std::nullopt;
  }
  return ParseIsoDate(e.value);
}

}  // namespace parallax::timex
