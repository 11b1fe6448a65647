// The cross-source brief of one story (CONTRACT.md `parallax.brief/1`).
//
// BuildBrief() reads the articles of one story (as grouped by the cluster
// stage) and produces: an extractive summary whose every sentence cites the
// articles that state it, facts several independent sources agree on, what
// only one outlet reports, and — as the extraction stages land — entities,
// quotes, a timeline and disagreements. Independent sources are counted after
// collapsing syndicated duplicates and repeated outlets.
//
// Pure function of its inputs; thread-safe. Articles are borrowed for the
// duration of the call only; the brief owns copies of everything it returns.
// Uses a second thread for the named-entity tagging, which runs alongside
// the sentence stages (same result as running them in turn).
#pragma once

#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/cluster.h"

namespace parallax {

struct CitedText {
  std::string text;
  std::vector<std::string> sources;  // article ids, first the one quoted
};

struct BriefEntity {
  std::string name;
  std::string type;  // person | organization | place | other
  std::vector<std::string> aliases;
  std::vector<std::string> sources;
  std::vector<std::string> roles;  // titles ("Israeli prime minister"), most frequent first; may be empty
};

struct QuoteVariant {
  std::string text;
  std::string source;
};

struct BriefQuote {
  std::string speaker;
  std::string text;
  std::vector<std::string> sources;
  std::vector<QuoteVariant> variants;
};

struct TimelineEntry {
  std::string date;  // ISO 8601
  std::string text;
  std::vector<std::string> sources;
};

struct DisagreementValue {
  std::string value;
  std::string text;
  std::vector<std::string> sources;
};

struct Disagreement {
  std::string topic;
  std::vector<DisagreementValue> values;
  // "conflict": two values cannot both be true; "spread": the values differ
  // but are compatible (bounds, approximations); empty when not classified.
  std::string kind;
};

struct Exclusive {
  std::string text;
  std::string source;
};

// How one outlet tells the story: the terms that distinguish its articles
// from the other outlets' (z-score of a weighted log-odds ratio, higher is
// more distinctive) and whom it quotes or attributes statements to.
struct FramingTerm {
  std::string term;  // surface form, e.g. "strike" or "humanitarian corridor"
  double z = 0;
};

struct OutletFraming {
  std::string outlet;                 // outlet name, or the article id when unknown
  std::vector<std::string> articles;  // ids of its articles in the story
  std::vector<FramingTerm> terms;     // most distinctive first
  std::vector<std::string> sources;   // attributed names, most cited first
};

struct StoryBrief {
  std::string id;
  std::string title;
  std::vector<std::string> articles;  // ids
  std::vector<CitedText> summary;
  std::vector<BriefEntity> entities;
  std::vector<BriefQuote> quotes;
  std::vector<TimelineEntry> timeline;
  std::vector<CitedText> agreements;
  std::vector<Disagreement> disagreements;
  std::vector<Exclusive> exclusives;
  std::vector<OutletFraming> framing;  // empty for single-outlet stories
  int independent_sources = 0;
};

struct BriefOptions {
  int max_words = 150;  // summary budget: whole sentences totalling at most this many words
  // For evaluations that cut summaries at max_words (DUC / ROUGE -l): the
  // last summary sentence may run past the budget. Off by default.
  bool summary_cut_last = false;
};

// The brief for `story`, whose indices refer to `articles`.
StoryBrief BuildBrief(const std::vector<Article>& articles, const StoryCluster& story,
                      const BriefOptions& options = {});

}  // namespace parallax
