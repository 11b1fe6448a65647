// The ingestion pipeline over a store: articles in, stories assigned.
//
// StoryAssigner keeps an OnlineClusterer in step with a Store. Its state
// (vocabulary, document frequencies, dedup sketches, live stories) lives in
// the store under the state keys "cluster/state.N", so ingestion can stop and
// resume: each Assign() call clusters every stored article that is in no story
// yet, in publication order, then writes the story rows, memberships,
// duplicate links and the new clusterer state in ONE transaction. The state
// is a periodic snapshot plus a journal: a commit normally appends only the
// ids it clustered ("cluster/journal.G"), and Open() replays them on the
// snapshot (same articles, same order: the same state); a full snapshot is
// written once the journal exceeds max(4,096, articles/8) articles, so the
// cost of saving stays proportional to the articles clustered, not to the
// whole state on every call. (An article whose stored text was updated after
// it was journaled replays with the new text.) A crash
// before that commit leaves the articles unassigned and the previous state in
// place, so the next call redoes the same work from the same state and
// reaches the same stories (the clusterer is deterministic).
//
//   Result<std::unique_ptr<StoryAssigner>> a = StoryAssigner::Open(store);
//   (*a)->Assign();  // after each batch of PutArticles, or once at the end
//
// Feeding the same articles in one call or in several calls gives the same
// stories when they arrive in publication order; out-of-order batches may
// differ slightly (an online clusterer sees them later).
//
// Ownership: the Store is borrowed and must outlive the StoryAssigner.
// Thread-compatible (like Store: one thread at a time). Several processes
// may assign stories for one store (ingest, watch, the server): Assign()
// runs in one write transaction and first reloads the state when another
// assigner saved a newer one (a generation counter under
// "cluster/state.generation"), so none overwrites another's work. The write
// lock is held while clustering, so a large Assign() makes other writers
// wait (Store busy timeout).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "parallax/cluster.h"
#include "parallax/status.h"
#include "parallax/store.h"
#include "parallax/store_ingest.h"

namespace parallax {

struct AssignStats {
  uint64_t articles = 0;       // articles clustered by this call
  uint64_t duplicates = 0;     // of which duplicates of an earlier article
  uint64_t new_stories = 0;    // stories started
  uint64_t changed_stories = 0;  // story rows written (new or changed membership)
  uint64_t merged_stories = 0;   // stories merged into another
  uint64_t state_bytes = 0;    // bytes of clusterer state written (snapshot or journal)
  bool snapshot = false;       // a full snapshot was written (else a journal entry)
};

class StoryAssigner {
 public:
  // Loads the clusterer state from `store`, or starts a fresh clusterer with
  // `options` when the store has none (a saved state keeps its own options;
  // only options.entity_extractor is taken from here). Corrupt state is
  // kInvalidInput naming the key.
  static Result<std::unique_ptr<StoryAssigner>> Open(Store& store, ClusterOptions options = {});

  // Clusters every unassigned stored article and commits the result with the
  // new state. Safe to call when there is nothing to do (returns zeros, no
  // write).
  Result<AssignStats> Assign();

  // ---- Streaming (see StreamingIngest below) ----
  // Clusters one article the caller has just stored (and that is in no story
  // yet) without reading it back from the store. Touches only the clusterer,
  // never the Store: it may run on another thread than the Store's user,
  // provided no other method of this object runs meanwhile. The result is
  // written by CommitClustered(); until then the article stays unassigned in
  // the store (a crash loses nothing: Assign() redoes it).
  void ClusterStored(const Article& article);
  // The same for several articles in turn (OnlineClusterer::AddAll: the
  // state-independent half of the work runs on a second thread).
  void ClusterStored(std::span<const Article> articles);
  // Writes the stories, memberships, duplicate links and state for every
  // article ClusterStored() since the last commit, in ONE transaction, like
  // Assign(). When another assigner saved a newer state meanwhile, that work
  // is dropped: the newer state is loaded and Assign() clusters the pending
  // articles from the store instead.
  Result<AssignStats> CommitClustered();

  const OnlineClusterer& clusterer() const { return clusterer_; }
  Store& store() { return store_; }

 private:
  // Records one ClusterStored result for CommitClustered.
  void NoteClustered(const std::string& id, const StoryAssignment& a);
  struct DuplicateRow {
    std::string copy, original;
    DuplicateKind kind;
    double similarity;
  };
  StoryAssigner(Store& store, ClusterOptions options, OnlineClusterer clusterer)
      : store_(store), options_(std::move(options)), clusterer_(std::move(clusterer)) {}
  // Journals `ids` (this commit's articles, in clustering order) or writes a
  // full snapshot when the journal has grown; bumps the stored generation.
  Status SaveState(const std::vector<std::string>& ids, AssignStats* stats);
  Status SaveSnapshot(uint64_t* bytes);
  Status Reload();                    // the stored state and generation
  // Inside a transaction: the story rows, memberships and links of the
  // clusterer's delta and `duplicates`, then the state.
  Status WriteResults(const StoryDelta& delta, const std::vector<DuplicateRow>& duplicates,
                      const std::vector<std::string>& ids, AssignStats* stats);

  Store& store_;
  ClusterOptions options_;  // for a fresh clusterer, and the entity extractor
  OnlineClusterer clusterer_;
  uint64_t generation_ = 0;  // of the stored state clusterer_ was loaded from or saved as
  uint64_t journaled_ = 0;   // articles in the stored journal after the snapshot
  // ClusterStored() results not yet committed.
  AssignStats pending_;
  std::vector<DuplicateRow> pending_duplicates_;
  std::vector<std::string> pending_ids_;
};

// The firehose path of `parallax ingest`: parsing and storing on the calling
// thread overlap with dedup + clustering on a worker thread.
//
//   Result<std::unique_ptr<StreamingIngest>> in = StreamingIngest::Start(store);
//   for (each batch of parsed articles) (*in)->Add(&batch, &counts, on_reject);
//   Result<AssignStats> st = (*in)->Finish();  // one commit, like Assign()
//
// Add() stores the batch in one transaction (StoreArticles) and queues its
// newly inserted articles for the worker, which clusters each batch in
// publication order (undated articles last; ties in input order): the stories
// are those of Assign() called after every batch. Articles that were already
// stored (unchanged or updated) keep their stories and are not re-clustered.
// Start() first assigns any articles a previous run left unassigned. A crash
// before Finish() commits leaves this run's articles stored and unassigned,
// and the next Assign() (or ingest) clusters them from the stored state.
// The queue holds at most `max_queued` batches: a slow clusterer slows the
// reader instead of buffering the input.
//
// Ownership: the Store is borrowed; Finish() (or the destructor) joins the
// worker. Not thread-safe: one caller thread.
class StreamingIngest {
 public:
  static Result<std::unique_ptr<StreamingIngest>> Start(Store& store, ClusterOptions options = {},
                                                       size_t max_queued = 4);
  ~StreamingIngest();

  // Stores `*batch` (then clears it) and queues its inserted articles. A
  // storage failure is returned and nothing more is queued.
  Status Add(std::vector<Article>* batch, IngestCounts* counts, const RejectFn& on_reject);
  // Waits for the worker, then commits stories and state in one transaction.
  // Includes the articles Start() assigned from an earlier run.
  Result<AssignStats> Finish();
  // The clusterer as committed; only after Finish().
  const OnlineClusterer& clusterer() const;

 private:
  struct Impl;
  explicit StreamingIngest(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax
