#include "ingest/dates/calendar.h"

#include <gtest/gtest.h>

namespace parallax::dates {
namespace {

TEST(CalendarTest, RoundTripsAndKnownDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  for (int64_t d = -800000; d < 800000; d += 997) {
    const CivilDay c = CivilFromDays(d);
    ASSERT_TRUE(IsValidDate(c.year, c.month, c.day));
    ASSERT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
  }
  EXPECT_EQ(Weekday(DaysFromCivil(2024, 3, 25)), 1);  // a Monday
}

TEST(CalendarTest, MonthLengths) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2024, 13), 0);
  EXPECT_FALSE(IsValidDate(2024, 4, 31));
}

TEST(CalendarTest, UsDaylightTime) {
  EXPECT_FALSE(UsDaylightTime(2024, 3, 9));
  EXPECT_TRUE(UsDaylightTime(2024, 3, 10));
  EXPECT_TRUE(UsDaylightTime(2024, 11, 2));
  EXPECT_FALSE(UsDaylightTime(2024, 11, 3));
  EXPECT_FALSE(UsDaylightTime(2005, 3, 20));  // old rules: from the first Sunday of April
  EXPECT_TRUE(UsDaylightTime(2005, 4, 3));
}

}  // namespace
}  // namespace parallax::dates
