#include "parallax/timex.h"

#include <gtest/gtest.h>

#include "extract/timex/test_util.h"

namespace parallax::timex {
namespace {

using timex_testing::Show;

constexpr CivilDate kMonday{2024, 3, 25};    // publication date of the seed articles' event
constexpr CivilDate kThursday{2024, 3, 28};

struct Case {
  const char* text;
  CivilDate anchor;
  const char* expected;
};

// Real news sentences (the seeds and other wire copy), anchored on a
// publication date.
const Case kCases[] = {
    {"Israeli Prime Minister Benjamin Netanyahu's decision Monday to scrap a planned delegation to "
     "Washington amounts to a low point.",
     kMonday, "Monday|DATE|2024-03-25"},
    {"White House spokeswoman Karine Jean-Pierre on Wednesday told reporters that the talks would go on.",
     kThursday, "Wednesday|DATE|2024-03-27"},
    {"The United States and Israel will hold a virtual meeting on Monday to discuss alternative proposals.",
     kThursday, "Monday|DATE|2024-04-01"},
    {"The meeting was originally scheduled for last week.", kMonday, "last week|DATE|2024-W12"},
    {"Axios reported that it could take place as early as next week.", kThursday, "next week|DATE|2024-W14"},
    {"Hamas attacked Israel on October 7, 2023, killing about 1,200 people.", kMonday,
     "October 7, 2023|DATE|2023-10-07"},
    {"The vote took place on 25 March 2024 in New York.", kThursday, "25 March 2024|DATE|2024-03-25"},
    {"The filing, dated 2024-03-25, was released.", kThursday, "2024-03-25|DATE|2024-03-25"},
    {"Shares closed at a record on 3/25/2024.", kThursday, "3/25/2024|DATE|2024-03-25"},
    {"The UN's top humanitarian official warned in February an invasion could lead to a slaughter.",
     kMonday, "February|DATE|2024-02"},
    {"The talks will resume in February, officials said.", kMonday, "February|DATE|2025-02"},
    {"Officials met yesterday and will meet again tomorrow.", kMonday,
     "yesterday|DATE|2024-03-24; tomorrow|DATE|2024-03-26"},
    {"The council will vote at 3 p.m. on the resolution.", kMonday, "3 p.m.|TIME|2024-03-25T15:00"},
    {"The siege has lasted three years.", kMonday, "three years|DURATION|P3Y"},
    {"Relations have recently soured, and talks could resume in the coming days.", kMonday,
     "recently|DATE|PAST_REF; the coming days|DATE|FUTURE_REF"},
    {"Right now, the ceasefire is holding.", kMonday, "Right now|DATE|PRESENT_REF"},
    {"Exports rose earlier this year and fell in the third quarter.", kMonday,
     "earlier this year|DATE|2024; the third quarter|DATE|2023-Q3"},
    {"The company expects to report results next month.", kMonday, "next month|DATE|2024-04"},
    {"The city was rebuilt in the 1990s after a fire in the 19th century.", kMonday,
     "the 1990s|DATE|199; the 19th century|DATE|18"},
    {"Last Monday, the United Nations Security Council passed a resolution.", kMonday,
     "Last Monday|DATE|2024-03-18"},
    {"Aid convoys enter the territory every week.", kMonday, "every week|SET|P1W"},
    {"The minister spoke on Monday morning and again two days later.", kMonday,
     "Monday morning|TIME|2024-03-25TMO; two days|DURATION|P2D"},
    {"He was elected in 1998 and served for about two years.", kMonday,
     "1998|DATE|1998; about two years|DURATION|P2Y"},
    {"A year ago, the border crossing was still open.", kMonday, "A year ago|DATE|2023"},
    {"Last summer the negotiators met in Cairo.", kMonday, "Last summer|DATE|2023-SU"},
};

TEST(Timex, NewsSentences) {
  for (const Case& c : kCases) EXPECT_EQ(Show(c.text, c.anchor), c.expected) << c.text;
}

// Regression: a recent day in a future-tense sentence took next year's date
// ("March 20" -> 2025-03-20 from a 2024-03-25 anchor).
TEST(Timex, RecentDayInAFutureSentenceIsThisYears) {
  EXPECT_EQ(Show("The meeting, first planned for March 20, would be held next week.", kMonday),
            "March 20|DATE|2024-03-20; next week|DATE|2024-W14");
  // A day well behind the anchor in a future sentence is still next year's.
  EXPECT_EQ(Show("The summit will open on January 15.", kMonday), "January 15|DATE|2025-01-15");
}

TEST(Timex, NotTimeExpressions) {
  for (const char* text : {"The 52-year-old minister may march on Washington.",
                           "About 1,500 troops and 2000 vehicles were deployed.",
                           "He was a second-generation immigrant.",
                           "The fall of Kabul shocked the world.",
                           "The 10-year-old boy was rescued."}) {
    EXPECT_EQ(Show(text, kMonday), "") << text;
  }
}

TEST(Timex, OffsetsAreBytesAndCharacters) {
  std::string text = "Netanyahu\u2019s decision \u2014 on Monday \u2014 surprised Washington.";
  TimexOptions options;
  options.anchor = kMonday;
  auto found = FindTimexes(text, options);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "Monday");
  EXPECT_EQ(found[0].char_begin, 26u);  // ’ and — are one character each, three bytes
  EXPECT_EQ(found[0].char_end, 32u);
  EXPECT_EQ(found[0].begin, 30u);
}

TEST(Timex, UnanchoredThenResolved) {
  auto found = FindTimexes("The delegation was due in Washington last week, but Netanyahu cancelled it on Monday.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FALSE(found[0].anchored);
  EXPECT_EQ(found[0].value, "XXXX-WXX");
  EXPECT_FALSE(found[1].anchored);
  EXPECT_EQ(found[1].value, "XXXX-XX-XX");
  for (auto& e : found) ResolveTimex(&e, kThursday);
  EXPECT_TRUE(found[0].anchored);
  EXPECT_EQ(found[0].value, "2024-W12");
  EXPECT_EQ(found[1].value, "2024-03-25");
  EXPECT_EQ(DayOf(found[1]), (CivilDate{2024, 3, 25}));
  EXPECT_EQ(DayOf(found[0]), std::nullopt);

  // Absolute dates need no anchor.
  auto absolute = FindTimexes("The resolution passed on March 25, 2024.");
  ASSERT_EQ(absolute.size(), 1u);
  EXPECT_TRUE(absolute[0].anchored);
  EXPECT_EQ(absolute[0].value, "2024-03-25");
  auto partial = FindTimexes("The resolution passed on March 25.");
  ASSERT_EQ(partial.size(), 1u);
  EXPECT_FALSE(partial[0].anchored);
  EXPECT_EQ(partial[0].value, "XXXX-03-25");
}

TEST(Timex, CalendarArithmetic) {
  for (int64_t d : {-800000, -1, 0, 1, 19807, 2932896}) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(d)), d);
  }
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(FormatIsoDate(CivilFromDays(DaysFromCivil({2024, 2, 28}) + 1)), "2024-02-29");
  EXPECT_EQ(ParseIsoDate("2024-03-25T10:00:00Z"), (CivilDate{2024, 3, 25}));
  EXPECT_EQ(ParseIsoDate("2023-02-29"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("March 25"), std::nullopt);
  // ISO weeks across a year boundary: 2021-01-03 is in 2020-W53.
  TimexMeaning week;
  week.kind = TimexMeaning::Kind::kShift;
  week.shift_unit = Granularity::kWeek;
  week.granularity = Granularity::kWeek;
  EXPECT_EQ(ResolveValue(week, {2021, 1, 3}), "2020-W53");
  EXPECT_EQ(ResolveValue(week, {2024, 12, 30}), "2025-W01");
}

TEST(Timex, YearAtTheVeryEnd) {
  // Regression: a year as the last token was followed by a read past the
  // token array (found by a random-token ASan run).
  EXPECT_EQ(Show("The war began in 2023", kMonday), "2023|DATE|2023");
  EXPECT_EQ(Show("since 1998", kMonday), "1998|DATE|1998");
}

TEST(Timex, InvalidUtf8AndEdgesDoNotCrash) {
  std::string junk = "\xff\xfe on Monday \xe2\x80 \xe2 March 3/ 2024- 12:";
  auto found = FindTimexes(junk, {kMonday, 1000, 2199});
  EXPECT_FALSE(found.empty());
  EXPECT_TRUE(FindTimexes("").empty());
}

}  // namespace
}  // namespace parallax::timex
