// SniffFormat and InputFormatName (parallax/ingest.h) plus name helpers.
#include "ingest/io/sniff.h"

#include <cctype>

#include "ingest/io/encoding.h"
#include "ingest/io/http.h"
#include "parallax/ingest.h"

namespace parallax {
namespace {

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view SkipSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return s;
}

// Skips the XML prolog: declaration, comments, processing instructions and
// doctypes that are not HTML's, returning the text at the root element.
std::string_view SkipProlog(std::string_view s) {
  for (int guard = 0; guard < 64; ++guard) {
    s = SkipSpace(s);
    std::string_view close;
    if (s.starts_with("<?")) {
      close = "?>";
    } else if (s.starts_with("<!--")) {
      close = "-->";
    } else if (s.starts_with("<!") && !Lowered(s.substr(0, 14)).starts_with("<!doctype html")) {
      close = ">";  // <!DOCTYPE rss ...> and friends
    } else {
      return s;
    }
    size_t end = s.find(close);
    if (end == std::string_view::npos) return {};
    s.remove_prefix(end + close.size());
  }
  return s;
}

// Does `s` start with `<name` followed by a delimiter (case-insensitive)?
bool StartsWithTag(std::string_view s, std::string_view name) {
  if (s.size() < name.size() + 2 || s[0] != '<') return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i + 1])) != name[i]) return false;
  }
  char next = s[name.size() + 1];
  return IsSpace(next) || next == '>' || next == '/';
}

bool IsJsonFeed(std::string_view head) {
  size_t v = head.find("\"version\"");
  if (v == std::string_view::npos) return false;
  std::string_view rest = SkipSpace(head.substr(v + 9));
  if (rest.empty() || rest.front() != ':') return false;
  rest = SkipSpace(rest.substr(1));
  return rest.starts_with("\"https://jsonfeed.org/") || rest.starts_with("\"http://jsonfeed.org/");
}

// One complete JSON object on the first line: "{...}" (with trailing space).
bool FirstLineIsObject(std::string_view s) {
  size_t nl = s.find('\n');
  if (nl == std::string_view::npos) return false;  // maybe cut by the head limit
  std::string_view line = s.substr(0, nl);
  while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
  return line.size() >= 2 && line.front() == '{' && line.back() == '}';
}

constexpr std::string_view kHtmlTags[] = {"meta", "title", "div", "p", "script", "link", "style",
                                          "table", "span", "a", "h1", "h2", "article", "section",
                                          "header", "nav", "main", "img", "form", "base"};

}  // namespace

const char* InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kText: return "text";
    case InputFormat::kHtml: return "html";
    case InputFormat::kFeed: return "feed";
    case InputFormat::kJsonFeed: return "jsonfeed";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kWarc: return "warc";
    case InputFormat::kUnknown: return "unknown";
  }
  return "unknown";
}

InputFormat SniffFormat(std::string_view name, std::string_view head) {
  std::string decoded;
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {  // UTF-16 BOM
    decoded = io::DecodeToUtf8(head.substr(0, head.size() & ~size_t{1}), "", false);
    head = decoded;
  }
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const std::string ext = io::FormatExtension(name);
  std::string_view s = SkipSpace(head);

  if (s.starts_with("WARC/1.")) return InputFormat::kWarc;
  if (io::LooksBinary(head)) return InputFormat::kUnknown;
  if (s.starts_with("{")) {
    if (IsJsonFeed(s)) return InputFormat::kJsonFeed;
    if (ext == "jsonl" || ext == "ndjson" || FirstLineIsObject(s)) return InputFormat::kJsonl;
    // A single-line object cut by the head limit, or a lone record.
    if (s.find('\n') == std::string_view::npos) return InputFormat::kJsonl;
    return ext == "json" ? InputFormat::kUnknown : InputFormat::kText;
  }
  if (s.starts_with("<")) {
    std::string_view root = SkipProlog(s);
    if (StartsWithTag(root, "rss") || StartsWithTag(root, "feed") ||
        StartsWithTag(root, "rdf:rdf")) {
      return InputFormat::kFeed;
    }
    if (io::LooksLikeHtml(s)) return InputFormat::kHtml;
    for (std::string_view tag : kHtmlTags) {
      if (StartsWithTag(root, tag)) return InputFormat::kHtml;
    }
  }
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return InputFormat::kHtml;
  if (ext == "rss" || ext == "atom" || ext == "rdf") return InputFormat::kFeed;
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::kJsonl;
  if (ext == "warc") return InputFormat::kWarc;
  if (ext == "txt" || ext == "text" || ext == "md") return InputFormat::kText;
  // No telling name: a page that starts with some preamble is still HTML.
  std::string lower = Lowered(head.substr(0, 4096));
  if (lower.find("<html") != std::string::npos && lower.find("<body") != std::string::npos) {
    return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

namespace io {

std::string FormatExtension(std::string_view name) {
  size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string lower = Lowered(name);
  if (lower.ends_with(".gz")) lower.resize(lower.size() - 3);
  size_t dot = lower.find_last_of('.');
  if (dot == std::string::npos || dot == 0) return {};
  return lower.substr(dot + 1);
}

std::string DefaultIdForPath(std::string_view path) {
  if (path == "-") return {};
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::string lower = Lowered(base);
  if (lower.ends_with(".gz") && base.size() > 3) base.remove_suffix(3);
  size_t dot = base.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  return std::string(base);
}

bool LooksBinary(std::string_view head) {
  static constexpr std::string_view kMagic[] = {"%PDF-", "PK\x03\x04", "\x89PNG", "\xFF\xD8\xFF",
                                                "GIF8", "\x7F" "ELF"};
  for (std::string_view m : kMagic) {
    if (head.starts_with(m)) return true;
  }
  size_t control = 0;
  std::string_view sample = head.substr(0, 4096);
  for (char ch : sample) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) ++control;
  }
  return control * 20 > sample.size() && control > 2;  // over 5% control bytes
}

}  // namespace io
}  // namespace parallax
