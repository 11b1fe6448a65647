// Throughput of watch: serves an RSS feed of N items on loopback, polls it
// once through FeedPoller + HttpFetcher into a store (fetch, parse, store,
// assign stories) and prints articles/s for the whole run. Not a test; the
// figures are in RESULTS.md.
//
//   watch_bench DB [ITEMS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "parallax/watch.h"
#include "test_feed_server.h"

namespace {

// Varied but deterministic item text: a few news topics, with numbers so
// items are distinct and not all near-duplicates of each other.
std::vector<parallax::watch::testing_util::FeedItem> MakeItems(int n) {
  static const char* kTopics[][2] = {
      {"Parliament passes budget after late-night vote",
       "Lawmakers approved the spending plan by a narrow margin after opposition parties walked "
       "out of the chamber, and the finance minister said the measures would cut the deficit."},
      {"Storm leaves thousands without power along the coast",
       "Utility crews worked through the night to restore electricity after high winds brought "
       "down lines, and officials urged residents to stay off flooded roads."},
      {"Central bank holds interest rates steady",
       "The bank kept its benchmark rate unchanged, citing slowing inflation, and signalled that "
       "cuts could come later in the year if wages cool."},
      {"Talks resume on ceasefire in Gaza",
       "Negotiators from Qatar, Egypt and the United States met in Doha to discuss a truce and the "
       "release of captives, according to officials briefed on the talks."},
  };
  std::vector<parallax::watch::testing_util::FeedItem> items;
  for (int i = 0; i < n; ++i) {
    const auto& t = kTopics[i % 4];
    std::string k = std::to_string(i);
    items.push_back({std::string(t[0]) + " (" + k + ")", "http://bench.example.org/item/" + k,
                     "Mon, 25 Mar 2024 12:00:00 GMT",
                     std::string(t[1]) + " Report number " + k + " added district " +
                         std::to_string(i * 7919 % 1000) + " details."});
  }
  return items;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: watch_bench DB [ITEMS]\n";
    return 2;
  }
  int n = argc > 2 ? std::atoi(argv[2]) : 2000;
  auto store = parallax::Store::Open(argv[1]);
  if (!store.ok()) {
    std::cerr << "watch_bench: " << store.status().message() << "\n";
    return 1;
  }
  parallax::watch::testing_util::FeedServer server;
  server.SetItems(MakeItems(n));
  parallax::watch::FeedPoller poller(**store, {server.Url("/feed.xml")},
                                     parallax::watch::HttpFetcher({}),
                                     parallax::watch::SystemClock(), {});
  auto start = std::chrono::steady_clock::now();
  auto reports = poller.PollDue(true);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!reports.ok() || reports->empty() || !(*reports)[0].ok) {
    std::cerr << "watch_bench: poll failed\n";
    return 1;
  }
  const auto& r = (*reports)[0];
  std::printf("items %d  inserted %llu  clustered %llu  stories %llu  %.3f s  %.0f articles/s\n", n,
              static_cast<unsigned long long>(r.counts.inserted),
              static_cast<unsigned long long>(r.assigned.articles),
              static_cast<unsigned long long>(r.assigned.new_stories), secs,
              r.counts.inserted / secs);
  return 0;
}
