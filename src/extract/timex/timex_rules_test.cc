// Rules added in the second round (eval/timex/RESULTS.md, round 2): each
// with real news sentences, anchored on their publication date.
#include <gtest/gtest.h>

#include "parallax/timex.h"
#include "extract/timex/test_util.h"

namespace parallax::timex {
namespace {

using timex_testing::Show;

constexpr CivilDate kOct1989{1989, 10, 26};

TEST(TimexRules, DateAFewWeeksAheadInAPastSentenceIsThisYears) {
  EXPECT_EQ(Show("The company said the dividend is payable Dec. 15 to holders of record Nov. 30.", kOct1989),
            "Dec. 15|DATE|1989-12-15; Nov. 30|DATE|1989-11-30");
  EXPECT_EQ(Show("The company said in a statement that the offer expired Aug. 21.", kOct1989),
            "Aug. 21|DATE|1989-08-21");
}

TEST(TimexRules, YearAgoQuarters) {
  EXPECT_EQ(Show("National Intergroup in the year-ago third quarter earned $22.5 million.", kOct1989),
            "the year-ago third quarter|DATE|1988-Q3");
  EXPECT_EQ(Show("In the year-earlier third quarter, Poughkeepsie Savings had net income of $2.8 million.",
                 kOct1989),
            "the year-earlier third quarter|DATE|1988-Q3");
  // "a year-earlier loss" is the adjective, not the duration "a year".
  EXPECT_EQ(Show("It earned 10 cents a share in the third quarter, compared with a year-earlier loss of "
                 "$26,956.", kOct1989),
            "the third quarter|DATE|1989-Q3; year-earlier|DATE|1988-Q3");
}

TEST(TimexRules, YearAgoInAQuarterlyReportSeveralSentencesOn) {
  // The lead names the quarter; "a year earlier" three sentences on is still the year-ago quarter.
  EXPECT_EQ(Show("Du Pont said third-quarter net income rose 19% to $581 million, or $2.46 a share, on "
                 "higher chemical and oil prices. The company cited strong demand in its fibers and "
                 "polymers businesses, as well as higher natural gas prices and volume at its Conoco unit. "
                 "For the nine months, Du Pont earned $2 billion, or $8.46 a share, up 18% from $1.69 "
                 "billion, or $7.03 a share, a year earlier.", kOct1989),
            "third-quarter|DATE|1989-Q3; the nine months|DURATION|P9M; a year earlier|DATE|1988-Q3");
}

TEST(TimexRules, Holidays) {
  // Fixed and computed (n-th weekday, Easter) holidays; "last" is the one before the anchor.
  EXPECT_EQ(Show("Elian was found Thanksgiving Day clinging to an inner tube at sea.", {2000, 4, 6}),
            "Thanksgiving Day|DATE|1999-11-25");
  EXPECT_EQ(Show("He was found clinging to an inner tube in the Atlantic last Thanksgiving.", {2000, 4, 6}),
            "last Thanksgiving|DATE|1999-11-25");
  EXPECT_EQ(Show("Earlier Sunday, protesters prayed for divine help as Easter week began.", {2000, 4, 17}),
            "Sunday|DATE|2000-04-16; Easter week|DATE|2000-W16");
  EXPECT_EQ(Show("Pope Francis will celebrate Easter Sunday in St. Peter's Square.", {2024, 3, 25}),
            "Easter Sunday|DATE|2024-03-31");
  EXPECT_EQ(Show("Shoppers crowded the malls before Christmas.", {2023, 12, 27}), "Christmas|DATE|2023-12-25");
  EXPECT_EQ(Show("The strike began on Christmas Eve 1998 and ended on Good Friday.", {1999, 4, 10}),
            "Christmas Eve 1998|DATE|1998-12-24; Good Friday|DATE|1999-04-02");
  EXPECT_EQ(Show("U.S. markets will be closed Monday for Labor Day.", {2024, 8, 30}),
            "Monday|DATE|2024-09-02; Labor Day|DATE|2024-09-02");
  // Without an anchor a fixed holiday keeps its month and day.
  auto found = FindTimexes("The truce lasted until New Year's Day.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "XXXX-01-01");
  ResolveTimex(&found[0], {2024, 1, 3});
  EXPECT_EQ(found[0].value, "2024-01-01");
  EXPECT_EQ(Show("Fireworks were cancelled for the fourth of July, 1995.", kOct1989), "the fourth of July, 1995|DATE|1995-07-04");
  // Not holidays: the adjective "eastern", a company name, common words.
  EXPECT_EQ(Show("Texas Eastern Corp. expanded into eastern Europe.", kOct1989), "");
  EXPECT_EQ(Show("The town held a memorial day for the victims and a good friday service.", kOct1989), "");
}

TEST(TimexRules, NarrativeExpressionsFollowTheLastDateMentioned) {
  EXPECT_EQ(Show("He joined the company in 1995 and was named chief executive the following year.",
                 {1998, 4, 18}),
            "1995|DATE|1995; the following year|DATE|1996");
  EXPECT_EQ(Show("The company was fined in March 1989. The following month it settled with regulators.",
                 {1989, 10, 27}),
            "March 1989|DATE|1989-03; The following month|DATE|1989-04");
  EXPECT_EQ(Show("Swiss watches took a small share of U.S. imports in 1988, an aide said. Imports rose "
                 "that year by 5%.", {1989, 11, 1}),
            "1988|DATE|1988; that year|DATE|1988");
  EXPECT_EQ(Show("The index fell 190 points on Oct. 13, after falling the previous Friday.", {1989, 10, 30}),
            "Oct. 13|DATE|1989-10-13; previous Friday|DATE|1989-10-06");
  // Without an earlier date the anchor stands in; without an anchor, the
  // earlier absolute date alone resolves it.
  EXPECT_EQ(Show("Sales doubled the following year.", {1998, 4, 18}), "the following year|DATE|1999");
  auto found = FindTimexes("The plant opened in 1995 and closed the following year.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found[1].anchored);
  EXPECT_EQ(found[1].value, "1996");
}

TEST(TimexRules, HalfUnits) {
  EXPECT_EQ(Show("They lived in U.N.-run refugee camps for 2 1/2 years.", {1998, 2, 27}),
            "2 1/2 years|DURATION|P2Y6M");
  EXPECT_EQ(Show("She spent about 5 1/2 hours in Nairobi, Kenya.", {1998, 8, 17}),
            "about 5 1/2 hours|DURATION|PT5H30M");
  EXPECT_EQ(Show("The talks lasted two and a half days.", {2024, 3, 25}), "two and a half days|DURATION|P2DT12H");
  EXPECT_EQ(Show("But a minute and a half later, a pilot from a nearby flight calls in.", {1998, 1, 14}),
            "a minute and a half|DURATION|PT1M30S");
  // A share price is not a duration.
  EXPECT_EQ(Show("McCaw, which dropped 2 1/2 to 37 3/4, has offered $125 a share.", kOct1989), "");
}

TEST(TimexRules, FurtherStretches) {
  EXPECT_EQ(Show("Elian Gonzalez will remain in the United States for at least two more weeks.", {2000, 6, 1}),
            "at least two more weeks|DURATION|P2W");
  EXPECT_EQ(Show("The loan may be extended for an additional year.", kOct1989), "an additional year|DURATION|P1Y");
  EXPECT_EQ(Show("\"Over the next couple of years we would not be surprised,\" he said.", kOct1989),
            "the next couple of years|DURATION|P2Y");
  // "more" before a noun that is no unit, and "more than", are left alone.
  EXPECT_EQ(Show("Two more people were hurt.", kOct1989), "");
  EXPECT_EQ(Show("It lasted more than two years.", kOct1989), "more than two years|DURATION|P2Y");
}

TEST(TimexRules, EndsOfPeriodsPartsOfDayAndWeeks) {
  EXPECT_EQ(Show("Unisys has cut $400 million of its goal of a reduction of $500 million by the end of the "
                 "year.", kOct1989),
            "the end of the year|DATE|1989");
  EXPECT_EQ(Show("A big party will be held at the end of year.", kOct1989), "the end of year|DATE|1989");
  EXPECT_EQ(Show("The company plans to reduce employment by at least 6,000 people by year end.", kOct1989),
            "year end|DATE|1989");
  EXPECT_EQ(Show("Rules that should be in place by year's end.", kOct1989), "year's end|DATE|1989");
  EXPECT_EQ(Show("Sales for the full year were $6.6 billion, up 13%.", kOct1989), "the full year|DATE|1989");
  EXPECT_EQ(Show("It expects to post sales in the current fiscal year that are slightly above fiscal 1989 sales.",
                 kOct1989),
            "the current fiscal year|DATE|1989; fiscal 1989|DATE|1989");
  EXPECT_EQ(Show("In London at mid-afternoon yesterday, Ratners's shares were up 2 pence.", {1989, 11, 2}),
            "mid-afternoon yesterday|TIME|1989-11-01TAF");
  EXPECT_EQ(Show("By mid afternoon, official Serb sources were saying the police had withdrawn.", {1998, 3, 6}),
            "mid afternoon|TIME|1998-03-06TAF");
  EXPECT_EQ(Show("The case may finally be resolved in a court hearing the week of March 6.", {2000, 2, 24}),
            "the week of March 6|DATE|2000-W10");
  // Not a part of the day: "late night" as an adjective.
  EXPECT_EQ(Show("He hosted a late night talk show.", kOct1989), "");
}

TEST(TimexRules, CountsFromToday) {
  EXPECT_EQ(Show("The ceasefire will expire three days from today.", {2024, 3, 25}),
            "three days from today|DATE|2024-03-28");
  // A possessive day is the day of its event: two weeks before the deadline
  // that falls today (as "three days after Monday's attack").
  EXPECT_EQ(Show("Voters must register two weeks before today's deadline.", {2024, 3, 25}),
            "two weeks before today|DATE|2024-03-11");
  EXPECT_EQ(Show("Talks resume two weeks after tomorrow.", {2024, 3, 25}), "two weeks after tomorrow|DATE|2024-04-09");
}

TEST(TimexRules, TheYear) {
  EXPECT_EQ(Show("For the year ended July 2, Rally had net income of $2.4 million.", kOct1989),
            "the year|DURATION|P1Y; July 2|DATE|1989-07-02");
  EXPECT_EQ(Show("In the fiscal year ended Jan. 31, the company reported sales of $59.5 million.", kOct1989),
            "the fiscal year|DURATION|P1Y; Jan. 31|DATE|1989-01-31");
  EXPECT_EQ(Show("For the year, pet food volume was flat, the company said.", kOct1989), "the year|DATE|1989");
  EXPECT_EQ(Show("Revenue rose to $713.5 million through the first nine months of the year.", kOct1989),
            "the first nine months|DURATION|P9M; the year|DATE|1989");
  EXPECT_EQ(Show("Herbicide use was delayed earlier in the year by heavy rains.", kOct1989),
            "earlier in the year|DATE|1989");
  // Not the current year.
  EXPECT_EQ(Show("Exports dropped to $300 million, down from $450 million the year before.", kOct1989), "");
  EXPECT_EQ(Show("She was named Person of the Year.", kOct1989), "");
}

TEST(TimexRules, Sets) {
  EXPECT_EQ(Show("The show airs Tuesday nights on CBS.", {1998, 2, 13}), "Tuesday nights|SET|XXXX-WXX-2TNI");
  EXPECT_EQ(Show("The market is closed on Sundays.", {1998, 2, 13}), "Sundays|SET|XXXX-WXX-7");
  EXPECT_EQ(Show("The festival, held each July, draws thousands.", {1998, 3, 22}), "each July|SET|XXXX-07");
  EXPECT_EQ(Show("Aid convoys enter every summer.", {1998, 3, 22}), "every summer|SET|XXXX-SU");
  // A date after "each" is still a date; a possessive is not a set.
  EXPECT_EQ(Show("Each March 1 the fee rises.", {1998, 3, 22}), "March 1|DATE|1998-03-01");
  EXPECT_EQ(Show("Tuesday's vote was delayed.", {1998, 3, 22}), "Tuesday|DATE|1998-03-17");
}

TEST(TimexRules, DayRangesDecadesAndHalves) {
  EXPECT_EQ(Show("The summit will be held March 3 to 5 in Brussels.", {2024, 2, 20}),
            "March 3|DATE|2024-03-03; 5|DATE|2024-03-05");
  EXPECT_EQ(Show("Voting took place Nov. 7-9, 2023, across the country.", {2024, 3, 25}),
            "Nov. 7|DATE|2023-11-07; 9, 2023|DATE|2023-11-09");
  auto fair = FindTimexes("Without an anchor: the fair ran June 3-5, 1998.");
  ASSERT_EQ(fair.size(), 2u);
  EXPECT_EQ(fair[0].value, "1998-06-03");
  EXPECT_EQ(fair[1].value, "1998-06-05");
  // Not ranges: a time, a percentage.
  EXPECT_EQ(Show("The vote on March 3 to 5 p.m. was delayed.", {2024, 2, 20}),
            "March 3|DATE|2024-03-03; 5 p.m.|TIME|2024-02-20T17:00");
  EXPECT_EQ(Show("Prices rose Jan. 3 to 5% above the average.", {2024, 2, 20}), "Jan. 3|DATE|2024-01-03");
  EXPECT_EQ(Show("Inflation was high in the 1990's.", {2024, 2, 20}), "the 1990's|DATE|199");
  EXPECT_EQ(Show("The law was passed in june of 1992 and amended on july 4th of 1995.", {2024, 2, 20}),
            "june of 1992|DATE|1992-06; july 4th of 1995|DATE|1995-07-04");
  EXPECT_EQ(Show("Revenue in H1 2024 rose 4%.", {2024, 8, 1}), "H1 2024|DATE|2024-H1");
}

TEST(TimexRules, WeekdayOfANamedWeek) {
  // 2024-03-25 is a Monday.
  EXPECT_EQ(Show("The talks will resume Tuesday next week in Doha.", {2024, 3, 25}),
            "Tuesday next week|DATE|2024-04-02");
  EXPECT_EQ(Show("The envoy arrived last week Sunday.", {2024, 3, 25}), "last week Sunday|DATE|2024-03-24");
  EXPECT_EQ(Show("Officials met Friday last week.", {2024, 3, 27}), "Friday last week|DATE|2024-03-22");
}

TEST(TimexRules, CountsBeforeAndAfterADate) {
  EXPECT_EQ(Show("The attack happened two weeks before Christmas.", {2023, 12, 27}),
            "two weeks before Christmas|DATE|2023-12-11");
  EXPECT_EQ(Show("Results are due three days after March 3.", {2024, 2, 20}),
            "three days after March 3|DATE|2024-03-06");
  auto found = FindTimexes("The ceasefire was signed 10 days after Oct. 7, 2023.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].anchored);
  EXPECT_EQ(found[0].value, "2023-10-17");
  // A weekday or a relative day as the base (2016-11-10 is a Thursday).
  EXPECT_EQ(Show("Police made arrests three days after Monday's attack.", {2016, 11, 10}),
            "three days after Monday|DATE|2016-11-10");
  EXPECT_EQ(Show("He resigned a week before last Sunday.", {2016, 11, 10}),
            "a week before last Sunday|DATE|2016-10-30");
  // "the day before/after" a day: one day off it.
  EXPECT_EQ(Show("The day before last Tuesday's court hearing, Manuel went to Lazaro's home.", {2000, 2, 24}),
            "The day before last Tuesday|DATE|2000-02-21");
  EXPECT_EQ(Show("Stores reopened the day after Christmas.", {2000, 1, 5}), "the day after Christmas|DATE|1999-12-26");
  EXPECT_EQ(Show("The day after the vote, he resigned.", {2000, 1, 5}), "");
  // Not before a date: a duration.
  EXPECT_EQ(Show("He resigned two weeks before the vote.", {2024, 2, 20}), "two weeks|DURATION|P2W");
}

TEST(TimexRules, TenseCues) {
  // 2000-01-07 is a Friday.
  EXPECT_EQ(Show("Protesters were planning a large demonstration in Little Havana on Saturday.", {2000, 1, 7}),
            "Saturday|DATE|2000-01-08");
  EXPECT_EQ(Show("The carrier, which has been on patrol since March and was scheduled to return, stayed.",
                 {1990, 8, 13}),
            "March|DATE|1990-03");
}

}  // namespace
}  // namespace parallax::timex
