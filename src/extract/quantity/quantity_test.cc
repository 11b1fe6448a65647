#include "parallax/quantity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

namespace parallax::quantity {
namespace {

// Compact printed form of one sentence's quantities, xapian-style:
// "text|value|bound|unit|counted" joined by "; ".
std::string Show(std::string_view text) {
  std::string out;
  for (const Quantity& q : FindQuantities(text)) {
    if (!out.empty()) out += "; ";
    char v[64];
    std::snprintf(v, sizeof v, "%g", q.value);
    out += q.text + "|" + v;
    if (q.bound == Bound::kRange) {
      std::snprintf(v, sizeof v, "%g", q.high);
      out += std::string("..") + v;
    }
    if (q.kind == Kind::kRatio) {
      std::snprintf(v, sizeof v, "%g", q.total);
      out += std::string("/") + v;
    }
    out += std::string("|") + BoundName(q.bound) + "|" + UnitName(q.unit);
    if (!q.currency.empty()) out += ":" + q.currency;
    if (q.kind == Kind::kOrdinal) out += "|ordinal";
    if (q.kind == Kind::kVague) out += "|vague";
    if (!q.counted.empty()) out += "|" + q.counted;
  }
  return out;
}

struct Case {
  const char* text;
  const char* expect;
};

TEST(QuantityTest, NewsSentences) {
  const Case cases[] = {
      {"protect the 1.4 million Palestinian civilians who are sheltering there",
       "1.4 million|1.4e+06|exact|none|Palestinian civilians"},
      {"Rafah, a town in southern Gaza hosting more than one million Palestinians seeking refuge.",
       "more than one million|1e+06|lower|none|Palestinians"},
      {"The large city of Rafah is home to approximately 1.5 million people, according to the UN.",
       "approximately 1.5 million|1.5e+06|approximate|none|people"},
      {"where over a million Palestinians have sought refuge",
       "over a million|1e+06|lower|none|Palestinians"},
      {"The resolution passed with 14 out of 15 member countries voting in its favor.",
       "14 out of 15|14/15|exact|none|member countries"},
      {"The company won a $2.5 billion army contract.",
       "$2.5 billion|2.5e+09|exact|currency:USD|army contract"},
      {"The club paid \u20AC40m for the striker.", "\u20AC40m|4e+07|exact|currency:EUR"},
      {"Turnout fell to 45 percent of registered voters.",
       "45 percent|45|exact|percent|registered voters"},
      {"Between 30 and 40 people were arrested.",
       "Between 30 and 40|30..40|range|none|people"},
      {"Police said 30-40 protesters gathered.", "30-40|30..40|range|none|protesters"},
      {"Up to 2,000 troops could be deployed.", "Up to 2,000|2000|upper|none|troops"},
      {"Fewer than a dozen ships made it through.", "Fewer than a dozen|12|upper|none|ships"},
      {"Roughly forty people attended.", "Roughly forty|40|approximate|none|people"},
      {"Half of the residents left.", "Half|0.5|exact|none|residents"},
      {"It was the fifth resolution on the war.", "fifth|5|exact|none|ordinal"},
      {"At least 12 people were killed and 30 injured.",
       "At least 12|12|lower|none|people; 30|30|exact|none"},
      {"Dozens of families fled.", "Dozens|12|exact|none|vague|families"},
      {"The deal is worth \u00A33bn, up from \u00A32.1bn last year.",
       "\u00A33bn|3e+09|exact|currency:GBP; \u00A32.1bn|2.1e+09|exact|currency:GBP"},
      {"Revenue rose 4.8% to $13.18 billion.",
       "4.8%|4.8|exact|percent; $13.18 billion|1.318e+10|exact|currency:USD"},
      {"Support fell to between 30% and 35% of voters.",
       "between 30% and 35%|30..35|range|percent|voters"},
      {"Tens of thousands of protesters marched in Paris.",
       "Tens of thousands|10000|exact|none|vague|protesters"},
      {"Half a million people lost power.", "Half a million|500000|exact|none|people"},
      {"One in five Americans owns a gun.", "One in five|1/5|exact|none|Americans"},
      {"It cost US$1.2 million and C$400,000 respectively.",
       "US$1.2 million|1.2e+06|exact|currency:USD; C$400,000|400000|exact|currency:CAD"},
      {"The 1,000-plus delegates arrived.", "1,000-plus|1000|lower|none|delegates"},
      {"Some 200 or so families were evacuated.", "Some 200 or so|200|approximate|none|families"},
      {"Nearly two-thirds of residents voted.", "Nearly two-thirds|0.666667|upper|none|residents"},
      {"Shares fell 34 cents.", "34 cents|0.34|exact|currency:USD"},
      // Two comparisons side by side are one range; a bound after "and" is
      // not "40 and less".
      {"The camp holds more than 100 and fewer than 300 families.",
       "more than 100 and fewer than 300|100..300|range|none|families"},
      {"Officials put the toll at no more than 50, but no less than 20.",
       "no more than 50, but no less than 20|20..50|range|none"},
      {"More than 40 and less than 10 were counted.",
       "More than 40|40|lower|none; less than 10|10|upper|none"},
      {"Deaths exceeded 30,000 by March.", "exceeded 30,000|30000|lower|none"},
      {"Readings >= 30 were flagged.", ">= 30|30|lower|none"},
      // A currency code or symbol on either side of the number.
      {"The bonds were sold for USD 200 million.", "USD 200 million|2e+08|exact|currency:USD"},
      {"Tickets cost 10 \u20AC each.", "10 \u20AC|10|exact|currency:EUR"},
      // "from X to Y" is a range, unless a change word says it moved.
      {"Sentences range from five to ten years.", "from five to ten|5..10|range|none|years"},
      {"The death toll rose from 200 to 300.", "200|200|exact|none; 300|300|exact|none"},
      {"The bank cut its forecast from 2.5% to 1.8%.",
       "2.5%|2.5|exact|percent; 1.8%|1.8|exact|percent"},
  };
  for (const Case& c : cases) EXPECT_EQ(Show(c.text), c.expect) << c.text;
}

TEST(QuantityTest, SkipsDatesYearsTimesAndNames) {
  const char* none[] = {
      "On March 22, Netanyahu met Blinken in Tel Aviv.",
      "The attack on October 7 killed many.",
      "The war that began in 2023 has displaced most of Gaza.",
      "The meeting starts at 10:30 on 2024-03-31.",
      "He arrived at 3 p.m. on the 22nd of March.",
      "The Security Council adopted resolution 2728.",
      "Regulators grounded the Boeing 737 after the COVID-19 outbreak.",
      "No one was hurt.",
      "Which one do you prefer?",
  };
  for (const char* s : none) EXPECT_EQ(Show(s), "") << s;
}

TEST(QuantityTest, Offsets) {
  std::string s = "Gaza\u2019s 2.3 million people";
  auto qs = FindQuantities(s);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(s.substr(qs[0].begin, qs[0].end - qs[0].begin), "2.3 million");
  EXPECT_EQ(qs[0].char_begin, 7u);
  EXPECT_EQ(qs[0].char_end, 18u);
}

TEST(QuantityTest, ParseNumber) {
  double v = 0;
  ASSERT_TRUE(ParseNumber("one hundred and sixty-one", &v));
  EXPECT_EQ(v, 161);
  ASSERT_TRUE(ParseNumber("1,234,567", &v));
  EXPECT_EQ(v, 1234567);
  ASSERT_TRUE(ParseNumber("two thirds", &v));
  EXPECT_NEAR(v, 2.0 / 3, 1e-9);
  ASSERT_TRUE(ParseNumber("one and a half", &v));
  EXPECT_EQ(v, 1.5);
  ASSERT_TRUE(ParseNumber("twenty-one trillion three hundred", &v));
  EXPECT_EQ(v, 21000000000300.0);
  ASSERT_TRUE(ParseNumber("half a million", &v));
  EXPECT_EQ(v, 500000);
  EXPECT_FALSE(ParseNumber("the council", &v));
}

// Random strings of tricky pieces: offsets stay inside the text, no crash
// (also run under ASan/UBSan by hand with 200,000 strings).
TEST(QuantityTest, RandomPiecesStayInBounds) {
  std::mt19937 rng(7);
  const char* pieces[] = {"1", "2", ",", ".", "-", "\u2013", "$", "\u20AC", "%", " ", "million",
                          "one", "and", "a", "half", "between", "to", "out", "of", "more", "than",
                          "/", ":", "th", "bn", "k", "\u202F", "\u00BD", "\xE2\x85", "\xFF",
                          "people", "March", "year-old", "'s", "point", "twenty", "fifths", "in"};
  for (int it = 0; it < 3000; ++it) {
    std::string s;
    int len = static_cast<int>(rng() % 12);
    for (int k = 0; k < len; ++k) {
      s += pieces[rng() % (sizeof pieces / sizeof *pieces)];
      if (rng() % 2) s += ' ';
    }
    for (const Quantity& q : FindQuantities(s)) {
      ASSERT_LE(q.begin, q.end) << s;
      ASSERT_LE(q.end, s.size()) << s;
      ASSERT_LE(q.number_end, s.size()) << s;
      ASSERT_EQ(q.text, s.substr(q.begin, q.end - q.begin));
    }
  }
}

TEST(QuantityTest, Bounds) {
  auto qs = FindQuantities("more than one million people");
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].Low(), 1e6);
  EXPECT_TRUE(std::isinf(qs[0].High()));
  EXPECT_EQ(Describe(qs[0]), "more than 1 million");
}

}  // namespace
}  // namespace parallax::quantity
