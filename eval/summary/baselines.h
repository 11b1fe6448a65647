// Baseline multi-document summarisers for comparison, run on the same
// sentences as Parallax's summariser.
#pragma once

#include <string>
#include <vector>

#include "parallax/article.h"

namespace parallax::eval {

// Lead: the first sentence of each document in turn, then the second, ...
// until the word budget is filled.
std::string LeadSummary(const std::vector<Article>& docs, int max_words);

// LexRank (Erkan & Radev 2004), continuous variant: cosine-weighted sentence
// graph (edges above 0.1), PageRank with damping 0.85, sentences taken by
// score, skipping ones too similar (cosine > 0.5) to those already taken.
// whole_sentences: skip a sentence that would pass max_words (as Parallax's
// briefs do) instead of letting the last one run past it for ROUGE to cut.
std::string LexRankSummary(const std::vector<Article>& docs, int max_words, bool whole_sentences = false);

// Debian's Open Text Summarizer (`ots`) on the concatenated documents; ""
// when the program is not installed. The scorer applies the word cut.
std::string OtsSummary(const std::vector<Article>& docs, int max_words, const std::string& tmp_dir);

}  // namespace parallax::eval
