#include "decode.h"

#include <limits>

namespace parallax::ner {

void Viterbi(const float* emissions, size_t n, const float* transitions, std::vector<int>* labels) {
  labels->assign(n, kO);
  if (n == 0) return;
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  std::vector<float> score(n * kNumLabels, kNeg);
  std::vector<int> back(n * kNumLabels, kO);
  for (int y = 0; y < kNumLabels; ++y) {
    if (AllowedTransition(-1, y)) score[y] = transitions[y] + emissions[y];
  }
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kNumLabels];
    for (int y = 0; y < kNumLabels; ++y) {
      float best = kNeg;
      int arg = kO;
      for (int p = 0; p < kNumLabels; ++p) {
        if (prev[p] == kNeg || !AllowedTransition(p, y)) continue;
        float s = prev[p] + transitions[(p + 1) * kNumLabels + y];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * kNumLabels + y] = best + emissions[i * kNumLabels + y];
      back[i * kNumLabels + y] = arg;
    }
  }
  const float* last = &score[(n - 1) * kNumLabels];
  int y = kO;
  for (int c = 1; c < kNumLabels; ++c) {
    if (last[c] > last[y]) y = c;
  }
  for (size_t i = n; i-- > 0;) {
    (*labels)[i] = y;
    y = back[i * kNumLabels + y];
  }
}

namespace {

void AddRows(const WeightTable& table, const FeatureList& f, std::vector<float>* scores) {
  for (size_t i = 0; i < f.size(); ++i) {
    float* s = &(*scores)[i * kNumLabels];
    for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
      const float* w = table.Row(f.keys[k]);
      if (w == nullptr) continue;
      for (int y = 0; y < kNumLabels; ++y) s[y] += w[y];
    }
  }
}

}  // namespace

void Emissions(const WeightTable& table, const FeatureList& features, const FeatureList* extra,
               std::vector<float>* scores) {
  scores->assign(features.size() * kNumLabels, 0.0f);
  AddRows(table, features, scores);
  if (extra != nullptr && extra->size() == features.size()) AddRows(table, *extra, scores);
}

void RepairIob2(std::vector<int>* labels) {
  int prev = -1;
  for (int& y : *labels) {
    if (!AllowedTransition(prev, y)) y -= 1;  // I-X -> B-X
    prev = y;
  }
}

}  // namespace parallax::ner
