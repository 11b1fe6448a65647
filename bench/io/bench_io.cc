// Micro-benchmarks of the input stack. Each checks its result once before
// timing (a fast wrong answer is worthless).
//
//   build-io/bench/io/bench_io --benchmark_min_time=0.5
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "ingest/io/encoding.h"
#include "ingest/io/gzip.h"
#include "ingest/io/http.h"
#include "ingest/io/stream.h"
#include "ingest/io/utf8.h"
#include "ingest/io/warc.h"

namespace {

using namespace parallax;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench_io: check failed: %s\n", what);
    std::abort();
  }
}

// A page of `size` bytes: markup and English text, with one non-ASCII
// character every `every` bytes (0: pure ASCII).
std::string Page(size_t size, size_t every) {
  std::string p = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title></head><body>";
  const std::string para =
      "<p class=\"story\">The council approved the budget on Monday, officials said.</p>\n";
  while (p.size() < size) {
    p += para;
    if (every != 0 && p.size() % every < para.size()) p += "caf\xC3\xA9 \xE2\x80\x94 ";
  }
  p.resize(size);
  while (!io::IsValidUtf8(p)) p.pop_back();  // do not cut a character
  return p;
}

std::string GzipMember(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string WarcResponse(const std::string& uri, const std::string& page) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page;
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-03-25T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
         "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

std::string WarcRequest(const std::string& uri) {
  std::string block = "GET / HTTP/1.1\r\nHost: example\r\n\r\n";
  return "WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: " + uri +
         "\r\nContent-Type: application/http; msgtype=request\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

uint64_t Gunzip(const std::string& gz, std::string* out) {
  io::Reader r(std::make_unique<io::GzipSource>(io::MemorySource(gz)));
  out->clear();
  Check(r.ReadAll(UINT64_MAX, out).ok(), "gunzip");
  return out->size();
}

void BM_GzipInflateMultiMember(benchmark::State& state) {
  std::string plain, gz;
  for (int i = 0; i < 20; ++i) {
    std::string page = Page(175 << 10, 2000) + std::to_string(i);
    plain += page;
    gz += GzipMember(page);
  }
  std::string out;
  Gunzip(gz, &out);
  Check(out == plain, "multi-member gunzip round trip");
  for (auto _ : state) benchmark::DoNotOptimize(Gunzip(gz, &out));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * plain.size()));
}
BENCHMARK(BM_GzipInflateMultiMember);

void BM_ValidateUtf8(benchmark::State& state) {
  std::string page = Page(static_cast<size_t>(state.range(0)), static_cast<size_t>(state.range(1)));
  Check(io::IsValidUtf8(page), "page is valid UTF-8");
  for (auto _ : state) benchmark::DoNotOptimize(io::ValidUtf8Prefix(page));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}
BENCHMARK(BM_ValidateUtf8)->Args({175 << 10, 0})->Args({175 << 10, 500})->Args({175 << 10, 20});

// The per-page cost every HTML page pays: validation + copy.
void BM_DecodeUtf8FastPath(benchmark::State& state) {
  std::string page = Page(175 << 10, 2000);
  Check(io::DecodeToUtf8(page, "text/html; charset=utf-8", true) == page, "fast path copies");
  for (auto _ : state) benchmark::DoNotOptimize(io::DecodeToUtf8(page, "utf-8", true));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}
BENCHMARK(BM_DecodeUtf8FastPath);

void BM_DecodeWindows1252(benchmark::State& state) {
  std::string page = Page(175 << 10, 0);
  page.replace(page.find("utf-8"), 5, "windows-1252");
  for (size_t i = 300; i < page.size(); i += 400) page[i] = '\xE9';
  std::string out = io::DecodeToUtf8(page, "", true);
  Check(io::IsValidUtf8(out) && out.find("\xC3\xA9") != std::string::npos, "cp1252 decoded");
  for (auto _ : state) benchmark::DoNotOptimize(io::DecodeToUtf8(page, "", true));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}
BENCHMARK(BM_DecodeWindows1252);

void BM_DecodeUndeclaredDetect(benchmark::State& state) {
  std::string page = Page(175 << 10, 0);
  page.replace(page.find("<meta charset=\"utf-8\">"), 22, "");
  for (size_t i = 300; i < page.size(); i += 400) page[i] = '\xE9';
  Check(io::IsValidUtf8(io::DecodeToUtf8(page, "", true)), "detected and decoded");
  for (auto _ : state) benchmark::DoNotOptimize(io::DecodeToUtf8(page, "", true));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}
BENCHMARK(BM_DecodeUndeclaredDetect);

uint64_t ReadWarc(const std::string& data, uint64_t* pages) {
  Result<io::DecodedInput> in = io::OpenDecoded(io::MemorySource(data));
  io::WarcReader warc(in->reader.get(), 64 << 20);
  io::WarcRecord rec;
  uint64_t n = 0;
  for (;;) {
    io::WarcStep s = warc.Next(&rec, [](const io::WarcRecord& r) { return r.type == "response"; });
    if (s.kind == io::WarcStep::kEnd) break;
    if (s.kind != io::WarcStep::kRecord) continue;
    Result<io::HttpResponse> http = io::ParseHttpResponse(rec.block);
    if (http.ok() && http->status == 200) n += http->body.size() > 0;
  }
  *pages = n;
  return warc.records();
}

void BM_WarcRecords(benchmark::State& state) {
  const bool gz = state.range(0) != 0;
  std::string data;
  const int kPages = 50;
  for (int i = 0; i < kPages; ++i) {
    std::string uri = "https://e.example/" + std::to_string(i);
    std::string a = WarcRequest(uri), b = WarcResponse(uri, Page(175 << 10, 2000));
    data += gz ? GzipMember(a) + GzipMember(b) : a + b;
  }
  uint64_t pages = 0;
  Check(ReadWarc(data, &pages) == 2 * kPages && pages == kPages, "all records read");
  for (auto _ : state) benchmark::DoNotOptimize(ReadWarc(data, &pages));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 2 * kPages));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.size()));
}
BENCHMARK(BM_WarcRecords)->Arg(0)->Arg(1);

}  // namespace

BENCHMARK_MAIN();
