// Where sources give different figures for the same thing.
//
// Every quantity that counts something ("1.4 million Palestinian civilians",
// "$2.5 billion", "45 percent of voters") becomes a mention with its counted
// noun, the role words near it (killed / injured / displaced / arrested...),
// and its context (content stems and capitalised names of its sentence and
// the one before). Mentions from different articles form one slot when they
// count the same kind of thing (same head stem, or both count people), play
// no different role, are within a factor of three, and share a name and
// enough context. A slot is reported when at least two independent sources
// (syndicated copies count once) give at least two different values; it is a
// "conflict" when two values cannot both be true (bounds understood: "more
// than one million" is compatible with 1.5 million) and a "spread" otherwise.
#pragma once

#include <vector>

#include "brief/sentence_model.h"
#include "brief/sources.h"
#include "parallax/article.h"
#include "parallax/brief.h"

namespace parallax::brief {

struct DisagreementOptions {
  double approx_tolerance = 0.05;  // "about 1.5 million" allows +-5%
  double max_ratio = 3.0;          // figures further apart are about different things
  int min_shared_context = 3;      // shared content stems (names included)
  size_t max_slots = 10;
};

std::vector<Disagreement> FindDisagreements(const std::vector<Article>& articles,
                                            const SentenceModel& model,
                                            const SourceGroups& sources,
                                            const DisagreementOptions& options = {});

}  // namespace parallax::brief
