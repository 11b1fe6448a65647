// Words around a number that bound it or extend it: "more than", "about",
// "up to" before; "or more", ranges ("-", "to", "and" after "between") and
// ratios ("out of", "in") after.
#pragma once

#include <cstddef>
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

}  // namespace parallax::quantity
