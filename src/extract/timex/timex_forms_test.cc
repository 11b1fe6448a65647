// Forms added in round 3 (eval/timex/RESULTS.md), from TimeBank and
// AQUAINT half A errors and from the Recognizers-Text date specs (kept to
// what news writes): each with a news sentence.
#include <gtest/gtest.h>

#include "extract/timex/test_util.h"
#include "parallax/timex.h"

namespace parallax::timex {
namespace {

using timex_testing::Show;

TEST(TimexForms, LeapDayTakesALeapYear) {
  // Never an invalid 2017-02-29: the nearest leap year on the side the tense chose.
  EXPECT_EQ(Show("The referendum was held on Feb. 29.", {2017, 3, 5}), "Feb. 29|DATE|2016-02-29");
  EXPECT_EQ(Show("The primary will be held on Feb. 29.", {2017, 3, 5}), "Feb. 29|DATE|2020-02-29");
}

TEST(TimexForms, AnAmountIsNoDay) {
  EXPECT_EQ(Show("He bought the painting for $12 December 27.", {2017, 3, 5}), "December 27|DATE|2016-12-27");
}

TEST(TimexForms, PresentPassiveIsNoCue) {
  // "is set" is no past cue: the nearest Feb. 22 (no cue) rather than last year's.
  EXPECT_EQ(Show("The vote is set for March 20.", {2017, 3, 5}), "March 20|DATE|2017-03-20");
}

TEST(TimexForms, MoreHolidays) {
  EXPECT_EQ(Show("Retailers are counting on Black Friday.", {2017, 11, 1}), "Black Friday|DATE|2017-11-24");
  EXPECT_EQ(Show("Shoppers crowded stores on Black Friday 2010.", {2017, 11, 1}),
            "Black Friday 2010|DATE|2010-11-26");
  EXPECT_EQ(Show("Markets were closed for Martin Luther King Jr. Day.", {2017, 1, 20}),
            "Martin Luther King Jr. Day|DATE|2017-01-16");
  EXPECT_EQ(Show("Thousands marched in the St. Patrick's Day parade.", {2017, 3, 20}),
            "St. Patrick's Day|DATE|2017-03-17");
  EXPECT_EQ(Show("Revellers filled the streets for Mardi Gras.", {2017, 3, 5}), "Mardi Gras|DATE|2017-02-28");
  EXPECT_EQ(Show("Unions held rallies on May Day.", {2017, 5, 3}), "May Day|DATE|2017-05-01");
  // Common words without their capitals are no holiday.
  EXPECT_EQ(Show("It was a black friday for the markets.", {2017, 5, 3}), "");
  EXPECT_EQ(Show("Traders may day-trade less.", {2017, 5, 3}), "");
}

TEST(TimexForms, Fortnight) {
  EXPECT_EQ(Show("The same story played out in Kolkata a fortnight later.", {2021, 5, 20}),
            "a fortnight|DURATION|P2W");
  EXPECT_EQ(Show("The minister resigned a fortnight ago.", {2021, 5, 20}), "a fortnight ago|DATE|2021-W18");
  EXPECT_EQ(Show("The strike lasted two fortnights.", {2021, 5, 20}), "two fortnights|DURATION|P4W");
}

TEST(TimexForms, SpokenDays) {
  // Broadcast transcripts spell days out.
  EXPECT_EQ(Show("The launch is planned for february twenty second.", {2019, 1, 10}),
            "february twenty second|DATE|2019-02-22");
  EXPECT_EQ(Show("He was born on September the twenty-first nineteen seventy eight.", {2019, 1, 10}),
            "September the twenty-first nineteen seventy eight|DATE|1978-09-21");
  // "the first" that starts a noun phrase is no day.
  EXPECT_EQ(Show("In March the first soldiers arrived.", {2019, 6, 10}), "March|DATE|2019-03");
}

TEST(TimexForms, WeekdayOfANamedWeek) {
  // 2017-03-05 is a Sunday.
  EXPECT_EQ(Show("The talks resume Tuesday of next week.", {2017, 3, 5}), "Tuesday of next week|DATE|2017-03-07");
}

TEST(TimexForms, WeekOfAMonthOrYear) {
  // The ISO week holding the middle of that stretch; not "the last week" (the week before).
  EXPECT_EQ(Show("Talks collapsed in the first week of October.", {2016, 11, 7}),
            "the first week of October|DATE|2016-W40");
  EXPECT_EQ(Show("The vote is expected in the last week of March.", {2016, 11, 7}),
            "the last week of March|DATE|2017-W12");
  EXPECT_EQ(Show("Sales fell in the first week of 2015.", {2016, 11, 7}), "the first week of 2015|DATE|2015-W01");
  EXPECT_EQ(Show("The last week of 2015 was cold.", {2016, 11, 7}), "The last week of 2015|DATE|2015-W53");
  // Not of a calendar period.
  EXPECT_EQ(Show("In the first week of the war, 50 people died.", {2016, 11, 7}), "");
}

TEST(TimexForms, YearAfterAPossessiveOrDemonstrative) {
  EXPECT_EQ(Show("The write-off will be reported in the company's 1989 operating results.", {1989, 10, 26}),
            "1989|DATE|1989");
  EXPECT_EQ(Show("That 1978 resolution calls for Israel's withdrawal.", {1998, 4, 1}), "1978|DATE|1978");
  // A model year before the make is no date.
  EXPECT_EQ(Show("Kopp's 1987 Chevrolet Cavalier was found at the airport.", {1999, 1, 22}), "");
}

TEST(TimexForms, AnAmountIsNoTime) {
  EXPECT_EQ(Show("Sales were little changed at 2.46 billion guilders.", {1989, 11, 2}), "");
  EXPECT_EQ(Show("The train left at 10.30 GMT.", {1989, 11, 2}), "10.30 GMT|TIME|1989-11-02T10:30");
}

TEST(TimexForms, QuotedProgrammeTitles) {
  EXPECT_EQ(Show("Baker, speaking on ABC News' \"This Week,\" said the request was legal.", {1990, 8, 13}), "");
  EXPECT_EQ(Show("Baker said on ABC-TV's \"This Week With David Brinkley\" that it held.", {1991, 2, 25}), "");
  EXPECT_EQ(Show("Gonzalez said on CBS's ``60 Minutes.''", {2000, 4, 17}), "");
  // Quoted dates and ordinary quoted speech stay.
  EXPECT_EQ(Show("He said \"this week was hard.\"", {1991, 2, 25}), "this week|DATE|1991-W09");
  EXPECT_EQ(Show("The letter was dated \"Monday, Feb. 25.\"", {1991, 2, 27}), "Monday, Feb. 25|DATE|1991-02-25");
}

}  // namespace
}  // namespace parallax::timex
