// Quantities in English news text: numbers in digits and words, percentages,
// money, ranges and counts, with the noun they count.
//
// FindQuantities() scans one text and returns every quantity mention it
// recognises, left to right, with byte and character offsets:
//
//   "more than one million people"   -> 1e6, bound kLower, counted "people"
//   "about 1.5 million displaced Palestinians" -> 1.5e6, kApproximate,
//                                       counted "displaced Palestinians"
//   "$2.5 billion", "€40m"            -> 2.5e9 USD, 4e7 EUR (unit kCurrency)
//   "between 30 and 40", "30-40"      -> value 30, high 40 (bound kRange)
//   "14 out of 15 member countries"   -> 14 of 15 (kind kRatio), "member countries"
//   "a dozen", "half", "roughly forty", "fifth" (kind kOrdinal)
//
// Years ("in 2024"), dates ("March 22", "22nd of March", "2024-03-31",
// "5/17/2018"), clock times ("10:30", "3 p.m.") and numbers that are part of a
// name or an identifier ("Boeing 737", "resolution 2728", "COVID-19") are
// skipped. Relative ordinals ("last", "next", "penultimate") are not numbers
// here. Rules and word lists were written for this project; see
// src/extract/quantity/README.md for what is and is not covered.
//
// Pure functions; thread-safe. Results own their strings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::quantity {

enum class Unit { kNone, kPercent, kCurrency };

// How the writer bounded the number.
enum class Bound {
  kExact,        // "1.5 million"
  kApproximate,  // "about", "roughly", "some", "an estimated", "around"
  kLower,        // "more than", "over", "at least", "upwards of": true value >= value
  kUpper,        // "up to", "fewer than", "under", "nearly", "almost": true value <= value
  kRange,        // "between 30 and 40", "30-40": value .. high
};

enum class Kind {
  kCardinal,  // counts and amounts, including fractions ("half", "two thirds")
  kOrdinal,   // "fifth", "21st"
  kRatio,     // "14 out of 15", "one in five": value of `total`
  kVague,     // "dozens of", "hundreds of", "thousands": value is the unit (12, 100, 1000)
};

struct Quantity {
  // Whole mention, qualifier and currency included: "more than $2.5 billion".
  size_t begin = 0, end = 0;            // byte offsets into the scanned text
  size_t char_begin = 0, char_end = 0;  // Unicode code point offsets
  std::string text;                     // the mention as written
  // Byte offsets without the bound words ("$2.5 billion" in "more than $2.5
  // billion"), and of the first number alone ("2.5 billion").
  size_t value_begin = 0;
  size_t number_begin = 0, number_end = 0;
  double value = 0;   // the number (low end of a range; numerator of a ratio)
  double high = 0;    // high end of a range; equals value otherwise
  double total = 0;   // denominator of a ratio ("out of 15"); 0 otherwise
  Unit unit = Unit::kNone;
  std::string currency;  // ISO 4217 code when unit == kCurrency ("USD", "EUR", "GBP")
  Bound bound = Bound::kExact;
  Kind kind = Kind::kCardinal;
  // What is counted, as written ("displaced Palestinians", "member countries"),
  // empty when nothing follows; `head` is its last word, folded ("palestinians").
  std::string counted;
  std::string head;

  // [low, high] the mention allows; open ends are 0 / +inf. Approximate values
  // get a tolerance of `approx` (relative) on both sides.
  double Low(double approx = 0.1) const;
  double High(double approx = 0.1) const;
};

std::vector<Quantity> FindQuantities(std::string_view text);

// Number words alone ("one hundred and six", "1,674.5 million", "a dozen"):
// the value of `text` when it is exactly one number, else false.
bool ParseNumber(std::string_view text, double* value);

// "1.4 million", "$2.5 billion", "45%", "more than 1,000": a short display
// form of the mention's value (qualifier words kept as written).
std::string Describe(const Quantity& q);

// True for folded nouns that count people ("people", "civilians",
// "residents", "refugees", ...), so "1.5 million people" and "1.4 million
// civilians" can be recognised as counts of the same kind of thing.
bool IsPersonNoun(std::string_view folded_word);

const char* UnitName(Unit u);
const char* BoundName(Bound b);
const char* KindName(Kind k);

}  // namespace parallax::quantity
