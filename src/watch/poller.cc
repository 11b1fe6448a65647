// FeedPoller: conditional GET, parse, store, assign stories; per-feed state
// and backoff persisted in the store's state KV.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "parallax/watch.h"

namespace parallax::watch {
namespace {

using nlohmann::json;

std::string StateKey(std::string_view url) { return "watch/feed/" + std::string(url); }

}  // namespace

Clock SystemClock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
}

Result<FeedState> LoadFeedState(Store& store, std::string_view url) {
  Result<std::optional<std::string>> raw = store.GetState(StateKey(url));
  if (!raw.ok()) return raw.status();
  FeedState s;
  if (!raw->has_value()) return s;
  json j = json::parse(**raw, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return InvalidInput("state " + StateKey(url) + " is not a JSON object");
  // Missing or mistyped fields fall back to defaults: the state is advisory.
  auto str = [&](const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto num = [&](const char* k) -> int64_t {
    auto it = j.find(k);
    return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
  };
  s.etag = str("etag");
  s.last_modified = str("last_modified");
  s.last_status = static_cast<int>(num("last_status"));
  s.last_error = str("last_error");
  s.failures = num("failures");
  s.last_poll = num("last_poll");
  s.next_poll = num("next_poll");
  s.items_seen = static_cast<uint64_t>(num("items_seen"));
  s.items_inserted = static_cast<uint64_t>(num("items_inserted"));
  return s;
}

Status SaveFeedState(Store& store, std::string_view url, const FeedState& s) {
  json j = {{"etag", s.etag},
            {"last_modified", s.last_modified},
            {"last_status", s.last_status},
            {"last_error", s.last_error},
            {"failures", s.failures},
            {"last_poll", s.last_poll},
            {"next_poll", s.next_poll},
            {"items_seen", s.items_seen},
            {"items_inserted", s.items_inserted}};
  return store.PutState(StateKey(url), j.dump(-1, ' ', false, json::error_handler_t::replace));
}

FeedPoller::FeedPoller(Store& store, std::vector<std::string> feeds, FetchFn fetch, Clock clock,
                       PollOptions options)
    : store_(store),
      feeds_(std::move(feeds)),
      fetch_(std::move(fetch)),
      clock_(std::move(clock)),
      options_(options) {}

int64_t FeedPoller::BackoffSeconds(int64_t failures) const {
  int64_t delay = std::max<int64_t>(1, options_.backoff_base_seconds);
  for (int64_t i = 1; i < failures && delay < options_.backoff_max_seconds; ++i) delay *= 2;
  return std::min(delay, options_.backoff_max_seconds);
}

int64_t FeedPoller::DueAt(const FeedState& state) const {
  // A healthy feed is due one interval after its last poll even when an
  // earlier run saved a later time with a longer --interval.
  if (state.failures == 0 && state.last_poll > 0) {
    return std::min(state.next_poll, state.last_poll + std::max<int64_t>(1, options_.interval_seconds));
  }
  return state.next_poll;
}

struct FeedPoller::Due {
  std::string url;
  FeedState state;
  int64_t now = 0;
  Result<FetchResponse> response = FetchResponse{};
  bool fetched = false;
  PollReport report;
};

void FeedPoller::FetchAll(std::vector<Due>& due, size_t begin, size_t end) {
  std::atomic<size_t> next{begin};
  auto work = [&] {
    for (size_t i = next++; i < end; i = next++) {
      if (options_.should_stop && options_.should_stop()) return;
      Due& d = due[i];
      d.response = fetch_(FetchRequest{d.url, d.state.etag, d.state.last_modified});
      d.fetched = true;
    }
  };
  size_t threads = std::min<size_t>(end - begin, std::max(1, options_.fetch_threads));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

Status FeedPoller::Absorb(Due& d, std::unique_ptr<StoryAssigner>* assigner) {
  PollReport& report = d.report;
  FeedState& s = d.state;
  const int64_t now = d.now;
  report.url = d.url;
  s.last_poll = now;
  auto fail = [&](std::string why) {
    report.ok = false;
    report.error = std::move(why);
    s.last_error = report.error;
    ++s.failures;
    s.next_poll = now + BackoffSeconds(s.failures);
  };
  Result<FetchResponse>& response = d.response;
  if (!response.ok()) {
    s.last_status = 0;
    fail(response.status().message());
  } else {
    report.http_status = response->status;
    s.last_status = response->status;
    if (response->status == 304) {
      report.ok = true;
      report.not_modified = true;
    } else if (response->status < 200 || response->status >= 300) {
      fail("HTTP " + std::to_string(response->status));
      int64_t retry = std::min(response->retry_after_seconds, options_.backoff_max_seconds);
      s.next_poll = std::max(s.next_poll, now + retry);
    } else {
      InputFormat format = SniffFormat("", std::string_view(response->body).substr(0, 4096));
      if (format != InputFormat::kFeed && format != InputFormat::kJsonFeed) {
        fail(std::string("not a feed (looks like ") + InputFormatName(format) + ")");
      } else {
        DocContext ctx;
        ctx.source = d.url;
        ctx.content_type = response->content_type;
        std::vector<Article> batch;
        Status storage = Status::Ok();
        RejectFn on_reject = [&](const Article& a, const Status& why) {
          report.item_problems.push_back("article " + a.id + " not stored: " + why.message());
        };
        ReadCallbacks cb;
        cb.on_article = [&](Article&& a) {
          ++report.counts.read;
          batch.push_back(std::move(a));
          if (batch.size() >= options_.batch_size && storage.ok()) {
            storage = StoreArticles(store_, &batch, &report.counts, on_reject);
          }
        };
        cb.on_error = [&](const InputError& e) { report.item_problems.push_back(e.problem); };
        Status parsed = ParseFeed(response->body, ctx, cb);
        if (storage.ok()) storage = StoreArticles(store_, &batch, &report.counts, on_reject);
        PARALLAX_RETURN_IF_ERROR(storage);
        if (!parsed.ok()) {
          fail(parsed.message());
        } else {
          report.ok = true;
        }
        s.items_seen += report.counts.read;
        s.items_inserted += report.counts.inserted;
        if (report.counts.inserted + report.counts.updated > 0) {
          if (*assigner == nullptr) {
            Result<std::unique_ptr<StoryAssigner>> opened = StoryAssigner::Open(store_);
            if (!opened.ok()) return opened.status();
            *assigner = std::move(opened).value();
          }
          Result<AssignStats> assigned = (*assigner)->Assign();
          if (!assigned.ok()) return assigned.status();
          report.assigned = *assigned;
        }
        if (report.ok) {
          // Validators only from a full answer: a 304 keeps the previous ones.
          s.etag = response->etag;
          s.last_modified = response->last_modified;
        }
      }
    }
  }
  if (report.ok) {
    s.failures = 0;
    s.last_error.clear();
    s.next_poll = now + std::max<int64_t>(1, options_.interval_seconds);
  }
  response = FetchResponse{};  // the body is no longer needed
  return Status::Ok();
}

Result<std::vector<PollReport>> FeedPoller::PollDue(bool all) {
  std::vector<Due> due;
  for (const std::string& url : feeds_) {
    Result<FeedState> state = LoadFeedState(store_, url);
    if (!state.ok()) return state.status();
    int64_t now = clock_();
    if (!all && DueAt(*state) > now) continue;
    Due d;
    d.url = url;
    d.state = std::move(state).value();
    d.now = now;
    due.push_back(std::move(d));
  }
  std::vector<PollReport> reports;
  // Opened lazily once per round: a fresh load picks up stories another
  // process (serve's POST /api/ingest) may have assigned since the last round.
  std::unique_ptr<StoryAssigner> assigner;
  // Fetched in chunks, so at most a few chunks' bodies are held at once.
  const size_t chunk = 2 * static_cast<size_t>(std::max(1, options_.fetch_threads));
  for (size_t begin = 0; begin < due.size(); begin += chunk) {
    size_t end = std::min(due.size(), begin + chunk);
    FetchAll(due, begin, end);
    for (size_t i = begin; i < end; ++i) {
      if (!due[i].fetched) return reports;  // stopped before its fetch
      PARALLAX_RETURN_IF_ERROR(Absorb(due[i], &assigner));
      PARALLAX_RETURN_IF_ERROR(SaveFeedState(store_, due[i].url, due[i].state));
      due[i].report.state = due[i].state;
      reports.push_back(std::move(due[i].report));
    }
  }
  return reports;
}

Result<int64_t> FeedPoller::NextDue() {
  int64_t next = std::numeric_limits<int64_t>::max();
  for (const std::string& url : feeds_) {
    Result<FeedState> state = LoadFeedState(store_, url);
    if (!state.ok()) return state.status();
    next = std::min(next, DueAt(*state));
  }
  return next;
}

}  // namespace parallax::watch
