// FeedPoller end to end against a loopback HTTP server, with an injected
// clock (no sleeping) and a real store.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <memory>

#include "parallax/watch.h"
#include "test_feed_server.h"

namespace parallax::watch {
namespace {

using testing_util::FeedItem;
using testing_util::FeedServer;

std::string FreshDb(const std::string& name) {
  std::string path = testing::TempDir() + "parallax_watch_" + name + "_" +
                     std::to_string(::getpid()) + ".db";
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
  return path;
}

std::vector<FeedItem> ThreeItems() {
  return {
      {"Netanyahu scraps Washington delegation after US abstains on UN ceasefire vote",
       "http://news.example.org/2024/03/25/netanyahu-cancels-delegation", "Mon, 25 Mar 2024 18:00:00 GMT",
       "Israeli Prime Minister Benjamin Netanyahu cancelled a planned delegation to Washington on "
       "Monday after the United States abstained from a United Nations Security Council vote "
       "calling for an immediate ceasefire in Gaza. President Joe Biden had personally requested "
       "the visit to discuss alternatives to a military offensive in Rafah."},
      {"Israel seeks new date for cancelled US meeting on Rafah offensive plans",
       "http://news.example.org/2024/03/27/israel-seeks-new-date-rafah-meeting",
       "Wed, 27 Mar 2024 09:30:00 GMT",
       "Israel has asked the United States to reschedule a meeting to discuss its military "
       "operation in Gaza's Rafah, days after Prime Minister Benjamin Netanyahu abruptly cancelled "
       "a planned visit to Washington. White House spokeswoman Karine Jean-Pierre said officials "
       "were working to find a convenient date."},
      {"Baltimore bridge collapses after container ship strikes support column",
       "http://news.example.org/2024/03/26/baltimore-bridge-collapse", "Tue, 26 Mar 2024 07:15:00 GMT",
       "The Francis Scott Key Bridge in Baltimore collapsed early on Tuesday after a container "
       "ship lost power and struck one of its support columns, sending vehicles into the Patapsco "
       "River. Maryland Governor Wes Moore declared a state of emergency."},
  };
}

class PollerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = FreshDb(::testing::UnitTest::GetInstance()->current_test_info()->name());
    Result<std::unique_ptr<Store>> s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
  }
  Clock FakeClock() {
    return [this] { return now_; };
  }
  int64_t CountArticles() {
    Result<int64_t> n = store_->CountArticles();
    EXPECT_TRUE(n.ok());
    return n.ok() ? *n : -1;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
  int64_t now_ = 1'711'400'000;
};

TEST_F(PollerTest, StoresAssignsThenConditionalGetAnswers304) {
  FeedServer server;
  server.SetItems(ThreeItems());
  PollOptions options;
  options.interval_seconds = 600;
  FeedPoller poller(*store_, {server.Url("/feed.xml")}, HttpFetcher({}), FakeClock(), options);

  Result<std::vector<PollReport>> first = poller.PollDue();
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_EQ(first->size(), 1u);
  const PollReport& r1 = (*first)[0];
  EXPECT_TRUE(r1.ok) << r1.error;
  EXPECT_EQ(r1.http_status, 200);
  EXPECT_EQ(r1.counts.read, 3u);
  EXPECT_EQ(r1.counts.inserted, 3u);
  EXPECT_EQ(r1.assigned.articles, 3u);
  EXPECT_EQ(CountArticles(), 3);
  // Every stored article is in a story, as after `parallax ingest`.
  Result<std::vector<StorySummary>> stories = store_->ListStories();
  ASSERT_TRUE(stories.ok());
  size_t members = 0;
  for (const StorySummary& s : *stories) members += s.article_ids.size();
  EXPECT_EQ(members, 3u);
  EXPECT_GE(stories->size(), 1u);
  EXPECT_EQ(r1.state.etag, "\"v2\"");
  EXPECT_FALSE(r1.state.last_modified.empty());
  EXPECT_EQ(r1.state.next_poll, now_ + 600);

  // Not due yet: nothing fetched.
  Result<std::vector<PollReport>> early = poller.PollDue();
  ASSERT_TRUE(early.ok());
  EXPECT_TRUE(early->empty());
  EXPECT_EQ(server.requests(), 1);

  now_ += 600;
  Result<std::vector<PollReport>> second = poller.PollDue();
  ASSERT_TRUE(second.ok()) << second.status().message();
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ(server.seen_if_none_match(), "\"v2\"");
  EXPECT_EQ(server.seen_if_modified_since(), r1.state.last_modified);
  EXPECT_TRUE((*second)[0].ok);
  EXPECT_TRUE((*second)[0].not_modified);
  EXPECT_EQ((*second)[0].http_status, 304);
  EXPECT_EQ((*second)[0].counts.read, 0u);
  EXPECT_EQ(CountArticles(), 3);
  // The validators survive the 304.
  Result<FeedState> state = LoadFeedState(*store_, server.Url("/feed.xml"));
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->etag, "\"v2\"");
  EXPECT_EQ(state->last_status, 304);
  EXPECT_EQ(state->items_inserted, 3u);
}

TEST_F(PollerTest, NewItemIsTheOnlyInsert) {
  FeedServer server;
  std::vector<FeedItem> items = ThreeItems();
  items.pop_back();
  server.SetItems(items);
  FeedPoller poller(*store_, {server.Url("/feed.xml")}, HttpFetcher({}), FakeClock(), {});
  ASSERT_TRUE(poller.PollDue().ok());
  EXPECT_EQ(CountArticles(), 2);

  server.SetItems(ThreeItems());  // a new version: new ETag, one more item
  now_ += 3600;
  Result<std::vector<PollReport>> r = poller.PollDue();
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].http_status, 200);
  EXPECT_EQ((*r)[0].counts.read, 3u);
  EXPECT_EQ((*r)[0].counts.inserted, 1u);
  EXPECT_EQ((*r)[0].counts.unchanged, 2u);
  EXPECT_EQ((*r)[0].assigned.articles, 1u);
  EXPECT_EQ(CountArticles(), 3);
  EXPECT_EQ((*r)[0].state.items_inserted, 3u);
}

TEST_F(PollerTest, FailingFeedsBackOffWhileOthersArePolled) {
  FeedServer server;
  server.SetItems(ThreeItems());
  PollOptions options;
  options.interval_seconds = 900;
  options.backoff_base_seconds = 60;
  options.backoff_max_seconds = 200;
  // Port 1 on loopback: nothing listens, the connection is refused.
  std::vector<std::string> feeds = {server.Url("/broken"), "http://127.0.0.1:1/feed.xml",
                                    server.Url("/feed.xml")};
  FeedPoller poller(*store_, feeds, HttpFetcher({}), FakeClock(), options);

  Result<std::vector<PollReport>> r = poller.PollDue();
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_FALSE((*r)[0].ok);
  EXPECT_EQ((*r)[0].error, "HTTP 500");
  EXPECT_EQ((*r)[0].state.failures, 1);
  EXPECT_EQ((*r)[0].state.next_poll, now_ + 60);
  EXPECT_FALSE((*r)[1].ok);
  EXPECT_EQ((*r)[1].http_status, 0);
  EXPECT_FALSE((*r)[1].error.empty());
  EXPECT_TRUE((*r)[2].ok) << (*r)[2].error;
  EXPECT_EQ(CountArticles(), 3);

  // Backoff doubles per consecutive failure, capped at 200 s.
  std::vector<int64_t> delays;
  for (int i = 0; i < 3; ++i) {
    Result<int64_t> due = poller.NextDue();
    ASSERT_TRUE(due.ok());
    now_ = *due;
    Result<std::vector<PollReport>> again = poller.PollDue();
    ASSERT_TRUE(again.ok());
    ASSERT_EQ(again->size(), 2u);  // the two failing feeds; the good one is not due
    delays.push_back((*again)[0].state.next_poll - now_);
  }
  EXPECT_EQ(delays, (std::vector<int64_t>{120, 200, 200}));
  Result<FeedState> broken = LoadFeedState(*store_, server.Url("/broken"));
  ASSERT_TRUE(broken.ok());
  EXPECT_EQ(broken->failures, 4);
  EXPECT_EQ(broken->last_status, 500);
  EXPECT_EQ(broken->last_error, "HTTP 500");
}

TEST_F(PollerTest, RecoveryResetsFailuresAndInjectedFetchNeedsNoNetwork) {
  bool fail = true;
  FetchFn fetch = [&](const FetchRequest&) -> Result<FetchResponse> {
    if (fail) return IoError("connection failed");
    FetchResponse r;
    r.status = 200;
    r.body = testing_util::BuildRss(ThreeItems());
    r.etag = "\"abc\"";
    return r;
  };
  FeedPoller poller(*store_, {"http://feeds.example.net/rss"}, fetch, FakeClock(), {});
  ASSERT_TRUE(poller.PollDue().ok());
  ASSERT_TRUE(poller.PollDue(/*all=*/true).ok());
  Result<FeedState> s = LoadFeedState(*store_, "http://feeds.example.net/rss");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->failures, 2);
  EXPECT_EQ(s->last_error, "connection failed");
  fail = false;
  Result<std::vector<PollReport>> r = poller.PollDue(true);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE((*r)[0].ok);
  EXPECT_EQ((*r)[0].state.failures, 0);
  EXPECT_EQ((*r)[0].state.last_error, "");
  EXPECT_EQ((*r)[0].state.etag, "\"abc\"");
  EXPECT_EQ(CountArticles(), 3);
}

TEST_F(PollerTest, ShorterIntervalAppliesToSavedState) {
  int fetches = 0;
  FetchFn fetch = [&](const FetchRequest&) -> Result<FetchResponse> {
    ++fetches;
    FetchResponse r;
    r.status = 304;
    return r;
  };
  PollOptions slow;
  slow.interval_seconds = 3600;
  FeedPoller first(*store_, {"http://feeds.example.net/rss"}, fetch, FakeClock(), slow);
  ASSERT_TRUE(first.PollDue().ok());
  PollOptions fast;
  fast.interval_seconds = 60;
  FeedPoller second(*store_, {"http://feeds.example.net/rss"}, fetch, FakeClock(), fast);
  Result<int64_t> due = second.NextDue();
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(*due, now_ + 60);
  now_ += 60;
  ASSERT_TRUE(second.PollDue().ok());
  EXPECT_EQ(fetches, 2);
}

TEST_F(PollerTest, CompressedResponseIsDecoded) {
  FeedServer server;
  server.SetItems(ThreeItems());
  FeedPoller poller(*store_, {server.Url("/compressible.xml")}, HttpFetcher({}), FakeClock(), {});
  Result<std::vector<PollReport>> r = poller.PollDue();
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE((*r)[0].ok) << (*r)[0].error;
  EXPECT_NE(server.seen_accept_encoding().find("gzip"), std::string::npos);
  EXPECT_EQ((*r)[0].counts.inserted, 3u);
}

TEST_F(PollerTest, StopHookEndsTheRoundBetweenFeeds) {
  int fetches = 0;
  FetchFn fetch = [&](const FetchRequest&) -> Result<FetchResponse> {
    ++fetches;
    FetchResponse r;
    r.status = 304;
    return r;
  };
  PollOptions options;
  options.fetch_threads = 1;
  options.should_stop = [&] { return fetches >= 1; };
  FeedPoller poller(*store_, {"http://a.example/rss", "http://b.example/rss"}, fetch, FakeClock(),
                    options);
  Result<std::vector<PollReport>> r = poller.PollDue();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 1u);
  EXPECT_EQ(fetches, 1);
}

TEST_F(PollerTest, RedirectRetryAfterAndBodyLimit) {
  FeedServer server;
  server.SetItems(ThreeItems());
  PollOptions options;
  options.backoff_base_seconds = 60;
  options.backoff_max_seconds = 3600;
  FeedPoller poller(*store_, {server.Url("/moved"), server.Url("/busy")}, HttpFetcher({}),
                    FakeClock(), options);
  Result<std::vector<PollReport>> r = poller.PollDue();
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_TRUE((*r)[0].ok) << (*r)[0].error;  // 301 followed to /feed.xml
  EXPECT_EQ((*r)[0].counts.inserted, 3u);
  EXPECT_FALSE((*r)[1].ok);
  EXPECT_EQ((*r)[1].error, "HTTP 503");
  EXPECT_EQ((*r)[1].state.next_poll, now_ + 3000);  // Retry-After beats the 60 s backoff

  HttpOptions tiny;
  tiny.max_body_bytes = 100;
  Result<FetchResponse> big = HttpFetcher(tiny)(FetchRequest{server.Url("/feed.xml"), "", ""});
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kTooLarge);
}

TEST_F(PollerTest, HtmlPageIsNotAFeed) {
  FetchFn fetch = [](const FetchRequest&) -> Result<FetchResponse> {
    FetchResponse r;
    r.status = 200;
    r.body = "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hello</p></body></html>";
    return r;
  };
  FeedPoller poller(*store_, {"http://www.example.net/"}, fetch, FakeClock(), {});
  Result<std::vector<PollReport>> r = poller.PollDue();
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE((*r)[0].ok);
  EXPECT_NE((*r)[0].error.find("not a feed"), std::string::npos) << (*r)[0].error;
}

// Slow feeds don't hold each other up: the fetches overlap (each waits until
// all are in flight), and the answers are still stored in list order.
TEST_F(PollerTest, FeedsAreFetchedConcurrentlyAndStoredInListOrder) {
  const std::vector<std::string> urls = {"http://a.example/rss", "http://b.example/rss",
                                         "http://c.example/rss", "http://d.example/rss"};
  std::mutex mu;
  std::condition_variable all_in;
  size_t in_flight = 0, most = 0;
  FetchFn fetch = [&](const FetchRequest& request) -> Result<FetchResponse> {
    std::unique_lock<std::mutex> lock(mu);
    most = std::max(most, ++in_flight);
    all_in.notify_all();
    all_in.wait_for(lock, std::chrono::seconds(30), [&] { return most >= urls.size(); });
    --in_flight;
    FetchResponse r;
    r.status = 200;
    std::vector<testing_util::FeedItem> items = ThreeItems();
    for (auto& item : items) item.link += "?from=" + request.url.substr(7, 1);
    r.body = testing_util::BuildRss(items);
    return r;
  };
  PollOptions options;
  options.fetch_threads = 4;
  FeedPoller poller(*store_, urls, fetch, FakeClock(), options);
  Result<std::vector<PollReport>> r = poller.PollDue();
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(most, urls.size());
  ASSERT_EQ(r->size(), urls.size());
  for (size_t i = 0; i < urls.size(); ++i) {
    EXPECT_EQ((*r)[i].url, urls[i]);
    EXPECT_TRUE((*r)[i].ok) << (*r)[i].error;
  }
}

}  // namespace
}  // namespace parallax::watch
