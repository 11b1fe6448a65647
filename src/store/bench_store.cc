// store_bench: bulk-ingest throughput, re-ingest, story writes and search
// latency on generated articles. Figures go to src/store/RESULTS.md.
//
//   store_bench [--n 100000] [--batch 0] [--paragraphs 3] [--words 40] [--db FILE]
//
// --batch 0 puts everything in one transaction. Each phase checks its result
// before its time counts (counts, outcomes, search hits).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/test_util.h"

namespace {

using parallax::Article;
using parallax::PutOutcome;
using parallax::Store;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU seconds (user + system) this process has used: on a shared, loaded
// machine wall time mostly measures the neighbours.
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "store_bench: %s\n", what.c_str());
  std::exit(1);
}

struct Flags {
  int64_t n = 100000;
  int64_t batch = 0;
  int paragraphs = 3;
  int words = 40;
  std::string db = "store_bench.db";
};

Flags Parse(int argc, char** argv) {
  Flags f;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    std::string v = argv[i + 1];
    if (k == "--n") f.n = std::atoll(v.c_str());
    else if (k == "--batch") f.batch = std::atoll(v.c_str());
    else if (k == "--paragraphs") f.paragraphs = std::atoi(v.c_str());
    else if (k == "--words") f.words = std::atoi(v.c_str());
    else if (k == "--db") f.db = v;
    else Die("unknown flag " + k);
  }
  if (f.n <= 0) Die("--n must be positive");
  if (f.batch <= 0) f.batch = f.n;
  return f;
}

// Ingests all articles in batches; returns seconds, checks every outcome.
double Ingest(Store& s, const std::vector<Article>& all, int64_t batch, PutOutcome expect) {
  auto t0 = Clock::now();
  for (size_t b = 0; b < all.size(); b += static_cast<size_t>(batch)) {
    size_t e = std::min(all.size(), b + static_cast<size_t>(batch));
    auto r = s.PutArticles(std::span<const Article>(all.data() + b, e - b));
    if (!r.ok()) Die(r.status().ToString());
    for (const auto& p : *r) {
      if (p.outcome != expect) Die(std::string("unexpected outcome ") + PutOutcomeName(p.outcome));
    }
  }
  return Seconds(t0);
}

}  // namespace

int main(int argc, char** argv) {
  Flags f = Parse(argc, argv);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(f.db + suffix);

  parallax::store_testing::ArticleGenerator gen(42, f.paragraphs, f.words);
  auto t0 = Clock::now();
  std::vector<Article> all = gen.MakeRange(0, f.n);
  double gen_s = Seconds(t0);
  size_t text_bytes = 0;
  for (const Article& a : all) text_bytes += a.Text().size() + a.title.size();
  std::printf("articles: %lld, mean title+text %.0f bytes, batch %lld (generated in %.2f s)\n",
              static_cast<long long>(f.n), static_cast<double>(text_bytes) / f.n,
              static_cast<long long>(f.batch), gen_s);

  auto opened = Store::Open(f.db);
  if (!opened.ok()) Die(opened.status().ToString());
  Store& s = **opened;

  double cpu0 = CpuSeconds();
  double insert_s = Ingest(s, all, f.batch, PutOutcome::kInserted);
  double insert_cpu = CpuSeconds() - cpu0;
  if (*s.CountArticles() != f.n) Die("count mismatch after insert");
  std::printf("insert:    %8.2f s  %9.0f articles/s  (cpu %.2f s: %.0f articles/cpu-s)\n",
              insert_s, f.n / insert_s, insert_cpu, f.n / insert_cpu);
  cpu0 = CpuSeconds();
  double again_s = Ingest(s, all, f.batch, PutOutcome::kUnchanged);
  double again_cpu = CpuSeconds() - cpu0;
  std::printf("re-ingest: %8.2f s  %9.0f articles/s  (cpu %.2f s: %.0f articles/cpu-s; all unchanged)\n",
              again_s, f.n / again_s, again_cpu, f.n / again_cpu);

  // Stories of 10 articles each, in one transaction.
  t0 = Clock::now();
  parallax::Status st = s.WithTransaction([&]() -> parallax::Status {
    for (int64_t i = 0; i < f.n; ++i) {
      std::string story = "story-" + std::to_string(i / 10);
      if (i % 10 == 0) PARALLAX_RETURN_IF_ERROR(s.PutStory(parallax::store_testing::MakeStory(story, all[i].title)));
      PARALLAX_RETURN_IF_ERROR(s.AssignArticleToStory(all[i].id, story));
    }
    return parallax::Status::Ok();
  });
  if (!st.ok()) Die(st.ToString());
  double assign_s = Seconds(t0);
  std::printf("assign:    %8.2f s  %9.0f assignments/s\n", assign_s, f.n / assign_s);

  t0 = Clock::now();
  const int kPages = 20;
  for (int p = 0; p < kPages; ++p) {
    parallax::ListStoriesOptions o;
    o.limit = 50;
    o.offset = static_cast<size_t>(p) * 50;
    auto list = s.ListStories(o);
    if (!list.ok() || list->size() != 50) Die("ListStories failed");
  }
  std::printf("list:      %8.2f ms per page of 50 stories\n", Seconds(t0) * 1000 / kPages);

  // Search: unique words (one hit each, checked), then words by frequency
  // rank (0 = most common) and two-word queries.
  // Wall-clock p50/p95 and mean CPU per query.
  std::vector<double> cpu_ms;
  auto report = [&cpu_ms](const std::string& name, std::vector<double> v) {
    std::sort(v.begin(), v.end());
    double cpu = 0;
    for (double c : cpu_ms) cpu += c;
    std::printf("search %-34s p50 %7.2f ms  p95 %7.2f ms  cpu %7.2f ms\n", name.c_str(),
                v[v.size() / 2], v[v.size() * 95 / 100], cpu / static_cast<double>(cpu_ms.size()));
    cpu_ms.clear();
  };
  std::vector<double> unique_ms;
  for (int i = 0; i < 200; ++i) {
    int64_t idx = (static_cast<int64_t>(i) * 7919) % f.n;
    auto t = Clock::now();
    double c = CpuSeconds();
    auto hits = s.Search(parallax::store_testing::ArticleGenerator::UniqueWord(idx));
    cpu_ms.push_back((CpuSeconds() - c) * 1000);
    unique_ms.push_back(Seconds(t) * 1000);
    if (!hits.ok() || hits->size() != 1 || (*hits)[0].article_id != all[idx].id) {
      Die("unique-word search returned the wrong hits");
    }
  }
  report("unique word (1 doc)", unique_ms);
  const auto& vocab = gen.vocabulary();
  const double words_per_doc = 6.0 + f.paragraphs * f.words;
  for (size_t rank : {size_t{3}, size_t{30}, size_t{300}, size_t{3000}}) {
    double v = static_cast<double>(vocab.size());
    double p = std::sqrt((rank + 1) / v) - std::sqrt(rank / v);
    double df = static_cast<double>(f.n) * (1 - std::pow(1 - p, words_per_doc));
    std::vector<double> ms;
    for (size_t k = 0; k < 20; ++k) {  // 20 neighbouring ranks, 3 runs each
      for (int run = 0; run < 3; ++run) {
        auto t = Clock::now();
        double c = CpuSeconds();
        auto hits = s.Search(vocab[rank + k]);
        cpu_ms.push_back((CpuSeconds() - c) * 1000);
        ms.push_back(Seconds(t) * 1000);
        if (!hits.ok() || hits->empty()) Die("no hits for " + vocab[rank + k]);
      }
    }
    char name[96];
    std::snprintf(name, sizeof name, "word rank %zu (~%.0f docs)", rank, df);
    report(name, ms);
  }
  std::vector<double> pair_ms;
  for (size_t k = 0; k < 60; ++k) {
    auto t = Clock::now();
    double c = CpuSeconds();
    auto hits = s.Search(vocab[30 + k] + " " + vocab[300 + k]);
    cpu_ms.push_back((CpuSeconds() - c) * 1000);
    pair_ms.push_back(Seconds(t) * 1000);
    if (!hits.ok()) Die(hits.status().ToString());
  }
  report("two words (ranks 30+k, 300+k)", pair_ms);

  t0 = Clock::now();
  st = s.CheckIntegrity();
  if (!st.ok()) Die(st.ToString());
  std::printf("integrity: %8.2f s\n", Seconds(t0));
  opened->reset();
  std::error_code ec;
  double mb = static_cast<double>(std::filesystem::file_size(f.db, ec)) / (1 << 20);
  std::printf("file:      %8.1f MiB (%.0f bytes/article)\n", mb, mb * (1 << 20) / f.n);
  return 0;
}
