// Framing per outlet: the words and phrases that set one outlet's telling of
// a story apart from the other outlets', and the sources each relies on.
//
// Terms are content stems and adjacent stem pairs, each shown in its most
// frequent surface form. An outlet's distinctive terms are those with the
// highest z-score of the weighted log-odds ratio with an informative
// Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", eq. 16-22)
// of the outlet's counts against the rest of the story's outlets. The prior is
// the whole story's term distribution with alpha_0 = `prior_scale` times the
// story's token count, which shrinks rare terms toward "not distinctive".
// With one story's worth of text a term one outlet uses 3 times and the others
// never gets z ~ 1.3, so the default threshold is z >= 1 (one-sided ~84%):
// the list ranks leanings; the z beside each term says how strong it is.
//
// The attributed sources come from a light pattern heuristic ("X said",
// "said X", "according to X", "X told"), kept separate so a full quote
// extractor can replace it.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/brief.h"
#include "parallax/cluster.h"

namespace parallax::brief {

struct FramingOptions {
  size_t max_terms = 8;          // per outlet
  double min_z = 1.0;
  double prior_scale = 0.25;     // alpha_0 / story token count
  size_t max_sources = 6;        // per outlet
};

// One entry per outlet of the story (outlet field, or the article id when an
// article has none), in order of first appearance. Empty when the story has
// fewer than two outlets: distinctiveness needs another telling to compare.
std::vector<OutletFraming> ComputeFraming(const std::vector<Article>& articles,
                                          const StoryCluster& story,
                                          const FramingOptions& options = {});

// Names a sentence attributes statements to: capitalised runs next to a
// speech verb ("Smith said", "said Jane Doe", "the Health Ministry said") or
// after "according to". Pronouns are not names.
std::vector<std::string> AttributedSources(const std::string& sentence);

}  // namespace parallax::brief
