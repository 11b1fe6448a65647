// Tense cues and vague references added in round 3 (eval/timex/RESULTS.md):
// each with news sentences, anchored on their publication date.
#include <gtest/gtest.h>

#include "extract/timex/test_util.h"
#include "parallax/timex.h"

namespace parallax::timex {
namespace {

using timex_testing::Show;

constexpr CivilDate kOct1989{1989, 10, 26};

TEST(TimexTense, NounsAndAdjectivesAfterADeterminerAreNoCue) {
  // "the plan" is no future cue; the verb "announced" decides.
  EXPECT_EQ(Show("The thrift announced the plan Aug. 21.", {1989, 10, 27}), "Aug. 21|DATE|1989-08-21");
  // "a still unspecified date" is no past cue; "would be paid" looks ahead.
  EXPECT_EQ(Show("The split would be paid on a still unspecified date in January.", kOct1989),
            "January|DATE|1990-01");
  // The verbs still count: "plans to" and "planned" without a determiner.
  EXPECT_EQ(Show("The union plans to strike in January.", kOct1989), "January|DATE|1990-01");
}

TEST(TimexTense, ParticipleAfterBeIsNoCue) {
  // "be paid", "be held": the passive carries no tense; the modal does.
  EXPECT_EQ(Show("The dividend will be paid in January to holders of record.", kOct1989),
            "January|DATE|1990-01");
  EXPECT_EQ(Show("The hearing will be held in February, a court spokesman said.", kOct1989),
            "February|DATE|1990-02");
}

TEST(TimexTense, SinceLooksBack) {
  // "since" a few words before the date: the date is behind the anchor.
  EXPECT_EQ(Show("Police have been searching for the suspect since shortly after the Oct. 23 shooting.",
                 {1999, 5, 6}),
            "Oct. 23|DATE|1998-10-23");
}

TEST(TimexTense, EffectiveDateLooksAhead) {
  EXPECT_EQ(Show("The bank also created a four-member office of the chairman, effective Feb. 1.", kOct1989),
            "Feb. 1|DATE|1990-02-01");
}

TEST(TimexTense, SoonOnlyAheadOfTheAnchor) {
  EXPECT_EQ(Show("Prosecutors told him they may soon seek an indictment.", kOct1989), "soon|DATE|FUTURE_REF");
  EXPECT_EQ(Show("Kellogg soon will begin selling boxes for 99 cents.", kOct1989), "soon|DATE|FUTURE_REF");
  // In a past narrative, after another event, or the conjunction "as soon as".
  EXPECT_EQ(Show("He was taken to a hospital and was soon released.", {2000, 2, 24}), "");
  EXPECT_EQ(Show("A trickle of cash from Miami soon became a flood.", {2000, 2, 24}), "");
  EXPECT_EQ(Show("Police concluded he had probably been killed soon after being captured.", {1998, 2, 19}), "");
  EXPECT_EQ(Show("Foreigners could leave as soon as the threats are eliminated.", {1990, 8, 15}), "");
  EXPECT_EQ(Show("The firm said it would sell the unit as soon as possible.", kOct1989),
            "as soon as possible|DATE|FUTURE_REF");
}

TEST(TimexTense, VerbBeforeTheDateOutweighsWordsAfterIt) {
  // "will double ... by August" governs; "untouched" belongs to a relative clause.
  EXPECT_EQ(Show("Qantas will almost double its flights to India by August in the search for new markets "
                 "untouched by the Asian crisis.", {1998, 2, 13}),
            "August|DATE|1998-08");
  // With no cue before it, a verb after the date still decides.
  EXPECT_EQ(Show("On Friday the Kenyan government paid the first death claims.", {1998, 9, 30}),
            "Friday|DATE|1998-09-25");
}

TEST(TimexTense, PlanAlreadyOvertakenLooksBack) {
  // 1989-10-30 is a Monday; "had been scheduled" is a plan of the past.
  EXPECT_EQ(Show("The offer previously had been scheduled to expire at midnight Friday.", {1989, 10, 30}),
            "midnight Friday|TIME|1989-10-27T24:00");
  EXPECT_EQ(Show("Bush let the ground offensive begin as previously planned Saturday night.", {1991, 2, 25}),
            "Saturday night|TIME|1991-02-23TNI");
  // Without such a marker the plan still looks ahead.
  EXPECT_EQ(Show("The offer is scheduled to expire at midnight Friday.", {1989, 10, 30}),
            "midnight Friday|TIME|1989-11-03T24:00");
}

TEST(TimexTense, PossessiveDateIsAnEventAlreadyReported) {
  // 2000-01-07 is a Friday; "would" alone would read ahead.
  EXPECT_EQ(Show("The relatives said they would look for ways to get around Wednesday's ruling.", {2000, 1, 7}),
            "Wednesday|DATE|2000-01-05");
  EXPECT_EQ(Show("Fund managers said Friday's profit-taking was a natural result.", {1989, 10, 30}),
            "Friday|DATE|1989-10-27");
  // "ahead of Sunday's vote" looks ahead; "around noon Friday" keeps "around".
  EXPECT_EQ(Show("Rebels will lay down arms ahead of Sunday's vote.", {2000, 1, 7}), "Sunday|DATE|2000-01-09");
  EXPECT_EQ(Show("The ship will dock around noon Friday.", {2000, 1, 5}),
            "around noon Friday|TIME|2000-01-07T12:00");
}

}  // namespace
}  // namespace parallax::timex
