// Refine(): a second pass over the finished stories, on relative evidence.
//
// One absolute threshold cannot fit every pair of same-kind events: within a
// topic, a report's nearest neighbours are nearly always reports of its own
// event even when its similarity to the other event's story is above the
// join threshold. So the second pass looks at each member's kNeighbours most
// similar members (the scorer's term/entity mix over the kept vectors):
//  1. Split: a story is bisected (kernel 2-means on its members' pairwise
//     similarities from two seedings, then label propagation over the
//     neighbour lists) and split when the share of neighbour links crossing
//     the cut is below refine_threshold; both parts are checked again.
//  2. Reassign: an article whose link to another story (the mean of its
//     kLinks highest similarities to that story's members; candidates from
//     the index) is stronger than its link to the rest of its own story
//     moves there with its duplicates. Decided on the stories as they stand,
//     then applied. Ids stay stable: a story's first article never moves and
//     an article only moves to a story that began before it (so no story
//     empties and articles alone in their story stay).
// Cost: quadratic in a story's size (stories above kMaxRefineMembers are left
// alone); meant for batches (ClusterArticles) and quiet moments of a stream.
#include <algorithm>
#include <cmath>

#include "cluster/clusterer_impl.h"

namespace parallax {

using cluster::kNone;

namespace {

constexpr int kIterations = 6;
constexpr size_t kMinSide = 2;
constexpr size_t kNeighbours = 5;
constexpr size_t kMaxRefineMembers = 2000;
constexpr size_t kReassignStories = 5;  // candidate stories per article
constexpr size_t kLinks = 3;
// Online (RefineRecent): stories up to this many originals are bisected
// whenever they take an article.
constexpr size_t kAlwaysRefineMembers = 24;
// Online, stories above this many originals are not bisected again, and an
// article's link to a story is taken over its newest this many originals:
// both keep the cost per arrival flat as stories grow.
constexpr size_t kMaxOnlineMembers = 256;
constexpr size_t kOnlineLinkMembers = 64;

// The scorer's text/entity mix between two articles' kept vectors.
double Similarity(const cluster::ArticleRec& x, const cluster::ArticleRec& y, double we) {
  double t = cluster::Dot(x.vec, y.vec);
  if (!x.ents.empty() && !y.ents.empty()) t = (1 - we) * t + we * cluster::Dot(x.ents, y.ents);
  return t;
}

}  // namespace

std::vector<double> OnlineClusterer::Impl::MemberSimilarities(
    const std::vector<uint32_t>& orig) const {
  const size_t n = orig.size();
  std::vector<double> sim(n * n, 1.0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      sim[i * n + j] = sim[j * n + i] =
          Similarity(articles[orig[i]], articles[orig[j]], options.entity_weight);
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
  SplitSeparated(live, kMaxRefineMembers);
  Reassign(nullptr, kMaxRefineMembers);
}

void OnlineClusterer::Impl::SplitSeparated(std::vector<uint32_t> work, size_t max_members) {
  while (!work.empty()) {
    uint32_t story = work.back();
    work.pop_back();
    const cluster::Story& s = stories[story];
    if (!s.live || s.merged_into != kNone) continue;
    // Aged members have no vectors left: only the others are bisected, and
    // when the first member is aged, the side closer to the aged sum keeps
    // the story (aged members never move).
    std::vector<uint32_t> orig;
    for (uint32_t m : s.members) {
      if (articles[m].dup_of == kNone && !Aged(m)) orig.push_back(m);
    }
    if (orig.size() < 2 * kMinSide || orig.size() > max_members) continue;
    const bool anchored = orig.front() == s.first_seq;
    auto part = aged.find(story);
    if (!anchored && part == aged.end()) continue;
    std::vector<uint8_t> side;
    double cut = Bisect(MemberSimilarities(orig), orig.size(), &side);
    if (side.empty() || cut >= options.refine_threshold) continue;
    uint8_t keep = side[0];  // the first member's side keeps the story
    if (!anchored) {
      double sum[2] = {0, 0}, cnt[2] = {0, 0};
      for (size_t i = 0; i < orig.size(); ++i) {
        sum[side[i]] += cluster::Dot(articles[orig[i]].vec, part->second.terms);
        cnt[side[i]] += 1;
      }
      keep = sum[1] / cnt[1] > sum[0] / cnt[0] ? 1 : 0;
    }
    std::vector<uint32_t> moved;
    for (size_t i = 0; i < orig.size(); ++i) {
      if (side[i] != keep) moved.push_back(orig[i]);
    }
    SplitOff(story, moved);
    work.push_back(story);
    work.push_back(static_cast<uint32_t>(stories.size() - 1));
  }
}

void OnlineClusterer::Impl::RefineRecent() {
  const size_t every = static_cast<size_t>(std::max(0, options.online_refine_every));
  if (every == 0 || options.refine_threshold <= 0 || articles.size() % every != 0) return;
  const uint32_t from = static_cast<uint32_t>(articles.size() - every);
  std::vector<uint32_t> recent, joined;
  for (uint32_t x = from; x < articles.size(); ++x) {
    if (articles[x].dup_of != kNone || articles[x].story == kNone) continue;
    const uint32_t story = Root(articles[x].story);
    if (!stories[story].live) continue;
    recent.push_back(x);
    joined.push_back(story);
  }
  std::sort(joined.begin(), joined.end());
  joined.erase(std::unique(joined.begin(), joined.end()), joined.end());
  // A joined story is bisected again while small, then each time its
  // originals grow by a quarter: the quadratic cost is paid O(log n) times
  // per story, not once per window.
  auto step = [](size_t n) { return static_cast<int>(std::floor(std::log(double(n)) / std::log(1.25))); };
  std::vector<uint32_t> due;
  for (uint32_t story : joined) {
    size_t before = 0, after = 0;
    for (uint32_t m : stories[story].members) {
      if (articles[m].dup_of != kNone || Aged(m)) continue;
      ++after;
      before += m < from;
    }
    if (after <= kAlwaysRefineMembers || before == 0 || step(before) != step(after)) {
      due.push_back(story);
    }
  }
  SplitSeparated(std::move(due), kMaxOnlineMembers);
  // The window's articles may sit better in another live story; earlier
  // articles were examined in their own windows.
  std::vector<uint32_t> still;
  for (uint32_t x : recent) {
    if (stories[Root(articles[x].story)].live) still.push_back(x);
  }
  Reassign(&still, kOnlineLinkMembers);
}

void OnlineClusterer::Impl::Reassign(const std::vector<uint32_t>* only, size_t link_members) {
  // Decided on the stories as they are, applied afterwards.
  std::vector<std::pair<uint32_t, uint32_t>> moves;  // (article, story)
  std::vector<std::pair<double, uint32_t>> near;     // (-similarity, story)
  std::vector<uint32_t> examined;
  if (only == nullptr) {
    for (uint32_t story : live) {
      const cluster::Story& s = stories[story];
      if (!s.live || s.merged_into != kNone) continue;
      examined.insert(examined.end(), s.members.begin(), s.members.end());
    }
  } else {
    examined = *only;
  }
  for (uint32_t x : examined) {
    const uint32_t story = Root(articles[x].story);
    const cluster::Story& s = stories[story];
    if (!s.live || s.members.size() > kMaxRefineMembers) continue;
    const cluster::ArticleRec& a = articles[x];
    // Story ids are "s-" + the first article's id: a story's first article
    // stays, and an article only moves to a story that began before it.
    if (a.dup_of != kNone || x == s.first_seq || Aged(x)) continue;
    std::vector<uint32_t> cands = Candidates(a.vec, a.ents, story);
    if (cands.size() > kReassignStories) cands.resize(kReassignStories);
    cands.push_back(story);
    // Link strength to a story: the mean of the article's kLinks highest
    // similarities to its members (fewer when the story is smaller).
    double own = -1, best_link = -1;
    uint32_t best = kNone;
    for (uint32_t c : cands) {
      const cluster::Story& cs = stories[c];
      if (cs.members.size() > kMaxRefineMembers || (c != story && cs.first_seq > x)) continue;
      near.clear();
      // Newest originals first, at most link_members of them.
      for (auto y = cs.members.rbegin(); y != cs.members.rend() && near.size() < link_members; ++y) {
        if (*y == x || articles[*y].dup_of != kNone || Aged(*y)) continue;
        near.emplace_back(-Similarity(a, articles[*y], options.entity_weight), c);
      }
      if (near.empty()) continue;
      const size_t m = std::min(kLinks, near.size());
      std::partial_sort(near.begin(), near.begin() + static_cast<long>(m), near.end());
      double link = 0;
      for (size_t t = 0; t < m; ++t) link -= near[t].first / static_cast<double>(m);
      if (c == story) {
        own = link;
      } else if (link > best_link) {
        best_link = link;
        best = c;
      }
    }
    if (own >= 0 && best != kNone && best_link > own && stories[best].first_seq < x) {
      moves.emplace_back(x, best);
    }
  }
  if (moves.empty()) return;
  std::vector<uint32_t> affected;
  for (const auto& [x, to] : moves) {
    const uint32_t from = articles[x].story;
    auto goes = [&](uint32_t m) { return m == x || articles[m].dup_of == x; };
    std::vector<uint32_t>& fm = stories[from].members;
    std::vector<uint32_t> moving;
    std::copy_if(fm.begin(), fm.end(), std::back_inserter(moving), goes);
    fm.erase(std::remove_if(fm.begin(), fm.end(), goes), fm.end());
    std::vector<uint32_t> merged;
    std::merge(stories[to].members.begin(), stories[to].members.end(), moving.begin(),
               moving.end(), std::back_inserter(merged));
    stories[to].members = std::move(merged);
    for (uint32_t m : moving) articles[m].story = to;
    affected.push_back(from);
    affected.push_back(to);
  }
  std::sort(affected.begin(), affected.end());
  affected.erase(std::unique(affected.begin(), affected.end()), affected.end());
  for (uint32_t t : affected) {
    if (stories[t].merged_into != kNone) continue;
    Rebuild(t);
    Reindex(t);
    changed_stories.push_back(t);
  }
}

}  // namespace parallax
