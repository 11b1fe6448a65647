#include "ingest/io/http.h"

#include <cctype>

#include "ingest/io/gzip.h"
#include "ingest/io/stream.h"

namespace parallax::io {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

namespace {

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Next line of `s` from *pos (without CR/LF); false at the end.
bool NextLine(std::string_view s, size_t* pos, std::string_view* line) {
  if (*pos >= s.size()) return false;
  size_t nl = s.find('\n', *pos);
  size_t end = nl == std::string_view::npos ? s.size() : nl;
  *line = s.substr(*pos, end - *pos);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  *pos = nl == std::string_view::npos ? s.size() : nl + 1;
  return true;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses a chunk-size line ("1a3f;ext=1"); false when it is not one.
bool ChunkSize(std::string_view line, uint64_t* size) {
  line = Trim(line);
  size_t semi = line.find(';');
  if (semi != std::string_view::npos) line = Trim(line.substr(0, semi));
  if (line.empty() || line.size() > 15) return false;
  uint64_t v = 0;
  for (char c : line) {
    int d = HexDigit(c);
    if (d < 0) return false;
    v = v * 16 + static_cast<uint64_t>(d);
  }
  *size = v;
  return true;
}

}  // namespace

Result<HttpResponse> ParseHttpResponse(std::string_view message) {
  size_t pos = 0;
  std::string_view line;
  // Tolerate blank lines before the status line.
  while (NextLine(message, &pos, &line) && Trim(line).empty()) {
  }
  line = Trim(line);
  if (!line.starts_with("HTTP/")) return InvalidInput("no HTTP status line");
  size_t sp = line.find(' ');
  if (sp == std::string_view::npos) return InvalidInput("malformed HTTP status line");
  std::string_view code = Trim(line.substr(sp + 1)).substr(0, 3);
  HttpResponse r;
  if (code.size() != 3 || !std::isdigit(static_cast<unsigned char>(code[0])) ||
      !std::isdigit(static_cast<unsigned char>(code[1])) ||
      !std::isdigit(static_cast<unsigned char>(code[2]))) {
    return InvalidInput("malformed HTTP status line");
  }
  r.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  while (NextLine(message, &pos, &line)) {
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (IEquals(name, "content-type")) {
      r.content_type = std::string(value);
    } else if (IEquals(name, "transfer-encoding")) {
      r.transfer_encoding = Lowered(value);
    } else if (IEquals(name, "content-encoding")) {
      r.content_encoding = Lowered(value);
    }
  }
  r.body = message.substr(std::min(pos, message.size()));
  return r;
}

std::string Dechunk(std::string_view body) {
  size_t pos = 0;
  std::string_view line;
  uint64_t size = 0;
  if (!NextLine(body, &pos, &line) || !ChunkSize(line, &size)) return std::string(body);
  std::string out;
  out.reserve(body.size());
  for (;;) {
    if (size == 0) break;
    uint64_t take = std::min<uint64_t>(size, body.size() - pos);
    out.append(body.substr(pos, take));
    pos += take;
    if (take < size) break;  // truncated: keep what arrived
    NextLine(body, &pos, &line);  // the CRLF after the data
    if (!NextLine(body, &pos, &line) || !ChunkSize(line, &size)) break;
  }
  return out;
}

Result<std::string_view> DecodeHttpBody(const HttpResponse& r, uint64_t max_bytes,
                                        std::string* storage) {
  std::string_view body = r.body;
  if (r.transfer_encoding.find("chunked") != std::string::npos) {
    *storage = Dechunk(r.body);
    body = *storage;
  }
  const std::string& ce = r.content_encoding;
  bool coded = ce == "gzip" || ce == "x-gzip" || ce == "deflate";
  // Archivers often store the decoded body yet keep the header.
  if (coded && !LooksGzip(body) && LooksLikeHtml(body)) coded = false;
  if (!coded) {
    if (!ce.empty() && ce != "identity" && ce != "gzip" && ce != "x-gzip" && ce != "deflate") {
      return Unsupported("unsupported Content-Encoding \"" + ce + "\"");
    }
    if (body.size() > max_bytes) {
      return TooLarge("body of " + FormatBytes(body.size()) + " exceeds the limit of " +
                      FormatBytes(max_bytes));
    }
    return body;
  }
  Result<std::string> inflated = InflateBuffer(body, max_bytes, /*allow_truncated=*/true);
  if (!inflated.ok()) {
    return Status(inflated.status().code(),
                  "cannot decode " + ce + " body: " + inflated.status().message());
  }
  *storage = std::move(inflated).value();
  return std::string_view(*storage);
}

bool IsHtmlContentType(std::string_view ct) {
  ct = Trim(ct.substr(0, ct.find(';')));
  return IEquals(ct, "text/html") || IEquals(ct, "application/xhtml+xml");
}

bool LooksLikeHtml(std::string_view b) {
  if (b.starts_with("\xEF\xBB\xBF")) b.remove_prefix(3);
  for (int guard = 0; guard < 64; ++guard) {
    while (!b.empty() && std::isspace(static_cast<unsigned char>(b.front()))) b.remove_prefix(1);
    if (b.starts_with("<!--")) {
      size_t end = b.find("-->");
      if (end == std::string_view::npos) return false;
      b.remove_prefix(end + 3);
      continue;
    }
    if (b.starts_with("<?xml")) {
      size_t end = b.find("?>");
      if (end == std::string_view::npos) return false;
      b.remove_prefix(end + 2);
      continue;
    }
    break;
  }
  std::string head = Lowered(b.substr(0, 16));
  return head.starts_with("<!doctype html") || head.starts_with("<html") ||
         head.starts_with("<head") || head.starts_with("<body");
}

}  // namespace parallax::io
