// Non-local features for the second tagging stage. Internal to parallax::ner.
//
// A name is usually tagged the same way throughout an article, and a short
// mention ("Netanyahu") usually shares the type of a longer one ("Benjamin
// Netanyahu"). Stage 1 tags the document; these features then tell stage 2,
// for each token, how stage 1 labelled the same word, the same entity string
// and longer entities containing the word elsewhere in the document, plus
// stage 1's own label at and around the token (a stacked model). This is the
// majority-vote recipe of Krishnan & Manning (2006) and the "prediction
// aggregation" of Ratinov & Roth (2009). Training uses stage-1 labels from
// cross-validation (train.cc), so the features are as noisy as at run time.
#pragma once

#include <string_view>
#include <vector>

#include "token_features.h"

namespace parallax::ner {

// Per-sentence extra feature keys from stage 1's BILOU tags (token i owns keys[offsets[i]..offsets[i+1])).
std::vector<FeatureList> NonLocalFeatures(const std::vector<std::vector<std::string_view>>& doc,
                                          const std::vector<std::vector<int>>& stage1);

}  // namespace parallax::ner
