// Viterbi decoding over IOB2 labels. Internal to parallax::ner.
#pragma once

#include <cstddef>
#include <vector>

#include "token_features.h"
#include "model.h"

namespace parallax::ner {

// Best label sequence for `n` tokens given emission scores
// (emissions[i * kNumLabels + y]) and transition scores laid out as
// WeightTable::transitions. Transitions that IOB2 forbids (O -> I-X, B-X -> I-Y,
// start -> I-X) are never taken, so the output is always well formed.
void Viterbi(const float* emissions, size_t n, const float* transitions, std::vector<int>* labels);

// Emission scores of one sentence from a weight table; `extra` (may be
// null) adds more features per token (stage 2's non-local ones).
void Emissions(const WeightTable& table, const FeatureList& features, const FeatureList* extra,
               std::vector<float>* scores);

// Repairs an ill-formed sequence (an I-X that does not continue X becomes
// B-X). Viterbi output never needs it; kept for inputs from elsewhere.
void RepairIob2(std::vector<int>* labels);

}  // namespace parallax::ner
