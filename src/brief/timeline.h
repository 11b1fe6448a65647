// The story timeline: dated events, in date order, each citing every article
// that states it.
//
// A sentence enters the timeline when it carries a time expression that
// resolves to a day ("Monday", "March 22", "yesterday") or a month ("in
// February") and it reads like an event (a full sentence, not a dateline,
// byline or headline). Relative expressions are anchored on the article's
// publication date; an undated article is anchored on the median publication
// date of the story's dated articles; with no date anywhere, only absolute
// dates are used. Sentences of different articles that state the same dated
// event (same date, and the same fact group of the alignment or similar
// wording) become one entry citing all of them.
//
// Pure function of its inputs; thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "brief/alignment.h"
#include "brief/sentence_model.h"
#include "parallax/brief.h"

namespace parallax::brief {

struct TimelineOptions {
  size_t max_entries = 12;  // the most widely reported, then in date order
  size_t max_per_date = 3;
  float same_event = 0.30f;  // cosine for two same-date sentences to be one event
};

// `salience` is indexed like model.sentences() (may be empty).
std::vector<TimelineEntry> BuildTimeline(const std::vector<Article>& articles,
                                         const StoryCluster& story, const SentenceModel& model,
                                         const Alignment& alignment,
                                         const std::vector<double>& salience,
                                         const TimelineOptions& options = {});

}  // namespace parallax::brief
