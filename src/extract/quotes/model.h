// The trained part of the quote extractor (models/quotes/quotes.model):
//   - a cue detector, an averaged perceptron over each token outside
//     quotation marks (word, suffix, neighbours, a subject or name before
//     it, quote marks and colons nearby) that says whether the token is part
//     of an attribution cue ("support", "is expected", "poll shows",
//     "plans"): runs of cue tokens are cue phrases;
//   - a content-span model, a ranking perceptron that picks the content of
//     such a cue among candidate clause boundaries (to the sentence end, to
//     the next clause, the clause before the cue, a headline after a colon,
//     the next sentence too) or none.
// Training is in train.cc (`train_quotes`); the file format is text: a
// header, the cue threshold, then `[cue]` and `[span]` sections of
// `hash<TAB>weight` lines (64-bit FNV-1a hashes of the feature names, in
// hex, in order; no words of the training text are stored), so a retrain
// with the same data reproduces it byte for byte.
//
// Thread-safety: a Model is immutable after loading.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document.h"
#include "parallax/status.h"

namespace parallax::quotes::internal {

using TokRange = std::pair<uint32_t, uint32_t>;

// Feature ids: 64-bit FNV-1a hashes of the feature names.
class Features {
 public:
  void Add(std::string_view name, std::string_view value = {});
  void Clear() { ids_.clear(); }
  const std::vector<uint64_t>& ids() const { return ids_; }

 private:
  std::vector<uint64_t> ids_;
};

uint64_t FeatureId(std::string_view name);

// Feature id -> weight. An open-addressing table (linear probing, power-of-
// two size, load <= 3/4: the shipped model's 227k weights fill 6 MiB, four
// slots a cache line) of {id, weight} pairs: the extractor scores every
// token of every article, and a node-based hash map's bucket chase was ~40%
// of the quote stage. Score sums in the order of `f` (same float result as
// any exact map).
class Weights {
 public:
  // Sets (or replaces) the weight of `id`.
  void Set(uint64_t id, float weight);
  // The weight of `id`, 0 when absent.
  float Get(uint64_t id) const {
    if (id == 0) return has_zero_ ? zero_weight_ : 0.0f;
    if (slots_.empty()) return 0.0f;
    for (size_t i = Home(id);; i = (i + 1) & mask_) {
      const Slot& sl = slots_[i];
      if (sl.id == id) return sl.weight;
      if (sl.id == 0) return 0.0f;
    }
  }
  size_t size() const { return count_ + (has_zero_ ? 1 : 0); }
  // Sum of the weights of f's ids, in order.
  float Score(const Features& f) const;

 private:
  struct Slot {
    uint64_t id = 0;  // 0 = empty (id 0 is kept aside)
    float weight = 0;
  };
  size_t Home(uint64_t id) const { return static_cast<size_t>((id * 0x9E3779B97F4A7C15ull) >> 32) & mask_; }
  void Grow();
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t count_ = 0;
  bool has_zero_ = false;
  float zero_weight_ = 0;
};

struct Model {
  Weights cue;
  Weights span;
  float cue_threshold = 0;
};

// $PARALLAX_MODELS/quotes/quotes.model when the variable is set, else the
// source tree's models/quotes/quotes.model (as ner::DefaultModelPath).
std::string DefaultModelPath();
Result<Model> LoadModel(const std::string& path);

// Features of token `i` as a possible cue token.
void CueFeatures(const Doc& d, uint32_t i, Features* f);

// Whether token `i` may be a cue token at all (a word outside quotation
// marks, or a headline colon).
bool CueCandidate(const Doc& d, uint32_t i);

enum class SpanKind : int {
  kNone = 0,
  kToEnd,         // after the cue to the sentence end
  kToClause,      // after the cue to the next clause punctuation
  kToNextSent,    // after the cue through the next sentence of the paragraph
  kBefore,        // sentence start to the subject (postposed attribution)
  kBeforeCue,     // sentence start to the cue
  kObject,        // the noun phrase after the cue (to a preposition or clause word)
  kCount,
};
const char* SpanKindName(SpanKind k);

struct SpanCandidate {
  SpanKind kind = SpanKind::kNone;
  TokRange content{0, 0};
};

// Candidate contents of the cue phrase [cue.first, cue.second), the first
// always kNone; `subject` is the subject before the cue (may be empty).
// A run of cue tokens is a cue phrase when it has a content word ("to",
// "is" alone are not) or is a headline colon.
bool CuePhrase(const Doc& d, TokRange cue);

std::vector<SpanCandidate> SpanCandidates(const Doc& d, TokRange cue, TokRange subject);
void SpanFeatures(const Doc& d, TokRange cue, TokRange subject, const SpanCandidate& c,
                  Features* f);

}  // namespace parallax::quotes::internal
