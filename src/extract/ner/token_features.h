// Feature extraction for the NER tagger. Internal to parallax::ner.
//
// Each token gets a list of 64-bit feature keys (template id + value hash,
// see hashing.h); the model holds one weight per key and label. The same
// code runs in training and tagging, so the two can never disagree.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flat_map.h"
#include "hashing.h"
#include "model.h"

namespace parallax::ner {

// ASCII lowercase with every digit mapped to '0' (other bytes unchanged).
// The key for word, cluster and gazetteer lookups.
std::string NormToken(std::string_view token);
inline uint64_t WordKey(std::string_view norm) { return HashBytes(norm, 0x776f7264); }
inline uint64_t PhraseKey(std::string_view norm_joined) {
  return HashBytes(norm_joined, 0x67617a);
}

// Word shape: A-Z -> X, a-z -> x, 0-9 -> d, a non-ASCII character -> u, other
// bytes kept. `collapse` keeps one symbol per run ("Xx" for "Jerusalem"),
// otherwise runs are cut at four ("Xxxxx" -> "Xxxxx" stays, "Xxxxxxx" -> "Xxxxx").
std::string WordShape(std::string_view token, bool collapse);

// Capitalised = first character is an ASCII capital letter.
bool IsCapitalised(std::string_view token);
// Has a letter and no lowercase ASCII letter.
bool IsAllCaps(std::string_view token);
// True when most letter-bearing tokens of the sentence are all caps
// (headlines such as "SOCCER - JAPAN GET LUCKY WIN").
bool IsAllCapsSentence(std::span<const std::string_view> tokens);

// Document-level evidence: how words are cased elsewhere in the document.
struct DocStats {
  KeySet seen_lower;        // word keys of all-lowercase occurrences
  KeySet seen_capitalised;  // capitalised, not sentence-initial,
                            // not in an all-caps sentence
  // Context aggregation (Ratinov & Roth 2009): for a capitalised word, the
  // normalised words at offsets -2, -1, +1, +2 around its capitalised
  // occurrences in mixed-case sentences (distinct feature keys, at most
  // kMaxAggregated), so every mention sees the contexts of the others.
  static constexpr size_t kMaxAggregated = 96;
  struct Aggregate {
    int sources = 0;                // occurrences that contributed
    std::vector<uint64_t> keys;     // feature keys, first-seen order
  };
  FlatMap<uint32_t> aggregate_index;  // word key -> 1 + index into aggregates
  std::vector<Aggregate> aggregates;
};
DocStats ComputeDocStats(const std::vector<std::vector<std::string_view>>& sentences);

// Per-token feature keys of one sentence: token i owns
// keys[offsets[i] .. offsets[i + 1]).
struct FeatureList {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> offsets;
  size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

// Gazetteer marks per token, in BILOU like the tags: bit 4t + role (model.h
// TagRole) = the token is the B(egin), I(nside), L(ast) token of a match of
// type t, or a one-token (U) match. Matches of every length are marked.
// When `case_classes` is given it receives each token's CorpusCase class
// (model.h; from the same one-word lookup, 0 when the word has none).
std::vector<uint64_t> GazetteerMarks(const Model& model,
                                     std::span<const std::string> norm_tokens,
                                     std::vector<uint8_t>* case_classes = nullptr);

// Extracts the features of one sentence. `model` supplies the clusters and
// gazetteer (its weights are not used). Thread-safe; `out` is overwritten.
// Each token's aggregated context keys (DocStats) come last in its range;
// when `aggregate_begin` is given it receives, per token, the index in
// out->keys where they begin (training drops them at random, train.h).
void ExtractFeatures(const Model& model, std::span<const std::string_view> tokens,
                     const DocStats& doc, FeatureList* out,
                     std::vector<uint32_t>* aggregate_begin = nullptr);

}  // namespace parallax::ner
