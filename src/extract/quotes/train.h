// Training the quote model (model.h) from attribution-annotated articles:
// averaged perceptrons, deterministic (fixed order, no randomness), so the
// same data gives the same model file byte for byte. Used by
// eval/quotes/train_quotes.cc on PolNeAR train.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "parallax/ner.h"

namespace parallax::quotes::internal {

using ByteSpan = std::pair<size_t, size_t>;

struct TrainAttribution {
  std::vector<ByteSpan> cue;      // cue segments, bytes
  std::vector<ByteSpan> content;  // content segments, bytes, in order
};

struct TrainDoc {
  std::string text;
  std::vector<ner::Mention> mentions;
  std::vector<TrainAttribution> attributions;
};

struct TrainOptions {
  int cue_epochs = 6;
  int span_epochs = 6;
  // Score a token must exceed to be a cue token; written into the model.
  float cue_threshold = -2;
  // Cue phrases predicted on the training data this far below the
  // threshold that are no gold cue teach the span model to say none.
  float none_margin = 0;
  // Features seen fewer times than this in training are left out.
  int min_count = 2;
  // Visit the examples in a different fixed pseudo-random order each epoch
  // (else in document order every epoch).
  bool shuffle = true;
  // Training runs (each in its own order when shuffling) whose weights are
  // averaged.
  int runs = 5;
};

// The model file's text (see model.h for the format).
std::string TrainModel(const std::vector<TrainDoc>& docs, const TrainOptions& options);

}  // namespace parallax::quotes::internal
