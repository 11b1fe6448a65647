// Storing a batch of articles: the shared core of `parallax ingest` and the
// server's POST /api/ingest (stories are then assigned with StoryAssigner,
// include/parallax/pipeline.h).
//
//   IngestCounts counts;
//   PARALLAX_RETURN_IF_ERROR(StoreArticles(store, &batch, &counts, on_reject));
//   (*assigner)->Assign();
//
// Thread-compatible: the Store must be used by one thread at a time (store.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"
#include "parallax/store.h"

namespace parallax {

struct IngestCounts {
  uint64_t read = 0, inserted = 0, updated = 0, unchanged = 0, rejected = 0;
};

// Called for an article the store refused (invalid UTF-8, too large, ...).
using RejectFn = std::function<void(const Article& article, const Status& why)>;

// Stores `*batch` in one transaction, counts outcomes, reports rejected
// articles through `on_reject` (may be empty) and clears the batch. A storage
// failure is returned (and nothing of the batch is stored).
Status StoreArticles(Store& store, std::vector<Article>* batch, IngestCounts* counts,
                     const RejectFn& on_reject);
// The same without clearing the batch; returns each article's outcome.
Result<std::vector<PutResult>> StoreBatch(Store& store, const std::vector<Article>& batch,
                                          IngestCounts* counts, const RejectFn& on_reject);

}  // namespace parallax
