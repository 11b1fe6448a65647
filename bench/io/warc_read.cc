// Whole-run timing of the input stack on one big file: records/s, MB/s and
// peak RSS (getrusage ru_maxrss).
//
//   warc_read FILE            # ReadInputs: sniff, gunzip, WARC, HTTP, ParseHtmlArticle
//   warc_read --io-only FILE  # the same without HTML parsing: gunzip, WARC, HTTP, decoding
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "ingest/io/encoding.h"
#include "ingest/io/gzip.h"
#include "ingest/io/http.h"
#include "ingest/io/stream.h"
#include "ingest/io/warc.h"
#include "parallax/ingest.h"

namespace {

double CpuSeconds() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double PeakRssMb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // KB on Linux
}

struct Counts {
  uint64_t records = 0, pages = 0, errors = 0, bytes_out = 0;
};

int IoOnly(const std::string& path, Counts* c) {
  using namespace parallax;
  Result<std::unique_ptr<io::ByteSource>> raw = io::OpenFileSource(path);
  if (!raw.ok()) return std::fprintf(stderr, "%s\n", raw.status().message().c_str()), 1;
  Result<io::DecodedInput> in = io::OpenDecoded(std::move(raw).value());
  if (!in.ok()) return 1;
  io::WarcReader warc(in->reader.get(), 64 << 20);
  io::WarcRecord rec;
  for (;;) {
    io::WarcStep s = warc.Next(&rec, [](const io::WarcRecord& r) { return r.type == "response"; });
    if (s.kind == io::WarcStep::kEnd) break;
    ++c->records;
    if (s.kind == io::WarcStep::kProblem) {
      ++c->errors;
      if (s.fatal) break;
      continue;
    }
    if (s.kind != io::WarcStep::kRecord) continue;
    Result<io::HttpResponse> http = io::ParseHttpResponse(rec.block);
    if (!http.ok() || !io::IsHtmlContentType(http->content_type)) continue;
    std::string storage;
    Result<std::string_view> body = io::DecodeHttpBody(*http, 64 << 20, &storage);
    if (!body.ok()) continue;
    std::string utf8 =
        io::DecodeToUtf8(*body, io::CharsetFromContentType(http->content_type), true);
    c->bytes_out += utf8.size();
    ++c->pages;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bool io_only = argc == 3 && std::strcmp(argv[1], "--io-only") == 0;
  if (argc != 2 && !io_only) {
    std::fprintf(stderr, "usage: warc_read [--io-only] FILE\n");
    return 2;
  }
  std::string path = argv[argc - 1];
  double file_mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  auto start = std::chrono::steady_clock::now();
  Counts c;
  if (io_only) {
    if (IoOnly(path, &c) != 0) return 1;
  } else {
    parallax::ReadCallbacks cb;
    cb.on_article = [&](parallax::Article&& a) { c.bytes_out += a.Text().size(); };
    cb.on_error = [&](const parallax::InputError& e) {
      if (c.errors++ < 5) std::fprintf(stderr, "%s: %s\n", e.input.c_str(), e.problem.c_str());
    };
    parallax::ReadStats stats = parallax::ReadInputs({path}, {}, cb);
    c.pages = stats.articles;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = CpuSeconds();  // the machine is shared: CPU time is the steadier figure
  double items = static_cast<double>(io_only ? c.records : c.pages);
  const char* unit = io_only ? "records" : "articles";
  std::printf(
      "%s: %s, %.1f MB file, %.0f %s, %llu errors\n"
      "  wall %.2f s: %.0f %s/s, %.1f MB/s of file\n"
      "  cpu  %.2f s: %.0f %s/s, %.1f MB/s of file\n"
      "  peak RSS %.1f MB\n",
      path.c_str(), io_only ? "io-only" : "ReadInputs", file_mb, items, unit,
      static_cast<unsigned long long>(c.errors), secs, items / secs, unit, file_mb / secs, cpu,
      items / cpu, unit, file_mb / cpu, PeakRssMb());
  if (io_only) {
    std::printf("  %llu HTML pages decoded, %.1f MB of UTF-8\n",
                static_cast<unsigned long long>(c.pages), static_cast<double>(c.bytes_out) / 1e6);
  }
  return 0;
}
