// One number at a token position: digits ("1,500", "2.5bn", "3/4", "21st")
// or words ("one hundred and six", "a dozen", "two thirds", "twenty-fifth").
#pragma once

#include <cstddef>
#include <vector>

#include "quantity/tokens.h"

namespace parallax::quantity {

struct NumberMatch {
  size_t first = 0, last = 0;  // token indices, inclusive
  double value = 0;
  bool ordinal = false;
  bool fraction = false;       // "half", "two thirds", "3/4"
  bool words = false;          // spelled out (at least partly)
  bool scaled = false;         // carried "million", "bn", "k"...
  bool bare_one = false;       // the lone word "one" / "a ..." that may be a pronoun
  bool vague = false;          // "hundreds", "thousands", "dozens"
  bool decade = false;         // "1990s": not a quantity
  bool unit_suffix = false;    // "180ml", "29km", "5pm": digits glued to an unknown unit
};

// Parses the longest number starting at tokens[i]. False when none starts there.
bool ParseNumberAt(const std::vector<Token>& tokens, size_t i, NumberMatch* m);

}  // namespace parallax::quantity
