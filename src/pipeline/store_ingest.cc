// StoreArticles / AssignNewArticles (include/parallax/store_ingest.h).
#include "parallax/store_ingest.h"

#include "parallax/cluster.h"

namespace parallax {

Status StoreArticles(Store& store, std::vector<Article>* batch, IngestCounts* counts,
                     const RejectFn& on_reject) {
  if (batch->empty()) return Status::Ok();
  Result<std::vector<PutResult>> r = store.PutArticles(*batch);
  if (!r.ok()) return r.status();
  for (size_t i = 0; i < r->size(); ++i) {
    const PutResult& p = (*r)[i];
    switch (p.outcome) {
      case PutOutcome::kInserted: ++counts->inserted; break;
      case PutOutcome::kUpdated: ++counts->updated; break;
      case PutOutcome::kUnchanged: ++counts->unchanged; break;
      case PutOutcome::kRejected:
        ++counts->rejected;
        if (on_reject) on_reject((*batch)[i], p.error);
        break;
    }
  }
  batch->clear();
  return Status::Ok();
}

// Interim batch step: the persistent online clusterer (issue 3) replaces it,
// so that later batches can join existing stories.
Status AssignNewArticles(Store& store, IngestCounts* counts) {
  std::vector<Article> pending;
  ArticleQuery q;
  q.only_unassigned = true;
  PARALLAX_RETURN_IF_ERROR(store.ForEachArticle(q, [&](StoredArticle&& s) {
    pending.push_back(std::move(s.article));
    return true;
  }));
  if (pending.empty()) return Status::Ok();
  std::vector<StoryCluster> clusters = ClusterArticles(pending);
  return store.WithTransaction([&]() -> Status {
    for (const StoryCluster& c : clusters) {
      StoryRecord rec;
      rec.id = c.id;
      rec.title = c.title;
      PARALLAX_RETURN_IF_ERROR(store.PutStory(rec));
      for (size_t i : c.articles) {
        PARALLAX_RETURN_IF_ERROR(store.AssignArticleToStory(pending[i].id, c.id));
      }
      for (const auto& [dup, of] : c.duplicates) {
        PARALLAX_RETURN_IF_ERROR(store.LinkDuplicate(pending[dup].id, pending[of].id,
                                                     DuplicateKind::kExact, 1.0));
      }
      ++counts->stories;
    }
    return Status::Ok();
  });
}

}  // namespace parallax
