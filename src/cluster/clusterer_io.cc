// OnlineClusterer snapshots and save/load.
#include <unordered_set>

#include "cluster/clusterer_impl.h"
#include "dedup/bytes.h"

namespace parallax {

using cluster::kNoDay;
using cluster::kNone;
using cluster::SparseVec;

namespace {

constexpr uint32_t kMagic = 0x50434C55;  // "PCLU"
constexpr uint32_t kVersion = 2;  // 2: last-seen days, free ids, ageing state

void PutVec(bytes::Writer* w, const SparseVec& v) {
  w->U32(static_cast<uint32_t>(v.size()));
  for (const auto& [id, x] : v) {
    w->U32(id);
    w->F32(x);
  }
}

bool GetVec(bytes::Reader* r, SparseVec* v, uint32_t id_limit) {
  uint32_t n = r->Count(8);
  v->clear();
  v->reserve(n);
  for (uint32_t i = 0; i < n && r->ok(); ++i) {
    uint32_t id = r->U32();
    float x = r->F32();
    if (id >= id_limit || (!v->empty() && v->back().first >= id)) return false;
    v->emplace_back(id, x);
  }
  return r->ok();
}

std::optional<double> Day(double d) {
  return d == kNoDay ? std::nullopt : std::optional<double>(d);
}

}  // namespace

size_t OnlineClusterer::Impl::MemoryBytes() const {
  auto vec = [](const SparseVec& v) { return v.capacity() * 8; };
  size_t s = lexicon.MemoryBytes() + preparer.MemoryBytes() + dedup.MemoryBytes();
  for (const cluster::ArticleRec& a : articles) {
    s += sizeof(a) + vec(a.vec) + vec(a.ents) + vec(a.title) +
         (a.id.size() > 15 ? a.id.capacity() : 0) +
         (a.label.size() > 15 ? a.label.capacity() : 0);
  }
  for (const cluster::Story& st : stories) {
    s += sizeof(st) + vec(st.centroid) + vec(st.entities) + vec(st.title) +
         st.members.capacity() * 4 + st.keys.capacity() * 4;
  }
  for (const auto& [key, list] : postings) s += 48 + list.capacity() * 4;
  for (const auto& [story, part] : aged) {
    s += 64 + sizeof(part) + vec(part.terms) + vec(part.entities) + vec(part.title);
  }
  return s + postings.bucket_count() * 8 + live.capacity() * 4 + aged.bucket_count() * 8 +
         pending.size() * sizeof(Pending);
}

StoryInfo OnlineClusterer::Impl::Info(uint32_t story) const {
  const cluster::Story& s = stories[story];
  StoryInfo info;
  info.id = StoryId(story);
  uint32_t rep = Representative(s);
  if (rep != kNone) info.title = articles[rep].label;
  info.articles = s.members;
  for (uint32_t a : s.members) {
    if (articles[a].dup_of != kNone) info.duplicates.emplace_back(a, articles[a].dup_of);
  }
  info.first_day = Day(s.first_day);
  info.last_day = Day(s.last_day);
  info.live = s.live;
  return info;
}

std::vector<StoryInfo> OnlineClusterer::Stories() const {
  const Impl& m = *impl_;
  std::vector<StoryInfo> out;
  // In order of first article (splits append stories out of that order).
  std::vector<uint32_t> order(m.stories.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return m.stories[a].first_seq < m.stories[b].first_seq;
  });
  for (uint32_t i : order) {
    if (m.stories[i].merged_into == kNone) out.push_back(m.Info(i));
  }
  return out;
}

StoryDelta OnlineClusterer::TakeDelta() {
  Impl& m = *impl_;
  StoryDelta delta;
  std::vector<uint32_t> roots;
  roots.reserve(m.changed_stories.size());
  for (uint32_t s : m.changed_stories) roots.push_back(m.Root(s));
  std::sort(roots.begin(), roots.end(), [&](uint32_t a, uint32_t b) {
    return m.stories[a].first_seq < m.stories[b].first_seq;
  });
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  for (uint32_t r : roots) delta.changed.push_back(m.Info(r));
  // Merges as they stand now: a story merged away and later split back out
  // leads a story again under its old id (its first article heads that
  // story) and is not reported; a merge is reported once, into the story
  // that holds the articles now.
  std::unordered_set<uint32_t> reported;  // first articles of reported merges
  for (const auto& merge : m.merged_log) {
    const uint32_t gone = merge.first;
    const uint32_t first = m.stories[gone].first_seq;
    if (m.stories[m.Root(m.articles[first].story)].first_seq == first) continue;
    if (!reported.insert(first).second) continue;
    delta.merged.emplace_back(m.StoryId(gone), m.StoryId(m.Root(m.articles[first].story)));
  }
  m.changed_stories.clear();
  m.merged_log.clear();
  return delta;
}

std::string OnlineClusterer::ArticleId(uint32_t seq) const {
  return seq < impl_->articles.size() ? impl_->articles[seq].id : std::string();
}

ClustererStats OnlineClusterer::stats() const {
  const Impl& m = *impl_;
  ClustererStats st;
  st.articles = m.articles.size();
  st.duplicates = m.duplicates;
  st.merges = m.merges;
  st.splits = m.splits;
  st.candidates_scored = m.candidates_scored;
  for (const cluster::Story& s : m.stories) {
    st.stories += s.merged_into == kNone;
    st.live_stories += s.live;
  }
  st.memory_bytes = m.MemoryBytes();
  st.vocabulary_bytes = m.lexicon.MemoryBytes() + m.preparer.MemoryBytes();
  st.dedup_bytes = m.dedup.MemoryBytes();
  for (const cluster::ArticleRec& a : m.articles) {
    st.article_bytes += sizeof(a) + (a.vec.capacity() + a.ents.capacity() + a.title.capacity()) * 8 +
                        (a.id.size() > 15 ? a.id.capacity() : 0) +
                        (a.label.size() > 15 ? a.label.capacity() : 0);
  }
  return st;
}

void OnlineClusterer::Save(std::string* out) const {
  const Impl& m = *impl_;
  bytes::Writer w(out);
  w.U32(kMagic);
  w.U32(kVersion);
  const ClusterOptions& o = m.options;
  for (double d : {o.join_threshold, o.entity_weight, o.title_weight, o.decay_days, o.live_days,
                   o.merge_threshold, o.idf_power, o.cohesion_factor,
                   o.split_threshold}) {
    w.F64(d);
  }
  for (int i : {o.story_terms, o.index_terms, o.query_terms, o.max_candidates,
                o.max_posting_scan, o.min_term_bytes}) {
    w.U32(static_cast<uint32_t>(i));
  }
  m.lexicon.terms().Save(&w);
  m.lexicon.entities().Save(&w);
  std::string dedup;
  m.dedup.Save(&dedup);
  w.Str(dedup);
  w.F64(m.watermark);
  w.F64(m.last_retire);
  w.U64(m.duplicates);
  w.U64(m.merges);
  w.U64(m.splits);
  w.U64(m.candidates_scored);
  w.U32(static_cast<uint32_t>(m.articles.size()));
  for (const cluster::ArticleRec& a : m.articles) {
    w.Str(a.id);
    w.Str(a.label);
    w.U32(a.story);
    w.U32(a.dup_of);
    w.F64(a.day);
    PutVec(&w, a.vec);
    PutVec(&w, a.ents);
    PutVec(&w, a.title);
  }
  w.U32(static_cast<uint32_t>(m.stories.size()));
  for (const cluster::Story& s : m.stories) {
    w.U32(s.first_seq);
    w.U32(s.merged_into);
    w.U8(s.live ? 1 : 0);
    w.U32(s.docs);
    PutVec(&w, s.centroid);
    w.F64(s.norm2);
    PutVec(&w, s.entities);
    PutVec(&w, s.title);
    w.F64(s.first_day);
    w.F64(s.last_day);
    w.U32s(s.members);
    w.U32s(s.keys);
    w.U32(s.representative);
  }
  w.U32s(m.live);
  // Postings in key order, each list in its exact order (scan limits read
  // the newest entries, so order is part of the state).
  std::vector<uint32_t> keys;
  for (const auto& [key, list] : m.postings) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  w.U32(static_cast<uint32_t>(keys.size()));
  for (uint32_t key : keys) {
    w.U32(key);
    w.U32s(m.postings.at(key));
  }
  // Ageing: the cutoffs, the articles still to age (their order follows from
  // (day, seq)) and each live story's aged part, in story order.
  w.F64(m.aged_before);
  w.F64(m.last_prune);
  auto pending = m.pending;
  std::vector<uint32_t> seqs;
  seqs.reserve(pending.size());
  for (; !pending.empty(); pending.pop()) seqs.push_back(pending.top().second);
  w.U32s(seqs);
  std::vector<uint32_t> aged_ids;
  for (const auto& [story, part] : m.aged) aged_ids.push_back(story);
  std::sort(aged_ids.begin(), aged_ids.end());
  w.U32(static_cast<uint32_t>(aged_ids.size()));
  for (uint32_t story : aged_ids) {
    const cluster::AgedPart& part = m.aged.at(story);
    w.U32(story);
    w.U32(part.docs);
    w.U32(part.best);
    PutVec(&w, part.terms);
    PutVec(&w, part.entities);
    PutVec(&w, part.title);
  }
}

Status OnlineClusterer::Load(std::string_view data) {
  bytes::Reader r(data);
  auto bad = [](const std::string& what) { return InvalidInput("cluster state: " + what); };
  if (r.U32() != kMagic || !r.ok()) return bad("not a clusterer blob");
  const uint32_t version = r.U32();
  if (version != 1 && version != kVersion) {
    return bad("unsupported version " + std::to_string(version));
  }
  ClusterOptions o = impl_->options;  // keeps the entity extractor and batch flags
  for (double* d : {&o.join_threshold, &o.entity_weight, &o.title_weight, &o.decay_days,
                    &o.live_days, &o.merge_threshold, &o.idf_power,
                    &o.cohesion_factor, &o.split_threshold}) {
    *d = r.F64();
  }
  for (int* i : {&o.story_terms, &o.index_terms, &o.query_terms, &o.max_candidates,
                 &o.max_posting_scan, &o.min_term_bytes}) {
    *i = static_cast<int>(r.U32());
  }
  if (!r.ok()) return bad("truncated options");
  auto m = std::make_unique<Impl>(o);
  if (!m->lexicon.terms().Load(&r, version) || !m->lexicon.entities().Load(&r, version)) {
    return bad("corrupt dictionaries");
  }
  std::string dedup = r.Str();
  if (!r.ok()) return bad("truncated dedup state");
  if (Status st = m->dedup.Load(dedup); !st.ok()) return st;
  m->options.dedup = m->dedup.options();
  m->preparer = cluster::Preparer(m->options, m->dedup.options());
  m->watermark = r.F64();
  m->last_retire = r.F64();
  m->duplicates = r.U64();
  m->merges = r.U64();
  m->splits = r.U64();
  m->candidates_scored = r.U64();
  const uint32_t n_terms = static_cast<uint32_t>(m->lexicon.terms().size());
  const uint32_t n_ents = static_cast<uint32_t>(m->lexicon.entities().size());
  uint32_t n_articles = r.Count(30);
  m->articles.resize(n_articles);
  for (cluster::ArticleRec& a : m->articles) {
    a.id = r.Str();
    a.label = r.Str();
    a.story = r.U32();
    a.dup_of = r.U32();
    a.day = r.F64();
    if (!GetVec(&r, &a.vec, n_terms) || !GetVec(&r, &a.ents, n_ents) ||
        !GetVec(&r, &a.title, n_terms)) {
      return bad("corrupt article record");
    }
  }
  uint32_t n_stories = r.Count(40);
  m->stories.resize(n_stories);
  for (uint32_t si = 0; si < n_stories; ++si) {
    cluster::Story& s = m->stories[si];
    s.first_seq = r.U32();
    s.merged_into = r.U32();
    s.live = r.U8() != 0;
    s.docs = r.U32();
    bool vec_ok = GetVec(&r, &s.centroid, n_terms);
    s.norm2 = r.F64();
    if (!vec_ok || !GetVec(&r, &s.entities, n_ents) ||
        !GetVec(&r, &s.title, n_terms)) {
      return bad("corrupt story vectors");
    }
    s.first_day = r.F64();
    s.last_day = r.F64();
    s.members = r.U32s<uint32_t>();
    s.keys = r.U32s<uint32_t>();
    s.representative = r.U32();
    if (!r.ok() || s.first_seq >= n_articles ||
        (s.merged_into != kNone && (s.merged_into >= n_stories || s.merged_into == si)) ||
        (s.representative != kNone && s.representative >= n_articles)) {
      return bad("corrupt story record");
    }
    for (uint32_t a : s.members) {
      if (a >= n_articles) return bad("corrupt story members");
    }
  }
  for (uint32_t si = 0; si < n_stories; ++si) {  // merge chains must end
    uint32_t x = si;
    for (uint32_t steps = 0; m->stories[x].merged_into != kNone; ++steps) {
      if (steps > n_stories) return bad("merge cycle");
      x = m->stories[x].merged_into;
    }
  }
  for (const cluster::ArticleRec& a : m->articles) {
    if (a.story >= n_stories || (a.dup_of != kNone && a.dup_of >= n_articles)) {
      return bad("corrupt article links");
    }
  }
  m->live = r.U32s<uint32_t>();
  uint32_t n_keys = r.Count(8);
  for (uint32_t i = 0; i < n_keys && r.ok(); ++i) {
    uint32_t key = r.U32();
    std::vector<uint32_t> list = r.U32s<uint32_t>();
    for (uint32_t s : list) {
      if (s >= n_stories) return bad("corrupt postings");
    }
    m->postings.emplace(key, std::move(list));
  }
  for (uint32_t s : m->live) {
    if (s >= n_stories) return bad("corrupt live list");
  }
  if (version >= 2) {
    m->aged_before = r.F64();
    m->last_prune = r.F64();
    for (uint32_t seq : r.U32s<uint32_t>()) {
      if (seq >= n_articles || m->articles[seq].day == kNoDay) return bad("corrupt ageing queue");
      m->pending.emplace(m->articles[seq].day, seq);
    }
    uint32_t n_aged = r.Count(24);
    for (uint32_t i = 0; i < n_aged && r.ok(); ++i) {
      uint32_t story = r.U32();
      cluster::AgedPart part;
      part.docs = r.U32();
      part.best = r.U32();
      if (!GetVec(&r, &part.terms, n_terms) || !GetVec(&r, &part.entities, n_ents) ||
          !GetVec(&r, &part.title, n_terms) || story >= n_stories ||
          (part.best != kNone && part.best >= n_articles) ||
          !m->aged.emplace(story, std::move(part)).second) {
        return bad("corrupt aged story part");
      }
    }
  } else {  // version 1 had no ageing of members: every dated article is still to age
    for (uint32_t seq = 0; seq < n_articles; ++seq) {
      const cluster::ArticleRec& a = m->articles[seq];
      if (a.day != kNoDay && m->stories[m->Root(a.story)].live) m->pending.emplace(a.day, seq);
    }
  }
  if (!r.ok() || !r.AtEnd()) return bad("truncated or trailing data");
  if (m->dedup.size() != m->articles.size()) return bad("dedup and article counts differ");
  impl_ = std::move(m);
  return Status::Ok();
}

}  // namespace parallax
