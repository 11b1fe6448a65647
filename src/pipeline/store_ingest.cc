// StoreArticles (include/parallax/store_ingest.h).
#include "parallax/store_ingest.h"

namespace parallax {

Result<std::vector<PutResult>> StoreBatch(Store& store, const std::vector<Article>& batch,
                                          IngestCounts* counts, const RejectFn& on_reject) {
  if (batch.empty()) return std::vector<PutResult>();
  Result<std::vector<PutResult>> r = store.PutArticles(batch);
  if (!r.ok()) return r.status();
  for (size_t i = 0; i < r->size(); ++i) {
    const PutResult& p = (*r)[i];
    switch (p.outcome) {
      case PutOutcome::kInserted: ++counts->inserted; break;
      case PutOutcome::kUpdated: ++counts->updated; break;
      case PutOutcome::kUnchanged: ++counts->unchanged; break;
      case PutOutcome::kRejected:
        ++counts->rejected;
        if (on_reject) on_reject(batch[i], p.error);
        break;
    }
  }
  return r;
}

Status StoreArticles(Store& store, std::vector<Article>* batch, IngestCounts* counts,
                     const RejectFn& on_reject) {
  Result<std::vector<PutResult>> r = StoreBatch(store, *batch, counts, on_reject);
  if (!r.ok()) return r.status();
  batch->clear();
  return Status::Ok();
}

}  // namespace parallax
