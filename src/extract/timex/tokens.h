// Tokens and the word lexicon the time-expression scanners read.
//
// Tokens are maximal runs of ASCII letters (with any non-ASCII letters),
// runs of digits, or single punctuation characters; "1990s" is "1990" + "s"
// and "p.m." is "p" "." "m" "." with `space_before` telling adjacency. Dashes
// and typographic apostrophes are folded to '-' and '\''.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/timex.h"

namespace parallax::timex::internal {

// What a word can mean in a time expression (several fields may be set).
struct Word {
  int month = 0;      // 1..12
  bool month_abbr = false;
  int weekday = 0;    // 1..7
  bool weekday_abbr = false;
  int cardinal = -1;  // "one".."ninety", "a" = 1; -2 = vague ("several", "few")
  bool tens = false;  // "twenty".."ninety": can take a unit ("twenty-four")
  int ordinal = 0;    // "first".."thirty-first" parts: 1..31 (words), "twentieth" 20
  Granularity unit = Granularity::kNone;  // day, week, month, year, ...
  char time_unit = 0;  // 'H', 'M', 'S' for hour, minute, second
  bool plural = false;
  std::string season;       // SP SU FA WI
  std::string part_of_day;  // MO AF EV NI
};

const Word* LookUp(std::string_view lower);

enum class TokKind : uint8_t { kWord, kNumber, kPunct };

struct Tok {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokKind kind = TokKind::kWord;
  bool cap = false;           // starts with an uppercase letter
  bool space_before = false;  // whitespace between this and the previous token
  bool break_before = false;  // a newline in that whitespace
  int value = -1;             // digits: numeric value (up to 9 digits)
  int digits = 0;             // digits: how many
  std::string low;            // lowercased text ("-" for any dash, "'" for apostrophes)
  const Word* word = nullptr;
};

std::vector<Tok> Tokenize(std::string_view text);

}  // namespace parallax::timex::internal
