// The ingestion pipeline over a store: articles in, stories assigned.
//
// StoryAssigner keeps an OnlineClusterer in step with a Store. Its state
// (vocabulary, document frequencies, dedup sketches, live stories) lives in
// the store under the state keys "cluster/state.N", so ingestion can stop and
// resume: each Assign() call clusters every stored article that is in no story
// yet, in publication order, then writes the story rows, memberships,
// duplicate links and the new clusterer state in ONE transaction. A crash
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
#include <utility>

#include "parallax/cluster.h"
#include "parallax/status.h"
#include "parallax/store.h"

namespace parallax {

struct AssignStats {
  uint64_t articles = 0;       // articles clustered by this call
  uint64_t duplicates = 0;     // of which duplicates of an earlier article
  uint64_t new_stories = 0;    // stories started
  uint64_t changed_stories = 0;  // story rows written (new or changed membership)
  uint64_t merged_stories = 0;   // stories merged into another
  uint64_t state_bytes = 0;    // size of the saved clusterer state
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

  const OnlineClusterer& clusterer() const { return clusterer_; }

 private:
  StoryAssigner(Store& store, ClusterOptions options, OnlineClusterer clusterer)
      : store_(store), options_(std::move(options)), clusterer_(std::move(clusterer)) {}
  Status SaveState(uint64_t* bytes);  // also bumps the stored generation
  Status Reload();                    // the stored state and generation

  Store& store_;
  ClusterOptions options_;  // for a fresh clusterer, and the entity extractor
  OnlineClusterer clusterer_;
  uint64_t generation_ = 0;  // of the stored state clusterer_ was loaded from or saved as
};

}  // namespace parallax
