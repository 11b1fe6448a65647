// Live feed ingestion: `parallax watch` polls RSS/Atom/JSON feeds over HTTP(S)
// and feeds new items through the same storing and story assignment as
// `parallax ingest` (StoreArticles, StoryAssigner).
//
//   Result<std::vector<std::string>> feeds = ReadFeedList("feeds.opml");
//   FeedPoller poller(store, *feeds, HttpFetcher({}), SystemClock(), {});
//   Result<std::vector<PollReport>> r = poller.PollDue();   // polls the due feeds
//   int64_t next = poller.NextDue();                        // when to call again
//
// Per feed, the poller keeps the validators of the last response (ETag,
// Last-Modified) for conditional GETs (a 304 stores nothing), counts
// consecutive failures and backs off exponentially (capped; a longer
// Retry-After from the server wins, within the same cap), and persists
// all of it in the store's state KV under "watch/feed/<url>" (a JSON
// object), so a restarted watch resumes where the last one stopped.
//
// The clock and the fetch function are injected so the poller is testable
// without the network and without sleeping. Nothing here prints: the poller
// returns one PollReport per feed and the front end formats it.
//
// Ownership: the Store is borrowed and must outlive the FeedPoller.
// Thread-compatible (like Store): one thread at a time. A concurrent
// `parallax serve` on the same database keeps serving (SQLite WAL); only one
// process should assign stories at a time (see pipeline.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/ingest.h"
#include "parallax/pipeline.h"
#include "parallax/status.h"
#include "parallax/store.h"
#include "parallax/store_ingest.h"

namespace parallax::watch {

// ---- Feed lists --------------------------------------------------------------

// Feed URLs from an OPML document (every <outline xmlUrl="...">, in document
// order) or from a plain list (one URL per line; blank lines and lines
// starting with '#' are skipped). Duplicates are dropped, first one wins.
// Anything that is not an http:// or https:// URL is kInvalidInput naming the
// line (plain) or the outline (OPML).
Result<std::vector<std::string>> ParseFeedList(std::string_view text);
// ParseFeedList over a file's contents.
Result<std::vector<std::string>> ReadFeedList(const std::string& path);

// ---- Fetching ------------------------------------------------------------------

struct FetchRequest {
  std::string url;
  std::string if_none_match;      // ETag of the previous response, "" for none
  std::string if_modified_since;  // Last-Modified of the previous response
};

struct FetchResponse {
  int status = 0;  // HTTP status after redirects (200, 304, 404, ...)
  std::string body;
  std::string etag;
  std::string last_modified;
  std::string content_type;
  int64_t retry_after_seconds = 0;  // Retry-After in seconds (429/503), 0 when absent
};

// Performs one GET. A transport failure (refused, timeout, TLS, body too
// large) is a non-OK Status; any HTTP answer, error codes included, is a
// FetchResponse.
using FetchFn = std::function<Result<FetchResponse>(const FetchRequest&)>;

struct HttpOptions {
  int connect_timeout_seconds = 10;
  int read_timeout_seconds = 30;
  uint64_t max_body_bytes = 64ull << 20;
  std::string user_agent = "parallax-watch/0.1";
};

// A FetchFn over cpp-httplib: follows redirects, applies the timeouts and the
// body limit. https:// works when cpp-httplib has OpenSSL support
// (HttpsSupported()); otherwise an https URL is kUnsupported.
FetchFn HttpFetcher(const HttpOptions& options);
bool HttpsSupported();

// ---- Polling -------------------------------------------------------------------

// Seconds since the Unix epoch.
using Clock = std::function<int64_t()>;
Clock SystemClock();

struct PollOptions {
  int64_t interval_seconds = 900;         // between successful polls of a feed
  int64_t backoff_base_seconds = 60;      // after the first failure
  int64_t backoff_max_seconds = 6 * 3600;  // cap of the doubling backoff
  uint64_t batch_size = 256;              // articles per StoreArticles transaction
  // Feeds fetched at once. The FetchFn is then called from several threads
  // (HttpFetcher is safe for that); responses are still stored one feed at a
  // time, in list order.
  int fetch_threads = 8;
  // Checked before each fetch; true ends the round early (SIGINT/SIGTERM):
  // the feeds already fetched are stored, the rest wait for the next round.
  std::function<bool()> should_stop;
};

// What is persisted per feed (key "watch/feed/<url>").
struct FeedState {
  std::string etag;
  std::string last_modified;
  int last_status = 0;         // HTTP status of the last answer, 0 = transport failure / never
  std::string last_error;      // "" after a success
  int64_t failures = 0;        // consecutive failed polls
  int64_t last_poll = 0;       // clock time of the last poll, 0 = never
  int64_t next_poll = 0;       // clock time the feed is due again
  uint64_t items_seen = 0;     // feed items read over all polls
  uint64_t items_inserted = 0; // of which new to the store
};

Result<FeedState> LoadFeedState(Store& store, std::string_view url);
Status SaveFeedState(Store& store, std::string_view url, const FeedState& state);

// The outcome of polling one feed.
struct PollReport {
  std::string url;
  bool ok = false;            // fetched (200 or 304) and parsed
  bool not_modified = false;  // 304: nothing new
  int http_status = 0;
  std::string error;          // why it failed, phrased to follow "URL: "
  std::vector<std::string> item_problems;  // item-level parse/store problems
  IngestCounts counts;        // items read / inserted / updated / unchanged / rejected
  AssignStats assigned;       // story assignment after this poll's items
  FeedState state;            // the state saved after the poll
};

class FeedPoller {
 public:
  FeedPoller(Store& store, std::vector<std::string> feeds, FetchFn fetch, Clock clock,
             PollOptions options = {});

  // Polls every feed whose next_poll time has come (all of them when `all`),
  // fetching up to fetch_threads at once and storing in list order, assigning
  // stories after each feed.
  // A failing feed is recorded (error, backoff) and the others still polled;
  // only a storage failure is returned as an error.
  Result<std::vector<PollReport>> PollDue(bool all = false);

  // The earliest time a feed is due (from the persisted state).
  Result<int64_t> NextDue();

  const std::vector<std::string>& feeds() const { return feeds_; }

 private:
  // When a feed is due: next_poll, or one interval after the last success
  // when that is sooner (the interval may have shortened since).
  int64_t DueAt(const FeedState& state) const;
  // Backoff delay after `failures` consecutive failures (>= 1).
  int64_t BackoffSeconds(int64_t failures) const;
  struct Due;
  // Fetches feeds[begin, end) concurrently into their `response`.
  void FetchAll(std::vector<Due>& due, size_t begin, size_t end);
  // Stores one fetched feed and updates its state (not yet saved).
  Status Absorb(Due& due, std::unique_ptr<StoryAssigner>* assigner);

  Store& store_;
  std::vector<std::string> feeds_;
  FetchFn fetch_;
  Clock clock_;
  PollOptions options_;
};

}  // namespace parallax::watch
