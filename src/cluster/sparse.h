// Sparse vectors for story clustering: (id, weight) pairs sorted by id, plus
// a dense scratch accumulator for fast dot products against many centroids.
// Value types; not thread-safe.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace parallax::cluster {

using SparseVec = std::vector<std::pair<uint32_t, float>>;

inline double Norm(const SparseVec& v) {
  double s = 0;
  for (const auto& [id, w] : v) s += static_cast<double>(w) * w;
  return std::sqrt(s);
}

inline void Scale(SparseVec* v, double f) {
  for (auto& e : *v) e.second = static_cast<float>(e.second * f);
}

inline void NormalizeL2(SparseVec* v) {
  double n = Norm(*v);
  if (n > 0) Scale(v, 1.0 / n);
}

// Empties a vector and returns its memory (`v = {}` keeps the capacity: it
// assigns an empty initializer list).
template <typename Vec>
inline void Release(Vec* v) {
  Vec().swap(*v);
}

// Dot product of two id-sorted vectors (merge join).
inline double Dot(const SparseVec& a, const SparseVec& b) {
  double s = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first == b[j].first) {
      s += static_cast<double>(a[i++].second) * b[j++].second;
    } else if (a[i].first < b[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
  return s;
}

// Keeps the `cap` largest weights (ties: smaller id), re-sorted by id.
inline void Prune(SparseVec* v, size_t cap) {
  if (v->size() <= cap) return;
  auto heavier = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  std::nth_element(v->begin(), v->begin() + static_cast<long>(cap), v->end(), heavier);
  v->resize(cap);
  std::sort(v->begin(), v->end());
}

// a += b (both sorted by id), then pruned to `cap` when it grows past 2*cap
// (amortises the pruning; a centroid holds at most 2*cap entries).
inline void AddInto(SparseVec* a, const SparseVec& b, size_t cap) {
  SparseVec out;
  out.reserve(a->size() + b.size());
  size_t i = 0, j = 0;
  while (i < a->size() || j < b.size()) {
    if (j == b.size() || (i < a->size() && (*a)[i].first < b[j].first)) {
      out.push_back((*a)[i++]);
    } else if (i == a->size() || b[j].first < (*a)[i].first) {
      out.push_back(b[j++]);
    } else {
      out.emplace_back((*a)[i].first, (*a)[i].second + b[j].second);
      ++i;
      ++j;
    }
  }
  if (out.size() > 2 * cap) Prune(&out, cap);
  a->swap(out);
}

// The ids of the `k` heaviest entries (ties: smaller id), sorted by id.
inline std::vector<uint32_t> TopIds(const SparseVec& v, size_t k) {
  SparseVec copy = v;
  Prune(&copy, k);
  std::vector<uint32_t> out;
  out.reserve(copy.size());
  for (const auto& e : copy) out.push_back(e.first);
  return out;
}

// Dense accumulator: Load() a query vector, then Dot() it against sparse
// vectors in O(size of the other vector); Clear() resets only touched slots.
class Scratch {
 public:
  void Load(const SparseVec& v) {
    Clear();
    for (const auto& [id, w] : v) {
      if (id >= dense_.size()) dense_.resize(std::max<size_t>(id + 1, dense_.size() * 2), 0.f);
      dense_[id] = w;
      touched_.push_back(id);
    }
  }
  double Dot(const SparseVec& other) const {
    double s = 0;
    for (const auto& [id, w] : other) {
      if (id < dense_.size()) s += static_cast<double>(dense_[id]) * w;
    }
    return s;
  }
  void Clear() {
    for (uint32_t id : touched_) dense_[id] = 0.f;
    touched_.clear();
  }

 private:
  std::vector<float> dense_;
  std::vector<uint32_t> touched_;
};

}  // namespace parallax::cluster
