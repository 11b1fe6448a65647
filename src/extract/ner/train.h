// Averaged structured perceptron training for the NER model. Internal to
// parallax::ner; used by parallax_train_ner and the tests.
#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "conll.h"
#include "model.h"
#include "parallax/status.h"

namespace parallax::ner {

struct TrainOptions {
  int epochs = 12;
  // Features seen fewer times than this in the training data are dropped.
  int min_feature_count = 1;
  // Seed of the per-epoch sentence shuffle (the only randomness).
  uint64_t seed = 20240325;
  // Weight rows whose largest averaged |weight| is below this are dropped
  // from the model (compaction).
  float prune_below = 0.0f;
  // Cross-validation folds for the stage-2 (non-local) model; < 2 trains
  // stage 1 only.
  int folds = 5;
  // Each stage is trained this many times with shuffle seeds seed, seed + 1,
  // ... and the averaged weights are averaged again (an ensemble that costs
  // nothing at tagging time). The cross-validation folds use one run
  // (averaging them too scored lower on dev: 92.47 vs 92.57).
  int runs = 1;
  // Aggregation dropout: at every visit of a training sentence, each token's
  // aggregated context keys (token_features.h, the contexts of the word's
  // other mentions) are left out with this probability (seeded from `seed`),
  // so local evidence keeps its weight for names mentioned once.
  double aggregate_dropout = 0.0;
  // Also train on a copy of every document split into one-sentence
  // documents (no other mentions, no document evidence), kept in the same
  // cross-validation fold as its source.
  bool sentence_copies = false;
};

// Trains the weight tables of `model` (stage 1, then stage 2 on stage-1
// labels from `folds`-fold cross-validation), which must already hold its
// clusters and gazetteer (they shape the features). When `dev` is given,
// logs dev F1 after every epoch to `log` (may be null). Deterministic: the
// same inputs and options give the same model.
Status TrainPerceptron(const std::vector<ConllDocument>& train, const TrainOptions& options,
                       const std::vector<ConllDocument>* dev, std::ostream* log, Model* model);

// Tags `docs` with `model` and scores the result against their labels.
ConllScore EvaluateModel(const Model& model, const std::vector<ConllDocument>& docs);

}  // namespace parallax::ner
