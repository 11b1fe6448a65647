// Helpers for the io tests: gzip compression, temporary folders, files.
#pragma once

#include <string>
#include <string_view>

namespace parallax::io::testing {

// One gzip member holding `data` (zlib deflate, default level).
std::string Gzip(std::string_view data);

// A zlib-wrapped (`raw` = false) or bare deflate stream of `data`.
std::string Deflate(std::string_view data, bool raw);

// One WARC/1.0 record: header lines for the given fields (empty ones left
// out), a correct Content-Length, the block and the CRLF CRLF trailer.
std::string WarcRecordText(std::string_view type, std::string_view uri,
                           std::string_view content_type, std::string_view block);

// An HTTP/1.1 response message with the given status, extra header lines
// ("Name: value\r\n" each) and body.
std::string HttpMessage(int status, std::string_view content_type, std::string_view extra_headers,
                        std::string_view body);

// A small article page with the given title and paragraphs of body text.
std::string ArticleHtml(std::string_view title, std::string_view body_text);

// A fresh, empty folder under ::testing::TempDir(), unique per call.
std::string MakeTempDir(std::string_view tag);

// Writes `bytes` to `path` (creating or truncating it).
void WriteFile(const std::string& path, std::string_view bytes);

// The source tree's tests/data/io/<name>.
std::string FixturePath(std::string_view name);

}  // namespace parallax::io::testing
