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
#include <algorithm>
#include <cmath>

#include "cluster/clusterer_impl.h"

namespace parallax {

using cluster::kNoDay;
using cluster::kNone;
using cluster::SparseVec;

namespace {

constexpr int kIterations = 6;
constexpr size_t kMinSide = 2;
constexpr size_t kBigCap = 1u << 20;  // no pruning while summing

double Cos(const SparseVec& a, const SparseVec& b) {
  double na = cluster::Norm(a), nb = cluster::Norm(b);
  return na > 0 && nb > 0 ? cluster::Dot(a, b) / (na * nb) : 0;
}

}  // namespace

void OnlineClusterer::Impl::MaybeSplit(uint32_t story) {
  if (options.split_threshold <= 0) return;
  {
    const cluster::Story& s = stories[story];
    if (!s.live || s.docs < 4 || (s.docs & (s.docs - 1)) != 0) return;
  }
  // Aged members (vectors folded into the story's AgedPart) stay on the
  // first side; their sum anchors it when the first member is one of them.
  const cluster::AgedPart* part = nullptr;
  if (auto it = aged.find(story); it != aged.end()) part = &it->second;
  std::vector<uint32_t> orig;
  for (uint32_t m : stories[story].members) {
    if (articles[m].dup_of == kNone && !Aged(m)) orig.push_back(m);
  }
  if (orig.size() < 2 * kMinSide) return;
  const bool anchored = orig.front() == stories[story].first_seq;
  if (!anchored && part == nullptr) return;
  // Seeds: the first member (or the aged sum), and the member least like it.
  const uint32_t a = anchored ? orig.front() : kNone;
  SparseVec c1 = anchored ? articles[a].vec : part->terms;
  uint32_t b = orig[anchored ? 1 : 0];
  double lowest = 2 * (cluster::Norm(c1) + 1);
  for (size_t i = anchored ? 1 : 0; i < orig.size(); ++i) {
    double c = cluster::Dot(c1, articles[orig[i]].vec);
    if (c < lowest) {
      lowest = c;
      b = orig[i];
    }
  }
  SparseVec c2 = articles[b].vec;
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
    if (part) cluster::AddInto(&c1, part->terms, kBigCap);
    for (size_t i = 0; i < orig.size(); ++i) {
      cluster::AddInto(side[i] ? &c2 : &c1, articles[orig[i]].vec, kBigCap);
    }
  }
  const size_t n2 = static_cast<size_t>(std::count(side.begin(), side.end(), 1));
  if (n2 < kMinSide || orig.size() - n2 + (part ? part->docs : 0) < kMinSide) return;
  if (Cos(c1, c2) >= options.split_threshold) return;

  std::vector<uint32_t> moved;  // originals going to the new story
  for (size_t i = 0; i < orig.size(); ++i) {
    if (side[i]) moved.push_back(orig[i]);
  }
  SplitOff(story, moved);
}

void OnlineClusterer::Impl::SplitOff(uint32_t story, const std::vector<uint32_t>& moved) {
  const uint32_t fresh = static_cast<uint32_t>(stories.size());
  stories.emplace_back();
  Unindex(story);
  std::vector<uint32_t> members = std::move(stories[story].members);
  stories[story].members.clear();
  for (uint32_t m : members) {
    uint32_t o = articles[m].dup_of == kNone ? m : articles[m].dup_of;
    bool goes = std::binary_search(moved.begin(), moved.end(), o);
    stories[goes ? fresh : story].members.push_back(m);
  }
  Rebuild(story);
  Rebuild(fresh);
  live.push_back(fresh);
  Reindex(story);
  Reindex(fresh);
  changed_stories.push_back(story);
  changed_stories.push_back(fresh);
  ++splits;
}

void OnlineClusterer::Impl::Rebuild(uint32_t story) {
  cluster::Story& t = stories[story];
  t.centroid.clear();
  t.entities.clear();
  t.title.clear();
  t.norm2 = 0;
  t.docs = 0;
  t.first_day = t.last_day = kNoDay;
  if (auto it = aged.find(story); it != aged.end()) {  // what aged members left
    t.docs = it->second.docs;
    t.centroid = it->second.terms;
    t.entities = it->second.entities;
    t.title = it->second.title;
  }
  for (uint32_t m : t.members) {
    cluster::ArticleRec& art = articles[m];
    art.story = story;
    if (art.day != kNoDay) {
      t.first_day = t.first_day == kNoDay ? art.day : std::min(t.first_day, art.day);
      t.last_day = t.last_day == kNoDay ? art.day : std::max(t.last_day, art.day);
    }
    if (art.dup_of != kNone || Aged(m)) continue;
    ++t.docs;
    cluster::AddInto(&t.centroid, art.vec, kBigCap);
    cluster::AddInto(&t.entities, art.ents, kBigCap);
    cluster::AddInto(&t.title, art.title, kBigCap);
  }
  t.norm2 = cluster::Dot(t.centroid, t.centroid);
  cluster::Prune(&t.centroid, static_cast<size_t>(std::max(8, options.story_terms)));
  cluster::Prune(&t.entities, 64);
  cluster::Prune(&t.title, 64);
  if (!t.members.empty()) t.first_seq = t.members.front();
}

}  // namespace parallax
