// Internal state of OnlineClusterer, shared by clusterer.cc (assignment,
// merging, retirement) and clusterer_io.cc (snapshots, save/load).
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/features.h"
#include "cluster/sparse.h"
#include "parallax/cluster.h"
#include "parallax/dedup.h"

namespace parallax {

namespace cluster {

constexpr uint32_t kNone = 0xFFFFFFFFu;
constexpr double kNoDay = -1e300;  // "undated" in day fields
constexpr size_t kArticleTerms = 48;   // terms kept per article (centrality, splits)
constexpr size_t kArticleEntities = 16;

struct ArticleRec {
  std::string id;
  std::string label;         // title or first sentence
  uint32_t story = kNone;    // story it was assigned to (follow merged_into)
  uint32_t dup_of = kNone;   // arrival number of its original, if a duplicate
  double day = kNoDay;
  SparseVec vec;             // top normalised terms, while its story is live
  SparseVec ents, title;     // top normalised entities and title terms, likewise
};

struct Story {
  uint32_t first_seq = 0;    // earliest member: gives the id
  uint32_t merged_into = kNone;
  bool live = true;
  uint32_t docs = 0;         // non-duplicate members
  SparseVec centroid;        // sum of members' normalised term vectors (pruned)
  double norm2 = 0;          // |sum|^2 before pruning: gives the story's cohesion
  SparseVec entities;        // sum of normalised entity vectors (pruned)
  SparseVec title;           // sum of normalised title vectors (pruned)
  double first_day = kNoDay, last_day = kNoDay;
  std::vector<uint32_t> members;  // arrival numbers, ascending
  std::vector<uint32_t> keys;     // index keys it is posted under, sorted
  uint32_t representative = kNone;  // fixed when the story retires
};

// What a live story keeps of its aged members (articles published more than
// live_days before the newest date): their vectors are folded into these
// sums and freed, except for the one most central so far (`best`), which
// stays a candidate for the story's title.
struct AgedPart {
  uint32_t docs = 0;        // aged non-duplicate members
  uint32_t best = kNone;    // aged member whose vectors are kept
  SparseVec terms, entities, title;  // sums of their normalised vectors (pruned)
};

}  // namespace cluster

struct OnlineClusterer::Impl {
  ClusterOptions options;
  cluster::Lexicon lexicon;
  DedupIndex dedup;
  // The state-independent half of Add for Add(const Article&) and
  // ObserveDocumentFrequencies; AddAll runs its own on a second thread.
  cluster::Preparer preparer;
  std::vector<cluster::ArticleRec> articles;
  std::vector<cluster::Story> stories;
  std::vector<uint32_t> live;  // live story numbers (compacted at retirement checks)
  // Index key -> story numbers. Key = term id * 2 (terms) or entity id * 2 + 1.
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  double watermark = cluster::kNoDay;     // latest article day seen
  double last_retire = cluster::kNoDay;   // watermark at the last retirement pass
  double aged_before = cluster::kNoDay;   // members dated before this are aged
  double last_prune = cluster::kNoDay;    // watermark at the last vocabulary pruning
  // Live stories with aged members -> what they keep of them.
  std::unordered_map<uint32_t, cluster::AgedPart> aged;
  // Dated articles not yet aged, earliest first: (day, arrival number).
  using Pending = std::pair<double, uint32_t>;
  std::priority_queue<Pending, std::vector<Pending>, std::greater<Pending>> pending;
  uint64_t duplicates = 0, merges = 0, splits = 0, candidates_scored = 0;

  // Change journal since the last TakeDelta() (not state: not saved).
  std::vector<uint32_t> changed_stories;                    // story numbers
  std::vector<std::pair<uint32_t, uint32_t>> merged_log;    // (gone, kept)

  // Per-call scratch (not state).
  cluster::Scratch term_scratch, entity_scratch, title_scratch;
  std::vector<float> story_acc;
  std::vector<uint32_t> touched;

  explicit Impl(ClusterOptions o);

  // Weighted, L2-normalised vectors of one article under the current DFs.
  struct Query {
    cluster::SparseVec terms, entities, title;
    double day = cluster::kNoDay;
  };
  Query Weigh(const cluster::DocFeatures& f) const;

  uint32_t Root(uint32_t story) const {
    while (stories[story].merged_into != cluster::kNone) story = stories[story].merged_into;
    return story;
  }
  std::string StoryId(uint32_t story) const { return "s-" + articles[stories[story].first_seq].id; }

  StoryAssignment Add(cluster::PreparedDoc doc);
  // Add, then the online second pass when it is due (OnlineClusterer::Add).
  StoryAssignment AddAndRefine(cluster::PreparedDoc doc);
  std::vector<uint32_t> Candidates(const cluster::SparseVec& terms,
                                   const cluster::SparseVec& entities, uint32_t exclude);
  // Similarity of an article to a story; q is loaded into the scratches.
  // `text` receives the term cosine alone.
  double Score(const Query& q, const cluster::Story& s, double* text) const;
  // The term cosine a typical member has with the story: n*rho/|c|, rho the
  // mean pairwise cosine of members (from |c|^2 = n + n(n-1) rho).
  static double ExpectedMemberCosine(const cluster::Story& s);
  double StorySimilarity(const cluster::Story& a, const cluster::Story& b);
  void Absorb(uint32_t story, uint32_t seq, const Query& q);
  void Reindex(uint32_t story);
  void Unindex(uint32_t story);
  void MaybeMerge(uint32_t story);
  void MaybeSplit(uint32_t story);  // split.cc
  // Moves the originals `moved` (ascending; not the first member) and their
  // duplicates out of `story` into a new story.
  void SplitOff(uint32_t story, const std::vector<uint32_t>& moved);
  // Pairwise member similarities (the scorer's text/entity mix over the kept
  // vectors), row-major n x n.
  std::vector<double> MemberSimilarities(const std::vector<uint32_t>& orig) const;
  // Best two-way partition of n members (sides of >= 2): returns the share of
  // nearest-neighbour links that cross it (2 when there is none).
  static double Bisect(const std::vector<double>& sim, size_t n, std::vector<uint8_t>* side);
  // Recomputes a story's vectors, counts and span from its member list.
  void Rebuild(uint32_t story);
  // refine.cc: OnlineClusterer::Refine (splits, then Reassign).
  void Refine();
  // Bisects each story of `work` with at most `max_members` originals (and
  // the parts again) while it splits.
  void SplitSeparated(std::vector<uint32_t> work, size_t max_members);
  // Moves articles (all live stories' members, or `only`) to a story they
  // link to more strongly than to their own; a link is taken over a story's
  // newest `link_members` originals.
  void Reassign(const std::vector<uint32_t>* only, size_t link_members);
  // After every options.online_refine_every arrivals: Refine restricted to
  // the stories the last window touched and the window's articles. Driven by
  // the arrival count only, so replaying the same articles gives the same state.
  void RefineRecent();
  void Retire(double now);
  // Whether an article's vectors have been folded into its story's AgedPart.
  bool Aged(uint32_t seq) const {
    const double d = articles[seq].day;
    return d != cluster::kNoDay && d < aged_before;
  }
  // Folds one member of a live story into the story's AgedPart.
  void Age(uint32_t seq);
  // Of two members, the one more similar to the story's centroid (ties: the
  // earlier); frees the other's vectors and label.
  uint32_t KeepCentral(const cluster::Story& s, uint32_t a, uint32_t b);
  // Forgets rare terms and entities unseen for live_days (features.h) and
  // removes their ids from every vector still kept.
  void PruneVocabulary(double before);
  uint32_t Representative(const cluster::Story& s) const;
  StoryInfo Info(uint32_t story) const;  // clusterer_io.cc
  size_t MemoryBytes() const;
};

}  // namespace parallax
