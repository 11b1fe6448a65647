#include "ingest/formats/text_cues.h"

#include <gtest/gtest.h>

namespace parallax::formats {
namespace {

TEST(CreditTest, CreditLines) {
  for (const char* s :
       {"Getty Images", "AFP via Getty Images", "Reuters/Jane Doe", "Jane Doe | Reuters",
        "Photo: Jane Doe", "(Photo by Said Khatib/AFP via Getty Images)", "Credit: Jane Doe",
        "File photo", "Photograph: Mohammed Salem/Reuters", "AP Photo/Jane Doe", "Reuters",
        "The Associated Press", "© 2024 Jane Doe", "Abir Sultan/EPA-EFE/Shutterstock",
        "A man walks past rubble in Rafah. (AP Photo/Hatem Ali)",
        "Police officers were assigned to Seattle Reign star Megan Rapinoe. (Katherine Frey/The "
        "Washington Post)",
        "Smoke rises over Gaza. Photograph: Jane Doe/Reuters",
        "Pleasant Hill City Clerk Kimberly Lehmkuhl (Courtesy photo)",
        "Image copyright AFP Image caption The man was known to police",
        "Palestinians gather around the remains of a building destroyed in an overnight strike "
        "in Rafah in the southern Gaza Strip, on March 25, 2024, amid the continuing battles "
        "between Israel and the militant group Hamas. Photo: Jane Doe/Example Agency"}) {
    EXPECT_TRUE(IsCreditLine(s)) << s;
  }
  for (const char* s :
       {"Reuters reported that the talks had stalled.", "AFP said the same.", "A divide over Rafah",
        "The photo showed the prime minister smiling.",
        "US President Joe Biden and Israel Prime Minister Benjamin Netanyahu.",
        "Officials spoke to Reuters and AFP on condition of anonymity about the talks.",
        "The vote split the council (Labour/Green) along party lines.",
        "Talks resumed on the border (Israel/Egypt) on Monday."}) {
    EXPECT_FALSE(IsCreditLine(s)) << s;
  }
}

TEST(SocialTest, FollowLines) {
  EXPECT_TRUE(IsSocialLine("Follow CBSMIAMI.COM: Facebook | Twitter"));
  EXPECT_TRUE(IsSocialLine("Follow us on Twitter and Instagram"));
  EXPECT_FALSE(IsSocialLine("Follow the money, investigators said of the Facebook deal."));
  EXPECT_FALSE(IsSocialLine("Twitter shares fell 5% on Monday."));
}

struct DatelineCase {
  const char* text;
  const char* place;  // nullptr: not a dateline
  const char* outlet;
  const char* rest;
};

TEST(DatelineTest, Table) {
  const DatelineCase cases[] = {
      {"WASHINGTON (Reuters) - The U.S. said", "Washington", "Reuters", "The U.S. said"},
      {"LONDON, March 3 (AP) — Britain said", "London", "AP", "Britain said"},
      {"Washington CNN —", "Washington", "CNN", ""},
      {"Washington CNN — Biden said", "Washington", "CNN", "Biden said"},
      {"GAZA CITY — Residents fled", "Gaza City", "", "Residents fled"},
      {"Paris (AFP) – France said", "Paris", "AFP", "France said"},
      {"NEW DELHI: India said on Monday it would send a delegation to the talks next week.",
       "New Delhi", "", "India said on Monday it would send a delegation to the talks next week."},
      {"BUSTED: Emails Reveal Aide Conspiring With Reporter", nullptr, nullptr, nullptr},
      {"KYIV, Ukraine (AP) — Russian drones", "Kyiv", "AP", "Russian drones"},
      {"WASHINGTON/LONDON (Reuters) -- Talks", "Washington", "Reuters", "Talks"},
      {"THE HAGUE — The court ruled", "The Hague", "", "The court ruled"},
      {"Gaza City —", "Gaza City", "", ""},
      {"NEW YORK — Stocks rose", "New York", "", "Stocks rose"},
      {"WASHINGTON CNN — Talks", "Washington", "CNN", "Talks"},
      {"Netanyahu — who faces pressure — said", nullptr, nullptr, nullptr},
      {"BREAKING: Israel strikes", nullptr, nullptr, nullptr},
      {"Israeli Prime Minister Benjamin Netanyahu’s decision Monday to scrap a planned "
       "delegation to Washington — a trip",
       nullptr, nullptr, nullptr},
      {"The plan - which was leaked - is", nullptr, nullptr, nullptr},
      {"In 2023 — a year of war — prices rose", nullptr, nullptr, nullptr},
      {"Officials said: the talks will resume", nullptr, nullptr, nullptr},
  };
  for (const DatelineCase& c : cases) {
    std::optional<Dateline> d = ParseDateline(c.text);
    if (c.place == nullptr) {
      EXPECT_FALSE(d.has_value()) << c.text << " -> " << (d ? d->place : "");
      continue;
    }
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->place, c.place) << c.text;
    EXPECT_EQ(d->outlet, c.outlet) << c.text;
    EXPECT_EQ(std::string_view(c.text).substr(d->length), c.rest) << c.text;
  }
}

TEST(BylineTest, Bylines) {
  std::optional<Byline> b = ParseByline("By Jane Doe");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->author, "Jane Doe");
  b = ParseByline("BY JANE DOE | Reuters");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->author, "JANE DOE");
  EXPECT_EQ(b->outlet, "Reuters");
  b = ParseByline("By Jane Doe, CNN");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->author, "Jane Doe");
  EXPECT_EQ(b->outlet, "CNN");
  EXPECT_FALSE(ParseByline("By the end of the week, talks had stalled and the delegation left."));
  EXPECT_FALSE(ParseByline("By 2025 the city"));
}

TEST(ShapeTest, HeadlinesAndHeadings) {
  EXPECT_TRUE(
      IsHeadlineShape("Israel seeks new date for cancelled US meeting on Rafah offensive plans"));
  EXPECT_TRUE(IsHeadlineShape("Will Israel invade Rafah?"));
  EXPECT_FALSE(IsHeadlineShape("Topline"));
  EXPECT_FALSE(IsHeadlineShape("Officials said the talks would resume next week."));
  // Title Case survives a final full stop (some archives add one).
  EXPECT_TRUE(IsHeadlineShape("Obama To Asians Worried About U.S. Election: It’s Going To Be OK."));
  EXPECT_TRUE(IsTitleCase("The Ninth Circle: The Hellish View from Inside the Beltway, #2."));
  EXPECT_FALSE(IsTitleCase("Clinton camp: Trump’s Islamaphobia threatens national security."));
  EXPECT_FALSE(IsHeadlineShape("- a list item here"));
  EXPECT_TRUE(IsHeadingShape("A divide over Rafah"));
  EXPECT_TRUE(IsHeadingShape("Key Facts"));
  EXPECT_TRUE(IsHeadingShape("What happens next?"));
  EXPECT_FALSE(IsHeadingShape("“I am ruling out nothing,” she told ABC."));
  EXPECT_FALSE(IsHeadingShape("and then the talks"));
  EXPECT_FALSE(IsHeadingShape("Talks between the"));
  EXPECT_FALSE(IsHeadingShape("He said it was over."));
}

TEST(LeadingDateTest, Forms) {
  std::optional<LeadingDate> d = ParseLeadingDate("date 2024-03-31 Amid rising tensions");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->value, "2024-03-31");
  EXPECT_EQ(std::string_view("date 2024-03-31 Amid rising tensions").substr(d->length),
            "Amid rising tensions");
  d = ParseLeadingDate("Published: 2024-03-31T10:00:00Z");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->value, "2024-03-31T10:00:00+00:00");
  EXPECT_FALSE(ParseLeadingDate("date night in Paris"));
  EXPECT_FALSE(ParseLeadingDate("dates 2024-03-31"));
}

TEST(HeaderFieldTest, Fields) {
  std::optional<HeaderField> f = ParseHeaderField("Headline: Talks resume");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->key, "title");
  EXPECT_EQ(f->value, "Talks resume");
  EXPECT_FALSE(ParseHeaderField("Key Facts: the talks"));
  EXPECT_FALSE(ParseHeaderField("Title:"));
}

}  // namespace
}  // namespace parallax::formats
