// Label-level tagging entry points shared by the public Tagger, training
// (dev evaluation) and the evaluation tool. Internal to parallax::ner.
#pragma once

#include <string_view>
#include <vector>

#include "model.h"

namespace parallax::ner {

// IOB2 labels for every sentence of one document. Thread-safe (model is read only).
std::vector<std::vector<int>> TagDocumentLabels(
    const Model& model, const std::vector<std::vector<std::string_view>>& sentences);
// The same as the model's BILOU tags (what stage 2 and training use).
std::vector<std::vector<int>> TagDocumentTags(
    const Model& model, const std::vector<std::vector<std::string_view>>& sentences);

}  // namespace parallax::ner
