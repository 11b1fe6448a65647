// Time expressions in English news: recognition and TIMEX3 normalisation.
//
// FindTimexes() scans text once with hand-written scanners (no regular
// expressions) and returns every time expression with its byte and Unicode
// character offsets, its TIMEX3 type (DATE, TIME, DURATION, SET) and value:
//
//   "March 25, 2024"        DATE      2024-03-25
//   "last week"             DATE      2024-W12     (anchor 2024-03-25)
//   "in February" (past)    DATE      2024-02
//   "on Monday" (future)    DATE      2024-04-01
//   "3 p.m."                TIME      2024-03-25T15:00
//   "three years"           DURATION  P3Y
//   "recently"              DATE      PAST_REF
//   "every week"            SET       P1W
//   "Thanksgiving"          DATE      2024-11-28
//
// Relative and underspecified expressions ("yesterday", "in February",
// "last Monday") need an anchor: the document creation time, for news the
// publication date. With no anchor they come back with `anchored == false`
// and a value with X placeholders ("XXXX-02"); ResolveTimex() fills them
// in once an anchor is known (a story can date an undated article through
// its other articles). Each expression keeps the parsed meaning needed for
// that in `TimeExpression::meaning`.
//
// Tense matters: in "The talks collapsed in February" February is the last
// one before the anchor; in "The talks will resume in February" the next.
// A small window of words around the expression decides (past-tense verbs,
// "since", "will", "next", ...); with no cue, months and seasons take the
// nearest one (ties to the past) and weekdays one of the past four days
// first (news reports what happened).
//
// Pure functions over immutable tables built on first use (thread-safe).
// Notes and limits: src/extract/timex/README.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::timex {

// A proleptic Gregorian calendar day.
struct CivilDate {
  int year = 0;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

// "2024-03-25", or the date part of "2024-03-25T10:00:00Z"; nullopt when the
// string does not start with a valid date.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(const CivilDate& d);  // "2024-03-25"
// Days since 1970-01-01 and back.
int64_t DaysFromCivil(const CivilDate& d);
CivilDate CivilFromDays(int64_t days);

enum class TimexType { kDate, kTime, kDuration, kSet };
const char* TimexTypeName(TimexType t);  // "DATE", "TIME", "DURATION", "SET"

// Granularity of a point expression's value.
enum class Granularity : uint8_t {
  kNone,      // durations, sets, *_REF
  kCentury,   // "19"
  kDecade,    // "199"
  kYear,      // "1998"
  kHalf,      // "1998-H2"
  kQuarter,   // "1998-Q3"
  kSeason,    // "1998-SU"
  kMonth,     // "1998-03"
  kWeek,      // "1998-W12"
  kWeekend,   // "1998-W12-WE"
  kDay,       // "1998-03-25"
  kPartOfDay, // "1998-03-25TMO"
  kTime,      // "1998-03-25T15:00"
};

// What an expression means, before an anchor turns it into a value. Fields
// left at kUnset were not stated.
struct TimexMeaning {
  static constexpr int kUnset = INT32_MIN;
  enum class Kind : uint8_t {
    kFixed,     // `fixed` is the whole value (absolute dates, durations, sets, *_REF)
    kCalendar,  // calendar fields; a missing year comes from the anchor
    kShift,     // anchor moved by `shift` units of `shift_unit`, shown at `granularity`
    kWeekday,   // a weekday near the anchor
  };
  Kind kind = Kind::kFixed;
  Granularity granularity = Granularity::kNone;
  std::string fixed;
  int year = kUnset;        // absolute year
  int year_shift = kUnset;  // "last March": -1; "this year's third quarter": 0
  int month = kUnset, day = kUnset;
  int quarter = kUnset, half = kUnset, week = kUnset;
  int decade = kUnset, century = kUnset;  // decade 199 = 1990s; century 19 = 1900s
  std::string season;       // SP SU FA WI
  std::string part_of_day;  // MO AF EV NI
  int hour = kUnset, minute = kUnset;
  Granularity shift_unit = Granularity::kNone;  // kDay, kWeek, kMonth, kQuarter, kYear, kDecade
  int shift = 0;
  int weekday = kUnset;  // 1 = Monday .. 7 = Sunday
  int holiday = kUnset;  // a named holiday (internal table index): its day depends on the year
  int direction = 0;     // weekday/month: -1 last, +1 next, 0 decide by tense
  int tense = 0;         // context: -1 past, +1 future, 0 unknown
  // Anaphoric: "the following year", "that day", "the previous Friday" are
  // relative to the last date the text mentioned, not to the anchor.
  // FindTimexes resolves them against that date when there is one; on its
  // own (ResolveTimex) the anchor stands in for it.
  bool narrative = false;
  // "two weeks before Christmas", "three days after March 3": the day the
  // rest of the meaning names, moved by `offset` units of `offset_unit`.
  Granularity offset_unit = Granularity::kNone;  // kDay, kWeek, kMonth, kYear
  int offset = 0;
};

struct TimeExpression {
  size_t begin = 0;       // byte offsets into the scanned text
  size_t end = 0;
  size_t char_begin = 0;  // Unicode code point offsets
  size_t char_end = 0;
  std::string text;
  TimexType type = TimexType::kDate;
  std::string value;      // TIMEX3 value; X placeholders while unanchored
  bool anchored = false;  // value needs no anchor, or was resolved against one
  TimexMeaning meaning;
};

struct TimexOptions {
  // Document creation time (publication date); nullopt when unknown.
  std::optional<CivilDate> anchor;
  // Bare four-digit numbers between these count as years ("in 1998").
  int min_year = 1000;
  int max_year = 2199;
};

// Every time expression in `text` (UTF-8), in order, non-overlapping.
std::vector<TimeExpression> FindTimexes(std::string_view text, const TimexOptions& options = {});

// Value of `meaning` against `anchor`.
std::string ResolveValue(const TimexMeaning& meaning, const CivilDate& anchor);
// Value without an anchor (X placeholders where the anchor would decide);
// sets `*complete` when the value needs no anchor at all.
std::string UnanchoredValue(const TimexMeaning& meaning, bool* complete);

// Re-resolves an expression against `anchor` (value and anchored = true).
void ResolveTimex(TimeExpression* expression, const CivilDate& anchor);

// The calendar day an expression denotes, when it denotes exactly one
// (day, part-of-day or time granularity) and is anchored.
std::optional<CivilDate> DayOf(const TimeExpression& expression);

}  // namespace parallax::timex
