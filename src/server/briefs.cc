// Story briefs for the server: built from the store, kept in the store and
// in memory, and refreshed ahead of requests by the BriefWarmer.
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <iostream>
#include <unordered_map>

#include "parallax/brief.h"
#include "parallax/render.h"
#include "server/server_impl.h"

namespace parallax {

std::string Server::BriefVariant(const ServerOptions& options) {
  return std::string("parallax ") + PARALLAX_VERSION +
         " words=" + std::to_string(options.brief_max_words);
}

}  // namespace parallax

namespace parallax::server_internal {

Result<StorySummary> ResolveStory(Store& store, std::string id) {
  Result<StorySummary> summary = store.GetStorySummary(id);
  // A merged story's old links resolve to the story it went into.
  for (int hops = 0; summary.ok() && !summary->story.merged_into.empty() && hops < 8; ++hops) {
    id = summary->story.merged_into;
    summary = store.GetStorySummary(id);
  }
  return summary;
}

Result<std::string> RenderStoryBrief(Store& store, const StorySummary& summary,
                                     const ServerOptions& options) {
  std::vector<Article> articles;
  std::unordered_map<std::string, size_t> index;
  for (const std::string& aid : summary.article_ids) {
    Result<StoredArticle> a = store.GetArticle(aid);
    if (!a.ok()) return a.status();
    index[aid] = articles.size();
    articles.push_back(std::move(a->article));
  }
  StoryCluster cluster;
  cluster.id = summary.story.id;
  cluster.title = summary.story.title;
  for (size_t i = 0; i < articles.size(); ++i) cluster.articles.push_back(i);
  Result<std::vector<DuplicateLink>> dups = store.ListDuplicates(summary.story.id);
  if (!dups.ok()) return dups.status();
  for (const DuplicateLink& d : *dups) {
    auto a = index.find(d.article_id), b = index.find(d.duplicate_of_id);
    if (a != index.end() && b != index.end()) cluster.duplicates.emplace_back(a->second, b->second);
  }
  BriefOptions brief_options;
  brief_options.max_words = options.brief_max_words;
  std::vector<StoryBrief> briefs = {BuildBrief(articles, cluster, brief_options)};
  briefs[0].id = summary.story.id;
  if (!summary.story.title.empty()) briefs[0].title = summary.story.title;
  return RenderBriefJson(articles, briefs);
}

Status KeepBrief(ApiContext& ctx, const std::string& id, const std::string& stamp,
                 const std::string& json, bool wait_for_writer) {
  std::unique_lock<std::mutex> lock(*ctx.writer_mu, std::defer_lock);
  if (wait_for_writer) {
    lock.lock();
  } else if (!lock.try_lock()) {
    return Status::Ok();  // an ingest holds the writer: the warmer stores it later
  }
  Status st = ctx.writer->PutBrief(id, stamp, json);
  // The story may have gone (merged, deleted) since it was read: nothing to keep.
  return st.code() == StatusCode::kNotFound ? Status::Ok() : st;
}

BriefWarmer::BriefWarmer(ApiContext* ctx) : ctx_(ctx) {}

BriefWarmer::~BriefWarmer() { Stop(); }

void BriefWarmer::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this] { Run(); });
}

void BriefWarmer::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BriefWarmer::Poke() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    poked_ = true;
  }
  wake_.notify_all();
}

size_t BriefWarmer::built() const { return built_.load(); }

bool BriefWarmer::Idle(std::chrono::milliseconds pause) {
  std::unique_lock<std::mutex> lock(mu_);
  wake_.wait_for(lock, pause, [this] { return stop_ || poked_; });
  poked_ = false;
  return !stop_;
}

Status BriefWarmer::Round(bool* did_work) {
  *did_work = false;
  Result<StorePool::Lease> lease = ctx_->pool->Acquire();
  if (!lease.ok()) return lease.status();
  Store& store = **lease;
  const std::string variant = Server::BriefVariant(*ctx_->options);
  Result<std::vector<std::string>> ids = store.StoriesNeedingBriefs(variant, 16);
  if (!ids.ok()) return ids.status();
  for (const std::string& id : *ids) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stop_) return Status::Ok();
    }
    Result<StorySummary> summary = store.GetStorySummary(id);
    if (summary.status().code() == StatusCode::kNotFound) continue;  // gone meanwhile
    if (!summary.ok()) return summary.status();
    std::string stamp = Store::BriefStamp(*summary, variant);
    Result<std::string> json = RenderStoryBrief(store, *summary, *ctx_->options);
    if (!json.ok()) return json.status();
    PARALLAX_RETURN_IF_ERROR(KeepBrief(*ctx_, id, stamp, *json, /*wait_for_writer=*/true));
    ctx_->briefs->Put(id, stamp, std::make_shared<const std::string>(std::move(*json)));
    built_.fetch_add(1);
    *did_work = true;
  }
  return Status::Ok();
}

void BriefWarmer::Run() {
  // Requests come first: this thread runs at the lowest CPU priority.
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 19);
  std::string last_error;
  while (true) {
    bool did_work = false;
    Status st = Round(&did_work);
    if (!st.ok() && st.message() != last_error) {
      last_error = st.message();
      std::cerr << "parallax: serve: building briefs ahead: " << st.ToString() << "\n";
    }
    if (st.ok()) last_error.clear();
    if (did_work && st.ok()) {
      std::lock_guard<std::mutex> lock(mu_);
      if (stop_) return;
      continue;
    }
    if (!Idle(st.ok() ? std::chrono::milliseconds(1000) : std::chrono::milliseconds(5000))) return;
  }
}

}  // namespace parallax::server_internal
