// bench_html: DOM parsing, main-content extraction, and the whole
// ParseHtmlArticle on the content extractor's fixtures (always available)
// and, when ../shared/data is present, on all article-extraction-benchmark
// pages. Each benchmark checks its output is non-empty before timing.
//
//   build-*/bench/html/bench_html [--benchmark_filter=Aeb]
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/html/content/content.h"
#include "ingest/html/dom.h"
#include "parallax/ingest.h"

namespace parallax::html {
namespace {

std::string ReadFile(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");  // reads plain files too
  std::string out;
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

const std::vector<std::string>& Fixtures() {
  static const auto* pages = [] {
    auto* v = new std::vector<std::string>();
    std::string dir = std::string(PARALLAX_SOURCE_DIR) + "/src/ingest/html/content/testdata/";
    for (const char* name : {"news_article.html", "split_body.html", "german.html"}) {
      v->push_back(ReadFile(dir + name));
    }
    return v;
  }();
  return *pages;
}

const std::vector<std::string>& AebPages() {
  static const auto* pages = [] {
    auto* v = new std::vector<std::string>();
    std::string dir = std::string(PARALLAX_SHARED_DATA) + "/extraction/aeb/html";
    std::error_code ec;
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      paths.push_back(e.path().string());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) v->push_back(ReadFile(p));
    return v;
  }();
  return *pages;
}

const std::vector<std::string>* Corpus(int which) { return which == 0 ? &Fixtures() : &AebPages(); }

bool CheckCorpus(benchmark::State& state, const std::vector<std::string>& pages) {
  if (pages.empty() || pages.front().empty()) {
    state.SkipWithError("pages not found (aeb needs ../shared/data)");
    return false;
  }
  return true;
}

void SetCounters(benchmark::State& state, const std::vector<std::string>& pages) {
  size_t bytes = 0;
  for (const auto& p : pages) bytes += p.size();
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(pages.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
}

void BM_DomParse(benchmark::State& state) {
  const auto& pages = *Corpus(static_cast<int>(state.range(0)));
  if (!CheckCorpus(state, pages)) return;
  if (HtmlDocument::Parse(pages.front()).size() < 10) {
    state.SkipWithError("parse produced no tree");
    return;
  }
  for (auto _ : state) {
    for (const auto& p : pages) benchmark::DoNotOptimize(HtmlDocument::Parse(p));
  }
  SetCounters(state, pages);
}

void BM_ExtractMainContent(benchmark::State& state) {
  const auto& pages = *Corpus(static_cast<int>(state.range(0)));
  if (!CheckCorpus(state, pages)) return;
  std::vector<HtmlDocument> docs;
  for (const auto& p : pages) docs.push_back(HtmlDocument::Parse(p));
  if (ExtractMainContent(docs.front(), {}).empty()) {
    state.SkipWithError("extraction produced no text");
    return;
  }
  for (auto _ : state) {
    for (const auto& d : docs) benchmark::DoNotOptimize(ExtractMainContent(d, {}));
  }
  SetCounters(state, pages);
}

void BM_ParseHtmlArticle(benchmark::State& state) {
  const auto& pages = *Corpus(static_cast<int>(state.range(0)));
  if (!CheckCorpus(state, pages)) return;
  DocContext ctx;
  auto first = ParseHtmlArticle(pages.front(), ctx);
  if (!first.ok() || first->Text().empty()) {
    state.SkipWithError("ParseHtmlArticle produced no text");
    return;
  }
  for (auto _ : state) {
    for (const auto& p : pages) benchmark::DoNotOptimize(ParseHtmlArticle(p, ctx));
  }
  SetCounters(state, pages);
}

// Arg 0: the fixtures; arg 1: the aeb pages. items/s = pages/s.
BENCHMARK(BM_DomParse)->ArgName("aeb")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractMainContent)->ArgName("aeb")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseHtmlArticle)->ArgName("aeb")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parallax::html

BENCHMARK_MAIN();
