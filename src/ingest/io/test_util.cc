#include "ingest/io/test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>

namespace parallax::io::testing {
namespace {

// One deflate stream per window setting, reset between calls: tests build
// thousands of small members, and a fresh deflate state each time is slow.
std::string Compress(std::string_view data, int window_bits) {
  struct Stream {
    z_stream zs{};
    bool ready = false;
    ~Stream() {
      if (ready) deflateEnd(&zs);
    }
  };
  static thread_local std::map<int, Stream> streams;
  Stream& st = streams[window_bits];
  if (!st.ready) {
    EXPECT_EQ(deflateInit2(&st.zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, 8,
                           Z_DEFAULT_STRATEGY),
              Z_OK);
    st.ready = true;
  } else {
    deflateReset(&st.zs);
  }
  z_stream& zs = st.zs;
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  return out;
}

}  // namespace

std::string Gzip(std::string_view data) { return Compress(data, 16 + MAX_WBITS); }

std::string Deflate(std::string_view data, bool raw) {
  return Compress(data, raw ? -MAX_WBITS : MAX_WBITS);
}

std::string WarcRecordText(std::string_view type, std::string_view uri,
                           std::string_view content_type, std::string_view block) {
  static int id = 0;
  std::string r = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: 2024-03-25T10:00:00Z\r\n";
  r += "WARC-Record-ID: <urn:uuid:0000-" + std::to_string(++id) + ">\r\n";
  if (!content_type.empty()) r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string HttpMessage(int status, std::string_view content_type, std::string_view extra_headers,
                        std::string_view body) {
  std::string m = "HTTP/1.1 " + std::to_string(status) + " Whatever\r\n";
  if (!content_type.empty()) m += "Content-Type: " + std::string(content_type) + "\r\n";
  m += extra_headers;
  m += "\r\n";
  m += body;
  return m;
}

std::string ArticleHtml(std::string_view title, std::string_view body_text) {
  std::string p(body_text);
  return "<!DOCTYPE html><html><head><title>" + std::string(title) +
         "</title></head><body><article><h1>" + std::string(title) + "</h1><p>" + p +
         " The committee met on Tuesday to discuss the proposal in detail.</p><p>" + p +
         " Officials said a decision would follow later in the week.</p></article></body></html>";
}

std::string MakeTempDir(std::string_view tag) {
  static std::atomic<int> counter{0};
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                              ("parallax_io_" + std::string(tag) + "_" +
                               std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << path;
}

std::string FixturePath(std::string_view name) {
  return std::string(PARALLAX_SOURCE_DIR) + "/tests/data/io/" + std::string(name);
}

}  // namespace parallax::io::testing
