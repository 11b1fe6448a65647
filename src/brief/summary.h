// Redundancy-aware extractive summary: centroid salience, corroboration by
// independent sources, and lead position, selected with maximal marginal
// relevance under a word budget, then put in a readable order.
#pragma once

#include <cstdint>
#include <vector>

#include "brief/alignment.h"
#include "brief/sentence_model.h"

namespace parallax::brief {

struct SummaryOptions {
  int max_words = 150;
  double lambda = 0.7;  // MMR trade-off between salience and novelty
};

// Salience of every sentence (higher is more summary-worthy).
std::vector<double> Salience(const SentenceModel& model, const Alignment& alignment,
                             size_t independent_sources);

// Chosen sentence ids in reading order.
std::vector<uint32_t> Summarize(const SentenceModel& model, const std::vector<double>& salience,
                                const SummaryOptions& options);

}  // namespace parallax::brief
