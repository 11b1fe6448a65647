#include "decode.h"

#include <limits>

namespace parallax::ner {

namespace {

// AllowedIob2(p, y) == AllowedTransition(p, y) for p >= 0, as a table in
// the loop (the function call per label pair was ~10% of tagging).
constexpr bool AllowedIob2(int prev, int label) {
  if (label == kO || label % 2 == 1) return true;  // not an I- label
  return prev != -1 && prev != kO && (prev + 1) / 2 == (label + 1) / 2;
}
// For each label y, the labels p that may precede it, ascending (all nine
// for O and B-X, two for I-X): the loop visits the same p in the same order
// as a test of every pair, so ties and sums come out the same.
struct AllowedTable {
  int count[kNumLabels];
  int prev[kNumLabels][kNumLabels];
};
constexpr AllowedTable MakeAllowed() {
  AllowedTable t{};
  for (int y = 0; y < kNumLabels; ++y) {
    t.count[y] = 0;
    for (int p = 0; p < kNumLabels; ++p) {
      if (AllowedIob2(p, y)) t.prev[y][t.count[y]++] = p;
    }
  }
  return t;
}
constexpr AllowedTable kAllowed = MakeAllowed();

}  // namespace

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
      for (int k = 0; k < kAllowed.count[y]; ++k) {
        const int p = kAllowed.prev[y][k];
        if (prev[p] == kNeg) continue;
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

constexpr uint32_t kPrefetchAhead = 8;

// Lookups are independent cache misses: slots are prefetched a few keys ahead.
template <typename Add>
void ForEachKey(const PackedRows& rows, const FeatureList& f, Add add) {
  const uint32_t total = f.offsets.empty() ? 0 : f.offsets.back();
  for (uint32_t k = 0; k < kPrefetchAhead && k < total; ++k) rows.Prefetch(f.keys[k]);
  for (size_t i = 0; i < f.size(); ++i) {
    for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
      if (k + kPrefetchAhead < total) rows.Prefetch(f.keys[k + kPrefetchAhead]);
      add(i, f.keys[k]);
    }
  }
}

}  // namespace

void LocalSums(const Model& model, const FeatureList& features, std::vector<int32_t>* sum1,
               std::vector<int32_t>* sum2) {
  const size_t n = features.size() * kNumLabels;
  sum1->assign(n, 0);
  if (sum2 != nullptr) sum2->assign(n, 0);
  int32_t* s1 = sum1->data();
  int32_t* s2 = sum2 != nullptr ? sum2->data() : nullptr;
  ForEachKey(model.rows, features, [&](size_t i, uint64_t key) {
    model.rows.Accumulate(key, s1 + i * kNumLabels, s2 != nullptr ? s2 + i * kNumLabels : nullptr);
  });
}

void AddStage2Sums(const Model& model, const FeatureList& extra, std::vector<int32_t>* sum2) {
  if (sum2->size() != extra.size() * kNumLabels) return;
  int32_t* s2 = sum2->data();
  ForEachKey(model.rows, extra, [&](size_t i, uint64_t key) {
    model.rows.AccumulateSecond(key, s2 + i * kNumLabels);
  });
}

void ScaleSums(const std::vector<int32_t>& sums, float scale, std::vector<float>* scores) {
  scores->resize(sums.size());
  for (size_t i = 0; i < sums.size(); ++i) (*scores)[i] = static_cast<float>(sums[i]) * scale;
}

void RepairIob2(std::vector<int>* labels) {
  int prev = -1;
  for (int& y : *labels) {
    if (!AllowedTransition(prev, y)) y -= 1;  // I-X -> B-X
    prev = y;
  }
}

}  // namespace parallax::ner
