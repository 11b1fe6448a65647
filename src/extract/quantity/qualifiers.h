// Words around a number that bound it or extend it: "more than", "about",
// "up to" before; "or more", ranges ("-", "to", "and" after "between") and
// ratios ("out of", "in") after.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "parallax/quantity.h"
#include "quantity/numbers.h"
#include "quantity/tokens.h"

namespace parallax::quantity {

// Extends `*last` over a range end, a ratio's total or "or more"; sets the
// quantity's bound, high, total and kind accordingly.
void ApplyFollowers(const std::vector<Token>& t, const NumberMatch& m, Quantity* q, size_t* last);

// Extends `*first` back over a bound phrase and sets the bound.
void ApplyQualifiers(const std::vector<Token>& t, Quantity* q, size_t* first, size_t last);

// Joins a lower and an upper bound written side by side into one range:
// "more than 100 and less than 300", "at most 100 and at least 20",
// "above 1000 but below 1500" (the two bounds joined by "and", "but" or a
// comma, nothing counted in between, the same unit, low < high). `out` is the
// scanner's mentions of `text`, left to right.
void MergeComparisons(std::string_view text, std::vector<Quantity>* out);

}  // namespace parallax::quantity
