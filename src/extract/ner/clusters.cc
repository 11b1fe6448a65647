// Distributional word clusters (see resources.h for the recipe). Not Brown
// clustering: Brown's agglomerative merge is O(V * C^2), far too slow for a
// shared two-core machine; PPMI context vectors with k-means give similar
// "words used alike" classes in about a minute.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "token_features.h"
#include "resources.h"

namespace parallax::ner {
namespace {

struct Rng {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

void Normalize(float* v, int d) {
  double s = 0;
  for (int i = 0; i < d; ++i) s += static_cast<double>(v[i]) * v[i];
  if (s <= 0) return;
  float inv = static_cast<float>(1.0 / std::sqrt(s));
  for (int i = 0; i < d; ++i) v[i] *= inv;
}

// Spherical k-means of `n` unit vectors (weights `w`) into `k` centroids,
// seeded with the first k vectors. Returns the assignment.
std::vector<int> KMeans(const std::vector<float>& x, const std::vector<double>& w, size_t n, int d,
                        int k, int iterations, std::vector<float>* centroids) {
  centroids->assign(x.begin(), x.begin() + static_cast<ptrdiff_t>(k) * d);
  std::vector<int> assign(n, 0);
  std::vector<double> sums(static_cast<size_t>(k) * d);
  for (int it = 0; it < iterations; ++it) {
    size_t changed = 0;
    for (size_t i = 0; i < n; ++i) {
      const float* xi = &x[i * d];
      int best = 0;
      float best_s = -2;
      for (int c = 0; c < k; ++c) {
        const float* cc = &(*centroids)[static_cast<size_t>(c) * d];
        float s = 0;
        for (int j = 0; j < d; ++j) s += xi[j] * cc[j];
        if (s > best_s) {
          best_s = s;
          best = c;
        }
      }
      if (assign[i] != best || it == 0) ++changed;
      assign[i] = best;
    }
    std::fill(sums.begin(), sums.end(), 0.0);
    for (size_t i = 0; i < n; ++i) {
      double* s = &sums[static_cast<size_t>(assign[i]) * d];
      for (int j = 0; j < d; ++j) s[j] += w[i] * x[i * d + j];
    }
    for (int c = 0; c < k; ++c) {
      float* cc = &(*centroids)[static_cast<size_t>(c) * d];
      double norm = 0;
      for (int j = 0; j < d; ++j) norm += sums[static_cast<size_t>(c) * d + j] * sums[static_cast<size_t>(c) * d + j];
      if (norm <= 0) continue;  // empty cluster keeps its centroid
      for (int j = 0; j < d; ++j) cc[j] = static_cast<float>(sums[static_cast<size_t>(c) * d + j]);
      Normalize(cc, d);
    }
    if (changed == 0) break;
  }
  return assign;
}

// Orthonormalises the `l` columns of the row-major n x l matrix `m`
// (modified Gram-Schmidt, twice for stability); a column that vanishes
// stays zero.
void Orthonormalize(std::vector<double>* m, size_t n, int l) {
  std::vector<double>& a = *m;
  for (int pass = 0; pass < 2; ++pass) {
    for (int j = 0; j < l; ++j) {
      for (int p = 0; p < j; ++p) {
        double dot = 0;
        for (size_t i = 0; i < n; ++i) dot += a[i * l + j] * a[i * l + p];
        for (size_t i = 0; i < n; ++i) a[i * l + j] -= dot * a[i * l + p];
      }
      double norm = 0;
      for (size_t i = 0; i < n; ++i) norm += a[i * l + j] * a[i * l + j];
      const double inv = norm > 1e-20 ? 1.0 / std::sqrt(norm) : 0.0;
      for (size_t i = 0; i < n; ++i) a[i * l + j] *= inv;
    }
  }
}

// Eigen-decomposition of the symmetric l x l matrix `c` (row-major) by
// cyclic Jacobi rotations: c ends diagonal (the eigenvalues), `v` holds the
// eigenvectors as columns.
void JacobiEigen(std::vector<double>* c, int l, std::vector<double>* v) {
  std::vector<double>& a = *c;
  v->assign(static_cast<size_t>(l) * l, 0.0);
  for (int i = 0; i < l; ++i) (*v)[static_cast<size_t>(i) * l + i] = 1.0;
  for (int sweep = 0; sweep < 50; ++sweep) {
    double off = 0;
    for (int p = 0; p < l; ++p) {
      for (int q = p + 1; q < l; ++q) off += a[p * l + q] * a[p * l + q];
    }
    if (off < 1e-22) break;
    for (int p = 0; p < l; ++p) {
      for (int q = p + 1; q < l; ++q) {
        const double apq = a[p * l + q];
        if (std::fabs(apq) < 1e-300) continue;
        const double theta = (a[q * l + q] - a[p * l + p]) / (2 * apq);
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::fabs(theta) + std::sqrt(theta * theta + 1));
        const double cs = 1 / std::sqrt(t * t + 1), sn = t * cs;
        for (int k = 0; k < l; ++k) {  // columns p, q
          const double akp = a[k * l + p], akq = a[k * l + q];
          a[k * l + p] = cs * akp - sn * akq;
          a[k * l + q] = sn * akp + cs * akq;
        }
        for (int k = 0; k < l; ++k) {  // rows p, q
          const double apk = a[p * l + k], aqk = a[q * l + k];
          a[p * l + k] = cs * apk - sn * aqk;
          a[q * l + k] = sn * apk + cs * aqk;
        }
        for (int k = 0; k < l; ++k) {
          const double vkp = (*v)[k * l + p], vkq = (*v)[k * l + q];
          (*v)[k * l + p] = cs * vkp - sn * vkq;
          (*v)[k * l + q] = sn * vkp + cs * vkq;
        }
      }
    }
  }
}

struct PpmiCell {
  uint32_t word, dim;
  float value;
};

// Word vectors of `d` dimensions from the truncated SVD of the sparse
// vocab x dims PPMI matrix (Halko, Martinsson & Tropp 2011: a random range
// with `d` + 16 columns, `power` power iterations), each left singular
// vector scaled by the square root of its singular value.
std::vector<float> SvdVectors(const std::vector<PpmiCell>& cells, size_t vocab, uint32_t dims, int d,
                              int power, uint64_t seed) {
  const int l = d + 16;
  std::vector<double> z(static_cast<size_t>(dims) * l);  // dims x l
  Rng rng{seed};
  for (double& v : z) v = (rng.Next() & 1) ? 1.0 : -1.0;
  std::vector<double> y(vocab * l);  // vocab x l
  auto times_a = [&] {  // y = A z
    std::fill(y.begin(), y.end(), 0.0);
    for (const PpmiCell& c : cells) {
      double* yr = &y[static_cast<size_t>(c.word) * l];
      const double* zr = &z[static_cast<size_t>(c.dim) * l];
      for (int j = 0; j < l; ++j) yr[j] += c.value * zr[j];
    }
  };
  auto times_at = [&] {  // z = A^T y
    std::fill(z.begin(), z.end(), 0.0);
    for (const PpmiCell& c : cells) {
      double* zr = &z[static_cast<size_t>(c.dim) * l];
      const double* yr = &y[static_cast<size_t>(c.word) * l];
      for (int j = 0; j < l; ++j) zr[j] += c.value * yr[j];
    }
  };
  times_a();
  for (int it = 0; it < power; ++it) {
    Orthonormalize(&y, vocab, l);
    times_at();
    Orthonormalize(&z, dims, l);
    times_a();
  }
  Orthonormalize(&y, vocab, l);  // Q
  times_at();                    // z = A^T Q = B^T (dims x l)
  std::vector<double> bbt(static_cast<size_t>(l) * l, 0.0);  // B B^T
  for (uint32_t r = 0; r < dims; ++r) {
    const double* zr = &z[static_cast<size_t>(r) * l];
    for (int i = 0; i < l; ++i) {
      for (int j = 0; j < l; ++j) bbt[i * l + j] += zr[i] * zr[j];
    }
  }
  std::vector<double> w;
  JacobiEigen(&bbt, l, &w);
  std::vector<int> order(l);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return bbt[a * l + a] != bbt[b * l + b] ? bbt[a * l + a] > bbt[b * l + b] : a < b;
  });
  std::vector<float> x(vocab * d, 0.0f);
  for (int k = 0; k < d; ++k) {
    const int e = order[k];
    const double scale = std::sqrt(std::sqrt(std::max(0.0, bbt[e * l + e])));  // sigma^0.5
    for (size_t i = 0; i < vocab; ++i) {
      double u = 0;
      for (int j = 0; j < l; ++j) u += y[i * l + j] * w[j * l + e];
      x[i * d + k] = static_cast<float>(u * scale);
    }
  }
  return x;
}

}  // namespace

Status BuildClusters(const Corpus& corpus, const ClusterOptions& o, std::ostream* log, Model* model) {
  // Vocabulary by frequency (ties by spelling, for determinism).
  std::unordered_map<std::string, uint32_t> counts;
  for (const auto& para : corpus) {
    for (const std::string& t : para) ++counts[NormToken(t)];
  }
  std::vector<std::pair<std::string, uint32_t>> words(counts.begin(), counts.end());
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  size_t vocab = 0;
  while (vocab < words.size() && vocab < static_cast<size_t>(o.max_vocab) &&
         words[vocab].second >= static_cast<uint32_t>(o.min_count)) {
    ++vocab;
  }
  if (vocab < static_cast<size_t>(o.clusters)) {
    return InvalidInput("too little unlabeled text for " + std::to_string(o.clusters) +
                        " clusters (" + std::to_string(vocab) + " words)");
  }
  std::unordered_map<std::string_view, uint32_t> index;
  for (size_t i = 0; i < vocab; ++i) index.emplace(words[i].first, static_cast<uint32_t>(i));
  const uint32_t ctx = static_cast<uint32_t>(o.context_words) + 1;  // + boundary
  const uint32_t dims = 4 * ctx;

  // (word, context dimension) pair codes, then counted by sorting.
  std::vector<uint64_t> codes;
  std::vector<int32_t> ids;
  for (const auto& para : corpus) {
    ids.clear();
    for (const std::string& t : para) {
      auto it = index.find(NormToken(t));
      ids.push_back(it == index.end() ? -1 : static_cast<int32_t>(it->second));
    }
    const ptrdiff_t n = static_cast<ptrdiff_t>(ids.size());
    for (ptrdiff_t i = 0; i < n; ++i) {
      if (ids[i] < 0) continue;
      int slot = 0;
      for (int off : {-2, -1, 1, 2}) {
        ptrdiff_t j = i + off;
        uint32_t c = (j < 0 || j >= n) ? ctx - 1
                     : (ids[j] >= 0 && ids[j] < o.context_words) ? static_cast<uint32_t>(ids[j])
                                                                 : UINT32_MAX;
        if (c != UINT32_MAX) codes.push_back(static_cast<uint64_t>(ids[i]) * dims + slot * ctx + c);
        ++slot;
      }
    }
  }
  std::sort(codes.begin(), codes.end());
  std::vector<double> n_w(vocab, 0), n_d(dims, 0);
  double total = 0;
  struct Cell {
    uint32_t word, dim;
    double count;
  };
  std::vector<Cell> cells;
  for (size_t i = 0; i < codes.size();) {
    size_t j = i;
    while (j < codes.size() && codes[j] == codes[i]) ++j;
    Cell c{static_cast<uint32_t>(codes[i] / dims), static_cast<uint32_t>(codes[i] % dims),
           static_cast<double>(j - i)};
    n_w[c.word] += c.count;
    n_d[c.dim] += c.count;
    total += c.count;
    cells.push_back(c);
    i = j;
  }
  codes = {};
  double smooth_total = 0;
  for (double& v : n_d) {
    v = std::pow(v, 0.75);
    smooth_total += v;
  }
  const int d = o.dims;
  std::vector<float> x(vocab * d, 0.0f);
  if (o.svd_power >= 0) {
    std::vector<PpmiCell> ppmi;
    for (const Cell& c : cells) {
      double pmi = std::log(c.count * smooth_total / (n_w[c.word] * n_d[c.dim]));
      if (pmi > 0) ppmi.push_back({c.word, c.dim, static_cast<float>(pmi)});
    }
    x = SvdVectors(ppmi, vocab, dims, d, o.svd_power, o.seed);
  } else {
    // Fixed random +-1 projection of each context dimension.
    std::vector<float> proj(static_cast<size_t>(dims) * d);
    Rng rng{o.seed};
    for (float& p : proj) p = (rng.Next() & 1) ? 1.0f : -1.0f;
    for (const Cell& c : cells) {
      double pmi = std::log(c.count * smooth_total / (n_w[c.word] * n_d[c.dim]));
      if (pmi <= 0) continue;
      float* xv = &x[static_cast<size_t>(c.word) * d];
      const float* pv = &proj[static_cast<size_t>(c.dim) * d];
      for (int j = 0; j < d; ++j) xv[j] += static_cast<float>(pmi) * pv[j];
    }
  }
  for (size_t i = 0; i < vocab; ++i) Normalize(&x[i * d], d);
  if (log) *log << "clusters: " << vocab << " words, " << cells.size() << " context cells\n";

  // Finest level over words, coarser levels over the finer centroids.
  std::vector<double> weight(vocab, 1.0);
  std::vector<float> cent;
  std::vector<int> fine = KMeans(x, weight, vocab, d, o.clusters, o.iterations, &cent);
  std::vector<std::vector<int>> level_of_word{fine};
  std::vector<int> up(o.clusters);
  std::iota(up.begin(), up.end(), 0);
  std::vector<float> level_x = cent;
  std::vector<double> level_w(o.clusters, 0.0);
  for (int a : fine) level_w[a] += 1.0;
  int k = o.clusters;
  for (int level = 1; level < kClusterLevels; ++level) {
    int next_k = std::max(2, k / 4);
    std::vector<float> next_cent;
    std::vector<int> a = KMeans(level_x, level_w, k, d, next_k, 20, &next_cent);
    for (int& u : up) u = a[u];
    std::vector<int> per_word(vocab);
    for (size_t i = 0; i < vocab; ++i) per_word[i] = up[fine[i]];
    level_of_word.push_back(std::move(per_word));
    std::vector<double> w2(next_k, 0.0);
    for (int c = 0; c < k; ++c) w2[a[c]] += level_w[c];
    level_x = std::move(next_cent);
    level_w = std::move(w2);
    k = next_k;
  }
  std::vector<std::pair<uint64_t, ClusterIds>> rows;
  for (size_t i = 0; i < vocab; ++i) {
    ClusterIds ids_i{};
    for (int l = 0; l < kClusterLevels; ++l) ids_i[l] = static_cast<uint16_t>(level_of_word[l][i] + 1);
    rows.emplace_back(WordKey(words[i].first), ids_i);
  }
  std::sort(rows.begin(), rows.end());
  model->cluster_keys.clear();
  model->clusters.clear();
  for (const auto& [key, c] : rows) {
    model->cluster_keys.push_back(key);
    model->clusters.push_back(c);
  }
  return Status::Ok();
}

}  // namespace parallax::ner
