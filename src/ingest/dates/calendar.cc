#include "ingest/dates/calendar.h"

namespace parallax::dates {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return day >= 1 && day <= DaysInMonth(year, month);
}

// Counting from a March-based year puts the leap day last, so the day of the
// year follows from the month by a linear formula; eras of 400 years repeat.
int64_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;
  const int64_t march_month = (month + 9) % 12;  // March = 0
  const int64_t day_of_year = (153 * march_month + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;  // 719468 = days from 0000-03-01 to 1970-01-01
}

CivilDay CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t march_month = (5 * day_of_year + 2) / 153;
  CivilDay c;
  c.day = static_cast<int>(day_of_year - (153 * march_month + 2) / 5 + 1);
  c.month = static_cast<int>(march_month < 10 ? march_month + 3 : march_month - 9);
  c.year = static_cast<int>(year_of_era + era * 400 + (c.month <= 2 ? 1 : 0));
  return c;
}

int Weekday(int64_t days) {
  const int64_t w = (days + 4) % 7;  // 1970-01-01 was a Thursday
  return static_cast<int>(w < 0 ? w + 7 : w);
}

namespace {

// Day of month of the n-th (1-based) Sunday of a month.
int NthSunday(int year, int month, int n) {
  const int first = Weekday(DaysFromCivil(year, month, 1));
  return 1 + (7 - first) % 7 + 7 * (n - 1);
}

int LastSunday(int year, int month) {
  const int last = DaysInMonth(year, month);
  return last - Weekday(DaysFromCivil(year, month, last));
}

bool InPeriod(int month, int day, int start_month, int start_day, int end_month, int end_day) {
  const int md = month * 100 + day;
  return md >= start_month * 100 + start_day && md < end_month * 100 + end_day;
}

}  // namespace

bool UsDaylightTime(int year, int month, int day) {
  if (year >= 2007) {
    return InPeriod(month, day, 3, NthSunday(year, 3, 2), 11, NthSunday(year, 11, 1));
  }
  return InPeriod(month, day, 4, NthSunday(year, 4, 1), 10, LastSunday(year, 10));
}

}  // namespace parallax::dates
