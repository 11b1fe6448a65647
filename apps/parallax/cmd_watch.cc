// `parallax watch`: polls feeds into the store (the work is in parallax::watch).
#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "commands.h"
#include "parallax/store.h"
#include "parallax/watch.h"

namespace parallax::cli {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void OnStopSignal(int) { g_stop.store(true); }

// One line per poll on stdout; problems also go to stderr in the CONTRACT form.
bool PrintReport(const watch::PollReport& r, int64_t now) {
  std::cout << "watch: " << r.url << ": ";
  if (!r.ok) {
    std::cout << "FAILED (" << r.error << "), failure " << r.state.failures;
  } else if (r.not_modified) {
    std::cout << "304 not modified";
  } else {
    std::cout << r.http_status << ", " << r.counts.read << " items, " << r.counts.inserted
              << " new, " << r.counts.updated << " updated, " << r.counts.rejected << " rejected; "
              << r.assigned.articles << " clustered, " << r.assigned.new_stories << " new stories";
  }
  std::cout << "; next poll in " << (r.state.next_poll - now) << "s" << std::endl;
  bool failed = !r.ok;
  if (!r.ok) ReportProblem(r.url, r.error);
  for (const std::string& p : r.item_problems) {
    ReportProblem(r.url, p);
    failed = true;
  }
  return failed;
}

}  // namespace

void RegisterWatch(CLI::App& app, int* exit_code) {
  struct Args {
    std::string db = "parallax.db";
    int64_t interval = 900;
    bool once = false;
    int fetch_threads = 8;
    std::string feeds;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("watch", "Poll RSS/Atom/JSON feeds and ingest new items into a database");
  cmd->add_option("--db", args->db, "SQLite database file (created when missing)");
  cmd->add_option("--interval", args->interval, "seconds between polls of a feed (default 900)")
      ->check(CLI::Range(int64_t{1}, int64_t{7} * 24 * 3600));
  cmd->add_option("--fetch-threads", args->fetch_threads,
                  "feeds fetched at once (stored one at a time, in list order; default 8)")
      ->check(CLI::Range(1, 64));
  cmd->add_flag("--once", args->once, "poll every feed once, then exit (1 if any failed)");
  cmd->add_option("feeds", args->feeds, "feed list: OPML or one URL per line (# comments)")
      ->required();
  cmd->callback([args, exit_code] {
    Result<std::vector<std::string>> feeds = watch::ReadFeedList(args->feeds);
    if (!feeds.ok()) {
      ReportProblem(args->feeds, feeds.status().message());
      *exit_code = 1;
      return;
    }
    StoreOptions o;
    auto store = Store::Open(args->db, o);
    if (!store.ok()) {
      ReportProblem(args->db, store.status().message());
      *exit_code = 1;
      return;
    }
    watch::PollOptions options;
    options.interval_seconds = args->interval;
    options.fetch_threads = args->fetch_threads;
    options.should_stop = [] { return g_stop.load(); };
    watch::Clock clock = watch::SystemClock();
    watch::FeedPoller poller(**store, *feeds, watch::HttpFetcher({}), clock, options);
    std::signal(SIGINT, OnStopSignal);
    std::signal(SIGTERM, OnStopSignal);
    bool failed = false;
    if (!args->once) {
      std::cout << "watch: " << feeds->size() << " feeds, every " << args->interval
                << "s; SIGINT or SIGTERM stops" << std::endl;
    }
    while (!g_stop.load()) {
      Result<std::vector<watch::PollReport>> reports = poller.PollDue(args->once);
      if (!reports.ok()) {
        ReportProblem(args->db, reports.status().message());
        *exit_code = 1;
        return;
      }
      int64_t now = clock();
      for (const watch::PollReport& r : *reports) failed |= PrintReport(r, now);
      if (args->once) break;
      Result<int64_t> due = poller.NextDue();
      if (!due.ok()) {
        ReportProblem(args->db, due.status().message());
        *exit_code = 1;
        return;
      }
      // Sleep in short steps so a signal stops the loop promptly.
      while (!g_stop.load() && clock() < *due) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    }
    *exit_code = args->once && failed ? 1 : 0;
  });
}

}  // namespace parallax::cli
