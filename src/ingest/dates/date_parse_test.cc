#include "ingest/dates/date_parse.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax::dates {
namespace {

struct Case {
  const char* input;
  const char* want;  // ISO output, or "" for rejection
};

// Accepted forms and their ISO rendering.
constexpr Case kAccepted[] = {
    // ISO 8601
    {"2024-03-25", "2024-03-25"},
    {"2024-3-5", "2024-03-05"},
    {"2024-03-25T14:03:00Z", "2024-03-25T14:03:00+00:00"},
    {"2024-03-25T14:03:00.123456+01:00", "2024-03-25T14:03:00+01:00"},
    {"2024-03-25T14:03:00-0500", "2024-03-25T14:03:00-05:00"},
    {"2024-03-25T14:03+05:30", "2024-03-25T14:03:00+05:30"},
    {"2024-03-25 14:03:00", "2024-03-25T14:03:00"},
    {"2024-03-25 14:03:00 +0000 UTC", "2024-03-25T14:03:00+00:00"},
    {"2024-03-25T14:03:00", "2024-03-25T14:03:00"},
    {"20240325", "2024-03-25"},
    {"20240325T140300Z", "2024-03-25T14:03:00+00:00"},
    {"2024-W13-1", "2024-03-25"},
    {"2020-W53-5", "2021-01-01"},
    {"2024-085", "2024-03-25"},
    {"  2024-03-25\n", "2024-03-25"},
    // RFC 822 / 1123 / 2822
    {"Mon, 25 Mar 2024 14:03:00 GMT", "2024-03-25T14:03:00+00:00"},
    {"Mon, 25 Mar 2024 14:03:00 +0000", "2024-03-25T14:03:00+00:00"},
    {"Mon, 25 Mar 2024 14:03:00 EST", "2024-03-25T14:03:00-05:00"},
    {"25 Mar 24 14:03 +0100", "2024-03-25T14:03:00+01:00"},
    {"Tue, 5 Nov 2019 09:00:00 -0800", "2019-11-05T09:00:00-08:00"},
    {"Mon Mar 25 14:03:00 2024", "2024-03-25T14:03:00"},
    {"Mon Mar 25 14:03:00 UTC 2024", "2024-03-25T14:03:00+00:00"},
    // English
    {"March 25, 2024", "2024-03-25"},
    {"25 March 2024", "2024-03-25"},
    {"Mar. 25, 2024 2:03 p.m. ET", "2024-03-25T14:03:00-04:00"},
    {"Jan. 5, 2024 2:03 p.m. ET", "2024-01-05T14:03:00-05:00"},
    {"March 25th, 2024", "2024-03-25"},
    {"25th of March 2024", "2024-03-25"},
    {"Monday, March 25, 2024 at 9am", "2024-03-25T09:00:00"},
    {"Sept. 3, 2023, 12:15 AM", "2023-09-03T00:15:00"},
    {"Published: 25 March 2024", "2024-03-25"},
    {"Updated on March 25, 2024 14:03 GMT", "2024-03-25T14:03:00+00:00"},
    {"25-Mar-2024", "2024-03-25"},
    {"Mar 25 2024", "2024-03-25"},
    {"MARCH 25, 2024", "2024-03-25"},
    {"25 March 2024 | 14:03 BST", "2024-03-25T14:03:00+01:00"},
    // Numeric
    {"2024/03/25", "2024-03-25"},
    {"2024.03.25", "2024-03-25"},
    {"25.03.2024", "2024-03-25"},
    {"25/03/2024", "2024-03-25"},
    {"03/25/2024", "2024-03-25"},
    {"25-03-2024", "2024-03-25"},
    {"03/04/2024", "2024-03-04"},  // ambiguous: "/" reads month-first by default
    {"03.04.2024", "2024-04-03"},  // ambiguous: "." reads day-first
    {"25.03.2024 14:03", "2024-03-25T14:03:00"},
    // German
    {"25. März 2024", "2024-03-25"},
    {"Montag, den 25. März 2024 um 14:03 Uhr", "2024-03-25T14:03:00"},
    {"25. Mrz. 2024", "2024-03-25"},
    {"am 3. Dezember 2023", "2023-12-03"},
    // French
    {"le 25 mars 2024 à 14h03", "2024-03-25T14:03:00"},
    {"1er février 2024", "2024-02-01"},
    {"25 MARS 2024", "2024-03-25"},
    {"3 déc. 2023", "2023-12-03"},
    {"lundi 25 mars 2024", "2024-03-25"},
    {"Publié le 7 août 2020 à 10h", "2020-08-07T10:00:00"},
    // Spanish
    {"25 de marzo de 2024", "2024-03-25"},
    {"lunes, 25 de marzo de 2024, 14:03", "2024-03-25T14:03:00"},
    {"1 de septiembre de 2023", "2023-09-01"},
    {"3 ago. 2023", "2023-08-03"},
    // Italian
    {"25 marzo 2024", "2024-03-25"},
    {"3 giugno 2022", "2022-06-03"},
    {"lunedì 25 marzo 2024", "2024-03-25"},
    // Portuguese
    {"25 de março de 2024", "2024-03-25"},
    {"segunda-feira, 25 de março de 2024", "2024-03-25"},
    {"3 out 2023", "2023-10-03"},
    // Dutch
    {"25 maart 2024", "2024-03-25"},
    {"3 mrt 2024", "2024-03-03"},
    // Polish, Turkish, Russian, Ukrainian, Arabic
    {"25 marca 2024", "2024-03-25"},
    {"25 Mart 2024 Pazartesi", "2024-03-25"},
    {"25 марта 2024", "2024-03-25"},
    {"25 МАРТА 2024 г.", ""},
    {"25 березня 2024", "2024-03-25"},
    {"07 أكتوبر 2020", "2020-10-07"},
    // CJK
    {"2024年3月25日", "2024-03-25"},
    // Leap day
    {"2024-02-29", "2024-02-29"},
    {"29 February 2000", "2000-02-29"},
};

// Strings that must not parse.
constexpr const char* kRejected[] = {
    "",
    "   ",
    "2023-02-29",          // not a leap year
    "1900-02-29",          // century rule
    "31 April 2024",       // April has 30 days
    "2024-13-01",
    "2024-00-10",
    "2024-03-32",
    "2024-03-25T25:00:00",
    "2024-03-25T14:60",
    "2024-03-25T14:03:00+15:00",
    "0001-01-01",          // out of range years
    "9999-12-31",
    "1850-06-01",
    "March 2024",          // no day
    "2024",
    "2024-03",
    "March 25",            // no year
    "13/13/2024",
    "hello world",
    "25 Foo 2024",
    "Page 3 of 2024 results",
    "2024-03-25 and more words",
    "20241325",
    "123456789012",
    "2024-W54-1",
    "2021-W53-1",         // 2021 has 52 ISO weeks
    "2023-366",
};

TEST(DateParseTest, AcceptedForms) {
  for (const Case& c : kAccepted) {
    std::optional<std::string> got = ParseDateTime(c.input);
    if (c.want[0] == '\0') {
      // Accepted by FindDates but not as a whole field (trailing "г.").
      ASSERT_EQ(FindDates(c.input).size(), 1u) << "input: " << c.input;
      EXPECT_EQ(FindDates(c.input)[0].date.DateIso(), "2024-03-25");
      continue;
    }
    ASSERT_TRUE(got.has_value()) << "input: " << c.input;
    EXPECT_EQ(*got, c.want) << "input: " << c.input;
  }
}

TEST(DateParseTest, RejectedForms) {
  for (const char* input : kRejected) {
    EXPECT_FALSE(ParseDateTime(input).has_value()) << "input: " << input << " -> "
                                                   << ParseDateTime(input).value_or("");
  }
}

TEST(DateParseTest, AmbiguityFlagAndOrderOption) {
  std::optional<DateTime> dt = Parse("03/04/2024");
  ASSERT_TRUE(dt);
  EXPECT_TRUE(dt->ambiguous);
  EXPECT_EQ(dt->month, 3);
  ParseOptions day_first;
  day_first.order = DayMonthOrder::kDayFirst;
  dt = Parse("03/04/2024", day_first);
  ASSERT_TRUE(dt);
  EXPECT_FALSE(dt->ambiguous);
  EXPECT_EQ(dt->month, 4);
  // Unambiguous when a part is over 12, or both are equal.
  EXPECT_FALSE(Parse("25/03/2024")->ambiguous);
  EXPECT_FALSE(Parse("04/04/2024")->ambiguous);
}

TEST(DateParseTest, YearBoundsAndTwoDigitYears) {
  ParseOptions o;
  o.min_year = 1995;
  o.max_year = 2030;
  EXPECT_FALSE(Parse("1994-12-31", o));
  EXPECT_TRUE(Parse("1995-01-01", o));
  EXPECT_FALSE(Parse("2031-01-01", o));
  EXPECT_EQ(ParseDateTime("25 Mar 99"), "1999-03-25");
  o.two_digit_years = false;
  EXPECT_FALSE(Parse("25 Mar 24", o));
}

TEST(DateParseTest, UsDaylightZones) {
  // 2024: DST from March 10 to November 3.
  EXPECT_EQ(ParseDateTime("March 9, 2024 10:00 a.m. ET"), "2024-03-09T10:00:00-05:00");
  EXPECT_EQ(ParseDateTime("March 10, 2024 10:00 a.m. ET"), "2024-03-10T10:00:00-04:00");
  EXPECT_EQ(ParseDateTime("November 3, 2024 10:00 a.m. PT"), "2024-11-03T10:00:00-08:00");
  EXPECT_EQ(ParseDateTime("July 4, 2005 10:00 am CT"), "2005-07-04T10:00:00-05:00");
  EXPECT_EQ(ParseDateTime("2024-03-25 14:03 UTC+2"), "2024-03-25T14:03:00+02:00");
  EXPECT_EQ(ParseDateTime("2024-03-25 14:03 (CEST)"), "2024-03-25T14:03:00+02:00");
}

TEST(DateParseTest, FindDatesInText) {
  const std::string text =
      "By Jane Doe. Published June 7, 2020 at 3:15 p.m. Updated 2020-06-08T10:00:00Z. "
      "Flights on v2020-01-01 and 99 people on 4 July.";
  std::vector<FoundDate> found = FindDates(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].date.ToIso(), "2020-06-07T15:15:00");
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin),
            "June 7, 2020 at 3:15 p.m.");
  EXPECT_EQ(found[1].date.ToIso(), "2020-06-08T10:00:00+00:00");
  EXPECT_EQ(FindDates("no dates here, only 2020 and March").size(), 0u);
  EXPECT_EQ(FindDates("https://example.com/2020/06/07/story.html")[0].date.DateIso(),
            "2020-06-07");
  EXPECT_EQ(FindDates("a 25 de marzo de 2024 b 3 mars 2023", 1).size(), 1u);
}

TEST(DateParseTest, FromUnixTime) {
  EXPECT_EQ(FromUnixTime(0)->ToIso(), "1970-01-01T00:00:00+00:00");
  EXPECT_EQ(FromUnixTime(1711375380)->ToIso(), "2024-03-25T14:03:00+00:00");
  EXPECT_EQ(FromUnixTime(1711375380000LL)->ToIso(), "2024-03-25T14:03:00+00:00");
  ParseOptions o;
  o.min_year = 1995;
  EXPECT_FALSE(FromUnixTime(0, o));
}

TEST(DateParseTest, GarbageNeverCrashes) {
  std::string s;
  for (int i = 0; i < 2000; ++i) s.push_back(static_cast<char>((i * 7919) % 256));
  for (size_t len = 0; len < s.size(); len += 37) {
    (void)Parse(std::string_view(s).substr(0, len));
    (void)FindDates(std::string_view(s).substr(len));
  }
  (void)Parse("2024-03-25T14:03:00.99999999999999999999999Z");
  (void)Parse("\xE5\xB9\xB4\xE6\x9C\x88");
  SUCCEED();
}

}  // namespace
}  // namespace parallax::dates
