// bench_cluster: dedup + online clustering throughput on a synthetic stream.
//
//   build-*/eval/cluster/bench_cluster --articles 20000 --days 10
//
// Generation is not timed: only OnlineClusterer::Add (featurisation, dedup,
// candidate search, scoring, index updates), or with --threads 2
// OnlineClusterer::AddAll over chunks of the stream (the same work on two
// threads). Prints articles per CPU-second (all clustering threads) and per
// wall-second for each tenth of the stream (so a
// rising cost per article shows), the clusterer's own memory
// estimate and the process's peak RSS, then checks the result before
// trusting the timing: B-cubed against the generator's stories and how many
// generated wire copies were linked as duplicates.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "corpora.h"
#include "ecb.h"
#include "metrics.h"
#include "stream.h"
#include "parallax/entities.h"

namespace {

// CPU time of this thread, or of the whole process (every thread AddAll
// starts included): the machine may be shared, so wall time alone
// understates the clusterer's speed.
double CpuSeconds(bool process) {
  timespec ts;
  clock_gettime(process ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

long PeakRssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// The stream as CONTRACT.md input records, one per line.
int WriteJsonl(parallax::eval::StreamGenerator& gen, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    std::fprintf(stderr, "bench_cluster: %s: cannot write\n", path.c_str());
    return 1;
  }
  parallax::eval::StreamItem item;
  size_t n = 0;
  while (gen.Next(&item)) {
    const parallax::Article& a = item.article;
    std::string text;
    for (const parallax::Block& b : a.blocks) text += (text.empty() ? "" : "\n\n") + b.text;
    nlohmann::json j = {{"id", a.id},       {"url", a.url},       {"outlet", a.outlet},
                        {"title", a.title}, {"published", a.published}, {"text", text},
                        {"gold", item.gold}};
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    ++n;
  }
  std::fprintf(stderr, "bench_cluster: wrote %zu articles to %s\n", n, path.c_str());
  return out ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Dedup + story clustering throughput on a synthetic stream from ECB+ texts"};
  std::string data = std::string(PARALLAX_SHARED_DATA) + "/clustering/ecbplus-dev/ecbplus_docs.jsonl";
  parallax::eval::StreamOptions so;
  so.articles = 20000;
  so.days = 10;
  app.add_option("--data", data, "ecbplus_docs.jsonl (the texts the stream is made from)");
  std::string corpus = "ecb";
  app.add_option("--corpus", corpus,
                 "ecb: ECB+ texts only; mixed: ECB+, Multi-News, AllSides and PolNeAR texts "
                 "(eval/cluster/corpora.h), read from ../shared/data")
      ->check(CLI::IsMember({"ecb", "mixed"}));
  app.add_option("--articles", so.articles);
  app.add_option("--days", so.days, "span of publication dates");
  app.add_option("--copy-rate", so.copy_rate);
  app.add_option("--seed", so.seed);
  size_t refine_every = 0;
  app.add_option("--refine-every", refine_every,
                 "call OnlineClusterer::Refine() after every N articles (timed; 0: never)");
  parallax::ClusterOptions co;
  app.add_option("--online-refine", co.online_refine_every,
                 "ClusterOptions::online_refine_every (default 32; 0: off)");
  std::string entity_source = "heuristic";
  app.add_option("--entities", entity_source, "heuristic (default), ner or resolved (see eval_cluster)")
      ->check(CLI::IsMember({"heuristic", "ner", "resolved"}));
  int threads = 1;
  app.add_option("--threads", threads,
                 "1: OnlineClusterer::Add per article; 2: OnlineClusterer::AddAll over chunks of "
                 "2,048 articles (preparation on a second thread; same stories)")
      ->check(CLI::IsMember({1, 2}));
  std::string jsonl;
  app.add_option("--jsonl", jsonl,
                 "write the stream as JSONL records (id, url, outlet, title, published, text, "
                 "gold) to this file instead of clustering it: input for `parallax ingest`");
  CLI11_PARSE(app, argc, argv);

  auto docs = corpus == "mixed" ? parallax::eval::LoadMixedCorpus(PARALLAX_SHARED_DATA)
                                : parallax::eval::LoadEcb(data);
  if (!docs.ok()) {
    std::fprintf(stderr, "bench_cluster: %s\n", docs.status().message().c_str());
    return 1;
  }
  if (entity_source != "heuristic") {
    auto x = parallax::entities::Extractor::LoadDefault();
    if (!x.ok()) {
      std::fprintf(stderr, "bench_cluster: %s\n", x.status().message().c_str());
      return 1;
    }
    co.entity_extractor = parallax::entities::ClusterEntityNames(
        *x, entity_source == "ner" ? parallax::entities::ClusterNames::kMentions
                                   : parallax::entities::ClusterNames::kResolved);
  }
  parallax::eval::StreamGenerator gen(*docs, so);
  if (!jsonl.empty()) return WriteJsonl(gen, jsonl);
  parallax::OnlineClusterer clusterer(co);
  std::vector<std::string> gold;
  gold.reserve(gen.size());
  size_t copies = 0, copies_linked = 0, false_links = 0;
  const size_t step = std::max<size_t>(1, gen.size() / 10);
  double total = 0, segment = 0, cpu = 0, segment_cpu = 0, main_cpu = 0;
  size_t seg_start = 0;
  if (threads == 2 && refine_every > 0) {
    std::fprintf(stderr, "bench_cluster: --refine-every needs --threads 1\n");
    return 2;
  }
  std::printf("%10s %14s %12s %12s %10s %12s %10s\n", "articles", "segment a/CPU-s",
              "segment a/s", "overall a/s", "stories", "state MB", "peak RSS MB");
  // The stream in chunks that end at every tenth (the report points).
  constexpr size_t kChunk = 2048;
  std::vector<parallax::eval::StreamItem> chunk;
  bool more = true;
  while (more) {
    chunk.clear();
    const size_t next_report = (gold.size() / step + 1) * step;
    while (chunk.size() < kChunk && gold.size() + chunk.size() < next_report) {
      chunk.emplace_back();
      if (!gen.Next(&chunk.back())) {
        chunk.pop_back();
        more = false;
        break;
      }
    }
    if (chunk.empty()) break;
    std::vector<parallax::StoryAssignment> got;
    auto t0 = std::chrono::steady_clock::now();
    double c0 = CpuSeconds(threads == 2), m0 = CpuSeconds(false);
    if (threads == 2) {
      std::vector<const parallax::Article*> ptrs;
      for (const auto& it : chunk) ptrs.push_back(&it.article);
      got = clusterer.AddAll(ptrs);
    } else {
      for (const auto& it : chunk) {
        got.push_back(clusterer.Add(it.article));
        const size_t seen = gold.size() + got.size();
        if (refine_every > 0 && (seen % refine_every == 0 || seen == gen.size())) {
          clusterer.Refine();
        }
      }
    }
    const double dc = CpuSeconds(threads == 2) - c0;
    main_cpu += CpuSeconds(false) - m0;
    cpu += dc;
    segment_cpu += dc;
    double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    total += dt;
    segment += dt;
    for (size_t i = 0; i < chunk.size(); ++i) {
      gold.push_back(chunk[i].gold);
      if (chunk[i].is_copy) {
        ++copies;
        copies_linked += got[i].duplicate.has_value();
      } else if (got[i].duplicate) {
        ++false_links;  // an original rewrite flagged as a copy (may be a real near-copy)
      }
    }
    if (gold.size() % step == 0 || gold.size() == gen.size()) {
      parallax::ClustererStats st = clusterer.stats();
      std::printf("%10zu %14.0f %12.0f %12.0f %10llu %12.1f %10.1f\n", gold.size(),
                  static_cast<double>(gold.size() - seg_start) / segment_cpu,
                  static_cast<double>(gold.size() - seg_start) / segment,
                  static_cast<double>(gold.size()) / total,
                  static_cast<unsigned long long>(st.stories), st.memory_bytes / 1048576.0,
                  PeakRssKb() / 1024.0);
      std::fflush(stdout);
      seg_start = gold.size();
      segment = 0;
      segment_cpu = 0;
    }
  }
  std::vector<std::string> pred(gold.size());
  for (const parallax::StoryInfo& s : clusterer.Stories()) {
    for (uint32_t seq : s.articles) pred[seq] = s.id;
  }
  parallax::eval::PRF b3 = parallax::eval::BCubed(pred, gold);
  parallax::ClustererStats st = clusterer.stats();
  std::printf("total: %zu articles in %.2fs wall = %.0f articles/s; %.2fs CPU = %.0f "
              "articles/CPU-s (%d thread%s); %llu stories, %llu merges, %.1f candidates "
              "scored/article\n",
              gold.size(), total, static_cast<double>(gold.size()) / total, cpu,
              static_cast<double>(gold.size()) / cpu, threads, threads == 1 ? "" : "s",
              static_cast<unsigned long long>(st.stories),
              static_cast<unsigned long long>(st.merges),
              static_cast<double>(st.candidates_scored) / static_cast<double>(gold.size()));
  if (threads == 2) {
    std::printf("assigning thread alone: %.2fs CPU = %.0f articles/CPU-s (the bound on wall "
                "speed when the preparing thread keeps up)\n",
                main_cpu, static_cast<double>(gold.size()) / main_cpu);
  }
  std::printf("state: %.1f MB = vocabulary %.1f + dedup %.1f + articles %.1f + stories/index %.1f\n",
              st.memory_bytes / 1048576.0, st.vocabulary_bytes / 1048576.0,
              st.dedup_bytes / 1048576.0, st.article_bytes / 1048576.0,
              (st.memory_bytes - st.vocabulary_bytes - st.dedup_bytes - st.article_bytes) /
                  1048576.0);
  std::printf("check: B3 P %.3f R %.3f F1 %.3f vs generated stories; wire copies linked "
              "%zu/%zu; other duplicate links %zu\n",
              b3.precision, b3.recall, b3.f1, copies_linked, copies, false_links);
  return 0;
}
