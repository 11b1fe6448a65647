// Aligning sentences across articles: groups of sentences that state the
// same fact in different outlets (paraphrase tolerant through TF-IDF cosine),
// and the sentences no other source echoes.
#pragma once

#include <cstdint>
#include <vector>

#include "brief/sentence_model.h"
#include "brief/sources.h"

namespace parallax::brief {

struct FactGroup {
  std::vector<uint32_t> sentences;  // sentence ids, the representative first
  std::vector<size_t> articles;     // distinct articles, in sentence order
  size_t independent = 0;           // distinct independent sources
};

struct AlignmentOptions {
  float link = 0.42f;      // cosine to join a fact group
  float echo = 0.22f;      // below this with every other source, a sentence is unechoed
};

struct Alignment {
  std::vector<FactGroup> groups;          // every sentence in exactly one group
  std::vector<uint32_t> group_of;         // sentence id -> group index
  std::vector<bool> echoed;               // sentence has a similar sentence elsewhere
};

Alignment AlignSentences(const SentenceModel& model, const SourceGroups& sources,
                         const AlignmentOptions& options = {});

}  // namespace parallax::brief
