// Server internals shared by server.cc (HTTP plumbing), api.cc (handlers)
// and the helpers below. Private to src/server.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "parallax/pipeline.h"
#include "parallax/server.h"
#include "parallax/store.h"

namespace parallax::server_internal {

// Read-only store connections, one per concurrent request. Thread-safe.
class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  // A connection borrowed for the lifetime of the Lease.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  Result<Lease> Acquire();

 private:
  void Return(std::unique_ptr<Store> store);
  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> idle_;
};

// Rendered brief JSON per story, least recently used evicted. Thread-safe.
class BriefCache {
 public:
  explicit BriefCache(size_t capacity) : capacity_(capacity) {}
  // The cached JSON when `version` (update time + article count) matches.
  std::shared_ptr<const std::string> Get(const std::string& story_id, const std::string& version);
  void Put(const std::string& story_id, const std::string& version,
           std::shared_ptr<const std::string> json);

 private:
  struct Entry {
    std::string version;
    std::shared_ptr<const std::string> json;
    std::list<std::string>::iterator lru;
  };
  size_t capacity_;
  std::mutex mu_;
  std::list<std::string> lru_;  // most recent first
  std::unordered_map<std::string, Entry> entries_;
};

// Token bucket per client address. Thread-safe.
class RateLimiter {
 public:
  RateLimiter(double per_second, double burst) : rate_(per_second), burst_(burst) {}
  // False when `client` has no token left; `*retry_after_s` says when it will.
  bool Allow(const std::string& client, int* retry_after_s);

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  double rate_, burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

// An embedded web asset (generated from web/ at build time).
struct Asset {
  std::string_view path;  // "/app.js"
  std::string_view content_type;
  std::string_view data;
};
const Asset* FindAsset(std::string_view path);

// JSON error body {"error":{"status":..,"message":..}}.
std::string ErrorJson(int status, std::string_view message);
void SendError(httplib::Response& res, int status, std::string_view message);
void SendJson(httplib::Response& res, std::string body);

// Handlers; each borrows a connection from the pool.
struct ApiContext {
  const ServerOptions* options;
  StorePool* pool;
  BriefCache* briefs;
  BriefCache* searches;  // keyed by query string, version = last seq + time bucket
  std::mutex* writer_mu;
  Store* writer;
  std::unique_ptr<StoryAssigner>* assigner;  // under writer_mu; opened on first ingest
  class BriefWarmer* warmer;                 // null when briefs are not built ahead
};
void HandleStories(ApiContext& ctx, const httplib::Request& req, httplib::Response& res);
void HandleStory(ApiContext& ctx, const httplib::Request& req, httplib::Response& res);
void HandleArticle(ApiContext& ctx, const httplib::Request& req, httplib::Response& res);
void HandleSearch(ApiContext& ctx, const httplib::Request& req, httplib::Response& res);
void HandleIngest(ApiContext& ctx, const httplib::Request& req, httplib::Response& res);

bool IsLoopback(std::string_view address);

// ---- Briefs (briefs.cc) ----
// The story, following merges to the story it went into.
Result<StorySummary> ResolveStory(Store& store, std::string id);
// The brief JSON (`parallax.brief/1`) of a stored story. Read `summary`
// before calling: the articles read here are then at least as new as it.
Result<std::string> RenderStoryBrief(Store& store, const StorySummary& summary,
                                     const ServerOptions& options);
// Keeps a built brief in the store through the writer connection. Without
// `wait_for_writer` it gives up at once when an ingest holds the writer.
Status KeepBrief(ApiContext& ctx, const std::string& id, const std::string& stamp,
                 const std::string& json, bool wait_for_writer);

// Builds the briefs of new and changed stories ahead of requests, most
// recently active first, on one low-priority thread, and keeps them in the
// store and the memory cache. Stories changed by another process (`parallax
// watch`, `parallax ingest`) are found by polling the store once a second.
class BriefWarmer {
 public:
  explicit BriefWarmer(ApiContext* ctx);
  ~BriefWarmer();
  void Start();
  void Stop();  // joins the thread; the brief being built is finished first
  void Poke();  // look for stale briefs now (after an ingest)
  size_t built() const;

 private:
  Status Round(bool* did_work);
  bool Idle(std::chrono::milliseconds pause);  // false when stopping
  void Run();

  ApiContext* ctx_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool poked_ = false;
  std::atomic<size_t> built_{0};
  std::thread thread_;
};

}  // namespace parallax::server_internal
