#include "ingest/html/meta/text_util.h"

#include <array>
#include <utility>

namespace parallax::html::meta {

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

size_t SpaceAt(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) return 3;
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80) {
    return 3;
  }
  return 0;
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > haystack.size()) return false;
  const char first = Lower(needle[0]);
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (Lower(haystack[i]) != first) continue;
    if (EqualsIgnoreCase(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (size_t i = 0; i < s.size();) {
    if (size_t n = SpaceAt(s, i)) {
      pending = !out.empty();
      i += n;
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(s[i++]);
  }
  return out;
}

std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    c = Lower(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80)) out.push_back(c);
  }
  return out;
}

namespace {

// Splits an absolute URL into scheme+authority ("https://host") and the rest.
bool SplitAuthority(std::string_view url, std::string_view* origin, std::string_view* rest) {
  const size_t colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    const char c = Lower(url[i]);
    if (!((c >= 'a' && c <= 'z') || c == '+' || c == '-' || c == '.')) return false;
  }
  size_t end = url.find_first_of("/?#", colon + 3);
  if (end == std::string_view::npos) end = url.size();
  *origin = url.substr(0, end);
  *rest = url.substr(end);
  return true;
}

}  // namespace

std::string HostOf(std::string_view url) {
  std::string_view origin, rest;
  if (!SplitAuthority(url, &origin, &rest)) return "";
  std::string_view host = origin.substr(origin.find("://") + 3);
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
  if (size_t colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);
  std::string h = AsciiLower(host);
  if (h.starts_with("www.")) h.erase(0, 4);
  return h;
}

std::string_view PathOf(std::string_view url) {
  std::string_view origin, rest;
  if (!SplitAuthority(url, &origin, &rest)) return "/";
  rest = rest.substr(0, rest.find_first_of("?#"));
  return rest.empty() ? std::string_view("/") : rest;
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  std::string r = CollapseSpaces(ref);
  if (r.empty()) return "";
  std::string_view origin, rest;
  if (SplitAuthority(r, &origin, &rest)) {
    return StartsWithIgnoreCase(r, "http") ? r : "";
  }
  if (const size_t colon = r.find(':'); colon != std::string::npos &&
                                        r.find_first_of("/?#") > colon) {
    return "";  // another scheme: javascript:, mailto:, data:
  }
  if (!SplitAuthority(base, &origin, &rest)) return r;
  if (r.starts_with("//")) return std::string(origin.substr(0, origin.find("://") + 1)) + r;
  if (r[0] == '/') return std::string(origin) + r;
  std::string_view base_path = rest.substr(0, rest.find_first_of("?#"));
  if (r[0] == '?' || r[0] == '#') {
    return std::string(origin) + std::string(r[0] == '#' ? rest.substr(0, rest.find('#'))
                                                          : base_path) + r;
  }
  // Merge with the base directory, then remove dot segments.
  std::string path(base_path.substr(0, base_path.rfind('/') + 1));
  if (path.empty()) path = "/";
  path += r;
  std::string suffix;
  if (size_t q = path.find_first_of("?#"); q != std::string::npos) {
    suffix = path.substr(q);
    path.resize(q);
  }
  std::string out;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i + 1);
    if (j == std::string::npos) j = path.size();
    std::string_view seg = std::string_view(path).substr(i, j - i);  // includes leading '/'
    if (seg == "/..") {
      if (size_t cut = out.rfind('/'); cut != std::string::npos) out.resize(cut);
      if (j == path.size()) out += '/';
    } else if (seg == "/.") {
      if (j == path.size()) out += '/';
    } else {
      out += seg;
    }
    i = j;
  }
  if (out.empty()) out = "/";
  return std::string(origin) + out + suffix;
}

std::string NormalizeLanguage(std::string_view tag) {
  std::string t = AsciiLower(CollapseSpaces(tag));
  const size_t cut = t.find_first_of("-_ ,;");
  if (cut != std::string::npos) t.resize(cut);
  for (char c : t) {
    if (c < 'a' || c > 'z') return "";
  }
  if (t.size() == 2) return t;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> k3to2 = {{
      {"eng", "en"}, {"deu", "de"}, {"ger", "de"}, {"fra", "fr"}, {"fre", "fr"},
      {"spa", "es"}, {"ita", "it"}, {"por", "pt"}, {"nld", "nl"}, {"dut", "nl"},
      {"rus", "ru"}, {"ukr", "uk"}, {"pol", "pl"}, {"tur", "tr"}, {"ara", "ar"},
      {"zho", "zh"}, {"chi", "zh"}, {"jpn", "ja"}, {"swe", "sv"}, {"ces", "cs"},
  }};
  for (const auto& [three, two] : k3to2) {
    if (t == three) return std::string(two);
  }
  return "";
}

}  // namespace parallax::html::meta
