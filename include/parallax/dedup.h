// Duplicate detection: exact copies and near-duplicates (syndicated wire copy,
// re-publications under a new headline, light edits, truncations).
//
// DedupIndex is an incremental, append-only index. Each Add() compares the new
// document with everything added before and returns the earlier document it
// duplicates, if any; the new document is then indexed. The later arrival is
// always the one reported as the duplicate (the store records who republished
// whom in arrival order).
//
//   DedupIndex index;
//   index.Add("ap-1", wire_text);                      // nullopt: first seen
//   auto m = index.Add("site-7", same_text_new_title);  // {"ap-1", 1.0, kExact}
//
// How (see src/dedup/README.md): text is folded and tokenised (words and
// numbers; punctuation and spacing ignored). Exact duplicates share a
// fingerprint of that token sequence. Near-duplicates are found with MinHash
// over k-word shingles and LSH banding (bands x rows); each candidate is
// verified on its signature: the Jaccard estimate, and a containment estimate
// (|A∩B| / |smaller|) derived from it and the exact shingle counts, so a
// truncated copy links to the full one.
//
// Memory is about 60 bytes per document ever added plus, while a document is
// indexed (not aged out by Expire), 4 bytes per MinHash value and 16 per LSH
// band (defaults: ~400 bytes).
// Thread-compatible: one writer at a time; const methods may run concurrently
// with each other but not with Add().
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/duplicate.h"
#include "parallax/status.h"

namespace parallax {


struct DuplicateMatch {
  std::string original_id;    // the earliest document of the duplicate chain
  uint32_t original_seq = 0;  // its position in arrival order (0-based)
  std::string matched_id;     // the document actually matched (== original unless chained)
  double similarity = 1.0;    // exact: 1; near: max(Jaccard, containment) estimate
  double jaccard = 1.0;       // estimated Jaccard of the shingle sets
  double containment = 1.0;   // estimated |A∩B| / min(|A|, |B|)
  DuplicateKind kind = DuplicateKind::kExact;
};

struct DedupOptions {
  int shingle_words = 5;  // k in k-word shingles
  int bands = 20;         // LSH bands; signature length = bands * rows
  int rows = 3;           // MinHash values per band
  // A candidate is a near-duplicate when its estimated Jaccard reaches
  // `jaccard_threshold`, or when the smaller text is estimated to be contained
  // in the larger one at `containment_threshold` (with Jaccard at least
  // `containment_min_jaccard`, i.e. the truncation keeps enough of the text).
  double jaccard_threshold = 0.6;
  double containment_threshold = 0.85;
  double containment_min_jaccard = 0.25;
  // Texts with fewer distinct shingles than this are only checked for exact
  // copies: a few shared phrases are not evidence of copying.
  int min_shingles = 10;
  uint64_t seed = 0x5eed0fd3d0bull;  // MinHash family; part of the saved state
};

// What DedupIndex keeps of a document: made from its token stream alone,
// so it can be computed away from the index (MakeDedupSketch).
struct DedupSketch {
  uint64_t fingerprint = 0;    // of the whole token sequence; 0: empty text
  uint32_t shingles = 0;       // distinct k-word shingles
  std::vector<uint32_t> sig;   // MinHash signature, bands * rows values
};

// The sketch of a token stream (see TokenHashes) under `options` (its
// shingle size, signature length and seed). Pure: safe on any thread.
DedupSketch MakeDedupSketch(std::span<const uint64_t> token_hashes, const DedupOptions& options);

class DedupIndex {
 public:
  explicit DedupIndex(DedupOptions options = {});
  DedupIndex(DedupIndex&&) noexcept;
  DedupIndex& operator=(DedupIndex&&) noexcept;
  ~DedupIndex();

  // Checks `text` against every earlier document still indexed, then indexes
  // it under `doc_id` (ids are reported back, not checked for uniqueness).
  // `day` is the publication day (any monotone scale, e.g. days since the
  // epoch) used by Expire(); undated documents never age out.
  std::optional<DuplicateMatch> Add(std::string_view doc_id, std::string_view text,
                                    std::optional<double> day = std::nullopt);
  // The same, on a precomputed token stream: Hash64 of each folded word or
  // number token, in text order (see TokenHashes). Lets callers that already
  // tokenised the text skip a second pass.
  std::optional<DuplicateMatch> AddTokens(std::string_view doc_id,
                                          std::span<const uint64_t> token_hashes,
                                          std::optional<double> day = std::nullopt);
  // The same, on a sketch made beforehand with MakeDedupSketch and this
  // index's options() (e.g. on another thread). A signature of the wrong
  // length (other options) is not indexed for near-duplicates: the document
  // is then only matched as an exact copy.
  std::optional<DuplicateMatch> AddSketch(std::string_view doc_id, DedupSketch sketch,
                                          std::optional<double> day = std::nullopt);

  // Ages out every dated document published before `cutoff_day`: it leaves
  // the LSH band tables and the exact-copy map and its signature is freed, so
  // later texts no longer match it (a copy of it is then reported as a
  // first-seen document). Its id and chain root stay (~50 bytes), so matches
  // against later members of its chain still name the chain's original.
  // Returns how many documents aged out. Keeps the cost per Add and the
  // sketch memory bounded by the live window instead of the whole history.
  size_t Expire(double cutoff_day);
  // Lookup only: what Add() would report, without indexing.
  std::optional<DuplicateMatch> Find(std::string_view text) const;

  size_t size() const;          // documents added (aged out or not)
  size_t indexed() const;       // documents still matchable (not aged out)
  size_t MemoryBytes() const;   // approximate heap use
  const DedupOptions& options() const;

  // Serialises the whole state (options included) to plain bytes; Load()
  // replaces this index's state with one saved earlier and reports corrupt or
  // truncated data as kInvalidInput.
  void Save(std::string* out) const;
  Status Load(std::string_view data);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- Sketch building blocks (exposed for tests and tools) -------------------

// Hash64 of each folded word or number token of `text` (after Normalize and
// Fold), in order. Punctuation, symbols and spacing are dropped.
std::vector<uint64_t> TokenHashes(std::string_view text);

// Distinct hashes of the k-token shingles of a token stream, sorted. A stream
// shorter than k yields one shingle (the whole stream); an empty one, none.
std::vector<uint64_t> ShingleSet(std::span<const uint64_t> token_hashes, int k);

// MinHash signature of a shingle set under `num_hashes` hash functions of the
// family selected by `seed`. An empty set gives all-0xFFFFFFFF.
std::vector<uint32_t> MinHashSignature(std::span<const uint64_t> shingles, int num_hashes,
                                       uint64_t seed);

// Fraction of equal positions: an unbiased estimate of the Jaccard similarity
// of the two sets (standard error sqrt(J(1-J)/n)). Sizes must match.
double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b);

// Exact Jaccard of two sorted distinct sets (for tests and verification).
double ExactJaccard(std::span<const uint64_t> a, std::span<const uint64_t> b);

}  // namespace parallax
