// Date-string parsing shared by every reader: HTML metadata, RSS/Atom,
// JSONL records, bylines and visible text.
//
// Accepted forms (case-insensitive, surrounding whitespace ignored):
//   ISO 8601      2024-03-25, 2024-03-25T14:03:00Z, 2024-03-25 14:03:00.123+01:00,
//                 20240325T140300Z, 2024-W13-1 (week date), 2024-085 (ordinal)
//   RFC 822/2822  Mon, 25 Mar 2024 14:03:00 GMT / +0000 / EST, 25 Mar 24 14:03 +0000
//   English       March 25, 2024; 25 March 2024; Mar. 25, 2024 2:03 p.m. ET;
//                 25th of March 2024; Mon Mar 25 14:03:00 2024 (asctime)
//   Other         25. März 2024 um 14:03 Uhr; le 25 mars 2024 à 14h03;
//                 25 de marzo de 2024; 25 marzo 2024; 25 de março de 2024; 25 maart 2024;
//                 2024年3月25日
//   Numeric       2024/03/25, 2024.03.25, 25.03.2024, 03/25/2024, 25/03/2024, 25-03-2024
// Month and weekday names cover en, de, fr, es, it, pt, nl, the Scandinavian
// languages, pl, tr, ru, uk and Arabic (Egyptian forms); see date_words.h.
//
// Numeric day/month order: when the first number is over 12 it is the day,
// when the second is over 12 it is the day; otherwise ParseOptions::order
// decides. kAuto reads "." as day-first (25.03.2024, European) and "/" and
// "-" as month-first (03/25/2024, US) and flags the result `ambiguous`.
//
// Impossible dates (2023-02-29, 31 April), times (25:00), offsets beyond
// ±14:00 and years outside [min_year, max_year] are rejected. Two-digit years
// are read as 19xx for 70..99 and 20xx otherwise.
//
// Named zones: GMT/UTC/Z, US zones (EST/EDT/..., and ET/CT/MT/PT resolved
// with the US daylight-saving calendar), common European, Asian and
// Australian abbreviations; "IST" is India, "CST" is US Central.
//
// Everything here is a pure function; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::dates {

enum class DayMonthOrder { kAuto, kDayFirst, kMonthFirst };

struct ParseOptions {
  DayMonthOrder order = DayMonthOrder::kAuto;
  int min_year = 1900;
  int max_year = 2100;
  // Accept "25 Mar 24", "03/25/24". FindDates() callers scanning prose may
  // want this off ("March 25, 24 people ..." is not a date).
  bool two_digit_years = true;
};

// A calendar day with optional wall-clock time and UTC offset.
struct DateTime {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  bool has_offset = false;
  int offset_minutes = 0;  // east of UTC (-05:00 is -300)
  // True when the numeric day/month order was a guess (both readings valid
  // and different, e.g. 03/04/2024 under DayMonthOrder::kAuto).
  bool ambiguous = false;

  // "YYYY-MM-DD" without a time, else "YYYY-MM-DDTHH:MM:SS" followed by
  // "±HH:MM" when the offset is known (UTC is "+00:00").
  std::string ToIso() const;
  // "YYYY-MM-DD" always.
  std::string DateIso() const;
  // Days since 1970-01-01 of the (local) calendar day.
  int64_t Days() const;

  bool operator==(const DateTime&) const = default;
};

// Parses a string that is a date and nothing else, allowing only labels and
// filler words around it ("Published: 25 March 2024", "le 25 mars 2024",
// "2024-03-25 14:03:00 +0000 UTC"). Returns nullopt when the string holds no
// full date (year, month and day) or holds other words.
std::optional<DateTime> Parse(std::string_view s, const ParseOptions& options = {});

// Parse(s) rendered by DateTime::ToIso(); nullopt when Parse fails.
std::optional<std::string> ParseDateTime(std::string_view s);

// A date found inside longer text: `text.substr(begin, end - begin)` is the
// matched expression, time and zone included.
struct FoundDate {
  DateTime date;
  size_t begin = 0;
  size_t end = 0;
};

// Finds up to `max_results` non-overlapping full dates in running text, in
// order. Matching starts only at word boundaries, so "v2024-03-25" or
// "1234/56/78" noise is not picked. Cost is linear in the text.
std::vector<FoundDate> FindDates(std::string_view text, size_t max_results = 8,
                                 const ParseOptions& options = {});

// The UTC calendar time of a Unix timestamp in seconds (or milliseconds when
// the value is too large for seconds); nullopt outside the option's years.
std::optional<DateTime> FromUnixTime(int64_t value, const ParseOptions& options = {});

}  // namespace parallax::dates
