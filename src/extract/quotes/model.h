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
#include <unordered_map>
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

struct Weights {
  std::unordered_map<uint64_t, float> w;
  float Score(const Features& f) const;
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
