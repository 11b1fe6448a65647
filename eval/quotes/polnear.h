// PolNeAR attribution data (brat standoff) and the quote metrics of
// /work/shared/data/README.md "Quotes / attribution".
//
// Offsets in the .ann files are code-point offsets into the .txt file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "parallax/status.h"

namespace parallax::eval {

struct CharSpan {
  size_t begin = 0;
  size_t end = 0;
};

struct GoldAttribution {
  std::vector<CharSpan> content;  // one or more segments (split around the cue)
  std::vector<CharSpan> source;   // empty for Attribution-no-source
  std::string source_text;
  std::vector<CharSpan> cue;      // cue segments (may be empty)
  std::string cue_text;
  std::string coreferent_name;    // nearest earlier named source when source_text names nobody
};

struct GoldDoc {
  std::string name;  // text file basename
  std::string text;
  std::vector<GoldAttribution> attributions;
};

// Reads split ("train" or "dev") under `root` (…/ie/polnear): one annotation
// file per text (the first in name order when several annotators did it).
Result<std::vector<GoldDoc>> ReadPolnear(const std::string& root, const std::string& split);

// Parses one .ann file against its text.
GoldDoc ParseAnn(const std::string& name, std::string text, const std::string& ann);

// Byte offset of each code point of `text`, plus the end (brat offsets count
// code points; our spans count bytes).
std::vector<size_t> CodePointStarts(const std::string& text);

struct PredictedQuote {
  CharSpan span;
  std::string speaker;
};

struct QuoteScore {
  size_t predicted = 0;
  size_t gold = 0;
  size_t matched = 0;
  size_t speaker_pairs = 0;    // matched pairs whose gold has a source
  size_t speaker_correct = 0;
  double Precision() const { return predicted ? 100.0 * matched / predicted : 0; }
  double Recall() const { return gold ? 100.0 * matched / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double SpeakerAccuracy() const { return speaker_pairs ? 100.0 * speaker_correct / speaker_pairs : 0; }
  void Add(const QuoteScore& o);
};

// One-to-one matching: a prediction and a gold attribution match when their
// overlap is at least half the longer one's length (the gap inside a split
// gold content is not counted against the prediction); pairs are taken
// greedily by overlap ratio. `matches` (optional) receives gold index per
// prediction, -1 when unmatched.
QuoteScore ScoreDoc(const GoldDoc& gold, const std::vector<PredictedQuote>& predicted,
                    std::vector<int>* matches = nullptr);

// Strict matching, for comparison with exact-span figures (Citron's "content
// exact"): the number of predictions whose span equals a gold content's
// extent (first segment's begin to last segment's end) once whitespace,
// punctuation and quotation marks at either edge of both are dropped; one to
// one.
size_t ExactMatches(const GoldDoc& gold, const std::vector<PredictedQuote>& predicted);

// True when `speaker` shares a content word (non-stop word, folded,
// possessive dropped) with the gold source text or its coreferent name.
bool SpeakerMatches(const std::string& speaker, const GoldAttribution& gold);

}  // namespace parallax::eval
