// Article features for story clustering: term and entity dictionaries with
// document frequencies, and the per-article bag of stemmed terms, title terms,
// entities and dedup token hashes.
//
// A Lexicon owns the dictionaries (ids are assigned in order of first sight
// and stay fixed while the name is known, so saved centroids stay valid) and a
// cache from raw token to term id, so each distinct surface form is folded and
// stemmed once. Rare names unseen for a while can be pruned (Dictionary::Prune);
// their ids are then reused for new names, and the caller must first drop the
// pruned ids from every vector it keeps. Not thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cluster/sparse.h"
#include "dedup/bytes.h"
#include "parallax/article.h"
#include "parallax/cluster.h"
#include "parallax/text.h"

namespace parallax::cluster {

constexpr uint32_t kNoTerm = 0xFFFFFFFFu;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
// Keys are views of the Dictionary's own names (stored once, in a deque so
// they never move).
using StringIdMap = std::unordered_map<std::string_view, uint32_t, StringHash>;

// An interning dictionary with document frequencies and, per name, the
// stream day it was last counted (for pruning; see src/cluster/README.md).
class Dictionary {
 public:
  Dictionary() = default;
  Dictionary(Dictionary&&) = default;  // deque and map moves keep the views valid
  Dictionary& operator=(Dictionary&&) = default;
  Dictionary(const Dictionary&) = delete;  // a copy's views would point into this one
  Dictionary& operator=(const Dictionary&) = delete;

  // The id of `name`, interned (last seen: the clock) when new.
  uint32_t Intern(std::string_view name);
  // Id slots (known names + free ids); ids are < size().
  size_t size() const { return names_.size(); }
  size_t known() const { return ids_.size(); }
  uint32_t df(uint32_t id) const { return df_[id]; }
  // df += 1 and last seen = the clock for each id.
  void CountDocument(const SparseVec& distinct_ids);
  double docs() const { return docs_; }
  double Idf(uint32_t id) const;
  const std::string& name(uint32_t id) const { return names_[id]; }
  // The day stamped on interned and counted names: the stream's newest day,
  // or kForever (never pruned) for undated documents and batch warm-up.
  void set_clock(float day) { clock_ = day; }
  static constexpr float kForever = 3.0e38f;
  // Forgets every name last seen before `before` whose df <= max_df; their
  // ids become free for reuse. Returns the pruned ids, ascending.
  std::vector<uint32_t> Prune(double before, uint32_t max_df);
  void Save(bytes::Writer* w) const;
  // `version` 1: the format without last-seen days or free ids (every name
  // is then stamped with `clock`).
  bool Load(bytes::Reader* r, uint32_t version);
  size_t MemoryBytes() const;

 private:
  StringIdMap ids_;
  std::deque<std::string> names_;  // "" for a free id
  std::vector<uint32_t> df_;
  std::vector<float> last_seen_;
  std::vector<uint32_t> free_;     // reused last-in, first-out
  float clock_ = kForever;
  double docs_ = 0;
};

struct DocFeatures {
  SparseVec terms;     // term id -> raw count (title and body)
  SparseVec title;     // term id -> 1 (title words)
  SparseVec entities;  // entity id -> count
  std::vector<uint64_t> token_hashes;  // body tokens for dedup (see TokenHashes)
  std::optional<double> day;
  std::string label;  // title, or the first sentence trimmed
};

class Lexicon {
 public:
  explicit Lexicon(int min_term_bytes) : min_term_bytes_(min_term_bytes) {}
  DocFeatures Featurize(const Article& article, const EntityExtractor& extractor);
  Dictionary& terms() { return terms_; }
  Dictionary& entities() { return entities_; }
  const Dictionary& terms() const { return terms_; }
  const Dictionary& entities() const { return entities_; }
  void set_clock(float day) {
    terms_.set_clock(day);
    entities_.set_clock(day);
  }
  // Drops cached raw tokens that map to the given (pruned) term ids;
  // `pruned[id]` is true for them.
  void ForgetTerms(const std::vector<bool>& pruned);
  size_t MemoryBytes() const;

 private:
  struct WordInfo {
    uint32_t term = kNoTerm;  // kNoTerm: stop word, number or too short
    uint64_t hash = 0;        // Hash64 of the folded token
  };
  const WordInfo& Lookup(std::string_view raw, bool is_word);
  void CountTerms(std::string_view text, SparseVec* terms, std::vector<uint64_t>* hashes);

  int min_term_bytes_;
  Dictionary terms_;
  Dictionary entities_;
  // Raw token -> WordInfo, keyed by a 64-bit hash of the raw bytes (open
  // addressing, no strings stored: a collision between two distinct tokens
  // has probability ~n^2/2^65, negligible for any realistic vocabulary).
  struct CacheSlot {
    uint64_t key = 0;  // 0 = empty
    WordInfo info;
  };
  std::vector<CacheSlot> cache_;
  // Rebuilds the cache with `slots` slots, keeping the entries whose term is
  // not marked in `drop` (all when null).
  void RehashCache(size_t slots, const std::vector<bool>* drop);
  size_t cache_size_ = 0;
  text::Stemmer stemmer_{"en"};
};

// Counts ids into a sparse vector (sorted by id, summed).
SparseVec CountIds(std::vector<uint32_t> ids);

}  // namespace parallax::cluster
