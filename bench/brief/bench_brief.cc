// Time of BuildBrief (summary, alignment, agreements, exclusives, framing and
// whatever else brief.cc assembles) on stories of real news text:
//   - 10 articles: the five seed articles (examples/) and the first five
//     Multi-News documents (or the seeds again under other outlet names when
//     ../shared/data is absent);
//   - 500 articles: the first 500 Multi-News validation documents as one
//     story (skipped when ../shared/data is absent);
//   - BM_BuildBriefN/50, /100, /250: the first 50, 100, 250 of them, for
//     the growth curve.
// Each story's brief is checked once before timing (summary within budget,
// every summary sentence cited, framing present); a wrong brief aborts.
//
//   build/bench/brief/bench_brief --benchmark_repetitions=3
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>
#include <string>

#include "parallax/brief.h"
#include "plain_text.h"

namespace {

using parallax::Article;

std::vector<std::string> Seeds() {
  std::vector<std::string> out;
  for (const char* name : {"000_13c8aef171640ef1.txt", "001_d21e06c215a5d396.txt",
                           "002_c0def981657421ef.txt", "003_3b3853807bcc213d.txt",
                           "004_5be7fbd37ca0da08.txt"}) {
    std::ifstream f(std::string(PARALLAX_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

// Up to `n` Multi-News documents, in file order; empty without the data.
std::vector<std::string> MultiNews(size_t n) {
  std::vector<std::string> out;
  std::ifstream in(std::string(PARALLAX_SHARED_DATA) +
                   "/summarization/multinews-sample/multinews_validation_sample250.jsonl");
  std::string line;
  while (out.size() < n && std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    for (const auto& d : j["documents"]) {
      if (out.size() < n) out.push_back(d.get<std::string>());
    }
  }
  return out;
}

// Articles spread over 25 outlets, as a large story's coverage would be.
std::vector<Article> Story(const std::vector<std::string>& texts) {
  std::vector<Article> out;
  for (size_t k = 0; k < texts.size(); ++k) {
    out.push_back(parallax::eval::PlainTextArticle("a" + std::to_string(k), "Outlet " + std::to_string(k % 25),
                                                   texts[k]));
  }
  return out;
}

parallax::StoryCluster AllOf(const std::vector<Article>& articles) {
  parallax::StoryCluster s;
  s.id = "bench";
  s.articles.resize(articles.size());
  std::iota(s.articles.begin(), s.articles.end(), 0);
  return s;
}

void Check(const parallax::StoryBrief& b, int max_words, const char* what) {
  int words = 0;
  bool ok = !b.summary.empty() && !b.framing.empty();
  for (const auto& s : b.summary) {
    ok &= !s.sources.empty();
    bool in = false;
    for (char c : s.text) {
      bool sp = c == ' ';
      if (!sp && !in) ++words;
      in = !sp;
    }
  }
  ok &= words <= max_words;
  if (!ok) {
    std::fprintf(stderr, "bench_brief: wrong brief for %s (summary %zu sentences, %d words, framing %zu)\n",
                 what, b.summary.size(), words, b.framing.size());
    std::abort();
  }
}

void Run(benchmark::State& state, const std::vector<Article>& articles, const char* what) {
  parallax::StoryCluster story = AllOf(articles);
  parallax::BriefOptions options;
  Check(parallax::BuildBrief(articles, story, options), options.max_words, what);
  size_t bytes = 0;
  for (const Article& a : articles) bytes += a.Text().size();
  for (auto _ : state) {
    benchmark::DoNotOptimize(parallax::BuildBrief(articles, story, options));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["articles"] = static_cast<double>(articles.size());
}

void BM_BuildBrief10(benchmark::State& state) {
  static const std::vector<Article> articles = [] {
    std::vector<std::string> texts = Seeds();
    std::vector<std::string> more = MultiNews(5);
    if (more.empty()) more = Seeds();
    texts.insert(texts.end(), more.begin(), more.end());
    return Story(texts);
  }();
  Run(state, articles, "10 articles");
}
BENCHMARK(BM_BuildBrief10)->Unit(benchmark::kMillisecond);

void BM_BuildBrief500(benchmark::State& state) {
  static const std::vector<Article> articles = Story(MultiNews(500));
  if (articles.size() < 500) {
    state.SkipWithError("needs ../shared/data/summarization/multinews-sample");
    return;
  }
  Run(state, articles, "500 articles");
}
BENCHMARK(BM_BuildBrief500)->Unit(benchmark::kMillisecond);

// The growth curve between the two: the first 50, 100 and 250 of the same
// 500 documents (state.range(0) articles).
void BM_BuildBriefN(benchmark::State& state) {
  static const std::vector<std::string> texts = MultiNews(500);
  const size_t n = static_cast<size_t>(state.range(0));
  if (texts.size() < n) {
    state.SkipWithError("needs ../shared/data/summarization/multinews-sample");
    return;
  }
  const std::vector<Article> articles = Story({texts.begin(), texts.begin() + static_cast<ptrdiff_t>(n)});
  Run(state, articles, "first n articles");
}
BENCHMARK(BM_BuildBriefN)->Arg(50)->Arg(100)->Arg(250)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
