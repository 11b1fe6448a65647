// Throughput of the format readers: plain text (a seed article), RSS feeds
// of growing size, JSON Feed, and JSONL records. Each benchmark checks its
// output once before timing.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "parallax/ingest.h"

namespace {

using parallax::Article;
using parallax::DocContext;
using parallax::ReadCallbacks;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Check(bool ok, const char* what) {
  if (!ok) {
    std::cerr << "bench_formats: check failed: " << what << "\n";
    std::abort();
  }
}

std::string RssFeed(int items) {
  std::string feed =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Bench News</title>"
      "<link>https://bench.example/</link><language>en</language>";
  for (int i = 0; i < items; ++i) {
    std::string n = std::to_string(i);
    feed += "<item><title>Officials meet on day " + n + " of talks</title><link>/world/" + n +
            "</link><dc:creator>Jane Doe</dc:creator><pubDate>Tue, 26 Mar 2024 14:05:00 GMT"
            "</pubDate><content:encoded><![CDATA[<p>WASHINGTON — Officials met again on "
            "Tuesday to discuss the plan, the ministry said in a statement.</p><h2>Next steps"
            "</h2><p>A second meeting is planned for next week, aides said, and the delegation "
            "will be led by the minister.</p><ul><li>One item</li><li>Another item</li></ul>]]>"
            "</content:encoded></item>";
  }
  return feed + "</channel></rss>";
}

void BM_ParseTextArticle(benchmark::State& state) {
  std::string text =
      ReadFile(std::string(PARALLAX_SOURCE_DIR) + "/examples/000_13c8aef171640ef1.txt");
  DocContext ctx;
  auto first = parallax::ParseTextArticle(text, ctx);
  Check(first.ok() && first->place == "Washington" && first->blocks.size() > 20, "seed 000");
  for (auto _ : state) {
    auto r = parallax::ParseTextArticle(text, ctx);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseTextArticle);

void BM_ParseRss(benchmark::State& state) {
  const int items = static_cast<int>(state.range(0));
  std::string feed = RssFeed(items);
  DocContext ctx;
  ctx.source = "bench.xml";
  size_t count = 0;
  ReadCallbacks cb;
  cb.on_article = [&](Article&& a) {
    benchmark::DoNotOptimize(a);
    ++count;
  };
  cb.on_error = [](const parallax::InputError&) {};
  Check(parallax::ParseFeed(feed, ctx, cb).ok() && count == static_cast<size_t>(items), "rss");
  for (auto _ : state) {
    count = 0;
    benchmark::DoNotOptimize(parallax::ParseFeed(feed, ctx, cb));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * feed.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * items));
}
BENCHMARK(BM_ParseRss)->RangeMultiplier(10)->Range(10, 10000);

void BM_JsonRecord(benchmark::State& state) {
  std::string text =
      ReadFile(std::string(PARALLAX_SOURCE_DIR) + "/examples/002_c0def981657421ef.txt");
  std::string escaped;
  for (char c : text) {
    if (c == '"' || c == '\\') escaped.push_back('\\');
    if (c == '\n') {
      escaped += "\\n";
      continue;
    }
    escaped.push_back(c);
  }
  std::string line =
      "{\"id\":\"x\",\"url\":\"https://bench.example/a\",\"published\":"
      "\"2024-03-27\",\"text\":\"" +
      escaped + "\"}";
  auto first = parallax::ArticleFromJsonRecord(line, {});
  Check(first.ok() && first->blocks.size() == 13, "jsonl record");
  for (auto _ : state) {
    auto r = parallax::ArticleFromJsonRecord(line, {});
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * line.size()));
}
BENCHMARK(BM_JsonRecord);

void BM_DeriveArticleId(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(parallax::DeriveArticleId(
        "https://www.example.com/world/2024/03/26/story?utm_source=rss&b=2&a=1#top", ""));
  }
}
BENCHMARK(BM_DeriveArticleId);

}  // namespace

BENCHMARK_MAIN();
