// Proleptic Gregorian calendar arithmetic used by the date parser and by
// anything that compares or bounds dates (days since 1970-01-01, weekdays,
// month lengths, US daylight-saving periods).
//
// Pure functions of their arguments; thread-safe.
#pragma once

#include <cstdint>

namespace parallax::dates {

bool IsLeapYear(int year);
// 28..31; 0 when `month` is not 1..12.
int DaysInMonth(int year, int month);
// True when year/month/day names a real day (any year; callers bound years).
bool IsValidDate(int year, int month, int day);

// Days since 1970-01-01 (negative before). Valid for any plausible year.
int64_t DaysFromCivil(int year, int month, int day);
struct CivilDay {
  int year = 1970, month = 1, day = 1;
};
CivilDay CivilFromDays(int64_t days);
// 0 = Sunday ... 6 = Saturday.
int Weekday(int64_t days);

// True when US daylight-saving time is in effect on that local day (rules
// of 2007 onwards, and of 1987-2006 before; the changeover day counts as
// the new period). Used for "ET", "PT" and friends.
bool UsDaylightTime(int year, int month, int day);

}  // namespace parallax::dates
