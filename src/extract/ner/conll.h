// CoNLL-2003 style data (one token per line, tag in the last column, blank
// line between sentences, -DOCSTART- between documents) and conlleval-style
// entity scoring. Internal to parallax::ner; used by training, evaluation and
// the data tests.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "parallax/status.h"

namespace parallax::ner {

struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<int> labels;  // Label values (model.h)
};

struct ConllDocument {
  std::vector<ConllSentence> sentences;
};

// Reads a CoNLL file. Errors name the path and the line (unknown tag,
// empty token column).
Result<std::vector<ConllDocument>> ReadConll(const std::string& path);

// Entity-level precision / recall / F1 (exact span and type match), as the
// conlleval script computes them (an I-X that does not continue an X chunk
// starts a new one).
struct ChunkCounts {
  long gold = 0;
  long predicted = 0;
  long correct = 0;
  double Precision() const { return predicted ? 100.0 * correct / predicted : 0.0; }
  double Recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct ConllScore {
  ChunkCounts overall;
  std::array<ChunkCounts, 4> per_type;  // PER, ORG, LOC, MISC
  long tokens = 0;
  long tokens_correct = 0;
  // Adds one sentence.
  void Add(const std::vector<int>& gold, const std::vector<int>& predicted);
};

// A chunk [begin, end) of entity type 1..4 (PER, ORG, LOC, MISC).
struct Chunk {
  size_t begin = 0;
  size_t end = 0;
  int type = 0;
  bool operator==(const Chunk&) const = default;
};
std::vector<Chunk> Chunks(const std::vector<int>& labels);

// IOB2 labels -> BILOU tags (model.h) of the same chunks (as Chunks reads
// them, so an I-X after O starts one), and back. ToIob2 expects well-formed
// BILOU (Viterbi output); an ill-formed input still maps tag by tag.
std::vector<int> ToBilou(const std::vector<int>& labels);
std::vector<int> ToIob2(const std::vector<int>& tags);

}  // namespace parallax::ner
