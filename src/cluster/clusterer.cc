// OnlineClusterer: assignment of arriving articles to stories (cluster.h).
#include <algorithm>
#include <cmath>

#include "cluster/clusterer_impl.h"

namespace parallax {

using cluster::kNoDay;
using cluster::kNone;
using cluster::SparseVec;
using cluster::Story;

namespace {

constexpr size_t kEntityCap = 64;
constexpr size_t kTitleCap = 64;
constexpr size_t kMergeCandidates = 5;
constexpr double kRetireEveryDays = 0.25;
constexpr double kPruneEveryDays = 1.0;
// Names counted in more documents than this are never pruned: the common
// vocabulary keeps its exact document frequency (README.md, "Ageing").
constexpr uint32_t kMaxPrunedDf = 16;

double Cosine(const cluster::Scratch& loaded, double loaded_norm, const SparseVec& other) {
  if (loaded_norm <= 0 || other.empty()) return 0;
  double n = cluster::Norm(other);
  return n > 0 ? loaded.Dot(other) / (loaded_norm * n) : 0;
}

// Days between a point (or span) and a span; 0 when they overlap or either
// side is undated.
double Gap(double a_first, double a_last, double b_first, double b_last) {
  if (a_first == kNoDay || b_first == kNoDay) return 0;
  return std::max({0.0, b_first - a_last, a_first - b_last});
}

}  // namespace

OnlineClusterer::Impl::Impl(ClusterOptions o)
    : options(std::move(o)), dedup(options.dedup), preparer(options, dedup.options()) {}

OnlineClusterer::Impl::Query OnlineClusterer::Impl::Weigh(const cluster::DocFeatures& f) const {
  Query q;
  const cluster::Dictionary& terms = lexicon.terms();
  const cluster::Dictionary& ents = lexicon.entities();
  q.terms.reserve(f.terms.size());
  for (const auto& [id, tf] : f.terms) {
    double w = (1.0 + std::log(tf)) * std::pow(terms.Idf(id), options.idf_power);
    if (w > 0) q.terms.emplace_back(id, static_cast<float>(w));
  }
  for (const auto& [id, tf] : f.entities) {
    double w = (1.0 + std::log(tf)) * std::pow(ents.Idf(id), options.idf_power);
    if (w > 0) q.entities.emplace_back(id, static_cast<float>(w));
  }
  for (const auto& [id, one] : f.title) {
    double w = std::pow(terms.Idf(id), options.idf_power);
    if (w > 0) q.title.emplace_back(id, static_cast<float>(w));
  }
  cluster::NormalizeL2(&q.terms);
  cluster::NormalizeL2(&q.entities);
  cluster::NormalizeL2(&q.title);
  q.day = f.day ? *f.day : kNoDay;
  return q;
}

double OnlineClusterer::Impl::ExpectedMemberCosine(const Story& s) {
  const double n = s.docs;
  if (n < 2 || s.norm2 <= 0) return 0;
  const double rho = std::clamp((s.norm2 - n) / (n * (n - 1)), 0.0, 1.0);
  return n * rho / std::sqrt(s.norm2);
}

double OnlineClusterer::Impl::Score(const Query& q, const Story& s, double* text) const {
  // q's vectors are unit length and loaded in the scratches.
  double score = Cosine(term_scratch, 1.0, s.centroid);
  *text = score;
  if (!q.entities.empty() && !s.entities.empty()) {
    score = (1 - options.entity_weight) * score +
            options.entity_weight * Cosine(entity_scratch, 1.0, s.entities);
  }
  if (!q.title.empty() && !s.title.empty()) {
    score = (1 - options.title_weight) * score +
            options.title_weight * Cosine(title_scratch, 1.0, s.title);
  }
  double gap = Gap(q.day, q.day, s.first_day, s.last_day);
  if (gap > 0) score *= std::exp(-gap / std::max(1e-6, options.decay_days));
  return score;
}

std::vector<uint32_t> OnlineClusterer::Impl::Candidates(const SparseVec& terms,
                                                        const SparseVec& entities,
                                                        uint32_t exclude) {
  if (story_acc.size() < stories.size()) story_acc.resize(stories.size() * 2 + 16, 0.f);
  auto scan = [&](const SparseVec& v, size_t k, uint32_t kind) {
    SparseVec top = v;
    cluster::Prune(&top, k);
    for (const auto& [id, w] : top) {
      auto it = postings.find(id * 2 + kind);
      if (it == postings.end()) continue;
      const std::vector<uint32_t>& list = it->second;
      size_t from = list.size() > static_cast<size_t>(options.max_posting_scan)
                        ? list.size() - static_cast<size_t>(options.max_posting_scan)
                        : 0;
      for (size_t i = from; i < list.size(); ++i) {
        uint32_t s = list[i];
        if (s == exclude) continue;
        if (story_acc[s] == 0.f) touched.push_back(s);
        story_acc[s] += w;
      }
    }
  };
  const size_t qt = static_cast<size_t>(std::max(1, options.query_terms));
  scan(terms, qt, 0);
  scan(entities, std::max<size_t>(1, qt / 2), 1);
  std::vector<std::pair<float, uint32_t>> ranked;
  ranked.reserve(touched.size());
  for (uint32_t s : touched) {
    ranked.emplace_back(story_acc[s], s);
    story_acc[s] = 0.f;
  }
  touched.clear();
  auto better = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  const size_t keep = std::min(ranked.size(), static_cast<size_t>(std::max(1, options.max_candidates)));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(), better);
  std::vector<uint32_t> out;
  for (size_t i = 0; i < keep; ++i) out.push_back(ranked[i].second);
  return out;
}

void OnlineClusterer::Impl::Unindex(uint32_t story) {
  Story& s = stories[story];
  for (uint32_t key : s.keys) {
    auto it = postings.find(key);
    if (it == postings.end()) continue;
    auto& list = it->second;
    list.erase(std::remove(list.begin(), list.end(), story), list.end());
    if (list.empty()) postings.erase(it);
  }
  s.keys.clear();
}

void OnlineClusterer::Impl::Reindex(uint32_t story) {
  Story& s = stories[story];
  const size_t k = static_cast<size_t>(std::max(1, options.index_terms));
  std::vector<uint32_t> keys;
  for (uint32_t id : cluster::TopIds(s.centroid, k)) keys.push_back(id * 2);
  for (uint32_t id : cluster::TopIds(s.entities, std::max<size_t>(1, k / 2))) keys.push_back(id * 2 + 1);
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> gone, added;
  std::set_difference(s.keys.begin(), s.keys.end(), keys.begin(), keys.end(),
                      std::back_inserter(gone));
  std::set_difference(keys.begin(), keys.end(), s.keys.begin(), s.keys.end(),
                      std::back_inserter(added));
  for (uint32_t key : gone) {
    auto it = postings.find(key);
    if (it == postings.end()) continue;
    auto& list = it->second;
    list.erase(std::remove(list.begin(), list.end(), story), list.end());
    if (list.empty()) postings.erase(it);
  }
  for (uint32_t key : added) postings[key].push_back(story);
  s.keys = std::move(keys);
}

void OnlineClusterer::Impl::Absorb(uint32_t story, uint32_t seq, const Query& q) {
  Story& s = stories[story];
  ++s.docs;
  s.members.push_back(seq);  // seq is the newest arrival: order is kept
  changed_stories.push_back(story);
  s.norm2 += 2 * cluster::Dot(s.centroid, q.terms) + cluster::Dot(q.terms, q.terms);
  cluster::AddInto(&s.centroid, q.terms, static_cast<size_t>(std::max(8, options.story_terms)));
  cluster::AddInto(&s.entities, q.entities, kEntityCap);
  cluster::AddInto(&s.title, q.title, kTitleCap);
  if (q.day != kNoDay) {
    s.first_day = s.first_day == kNoDay ? q.day : std::min(s.first_day, q.day);
    s.last_day = s.last_day == kNoDay ? q.day : std::max(s.last_day, q.day);
  }
  cluster::ArticleRec& a = articles[seq];
  a.story = story;
  // Kept per article while its story is live: pruned copies without the
  // query's spare capacity (that slack was half the clusterer's memory).
  auto keep = [](const cluster::SparseVec& from, size_t cap) {
    cluster::SparseVec v = from;
    cluster::Prune(&v, cap);
    return cluster::SparseVec(v.begin(), v.end());
  };
  a.vec = keep(q.terms, cluster::kArticleTerms);
  a.ents = keep(q.entities, cluster::kArticleEntities);
  a.title = keep(q.title, cluster::kArticleEntities);
  Reindex(story);
  if (a.day != kNoDay) {
    if (Aged(seq)) {
      Age(seq);  // published before the ageing cutoff: folded at once
    } else {
      pending.emplace(a.day, seq);
    }
  }
}

double OnlineClusterer::Impl::StorySimilarity(const Story& a, const Story& b) {
  term_scratch.Load(a.centroid);
  entity_scratch.Load(a.entities);
  title_scratch.Load(a.title);
  double score = Cosine(term_scratch, cluster::Norm(a.centroid), b.centroid);
  if (!a.entities.empty() && !b.entities.empty()) {
    score = (1 - options.entity_weight) * score +
            options.entity_weight * Cosine(entity_scratch, cluster::Norm(a.entities), b.entities);
  }
  if (!a.title.empty() && !b.title.empty()) {
    score = (1 - options.title_weight) * score +
            options.title_weight * Cosine(title_scratch, cluster::Norm(a.title), b.title);
  }
  double gap = Gap(a.first_day, a.last_day, b.first_day, b.last_day);
  if (gap > 0) score *= std::exp(-gap / std::max(1e-6, options.decay_days));
  return score;
}

void OnlineClusterer::Impl::MaybeMerge(uint32_t story) {
  if (options.merge_threshold > 1.0 || stories[story].docs < 2) return;
  std::vector<uint32_t> cands = Candidates(stories[story].centroid, stories[story].entities, story);
  if (cands.size() > kMergeCandidates) cands.resize(kMergeCandidates);
  uint32_t best = kNone;
  double best_score = options.merge_threshold;
  for (uint32_t c : cands) {
    ++candidates_scored;
    double sc = StorySimilarity(stories[story], stories[c]);
    if (sc >= best_score) {
      if (sc > best_score || best == kNone || c < best) best = c;
      best_score = sc;
    }
  }
  if (best == kNone) return;
  // The story with the earlier first article survives (its id is stable).
  uint32_t keep = stories[story].first_seq < stories[best].first_seq ? story : best;
  uint32_t gone = keep == story ? best : story;
  Unindex(gone);
  Story& k = stories[keep];
  Story& g = stories[gone];
  const size_t cap = static_cast<size_t>(std::max(8, options.story_terms));
  k.norm2 += g.norm2 + 2 * cluster::Dot(k.centroid, g.centroid);
  cluster::AddInto(&k.centroid, g.centroid, cap);
  cluster::AddInto(&k.entities, g.entities, kEntityCap);
  cluster::AddInto(&k.title, g.title, kTitleCap);
  k.docs += g.docs;
  std::vector<uint32_t> members;
  std::merge(k.members.begin(), k.members.end(), g.members.begin(), g.members.end(),
             std::back_inserter(members));
  k.members = std::move(members);
  if (g.first_day != kNoDay) {
    k.first_day = k.first_day == kNoDay ? g.first_day : std::min(k.first_day, g.first_day);
    k.last_day = k.last_day == kNoDay ? g.last_day : std::max(k.last_day, g.last_day);
  }
  if (auto it = aged.find(gone); it != aged.end()) {
    cluster::AgedPart gp = std::move(it->second);
    aged.erase(it);
    cluster::AgedPart& kp = aged[keep];
    kp.docs += gp.docs;
    cluster::AddInto(&kp.terms, gp.terms, cap);
    cluster::AddInto(&kp.entities, gp.entities, kEntityCap);
    cluster::AddInto(&kp.title, gp.title, kTitleCap);
    if (kp.best == kNone) {
      kp.best = gp.best;
    } else if (gp.best != kNone) {
      kp.best = KeepCentral(k, kp.best, gp.best);
    }
  }
  g.merged_into = keep;
  g.live = false;
  cluster::Release(&g.centroid);
  cluster::Release(&g.entities);
  cluster::Release(&g.title);
  cluster::Release(&g.members);
  ++merges;
  changed_stories.push_back(keep);
  merged_log.emplace_back(gone, keep);
  Reindex(keep);
}

uint32_t OnlineClusterer::Impl::Representative(const Story& s) const {
  if (s.representative != kNone) return s.representative;
  cluster::Scratch scratch;
  scratch.Load(s.centroid);
  uint32_t best = s.members.empty() ? kNone : s.members.front();
  double best_score = -1;
  // Of the aged members only the most central one keeps its vectors.
  uint32_t aged_best = kNone;
  if (!aged.empty()) {
    auto it = aged.find(static_cast<uint32_t>(&s - stories.data()));
    if (it != aged.end()) aged_best = it->second.best;
  }
  for (uint32_t m : s.members) {
    if (articles[m].dup_of != kNone || (m != aged_best && Aged(m))) continue;
    double sc = scratch.Dot(articles[m].vec);
    if (sc > best_score) {
      best_score = sc;
      best = m;
    }
  }
  return best;
}

void OnlineClusterer::Impl::Retire(double now) {
  if (last_retire != kNoDay && now - last_retire < kRetireEveryDays) return;
  last_retire = now;
  const double cutoff = now - options.live_days;
  // Duplicate sketches age out with the same window as the stories.
  dedup.Expire(cutoff);
  std::vector<uint32_t> still;
  for (uint32_t id : live) {
    Story& s = stories[id];
    if (!s.live) continue;
    if (s.last_day == kNoDay || s.last_day >= cutoff) {
      still.push_back(id);
      continue;
    }
    Unindex(id);
    s.representative = Representative(s);
    aged.erase(id);
    s.live = false;
    cluster::Release(&s.centroid);
    cluster::Release(&s.entities);
    cluster::Release(&s.title);
    for (uint32_t m : s.members) {
      cluster::Release(&articles[m].vec);
      cluster::Release(&articles[m].ents);
      cluster::Release(&articles[m].title);
      if (m != s.representative) cluster::Release(&articles[m].label);  // only the title is kept
    }
  }
  live = std::move(still);
  // Members of live stories published before the cutoff give up their
  // vectors (long-running stories would otherwise keep them all).
  aged_before = std::max(aged_before, cutoff);
  while (!pending.empty() && pending.top().first < aged_before) {
    const uint32_t seq = pending.top().second;
    pending.pop();
    Age(seq);
  }
  if (last_prune == kNoDay || now - last_prune >= kPruneEveryDays) {
    last_prune = now;
    PruneVocabulary(cutoff);
  }
}

uint32_t OnlineClusterer::Impl::KeepCentral(const Story& s, uint32_t a, uint32_t b) {
  const double ca = cluster::Dot(articles[a].vec, s.centroid);
  const double cb = cluster::Dot(articles[b].vec, s.centroid);
  const uint32_t keep = cb > ca || (cb == ca && b < a) ? b : a;
  cluster::ArticleRec& gone = articles[keep == a ? b : a];
  cluster::Release(&gone.vec);
  cluster::Release(&gone.ents);
  cluster::Release(&gone.title);
  cluster::Release(&gone.label);
  return keep;
}

void OnlineClusterer::Impl::Age(uint32_t seq) {
  cluster::ArticleRec& a = articles[seq];
  if (a.story == kNone) return;
  const uint32_t root = Root(a.story);
  const Story& s = stories[root];
  if (!s.live) return;  // retired: already freed
  if (a.dup_of != kNone) {
    cluster::Release(&a.label);  // never a title
    return;
  }
  cluster::AgedPart& part = aged[root];
  ++part.docs;
  cluster::AddInto(&part.terms, a.vec, static_cast<size_t>(std::max(8, options.story_terms)));
  cluster::AddInto(&part.entities, a.ents, kEntityCap);
  cluster::AddInto(&part.title, a.title, kTitleCap);
  part.best = part.best == kNone ? seq : KeepCentral(s, part.best, seq);
}

void OnlineClusterer::Impl::PruneVocabulary(double before) {
  std::vector<uint32_t> gone_terms = lexicon.terms().Prune(before, kMaxPrunedDf);
  std::vector<uint32_t> gone_ents = lexicon.entities().Prune(before, kMaxPrunedDf);
  if (gone_terms.empty() && gone_ents.empty()) return;
  std::vector<bool> term(lexicon.terms().size(), false), ent(lexicon.entities().size(), false);
  for (uint32_t id : gone_terms) term[id] = true;
  for (uint32_t id : gone_ents) ent[id] = true;
  lexicon.Forget(term, ent);
  // Every article counting a pruned name is dated before `before` and so
  // aged: the ids can only remain in live stories' sums and in the kept
  // vectors of their most central aged members.
  auto purge = [](SparseVec* v, const std::vector<bool>& drop) {
    const size_t n = v->size();
    v->erase(std::remove_if(v->begin(), v->end(), [&](const auto& e) { return drop[e.first]; }),
             v->end());
    return v->size() != n;
  };
  for (uint32_t id : live) {
    Story& s = stories[id];
    if (!s.live) continue;
    bool changed = purge(&s.centroid, term);
    changed |= purge(&s.entities, ent);
    purge(&s.title, term);
    if (auto it = aged.find(id); it != aged.end()) {
      cluster::AgedPart& part = it->second;
      purge(&part.terms, term);
      purge(&part.entities, ent);
      purge(&part.title, term);
      if (part.best != kNone) {
        cluster::ArticleRec& b = articles[part.best];
        purge(&b.vec, term);
        purge(&b.ents, ent);
        purge(&b.title, term);
      }
    }
    if (changed) Reindex(id);
  }
}

StoryAssignment OnlineClusterer::Impl::Add(cluster::PreparedDoc doc) {
  StoryAssignment out;
  const uint32_t seq = static_cast<uint32_t>(articles.size());
  out.seq = seq;
  // Ageing first, so that names pruned now are not those of this article.
  const std::optional<double> day = doc.day;
  if (day) {
    watermark = std::max(watermark, *day);
    Retire(watermark);
  }
  lexicon.set_clock(day ? static_cast<float>(watermark) : cluster::Dictionary::kForever);
  cluster::DocFeatures f = lexicon.Intern(doc);
  articles.emplace_back();
  articles[seq].id = doc.id;
  articles[seq].label = std::move(doc.label);
  articles[seq].day = day ? *day : kNoDay;
  out.duplicate = dedup.AddSketch(doc.id, std::move(doc.sketch), day);
  // A copy joins its original's story without changing its centroid, unless
  // that story has retired: a re-publication weeks later is clustered afresh
  // (the assignment still reports the duplicate; the story does not list it).
  if (out.duplicate && stories[Root(articles[out.duplicate->original_seq].story)].live) {
    const uint32_t orig = out.duplicate->original_seq;
    uint32_t story = Root(articles[orig].story);
    Story& s = stories[story];
    s.members.push_back(seq);
    if (f.day) {
      s.first_day = s.first_day == kNoDay ? *f.day : std::min(s.first_day, *f.day);
      s.last_day = s.last_day == kNoDay ? *f.day : std::max(s.last_day, *f.day);
    }
    articles[seq].story = story;
    articles[seq].dup_of = orig;
    if (f.day) {
      if (Aged(seq)) {
        cluster::Release(&articles[seq].label);
      } else {
        pending.emplace(*f.day, seq);
      }
    }
    changed_stories.push_back(story);
    ++duplicates;
    out.story_id = StoryId(story);
    out.score = out.duplicate->similarity;
    return out;
  }
  lexicon.terms().CountDocument(f.terms);
  lexicon.entities().CountDocument(f.entities);
  Query q = Weigh(f);
  std::vector<uint32_t> cands = Candidates(q.terms, q.entities, kNone);
  term_scratch.Load(q.terms);
  entity_scratch.Load(q.entities);
  title_scratch.Load(q.title);
  uint32_t best = kNone;
  double best_score = options.join_threshold;
  for (uint32_t c : cands) {  // ranked: ties keep the better-ranked candidate
    ++candidates_scored;
    double text = 0;
    double sc = Score(q, stories[c], &text);
    // Adaptive threshold: an article much less similar to the story than its
    // members are to each other is a different event of the same kind.
    if (options.cohesion_factor > 0 &&
        text < options.cohesion_factor * ExpectedMemberCosine(stories[c])) {
      continue;
    }
    if (sc > best_score || (best == kNone && sc >= best_score)) {
      best = c;
      best_score = sc;
    }
  }
  if (best == kNone) {
    best = static_cast<uint32_t>(stories.size());
    stories.emplace_back();
    stories.back().first_seq = seq;
    live.push_back(best);
    out.new_story = true;
  } else {
    out.score = best_score;
  }
  Absorb(best, seq, q);
  if (!out.new_story) {
    MaybeMerge(best);
    MaybeSplit(Root(best));
  }
  out.story_id = StoryId(Root(best));
  return out;
}

// ---- OnlineClusterer --------------------------------------------------------

OnlineClusterer::OnlineClusterer(ClusterOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
OnlineClusterer::OnlineClusterer(OnlineClusterer&&) noexcept = default;
OnlineClusterer& OnlineClusterer::operator=(OnlineClusterer&&) noexcept = default;
OnlineClusterer::~OnlineClusterer() = default;

void OnlineClusterer::ObserveDocumentFrequencies(const Article& article) {
  impl_->lexicon.set_clock(cluster::Dictionary::kForever);  // warm-up counts are never pruned
  cluster::DocFeatures f = impl_->lexicon.Intern(impl_->preparer.Prepare(article));
  impl_->lexicon.terms().CountDocument(f.terms);
  impl_->lexicon.entities().CountDocument(f.entities);
}

StoryAssignment OnlineClusterer::Add(const Article& article) {
  return impl_->AddAndRefine(impl_->preparer.Prepare(article));
}

StoryAssignment OnlineClusterer::Impl::AddAndRefine(cluster::PreparedDoc doc) {
  StoryAssignment out = Add(std::move(doc));
  RefineRecent();
  return out;
}

void OnlineClusterer::Refine() { impl_->Refine(); }

std::string OnlineClusterer::StoryOf(uint32_t seq) const {
  if (seq >= impl_->articles.size()) return "";
  return impl_->StoryId(impl_->Root(impl_->articles[seq].story));
}

}  // namespace parallax
