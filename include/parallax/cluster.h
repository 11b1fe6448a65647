// Story clustering: grouping articles about the same event, and linking
// duplicates (syndicated copies) inside a story.
//
// Two entry points:
//  - ClusterArticles(): the batch API used by `parallax cluster` and
//    `parallax brief`. Runs the online clusterer over the inputs in
//    publication order (undated articles after dated ones; ties keep input
//    order); every input article ends up in exactly one story.
//  - OnlineClusterer: the streaming engine. Each Add() assigns one article to
//    the best-matching live story or starts a new one. Its whole state can be
//    saved to bytes and restored, and a restored clusterer continues exactly
//    as the original would have.
//
// How an article is scored against a story (src/cluster/README.md):
// TF-IDF cosine over stemmed content words (sublinear tf, document
// frequencies updated as articles arrive), cosine over named entities, title
// cosine when both sides have titles, all multiplied by a time decay when
// both are dated. Candidate stories come from an inverted index over each
// live story's top terms and entities, never from a scan of all stories.
// Near-duplicates (DedupIndex) join their original's story without changing
// it. Stories not updated for `live_days` leave the index; two live stories
// whose centroids converge are merged.
//
// Thread-compatible: concurrent calls on different objects are safe; one
// OnlineClusterer must not be used from two threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/article.h"
#include "parallax/dedup.h"
#include "parallax/status.h"

namespace parallax {

struct StoryCluster {
  std::string id;                        // stable: "s-" + the id of the story's first article
  std::string title;                     // a representative headline
  std::vector<size_t> articles;          // indices into the input, in input order
  // (duplicate index, index of the article it duplicates); both in `articles`.
  std::vector<std::pair<size_t, size_t>> duplicates;
};

// The seam for a named-entity tagger: returns the entity names mentioned in
// an article (any surface form; they are folded before use). Must be
// thread-compatible with the clusterer that calls it. Empty = the built-in
// capitalised-span heuristic (CapitalisedSpans).
using EntityExtractor = std::function<std::vector<std::string>(const Article& article)>;

struct ClusterOptions {
  bool single_story = false;  // batch only: everything in one story (still links duplicates)

  // Scoring. An article joins its best candidate story when
  //   score = decay * mix(text_cos, entity_cos, title_cos) >= join_threshold,
  // with mix = (1-entity_weight)*text + entity_weight*entity, then blended
  // with the title cosine at title_weight when both sides have titles.
  // Defaults tuned on ECB+ topics 1-20 (eval/cluster/RESULTS.md).
  double join_threshold = 0.15;
  double entity_weight = 0.45;
  double title_weight = 0.20;
  // Term weight = (1 + ln tf) * idf^idf_power; > 1 favours rare terms (names,
  // places), which is what tells two events of the same kind apart.
  double idf_power = 1.0;
  // Adaptive threshold: an article must also reach cohesion_factor times the
  // term cosine the story's members typically have with it (0 disables).
  // Tight stories thus refuse same-kind events that a loose one would take.
  double cohesion_factor = 0.0;
  // Time: decay = exp(-gap_days / decay_days), gap = days between the article
  // and the story's [first, last] span (0 inside it). Undated: no decay.
  double decay_days = 3.0;
  double live_days = 7.0;  // stories idle this long (by article dates) retire
  // Merging: after a story grows, it is merged with a live candidate story
  // whose centroid-to-centroid score reaches this (> 1 disables).
  double merge_threshold = 0.5;
  // Splitting: when a story reaches 4, 8, 16, ... articles, its members are
  // bisected (2-means on their term vectors); if the halves' centroids have a
  // cosine below this, the half without the first article becomes a story of
  // its own. Undoes an early wrong join of a same-kind event (0 disables).
  double split_threshold = 0.3;
  // Second pass (batch: ClusterArticles; online: OnlineClusterer::Refine):
  // each live story is bisected on its members' pairwise similarities and
  // split while the mean similarity across the halves is below this fraction
  // of the within-half means (0 disables). Not saved with the state.
  double refine_threshold = 0.2;
  // Online second pass: after every this many Add calls, the stories the
  // last ones joined are bisected as above (small ones every time, larger
  // ones each time they grow by a quarter) and those articles may move to a
  // story they link to more strongly. Driven by the arrival count alone, so
  // the result does not depend on how a stream is cut into batches and a
  // replay reproduces it (0 disables). Not saved with the state.
  int online_refine_every = 32;

  // Index and vector sizes (speed/memory trade-offs).
  int story_terms = 256;    // terms kept in a story centroid
  int index_terms = 20;     // top centroid terms + entities a story is indexed under
  int query_terms = 20;     // top terms + entities of an article used to find candidates
  int max_candidates = 30;  // candidates scored exactly per article
  int max_posting_scan = 2000;  // newest postings scanned per term
  int min_term_bytes = 2;   // shorter words are ignored

  DedupOptions dedup;
  EntityExtractor entity_extractor;  // not saved: pass the same one when restoring
};

// One article's assignment, returned by OnlineClusterer::Add.
struct StoryAssignment {
  uint32_t seq = 0;           // arrival number of the article (0-based)
  std::string story_id;       // the story's stable id at assignment time
  bool new_story = false;     // the article started the story
  double score = 0;           // similarity to the story it joined (0 when new)
  std::optional<DuplicateMatch> duplicate;  // set when it duplicates an earlier article
};

// A story as the online clusterer sees it.
struct StoryInfo {
  std::string id;
  std::string title;                     // representative title (see ClusterArticles)
  std::vector<uint32_t> articles;        // arrival numbers, ascending
  std::vector<std::pair<uint32_t, uint32_t>> duplicates;  // (duplicate, original) arrival numbers
  std::optional<double> first_day, last_day;  // days since 1970-01-01 of dated members
  bool live = true;                      // still in the index (not retired)
};

// What changed since the previous OnlineClusterer::TakeDelta(): enough to
// keep a store's story rows in step without rewriting every story.
struct StoryDelta {
  // Current state of every story whose membership changed (joins, merges,
  // splits, new stories), in order of first article.
  std::vector<StoryInfo> changed;
  // (id of a story merged away, id of the story now holding its articles),
  // in the order the merges happened; the survivor is also in `changed`.
  std::vector<std::pair<std::string, std::string>> merged;
};

struct ClustererStats {
  uint64_t articles = 0, duplicates = 0, stories = 0, live_stories = 0, merges = 0, splits = 0;
  uint64_t candidates_scored = 0;  // total exact scorings (cost indicator)
  size_t memory_bytes = 0;         // approximate heap use of the whole state, of which:
  size_t vocabulary_bytes = 0;     //   term and entity dictionaries, token cache
  size_t dedup_bytes = 0;          //   duplicate sketches and LSH tables
  size_t article_bytes = 0;        //   per-article records and vectors
};

class OnlineClusterer {
 public:
  explicit OnlineClusterer(ClusterOptions options = {});
  OnlineClusterer(OnlineClusterer&&) noexcept;
  OnlineClusterer& operator=(OnlineClusterer&&) noexcept;
  ~OnlineClusterer();

  // Counts the article's terms into the document frequencies without
  // assigning it (batch warm start: all inputs are known up front).
  void ObserveDocumentFrequencies(const Article& article);

  // Assigns the article (arrival number = number of earlier Add calls).
  // Article ids are reported back, not checked for uniqueness.
  StoryAssignment Add(const Article& article);
  // Add() for each article in turn, with the same results, on two threads:
  // while one assigns an article, the other does the work that does not
  // depend on the clusterer's state for the articles after it (text
  // normalisation, tokens, stems, entity names, duplicate sketches). The
  // entity extractor then runs on that second thread, one call at a time.
  // Small batches run on the calling thread alone.
  std::vector<StoryAssignment> AddAll(std::span<const Article* const> articles);
  std::vector<StoryAssignment> AddAll(std::span<const Article> articles);

  // Second pass over the live stories: splits each story whose members form
  // two clearly separated groups (ClusterOptions::refine_threshold), again
  // and again while a part still does. ClusterArticles calls it after the
  // last article; a stream may call it at quiet moments.
  void Refine();

  // Current stories, in order of their first article; merged stories appear
  // once, under the surviving id.
  std::vector<StoryInfo> Stories() const;
  // The id of the story holding arrival number `seq` ("" when out of range).
  std::string StoryOf(uint32_t seq) const;
  // The id of the article with arrival number `seq` ("" when out of range).
  std::string ArticleId(uint32_t seq) const;
  // The changes since the previous call (or since construction / Load) and
  // clears the journal. The journal is not part of the saved state.
  StoryDelta TakeDelta();
  ClustererStats stats() const;

  // Serialises the complete state (options except entity_extractor included).
  void Save(std::string* out) const;
  // Replaces this clusterer's state with a saved one; keeps this object's
  // entity_extractor. Corrupt data is kInvalidInput and leaves state unchanged.
  Status Load(std::string_view data);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::vector<StoryCluster> ClusterArticles(const std::vector<Article>& articles,
                                          const ClusterOptions& options = {});

// The built-in entity heuristic: runs of capitalised tokens (allowing "of",
// "de", "al", ... inside), leading stop words dropped, a lone capitalised
// word at a sentence start dropped; all-caps acronyms kept. Also yields the
// last word of each multi-word span (a later "Lohan" matches "Lindsay Lohan").
// Returned folded, in text order, with repeats.
std::vector<std::string> CapitalisedSpans(std::string_view text);

// Days since 1970-01-01 (UTC) of an ISO 8601 date or timestamp
// ("2024-03-25", "2024-03-25T14:00:00Z", "...+02:00"); nullopt when unparsable.
std::optional<double> ParseDay(std::string_view iso);

}  // namespace parallax
