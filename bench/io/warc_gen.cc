// Writes a large synthetic WARC file shaped like Common Crawl CC-NEWS: a
// warcinfo record, then per page a request, a response (HTTP 200, text/html)
// and a metadata record, each its own gzip member. Pages come from a folder
// of *.html / *.html.gz files when given (read at run time, never committed),
// else they are generated from a fixed seed.
//
//   warc_gen --out build-io/bench-data/news.warc.gz --pages 12000
//            [--html-dir ../shared/data/extraction/aeb/html] [--level 6] [--plain]
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string ReadMaybeGzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");  // reads plain files too
  if (f == nullptr) return {};
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

// Deterministic filler pages: a head with scripts and navigation, an article
// of several paragraphs, and a footer; ~60-120 KB like real news pages.
std::string SyntheticPage(uint64_t seed) {
  static const char* kWords[] = {"council", "budget", "minister", "said", "the", "on", "Monday",
                                 "reported", "officials", "city", "vote", "new", "plan",
                                 "according", "to", "a", "statement", "talks", "will", "resume",
                                 "after", "week", "of", "protests", "in", "capital", "and"};
  uint64_t x = seed * 6364136223846793005ull + 1442695040888963407ull;
  auto next = [&x]() {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(x >> 33);
  };
  std::string p = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story " +
                  std::to_string(seed) + "</title>";
  for (int i = 0; i < 20; ++i) {
    p += "<script>var config" + std::to_string(i) + " = {\"k\": " + std::to_string(next()) +
         ", \"items\": [" + std::string(1500, '1') + "]};</script>";
  }
  p += "</head><body><nav>";
  for (int i = 0; i < 60; ++i) p += "<a href=\"/section/" + std::to_string(i) + "\">Section</a> ";
  p += "</nav><article><h1>Story " + std::to_string(seed) + "</h1>";
  int paragraphs = 8 + static_cast<int>(next() % 12);
  for (int i = 0; i < paragraphs; ++i) {
    p += "<p>";
    int words = 40 + static_cast<int>(next() % 60);
    for (int w = 0; w < words; ++w) {
      p += kWords[next() % (sizeof kWords / sizeof kWords[0])];
      p += w + 1 == words ? "." : " ";
    }
    p += "</p>";
  }
  p += "</article><footer>" + std::string(2000, ' ') + "Copyright</footer></body></html>";
  return p;
}

std::string Record(const std::string& type, const std::string& uri, const std::string& ctype,
                   const std::string& block, uint64_t id) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: 2024-03-25T10:00:00Z\r\n";
  char uuid[64];
  std::snprintf(uuid, sizeof uuid, "<urn:uuid:%08llx-0000-4000-8000-000000000000>",
                static_cast<unsigned long long>(id));
  r += std::string("WARC-Record-ID: ") + uuid + "\r\n";
  r += "Content-Type: " + ctype + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string GzipMember(const std::string& data, int level) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
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

}  // namespace

int main(int argc, char** argv) {
  std::string out_path, html_dir;
  uint64_t pages = 1000;
  int level = 6;
  bool plain = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--out") out_path = value();
    else if (a == "--pages") pages = std::strtoull(value().c_str(), nullptr, 10);
    else if (a == "--html-dir") html_dir = value();
    else if (a == "--level") level = std::atoi(value().c_str());
    else if (a == "--plain") plain = true;
    else {
      std::cerr << "usage: warc_gen --out FILE [--pages N] [--html-dir DIR] [--level 0-9] [--plain]\n";
      return 2;
    }
  }
  if (out_path.empty()) {
    std::cerr << "warc_gen: --out is required\n";
    return 2;
  }
  std::vector<std::string> sources;
  if (!html_dir.empty()) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(html_dir, ec)) {
      std::string n = e.path().string();
      if (n.ends_with(".html") || n.ends_with(".html.gz")) names.push_back(n);
    }
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      std::string page = ReadMaybeGzip(n);
      if (!page.empty()) sources.push_back(std::move(page));
    }
    std::cerr << "warc_gen: " << sources.size() << " pages from " << html_dir << "\n";
  }
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::cerr << "warc_gen: cannot write " << out_path << "\n";
    return 1;
  }
  uint64_t id = 0, raw_bytes = 0, html_bytes = 0;
  auto emit = [&](const std::string& rec) {
    raw_bytes += rec.size();
    std::string bytes = plain ? rec : GzipMember(rec, level);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  };
  emit(Record("warcinfo", "", "application/warc-fields",
              "software: parallax warc_gen\r\nformat: WARC File Format 1.0\r\n", ++id));
  for (uint64_t p = 0; p < pages; ++p) {
    std::string uri = "https://news" + std::to_string(p % 97) + ".example/story/" +
                      std::to_string(p) + ".html";
    const std::string page = sources.empty() ? SyntheticPage(p) : sources[p % sources.size()];
    html_bytes += page.size();
    emit(Record("request", uri, "application/http; msgtype=request",
                "GET /story/" + std::to_string(p) + ".html HTTP/1.1\r\nHost: news.example\r\n"
                "User-Agent: warc_gen\r\n\r\n",
                ++id));
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                       "X-Crawler-Content-Length: " + std::to_string(page.size()) +
                       "\r\nContent-Length: " + std::to_string(page.size()) + "\r\n\r\n" + page;
    emit(Record("response", uri, "application/http; msgtype=response", http, ++id));
    emit(Record("metadata", uri, "application/warc-fields",
                "fetchTimeMs: 120\r\ncharset-detected: UTF-8\r\n", ++id));
  }
  out.close();
  std::cerr << "warc_gen: " << pages << " pages, " << id << " records, "
            << raw_bytes / 1e6 << " MB uncompressed (" << html_bytes / 1e6 << " MB HTML), "
            << std::filesystem::file_size(out_path) / 1e6 << " MB written to " << out_path << "\n";
  return out ? 0 : 1;
}
