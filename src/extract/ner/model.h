// The NER model: feature weights, tag transitions, word clusters and
// gazetteer, plus its binary file format. Internal to parallax::ner.
//
// Every lookup table is keyed by a 64-bit feature or phrase hash (see
// hashing.h) in an open-addressing table, so a loaded model answers each
// lookup with one or two cache misses and holds no strings.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "huge_pages.h"
#include "parallax/status.h"

namespace parallax::ner {

// IOB2 labels; the order is part of the file format.
inline constexpr int kNumLabels = 9;
enum Label : int {
  kO = 0, kBPer, kIPer, kBOrg, kIOrg, kBLoc, kILoc, kBMisc, kIMisc,
};
const char* LabelName(int label);
// -1 when `name` is not one of the nine labels.
int LabelFromName(std::string_view name);
// 0 for O; 1..4 for PER, ORG, LOC, MISC.
inline int LabelType(int label) { return label == kO ? 0 : (label + 1) / 2; }
inline bool IsBegin(int label) { return label != kO && (label % 2) == 1; }
inline bool IsInside(int label) { return label != kO && (label % 2) == 0; }
// True when `label` may follow `prev` in IOB2 (`prev` = -1 at the start).
bool AllowedTransition(int prev, int label);

// BILOU tags, the model's output space: B(egin), I(nside), L(ast) of a
// multi-token entity, U(nit) for a one-token entity, O. Ratinov & Roth
// (2009) found them better than IOB2 for a perceptron tagger: the last
// token and one-token entities get weights of their own. Files, scores and
// the public API stay IOB2 (ToBilou / ToIob2 in conll.h convert). The order
// is part of the file format: 0 = O, then 4 * (type - 1) + role + 1 for
// type 1..4 (PER, ORG, LOC, MISC) and role B, I, L, U.
inline constexpr int kNumTags = 17;
enum TagRole : int { kRoleB = 0, kRoleI, kRoleL, kRoleU };
inline constexpr int MakeTag(int type, int role) { return 4 * (type - 1) + role + 1; }
inline constexpr int TagType(int tag) { return tag == kO ? 0 : (tag - 1) / 4 + 1; }
inline constexpr int TagRoleOf(int tag) { return (tag - 1) % 4; }
// True when the entity is still open after `tag` (B or I): the next tag
// must then be I or L of the same type; after O, L, U (and at the start) it
// must be O, B or U.
inline constexpr bool IsOpenTag(int tag) {
  return tag > 0 && (TagRoleOf(tag) == kRoleB || TagRoleOf(tag) == kRoleI);
}
// True when `tag` may follow `prev` (`prev` = -1 at the start).
inline constexpr bool AllowedTagTransition(int prev, int tag) {
  const bool continues = tag != kO && (TagRoleOf(tag) == kRoleI || TagRoleOf(tag) == kRoleL);
  if (prev < 0 || !IsOpenTag(prev)) return !continues;
  return continues && TagType(prev) == TagType(tag);
}
// "B-PER", "U-LOC", "O".
const char* TagName(int tag);

// Open-addressing hash table from a non-zero 64-bit key to a row index.
class KeyIndex {
 public:
  void Build(const std::vector<uint64_t>& keys);  // keys distinct and non-zero
  // Row of `key`, or -1.
  int32_t Find(uint64_t key) const {
    if (mask_ == 0) return -1;
    size_t slot = static_cast<size_t>(key >> shift_);
    while (true) {
      uint64_t k = slots_[slot].key;
      if (k == key) return slots_[slot].row;
      if (k == 0) return -1;
      slot = (slot + 1) & mask_;
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    int32_t row = -1;
  };
  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // clusters and gazetteer: MiBs, huge pages
  size_t mask_ = 0;
  // The slot is the key's top bits: keys are uniform hashes, and the sorted
  // keys of a model file then fill the table front to back (a fast load).
  int shift_ = 64;
};

// Word clusters at a few granularities (finest first); 0 = unknown word.
inline constexpr int kClusterLevels = 4;
using ClusterIds = std::array<uint16_t, kClusterLevels>;

// Gazetteer categories (bit positions in a phrase's mask).
enum GazType : int {
  kGazCountry = 0, kGazDemonym, kGazCity, kGazRegion, kGazPersonFull, kGazFirstName,
  kGazLastName, kGazOrganization,
  // Phrases mined by pattern from the unlabeled news text and the CoNLL
  // train tokens (resources.h AddMinedPhrases): organisation names ending in
  // a word such as "Inc" or "University", person names after a title such
  // as "Mr." or "Senator".
  kGazMinedOrg, kGazMinedPerson, kGazCount,
};
const char* GazTypeName(int type);
// Bits of a gazetteer mask: one per GazType, and kGazPrefixBit on the key of
// every proper prefix of a phrase (a key may carry both).
inline constexpr uint16_t kGazTypeBits = (1u << kGazCount) - 1;
inline constexpr uint16_t kGazPrefixBit = 1u << 15;
// Bits 12-14 of a one-word key's mask: how the word is cased in the unlabeled
// news text the clusters read (CorpusCase; 0 = not counted). Stored in the
// gazetteer table because a one-word phrase key is looked up for every word
// anyway (GazetteerMarks), so the class costs no extra lookup.
inline constexpr int kGazCaseShift = 12;
static_assert(kGazCount <= kGazCaseShift);
inline constexpr uint16_t kGazCaseBits = 7u << kGazCaseShift;
enum CorpusCase : int {
  kCaseUnseen = 0,  // fewer than two counted occurrences
  kCaseAlwaysCap,   // capitalised only, at least 3 times
  kCaseRareCap,     // capitalised only, 1-2 times
  kCaseMostlyCap,   // >= 90% capitalised
  kCaseMixed,
  kCaseMostlyLower, // <= 10% capitalised, at least once
  kCaseNeverCap,    // lowercase only
};

struct WeightTable;

// The weight rows of both stages for tagging: an open-addressing table whose
// 128-byte slot holds a feature key with its stage-1 and stage-2 rows
// quantised to int16 (one scale per stage, as in the model file). A feature
// used by both stages is looked up once and each lookup touches one slot.
class PackedRows {
 public:
  // Rows of the keys of both tables (a key missing from one has zeros there).
  void Build(const WeightTable& stage1, const WeightTable& stage2);
  // Real weight = quantised weight * scale(stage), stage 0 or 1.
  float scale(int stage) const { return scale_[stage]; }
  void Prefetch(uint64_t key) const {
    if (slots_.empty()) return;
    const char* p = reinterpret_cast<const char*>(&slots_[Home(key)]);
    __builtin_prefetch(p);
    __builtin_prefetch(p + 64);
  }
  // Adds key's stage-1 row to acc1[0..16] and, when acc2 is not null, its
  // stage-2 row to acc2[0..16]. Nothing when the key has no row.
  void Accumulate(uint64_t key, int32_t* acc1, int32_t* acc2) const {
    const Slot* sl = Find(key);
    if (sl == nullptr) return;
    for (int y = 0; y < kNumTags; ++y) acc1[y] += sl->w[y];
    if (acc2 != nullptr) {
      for (int y = 0; y < kNumTags; ++y) acc2[y] += sl->w[kNumTags + y];
    }
  }
  // Stage-2 row only.
  void AccumulateSecond(uint64_t key, int32_t* acc2) const {
    const Slot* sl = Find(key);
    if (sl == nullptr) return;
    for (int y = 0; y < kNumTags; ++y) acc2[y] += sl->w[kNumTags + y];
  }

 private:
  // Two cache lines (key + 2 x 17 int16 = 76 bytes), both prefetched; the
  // adjacent-line prefetcher of most x86 cores fetches the pair anyway.
  struct alignas(128) Slot {
    uint64_t key = 0;
    int16_t w[2 * kNumTags] = {};
  };
  // Home slot: the key's top bits scaled to the table size (any size, so
  // the load factor needs no power-of-two table). Tables stay below 2^32 slots.
  size_t Home(uint64_t key) const {
    return static_cast<size_t>(((key >> 32) * static_cast<uint64_t>(slots_.size())) >> 32);
  }
  const Slot* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    size_t slot = Home(key);
    while (true) {
      const Slot& sl = slots_[slot];
      if (sl.key == key) return &sl;
      if (sl.key == 0) return nullptr;
      if (++slot == slots_.size()) slot = 0;
    }
  }
  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // tens of MiB: huge pages
  float scale_[2] = {1.0f, 1.0f};
};

// One linear scoring stage: a weight row per feature key, tag transitions.
struct WeightTable {
  // Row r holds kNumTags weights at weights[r * 17]; keys sorted ascending.
  std::vector<uint64_t> keys;
  std::vector<float> weights;
  // transitions[(prev + 1) * 17 + tag]; prev = -1 is the sentence start.
  std::array<float, (kNumTags + 1) * kNumTags> transitions{};

  bool empty() const { return keys.empty(); }
};

struct Model {
  // Stage 1 tags from local and document features; stage 2 (optional) adds
  // non-local features computed from stage 1's labels over the whole
  // document (nonlocal.h).
  WeightTable stage1;
  WeightTable stage2;
  // Word clusters keyed by the hash of the folded word.
  std::vector<uint64_t> cluster_keys;
  std::vector<ClusterIds> clusters;
  // Gazetteer phrases keyed by the hash of the folded, space-joined tokens.
  std::vector<uint64_t> gazetteer_keys;
  std::vector<uint16_t> gazetteer_masks;
  int gazetteer_max_tokens = 0;
  // Set by Finalize: the masks carry kGazPrefixBit (models trained before it
  // do not, and are matched at every length).
  bool gazetteer_prefixes = false;
  // Set by Finalize: some masks carry a corpus casing class (kGazCaseBits);
  // the casing features are extracted only then.
  bool corpus_case = false;
  // Free-form provenance (training command, data, figures).
  std::string description;

  // Lookup indexes; built by Finalize() (Load calls it).
  PackedRows rows;  // both stages' weights
  KeyIndex cluster_index;
  KeyIndex gazetteer_index;
  void Finalize();
  // Rebuilds `rows` only (after a stage's weights were replaced).
  void FinalizeWeights() { rows.Build(stage1, stage2); }

  ClusterIds Cluster(uint64_t word_key) const {
    int32_t r = cluster_index.Find(word_key);
    return r < 0 ? ClusterIds{} : clusters[static_cast<size_t>(r)];
  }
  uint16_t GazetteerMask(uint64_t phrase_key) const {
    int32_t r = gazetteer_index.Find(phrase_key);
    return r < 0 ? 0 : gazetteer_masks[static_cast<size_t>(r)];
  }
};

// Binary model file: magic, format version, sections, trailing checksum.
// Weights are stored as int16 with one scale per file (quantisation error is
// below 1/32767 of the largest weight). Deterministic: the same Model gives
// the same bytes.
std::string SerializeModel(const Model& model);
Result<Model> ParseModel(std::string_view bytes);
Status SaveModel(const Model& model, const std::string& path);
Result<Model> LoadModel(const std::string& path);

}  // namespace parallax::ner
