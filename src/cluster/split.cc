// Story splitting: undoing an early wrong join.
//
// An online clusterer decides on the first report of a new event when all it
// can compare it with is the story of another event of the same kind (two
// rehab check-ins, two earthquakes). If that first report joins, every later
// report of the new event follows it. So when a story reaches 4, 8, 16, ...
// articles, its members are bisected with 2-means over their (pruned) term
// vectors, seeded with the first member and the member least like it; if the
// two halves' centroids are further apart than `split_threshold`, the half
// without the first article becomes a story of its own. Checking at powers of
// two keeps the amortised cost per article constant.
//
// Refine() is a second pass over the finished stories (ClusterArticles runs
// it after the last article). It uses relative evidence instead of one
// absolute threshold: each member's 5 most similar members. A story holding
// two events of the same kind is bisected (kernel 2-means on the members'
// pairwise similarities, then label propagation over the neighbour lists) and
// split when few neighbour links cross the cut (refine_threshold); both parts
// are checked again.
#include <algorithm>
#include <cmath>

#include "cluster/clusterer_impl.h"

namespace parallax {

using cluster::kNoDay;
using cluster::kNone;
using cluster::SparseVec;

namespace {

constexpr int kIterations = 6;
constexpr size_t kNeighbours = 5;
// Refine compares all member pairs: bigger stories are left alone.
constexpr size_t kMaxRefineMembers = 2000;
constexpr size_t kMinSide = 2;
constexpr size_t kBigCap = 1u << 20;  // no pruning while summing

double Cos(const SparseVec& a, const SparseVec& b) {
  double na = cluster::Norm(a), nb = cluster::Norm(b);
  return na > 0 && nb > 0 ? cluster::Dot(a, b) / (na * nb) : 0;
}

}  // namespace

std::vector<double> OnlineClusterer::Impl::MemberSimilarities(
    const std::vector<uint32_t>& orig) const {
  const size_t n = orig.size();
  const double we = options.entity_weight;
  std::vector<double> sim(n * n, 1.0);
  for (size_t i = 0; i < n; ++i) {
    const cluster::ArticleRec& x = articles[orig[i]];
    for (size_t j = i + 1; j < n; ++j) {
      const cluster::ArticleRec& y = articles[orig[j]];
      double t = cluster::Dot(x.vec, y.vec);
      if (!x.ents.empty() && !y.ents.empty()) t = (1 - we) * t + we * cluster::Dot(x.ents, y.ents);
      sim[i * n + j] = sim[j * n + i] = t;
    }
  }
  return sim;
}

double OnlineClusterer::Impl::Bisect(const std::vector<double>& sim, size_t n,
                                     std::vector<uint8_t>* best_side) {
  auto at = [&](size_t i, size_t j) { return sim[i * n + j]; };
  // Each member's k most similar members (the relative evidence: within a
  // topic, a report's nearest neighbours are nearly always from its own event
  // even when one absolute threshold cannot tell the two events apart).
  const size_t k = std::min(kNeighbours, n - 1);
  std::vector<uint32_t> nb(n * k);
  {
    std::vector<std::pair<double, uint32_t>> row;
    for (size_t i = 0; i < n; ++i) {
      row.clear();
      for (size_t j = 0; j < n; ++j) {
        if (j != i) row.emplace_back(-at(i, j), static_cast<uint32_t>(j));
      }
      std::partial_sort(row.begin(), row.begin() + static_cast<long>(k), row.end());
      for (size_t t = 0; t < k; ++t) nb[i * k + t] = row[t].second;
    }
  }
  auto cross = [&](const std::vector<uint8_t>& side) {
    size_t c = 0;
    for (size_t i = 0; i < n; ++i) {
      for (size_t t = 0; t < k; ++t) c += side[nb[i * k + t]] != side[i];
    }
    return static_cast<double>(c) / static_cast<double>(n * k);
  };
  // Starting partitions: kernel 2-means (each member to the side it is more
  // similar to on average) from two seedings, the first member and the member
  // least like it, and the least similar pair overall.
  size_t far = 1, p = 0, q = 1;
  for (size_t j = 1; j < n; ++j) {
    if (at(0, j) < at(0, far)) far = j;
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (at(i, j) < at(p, q)) p = i, q = j;
    }
  }
  double best = 2;
  for (auto [s0, s1] : {std::pair<size_t, size_t>{0, far}, {p, q}}) {
    std::vector<uint8_t> side(n);
    for (size_t i = 0; i < n; ++i) side[i] = at(i, s1) > at(i, s0) ? 1 : 0;
    side[s0] = 0;
    side[s1] = 1;
    for (int it = 0; it < kIterations; ++it) {
      std::vector<uint8_t> next(n);
      for (size_t i = 0; i < n; ++i) {
        double sum[2] = {0, 0}, cnt[2] = {0, 0};
        for (size_t j = 0; j < n; ++j) {
          if (j == i) continue;
          sum[side[j]] += at(i, j);
          cnt[side[j]] += 1;
        }
        double m0 = cnt[0] > 0 ? sum[0] / cnt[0] : 0, m1 = cnt[1] > 0 ? sum[1] / cnt[1] : 0;
        next[i] = m1 > m0 ? 1 : 0;
      }
      if (next == side) break;
      side = std::move(next);
    }
    // Then label propagation over the neighbour lists: a member moves to the
    // side most of its neighbours are on.
    for (int it = 0; it < kIterations; ++it) {
      std::vector<uint8_t> next = side;
      for (size_t i = 0; i < n; ++i) {
        size_t ones = 0;
        for (size_t t = 0; t < k; ++t) ones += side[nb[i * k + t]];
        if (2 * ones > k) next[i] = 1;
        if (2 * ones < k) next[i] = 0;
      }
      if (next == side) break;
      side = std::move(next);
    }
    const size_t ones = static_cast<size_t>(std::count(side.begin(), side.end(), 1));
    if (ones < kMinSide || n - ones < kMinSide) continue;
    double c = cross(side);
    if (c < best) {
      best = c;
      *best_side = side;
    }
  }
  return best;
}

void OnlineClusterer::Impl::Refine() {
  if (options.refine_threshold <= 0) return;
  std::vector<uint32_t> work = live;
  while (!work.empty()) {
    uint32_t story = work.back();
    work.pop_back();
    const cluster::Story& s = stories[story];
    if (!s.live || s.merged_into != kNone) continue;
    std::vector<uint32_t> orig;
    for (uint32_t m : s.members) {
      if (articles[m].dup_of == kNone) orig.push_back(m);
    }
    if (orig.size() < 2 * kMinSide || orig.size() > kMaxRefineMembers) continue;
    std::vector<uint8_t> side;
    double ratio = Bisect(MemberSimilarities(orig), orig.size(), &side);
    if (side.empty()) continue;
    const size_t n1 = static_cast<size_t>(std::count(side.begin(), side.end(), 1));
    if (n1 < kMinSide || orig.size() - n1 < kMinSide || ratio >= options.refine_threshold) continue;
    const uint8_t keep = side[0];  // the first member's side keeps the story
    std::vector<uint32_t> moved;
    for (size_t i = 0; i < orig.size(); ++i) {
      if (side[i] != keep) moved.push_back(orig[i]);
    }
    SplitOff(story, moved);
    work.push_back(story);
    work.push_back(static_cast<uint32_t>(stories.size() - 1));
  }
}

void OnlineClusterer::Impl::MaybeSplit(uint32_t story) {
  if (options.split_threshold <= 0) return;
  {
    const cluster::Story& s = stories[story];
    if (!s.live || s.docs < 4 || (s.docs & (s.docs - 1)) != 0) return;
  }
  std::vector<uint32_t> orig;
  for (uint32_t m : stories[story].members) {
    if (articles[m].dup_of == kNone) orig.push_back(m);
  }
  if (orig.size() < 2 * kMinSide) return;
  // Seeds: the first member, and the member least like it.
  uint32_t a = orig.front(), b = orig[1];
  double lowest = 2;
  for (size_t i = 1; i < orig.size(); ++i) {
    double c = cluster::Dot(articles[a].vec, articles[orig[i]].vec);
    if (c < lowest) {
      lowest = c;
      b = orig[i];
    }
  }
  SparseVec c1 = articles[a].vec, c2 = articles[b].vec;
  std::vector<uint8_t> side(orig.size(), 0);
  for (int it = 0; it < kIterations; ++it) {
    bool changed = false;
    const double n1 = cluster::Norm(c1), n2 = cluster::Norm(c2);
    for (size_t i = 0; i < orig.size(); ++i) {
      const SparseVec& v = articles[orig[i]].vec;
      double s1 = n1 > 0 ? cluster::Dot(v, c1) / n1 : 0;
      double s2 = n2 > 0 ? cluster::Dot(v, c2) / n2 : 0;
      uint8_t want = orig[i] == a ? 0 : (s2 > s1 ? 1 : 0);
      changed |= want != side[i];
      side[i] = want;
    }
    if (!changed && it > 0) break;
    c1.clear();
    c2.clear();
    for (size_t i = 0; i < orig.size(); ++i) {
      cluster::AddInto(side[i] ? &c2 : &c1, articles[orig[i]].vec, kBigCap);
    }
  }
  const size_t n2 = static_cast<size_t>(std::count(side.begin(), side.end(), 1));
  if (n2 < kMinSide || orig.size() - n2 < kMinSide) return;
  if (Cos(c1, c2) >= options.split_threshold) return;

  std::vector<uint32_t> moved;  // originals going to the new story
  for (size_t i = 0; i < orig.size(); ++i) {
    if (side[i]) moved.push_back(orig[i]);
  }
  SplitOff(story, moved);
}

void OnlineClusterer::Impl::SplitOff(uint32_t story, const std::vector<uint32_t>& moved) {
  // Rebuild both stories from their members' kept vectors.
  const uint32_t fresh = static_cast<uint32_t>(stories.size());
  stories.emplace_back();
  Unindex(story);
  std::vector<uint32_t> members = std::move(stories[story].members);
  auto goes = [&](uint32_t m) {
    uint32_t o = articles[m].dup_of == kNone ? m : articles[m].dup_of;
    return std::binary_search(moved.begin(), moved.end(), o);
  };
  const size_t cap = static_cast<size_t>(std::max(8, options.story_terms));
  for (uint32_t target : {story, fresh}) {
    cluster::Story& t = stories[target];
    t.members.clear();
    t.centroid.clear();
    t.entities.clear();
    t.title.clear();
    t.norm2 = 0;
    t.docs = 0;
    t.first_day = t.last_day = kNoDay;
    t.keys.clear();
    for (uint32_t m : members) {
      if (goes(m) != (target == fresh)) continue;
      t.members.push_back(m);
      cluster::ArticleRec& art = articles[m];
      art.story = target;
      if (art.day != kNoDay) {
        t.first_day = t.first_day == kNoDay ? art.day : std::min(t.first_day, art.day);
        t.last_day = t.last_day == kNoDay ? art.day : std::max(t.last_day, art.day);
      }
      if (art.dup_of != kNone) continue;
      ++t.docs;
      cluster::AddInto(&t.centroid, art.vec, kBigCap);
      cluster::AddInto(&t.entities, art.ents, kBigCap);
      cluster::AddInto(&t.title, art.title, kBigCap);
    }
    t.norm2 = cluster::Dot(t.centroid, t.centroid);
    cluster::Prune(&t.centroid, cap);
    cluster::Prune(&t.entities, 64);
    cluster::Prune(&t.title, 64);
    t.first_seq = t.members.front();
  }
  live.push_back(fresh);
  Reindex(story);
  Reindex(fresh);
  changed_stories.push_back(story);
  changed_stories.push_back(fresh);
  ++splits;
}

}  // namespace parallax
