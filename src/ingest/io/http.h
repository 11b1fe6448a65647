// HTTP/1.x responses as archived in WARC `response` records: status line,
// headers, and the body with transfer and content codings undone.
//
// Parsing is lenient the way archives need: bare LF line ends are accepted,
// a body that is not really chunked (or no longer compressed: crawlers often
// decode and keep the header) is used as it is. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax::io {

// Header-field helpers shared by the HTTP and WARC parsers: strips spaces,
// tabs and a trailing CR; compares ASCII case-insensitively.
std::string_view Trim(std::string_view s);
bool IEquals(std::string_view a, std::string_view b);

struct HttpResponse {
  int status = 0;                 // 200, 404, ...
  std::string content_type;       // as sent, e.g. "text/html; charset=utf-8"
  std::string transfer_encoding;  // lowercased, "" when absent
  std::string content_encoding;   // lowercased, "" when absent
  std::string_view body;          // points into the parsed message
};

// Parses the status line and headers of `message`; `body` is what follows the
// blank line. InvalidInput when there is no "HTTP/x status" line.
Result<HttpResponse> ParseHttpResponse(std::string_view message);

// The body with Transfer-Encoding: chunked and Content-Encoding gzip / x-gzip
// / deflate undone, capped at `max_bytes` (TooLarge beyond). Unknown codings
// ("br", "zstd") are Unsupported. The result views `response.body` when no
// coding applies (the common case in archives, no copy), else `*storage`.
Result<std::string_view> DecodeHttpBody(const HttpResponse& response, uint64_t max_bytes,
                                        std::string* storage);

// Undoes chunked transfer coding. A body that does not start with a chunk
// size line is returned unchanged; a truncated one yields the chunks present.
std::string Dechunk(std::string_view body);

// True for text/html and application/xhtml+xml (parameters ignored).
bool IsHtmlContentType(std::string_view content_type);

// True when `bytes` (after whitespace and a BOM) starts like an HTML document:
// a doctype, <html, <head, <body, or a comment followed by one of these.
bool LooksLikeHtml(std::string_view bytes);

}  // namespace parallax::io
