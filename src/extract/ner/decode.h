// Viterbi decoding over BILOU tags. Internal to parallax::ner.
#pragma once

#include <cstddef>
#include <vector>

#include "token_features.h"
#include "model.h"

namespace parallax::ner {

// Best BILOU tag sequence for `n` tokens given emission scores
// (emissions[i * kNumTags + y]) and transition scores laid out as
// WeightTable::transitions. Transitions that BILOU forbids (see
// AllowedTagTransition: O -> I-X or L-X, B-X -> O, B-X -> I-Y, ...) are never
// taken and the last tag closes its entity, so the output is always well
// formed.
void Viterbi(const float* emissions, size_t n, const float* transitions, std::vector<int>* labels);

// Integer emission sums of one sentence (sum[i * kNumTags + y], in units
// of model.rows.scale(stage)): stage 1's into `sum1` and, when `sum2` is not
// null, stage 2's over the same features into `sum2` (one lookup for both).
void LocalSums(const Model& model, const FeatureList& features, std::vector<int32_t>* sum1,
               std::vector<int32_t>* sum2);
// Adds stage 2's rows of `extra` (its non-local features) to `sum2`.
void AddStage2Sums(const Model& model, const FeatureList& extra, std::vector<int32_t>* sum2);
// scores[i] = sums[i] * scale.
void ScaleSums(const std::vector<int32_t>& sums, float scale, std::vector<float>* scores);

// Repairs an ill-formed sequence (an I-X that does not continue X becomes
// B-X). Viterbi output never needs it; kept for inputs from elsewhere.
void RepairIob2(std::vector<int>* labels);

}  // namespace parallax::ner
