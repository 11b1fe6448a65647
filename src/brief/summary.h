// Redundancy-aware extractive summary of a story.
//
// Salience() scores each sentence (centroid similarity, corroboration by
// independent sources, lead position) and rules out what is not summary
// material: fragments, captions, credits, "Read more" lines, questions.
//
// Summarize() picks sentences under a word budget by greedy maximisation of a
// monotone submodular objective, weighted concept coverage (Gillick & Favre
// 2009; Lin & Bilmes 2011 for the greedy with cost scaling): the concepts are
// the story's content stems and adjacent stem pairs; a concept weighs more
// the more independent sources state it (syndicated copies count once) and
// the earlier in their articles they state it. A sentence's marginal gain is
// the weight of the concepts it adds that the summary does not yet cover, so
// repeats of chosen content gain nothing. The chosen sentences are then put
// in a readable order. Notes and figures: eval/summary/RESULTS.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "brief/alignment.h"
#include "brief/sentence_model.h"
#include "brief/sources.h"

namespace parallax::brief {

struct SummaryOptions {
  int max_words = 150;  // whole sentences totalling at most this many words
  // DUC convention: the summary is cut at max_words by whoever reads it (as
  // ROUGE's -l does), so the last chosen sentence may run past the budget
  // instead of the budget being left partly unused. Off for users: briefs
  // print whole sentences within the budget.
  bool cut_last = false;
};

// Page furniture that survives extraction: calls to action, credits,
// captions, links, video embeds ("JUST WATCHED ... Replay More Videos"), an
// embedded tweet's signature ("- Jane Roe (@janeroe) May 16, 2017"), a
// reporter's contact line. `folded` is text::Fold of the sentence.
bool IsBoilerplate(const std::string& folded);

// Salience of every sentence (higher is more summary-worthy; <= 0 means never
// summary material).
std::vector<double> Salience(const SentenceModel& model, const Alignment& alignment,
                             size_t independent_sources);

// A sentence as the summary prints it: an opening dateline ("DENVER (AP) — ",
// "(CNN) ") dropped, the rest unchanged (so it is still a substring of the
// article). Summarize() budgets words of this text.
std::string SummaryText(std::string_view sentence);

// Chosen sentence ids in reading order.
std::vector<uint32_t> Summarize(const SentenceModel& model, const std::vector<double>& salience,
                                const SourceGroups& sources, const SummaryOptions& options);

}  // namespace parallax::brief
