// Article features for story clustering: term and entity dictionaries with
// document frequencies, and the per-article bags of term, title-term and
// entity ids made from a PreparedDoc (prepare.h).
//
// A Lexicon owns the dictionaries (ids are assigned in order of first sight
// and stay fixed while the name is known, so saved centroids stay valid).
// Rare names unseen for a while can be pruned (Dictionary::Prune); their ids
// are then reused for new names, and the caller must first drop the pruned
// ids from every vector it keeps. Not thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cluster/hash_slots.h"
#include "cluster/prepare.h"
#include "cluster/sparse.h"
#include "dedup/bytes.h"

namespace parallax::cluster {

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
  std::optional<double> day;
};

// The clusterer's vocabulary: term and entity dictionaries, and caches from
// a name's hash to its id so that each name of a prepared document costs one
// probe. Not thread-safe.
class Lexicon {
 public:
  Lexicon() = default;
  // Maps the document's names to ids, interning new names in the order the
  // document lists them (so ids do not depend on how far ahead documents
  // were prepared).
  DocFeatures Intern(const PreparedDoc& doc);
  Dictionary& terms() { return terms_; }
  Dictionary& entities() { return entities_; }
  const Dictionary& terms() const { return terms_; }
  const Dictionary& entities() const { return entities_; }
  void set_clock(float day) {
    terms_.set_clock(day);
    entities_.set_clock(day);
  }
  // Drops cached names whose (pruned) ids are marked true.
  void Forget(const std::vector<bool>& pruned_terms, const std::vector<bool>& pruned_entities);
  size_t MemoryBytes() const;

 private:
  // Name hash -> id (a pure speed-up: emptied when it grows too big), so
  // each name costs one probe; a miss interns the name in `dict`.
  class IdCache {
   public:
    uint32_t Get(uint64_t hash, std::string_view name, Dictionary* dict);
    // Drops the names whose (pruned) ids are marked true.
    void Forget(const std::vector<bool>& pruned);
    size_t MemoryBytes() const { return ids_.MemoryBytes(); }

   private:
    HashSlots<uint32_t> ids_;
  };
  Dictionary terms_;
  Dictionary entities_;
  IdCache term_ids_, entity_ids_;
};

}  // namespace parallax::cluster
