// StreamingIngest (include/parallax/pipeline.h): store on the caller's
// thread, cluster on a worker, one commit at the end.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "parallax/pipeline.h"

namespace parallax {

struct StreamingIngest::Impl {
  std::unique_ptr<StoryAssigner> assigner;
  AssignStats backlog;  // what Start() assigned from an earlier run
  size_t max_queued = 4;
  std::mutex mu;
  std::condition_variable changed;
  std::deque<std::vector<Article>> queue;  // guarded by mu
  bool closed = false;                     // guarded by mu
  std::thread worker;

  void Work() {
    for (;;) {
      std::vector<Article> batch;
      {
        std::unique_lock<std::mutex> lock(mu);
        changed.wait(lock, [&] { return closed || !queue.empty(); });
        if (queue.empty()) return;
        batch = std::move(queue.front());
        queue.pop_front();
      }
      changed.notify_all();  // room for the reader
      // The store's ORDER BY sort_date, seq: dated first, by date string.
      std::stable_sort(batch.begin(), batch.end(), [](const Article& a, const Article& b) {
        if (a.published.empty() != b.published.empty()) return b.published.empty();
        return a.published < b.published;
      });
      assigner->ClusterStored(batch);
    }
  }

  void Close() {
    {
      std::lock_guard<std::mutex> lock(mu);
      closed = true;
    }
    changed.notify_all();
    if (worker.joinable()) worker.join();
  }
};

StreamingIngest::StreamingIngest(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

StreamingIngest::~StreamingIngest() {
  if (impl_) impl_->Close();
}

Result<std::unique_ptr<StreamingIngest>> StreamingIngest::Start(Store& store,
                                                                ClusterOptions options,
                                                                size_t max_queued) {
  auto impl = std::make_unique<Impl>();
  Result<std::unique_ptr<StoryAssigner>> assigner = StoryAssigner::Open(store, std::move(options));
  if (!assigner.ok()) return assigner.status();
  impl->assigner = std::move(assigner).value();
  Result<AssignStats> backlog = impl->assigner->Assign();
  if (!backlog.ok()) return backlog.status();
  impl->backlog = *backlog;
  impl->max_queued = std::max<size_t>(1, max_queued);
  Impl* raw = impl.get();
  impl->worker = std::thread([raw] { raw->Work(); });
  return std::unique_ptr<StreamingIngest>(new StreamingIngest(std::move(impl)));
}

Status StreamingIngest::Add(std::vector<Article>* batch, IngestCounts* counts,
                            const RejectFn& on_reject) {
  if (batch->empty()) return Status::Ok();
  Result<std::vector<PutResult>> put = StoreBatch(impl_->assigner->store(), *batch, counts,
                                                 on_reject);
  if (!put.ok()) return put.status();
  std::vector<Article> inserted;
  for (size_t i = 0; i < put->size(); ++i) {
    if ((*put)[i].outcome != PutOutcome::kInserted) continue;
    inserted.push_back(std::move((*batch)[i]));
    inserted.back().id = (*put)[i].id;
  }
  batch->clear();
  if (inserted.empty()) return Status::Ok();
  {
    std::unique_lock<std::mutex> lock(impl_->mu);
    impl_->changed.wait(lock, [&] { return impl_->queue.size() < impl_->max_queued; });
    impl_->queue.push_back(std::move(inserted));
  }
  impl_->changed.notify_all();
  return Status::Ok();
}

Result<AssignStats> StreamingIngest::Finish() {
  impl_->Close();
  Result<AssignStats> st = impl_->assigner->CommitClustered();
  if (!st.ok()) return st;
  AssignStats out = *st;
  out.articles += impl_->backlog.articles;
  out.duplicates += impl_->backlog.duplicates;
  out.new_stories += impl_->backlog.new_stories;
  out.changed_stories += impl_->backlog.changed_stories;
  out.merged_stories += impl_->backlog.merged_stories;
  return out;
}

const OnlineClusterer& StreamingIngest::clusterer() const { return impl_->assigner->clusterer(); }

}  // namespace parallax
