#include "ingest/formats/url.h"

#include <libxml/uri.h>

#include <algorithm>
#include <vector>

namespace parallax::formats {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

struct UrlParts {
  std::string scheme;     // lowercased, "" when relative
  std::string_view host;  // may carry userinfo and port until cleaned
  std::string_view path;
  std::string_view query;
  bool has_authority = false;
};

UrlParts Split(std::string_view url) {
  UrlParts p;
  size_t hash = url.find('#');
  if (hash != std::string_view::npos) url = url.substr(0, hash);
  size_t colon = url.find("://");
  size_t rest = 0;
  if (colon != std::string_view::npos && colon > 0 &&
      std::all_of(url.begin(), url.begin() + static_cast<long>(colon), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '+' || c == '-' || c == '.';
      })) {
    p.scheme = LowerAscii(url.substr(0, colon));
    rest = colon + 3;
    p.has_authority = true;
  } else if (url.starts_with("//")) {
    rest = 2;
    p.has_authority = true;
  }
  size_t path_begin = url.size();
  if (p.has_authority) {
    path_begin = url.find_first_of("/?", rest);
    if (path_begin == std::string_view::npos) path_begin = url.size();
    p.host = url.substr(rest, path_begin - rest);
  } else {
    path_begin = rest;
  }
  size_t q = url.find('?', path_begin);
  if (q == std::string_view::npos) {
    p.path = url.substr(path_begin);
  } else {
    p.path = url.substr(path_begin, q - path_begin);
    p.query = url.substr(q + 1);
  }
  return p;
}

// Host without userinfo, lowercased, without "www." and trailing dot;
// `port` receives the port text ("" when none).
std::string CleanHost(std::string_view host, std::string* port) {
  size_t at = host.rfind('@');
  if (at != std::string_view::npos) host = host.substr(at + 1);
  size_t colon = host.rfind(':');
  if (colon != std::string_view::npos && host.find(']', colon) == std::string_view::npos) {
    *port = std::string(host.substr(colon + 1));
    host = host.substr(0, colon);
  }
  std::string h = LowerAscii(host);
  while (!h.empty() && h.back() == '.') h.pop_back();
  if (h.starts_with("www.")) h.erase(0, 4);
  return h;
}

bool IsTrackingParam(std::string_view key) {
  std::string k = LowerAscii(key);
  static constexpr std::string_view kExact[] = {"fbclid",  "gclid",  "dclid",  "gclsrc",
                                                "msclkid", "mc_cid", "mc_eid", "igshid",
                                                "yclid",   "_ga",    "_gl"};
  if (k.starts_with("utm_")) return true;
  return std::find(std::begin(kExact), std::end(kExact), k) != std::end(kExact);
}

}  // namespace

std::string NormalizeUrlForId(std::string_view url) {
  url = TrimSpaces(url);
  UrlParts p = Split(url);
  std::string out;
  if (p.has_authority) {
    std::string port;
    std::string host = CleanHost(p.host, &port);
    std::string scheme = p.scheme == "http" ? "https" : p.scheme;
    if ((port == "80" || port == "443") && (scheme == "https" || scheme.empty())) port.clear();
    out = scheme.empty() ? "//" : scheme + "://";
    out += host;
    if (!port.empty()) out += ":" + port;
  }
  std::string_view path = p.path;
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  out += path;
  std::vector<std::string_view> params;
  std::string_view q = p.query;
  while (!q.empty()) {
    size_t amp = q.find('&');
    std::string_view kv = q.substr(0, amp);
    q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
    if (kv.empty()) continue;
    if (IsTrackingParam(kv.substr(0, kv.find('=')))) continue;
    params.push_back(kv);
  }
  std::sort(params.begin(), params.end());
  for (size_t i = 0; i < params.size(); ++i) {
    out += i == 0 ? '?' : '&';
    out += params[i];
  }
  return out;
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  ref = TrimSpaces(ref);
  if (ref.empty()) return "";
  base = TrimSpaces(base);
  if (base.empty() || IsHttpUrl(ref)) return std::string(ref);
  std::string r(ref), b(base);
  xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(r.c_str()),
                               reinterpret_cast<const xmlChar*>(b.c_str()));
  if (built == nullptr) return r;
  std::string out(reinterpret_cast<const char*>(built));
  xmlFree(built);
  return out;
}

std::string UrlHost(std::string_view url) {
  UrlParts p = Split(TrimSpaces(url));
  if (!p.has_authority) return "";
  std::string port;
  return CleanHost(p.host, &port);
}

bool IsHttpUrl(std::string_view s) {
  s = TrimSpaces(s);
  std::string head = LowerAscii(s.substr(0, 8));
  return (head.starts_with("http://") && s.size() > 7) ||
         (head.starts_with("https://") && s.size() > 8);
}

}  // namespace parallax::formats
