// Characterisation conflicts: one event described as cancelled by some
// outlets, postponed or held virtually by others. See characterisation.cc
// for the rules. Pure function; thread-safe.
#pragma once

#include <vector>

#include "brief/sentence_model.h"
#include "brief/sources.h"
#include "parallax/article.h"
#include "parallax/brief.h"

namespace parallax::brief {

std::vector<Disagreement> FindCharacterisations(const std::vector<Article>& articles,
                                                const SentenceModel& model,
                                                const SourceGroups& sources);

}  // namespace parallax::brief
