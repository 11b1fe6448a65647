// Article features for story clustering: term and entity dictionaries with
// document frequencies, and the per-article bag of stemmed terms, title terms,
// entities and dedup token hashes.
//
// A Lexicon owns the dictionaries (ids are assigned in order of first sight
// and never change, so saved centroids stay valid) and a cache from raw token
// to term id, so each distinct surface form is folded and stemmed once.
// Not thread-safe.
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

// An interning dictionary with document frequencies.
class Dictionary {
 public:
  Dictionary() = default;
  Dictionary(Dictionary&&) = default;  // deque and map moves keep the views valid
  Dictionary& operator=(Dictionary&&) = default;
  Dictionary(const Dictionary&) = delete;  // a copy's views would point into this one
  Dictionary& operator=(const Dictionary&) = delete;

  uint32_t Intern(std::string_view name);
  size_t size() const { return names_.size(); }
  uint32_t df(uint32_t id) const { return df_[id]; }
  void CountDocument(const SparseVec& distinct_ids);  // df += 1 for each id
  double docs() const { return docs_; }
  double Idf(uint32_t id) const;
  const std::string& name(uint32_t id) const { return names_[id]; }
  void Save(bytes::Writer* w) const;
  bool Load(bytes::Reader* r);
  size_t MemoryBytes() const;

 private:
  StringIdMap ids_;
  std::deque<std::string> names_;
  std::vector<uint32_t> df_;
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
  size_t cache_size_ = 0;
  text::Stemmer stemmer_{"en"};
};

// Counts ids into a sparse vector (sorted by id, summed).
SparseVec CountIds(std::vector<uint32_t> ids);

}  // namespace parallax::cluster
