#include "decode.h"

#include <limits>

namespace parallax::ner {

namespace {

// For each tag y, the tags p that may precede it, ascending (the nine that
// close an entity, O, L-X, U-X, for O, B-X and U-X; B-X and I-X for I-X and
// L-X): the loop visits the same p in the same order as a test of every
// pair, so ties and sums come out the same.
struct AllowedTable {
  int count[kNumTags];
  int prev[kNumTags][kNumTags];
};
constexpr AllowedTable MakeAllowed() {
  AllowedTable t{};
  for (int y = 0; y < kNumTags; ++y) {
    t.count[y] = 0;
    for (int p = 0; p < kNumTags; ++p) {
      if (AllowedTagTransition(p, y)) t.prev[y][t.count[y]++] = p;
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
  std::vector<float> score(n * kNumTags, kNeg);
  std::vector<int> back(n * kNumTags, kO);
  for (int y = 0; y < kNumTags; ++y) {
    if (AllowedTagTransition(-1, y)) score[y] = transitions[y] + emissions[y];
  }
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kNumTags];
    for (int y = 0; y < kNumTags; ++y) {
      float best = kNeg;
      int arg = kO;
      for (int k = 0; k < kAllowed.count[y]; ++k) {
        const int p = kAllowed.prev[y][k];
        if (prev[p] == kNeg) continue;
        float s = prev[p] + transitions[(p + 1) * kNumTags + y];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * kNumTags + y] = best + emissions[i * kNumTags + y];
      back[i * kNumTags + y] = arg;
    }
  }
  // The sentence may not end inside an entity (B-X or I-X).
  const float* last = &score[(n - 1) * kNumTags];
  int y = kO;
  for (int c = 1; c < kNumTags; ++c) {
    if (!IsOpenTag(c) && last[c] > last[y]) y = c;
  }
  for (size_t i = n; i-- > 0;) {
    (*labels)[i] = y;
    y = back[i * kNumTags + y];
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
  const size_t n = features.size() * kNumTags;
  sum1->assign(n, 0);
  if (sum2 != nullptr) sum2->assign(n, 0);
  int32_t* s1 = sum1->data();
  int32_t* s2 = sum2 != nullptr ? sum2->data() : nullptr;
  ForEachKey(model.rows, features, [&](size_t i, uint64_t key) {
    model.rows.Accumulate(key, s1 + i * kNumTags, s2 != nullptr ? s2 + i * kNumTags : nullptr);
  });
}

void AddStage2Sums(const Model& model, const FeatureList& extra, std::vector<int32_t>* sum2) {
  if (sum2->size() != extra.size() * kNumTags) return;
  int32_t* s2 = sum2->data();
  ForEachKey(model.rows, extra, [&](size_t i, uint64_t key) {
    model.rows.AccumulateSecond(key, s2 + i * kNumTags);
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
