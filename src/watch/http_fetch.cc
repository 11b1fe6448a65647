// HttpFetcher: one conditional GET over cpp-httplib, redirects followed here
// (so every hop gets the same timeouts and body limit).
#include <httplib.h>

#include <cctype>
#include <string>

#include "parallax/watch.h"

namespace parallax::watch {
namespace {

constexpr int kMaxRedirects = 5;

struct SplitUrl {
  std::string origin;  // "http://host:port"
  std::string target;  // "/path?query"
  bool https = false;
};

Result<SplitUrl> Split(const std::string& url) {
  size_t colon = url.find("://");
  if (colon == std::string::npos) return InvalidArgument("not an absolute URL");
  std::string scheme = url.substr(0, colon);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "http" && scheme != "https") return Unsupported("scheme " + scheme + " is not http(s)");
  size_t host_start = colon + 3;
  size_t path_start = url.find_first_of("/?#", host_start);
  SplitUrl out;
  out.https = scheme == "https";
  std::string authority = url.substr(host_start, path_start == std::string::npos
                                                     ? std::string::npos
                                                     : path_start - host_start);
  if (authority.empty()) return InvalidArgument("URL has no host");
  if (authority.find('@') != std::string::npos) return Unsupported("credentials in URLs are not supported");
  out.origin = scheme + "://" + authority;
  out.target = path_start == std::string::npos ? "/" : url.substr(path_start);
  size_t hash = out.target.find('#');
  if (hash != std::string::npos) out.target.resize(hash);
  if (out.target.empty() || out.target.front() != '/') out.target.insert(0, "/");
  return out;
}

// Location header resolved against the URL that answered.
std::string Resolve(const SplitUrl& base, const std::string& location) {
  if (location.find("://") != std::string::npos) return location;
  if (location.rfind("//", 0) == 0) return (base.https ? "https:" : "http:") + location;
  if (!location.empty() && location.front() == '/') return base.origin + location;
  std::string dir = base.target.substr(0, base.target.find('?'));
  dir.resize(dir.rfind('/') + 1);
  return base.origin + dir + location;
}

std::string Describe(httplib::Error e) {
  switch (e) {
    case httplib::Error::Connection: return "connection failed";
    case httplib::Error::Read: return "read failed or timed out";
    case httplib::Error::Write: return "write failed";
    case httplib::Error::ConnectionTimeout: return "connection timed out";
    case httplib::Error::SSLConnection: return "TLS connection failed";
    case httplib::Error::SSLServerVerification: return "TLS certificate verification failed";
    case httplib::Error::Canceled: return "canceled";
    default: return "HTTP error: " + httplib::to_string(e);
  }
}

Result<FetchResponse> FetchOnce(const HttpOptions& options, const FetchRequest& request,
                                std::string* redirect_to) {
  Result<SplitUrl> split = Split(request.url);
  if (!split.ok()) return split.status();
  if (split->https && !HttpsSupported()) {
    return Unsupported("https feeds are unsupported: cpp-httplib was built without OpenSSL");
  }
  httplib::Client client(split->origin);
  if (!client.is_valid()) return InvalidArgument("cannot make an HTTP client for " + split->origin);
  client.set_connection_timeout(options.connect_timeout_seconds, 0);
  client.set_read_timeout(options.read_timeout_seconds, 0);
  client.set_write_timeout(options.read_timeout_seconds, 0);
  client.set_follow_location(false);
  httplib::Headers headers = {{"User-Agent", options.user_agent},
                              {"Accept",
                               "application/rss+xml, application/atom+xml, application/feed+json, "
                               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"}};
#ifdef CPPHTTPLIB_ZLIB_SUPPORT
  headers.emplace("Accept-Encoding", "gzip, deflate");  // cpp-httplib decodes these
#endif
  if (!request.if_none_match.empty()) headers.emplace("If-None-Match", request.if_none_match);
  if (!request.if_modified_since.empty()) {
    headers.emplace("If-Modified-Since", request.if_modified_since);
  }
  std::string body;
  bool too_large = false;
  httplib::Result res = client.Get(
      split->target, headers, [&](const char* data, size_t length) {
        if (body.size() + length > options.max_body_bytes) {
          too_large = true;
          return false;
        }
        body.append(data, length);
        return true;
      });
  if (too_large) {
    return TooLarge("response larger than " + std::to_string(options.max_body_bytes) + " bytes");
  }
  if (!res) return IoError(Describe(res.error()));
  FetchResponse out;
  out.status = res->status;
  int s = res->status;
  if ((s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && res->has_header("Location")) {
    *redirect_to = Resolve(*split, res->get_header_value("Location"));
    return out;
  }
  out.body = std::move(body);
  out.etag = res->get_header_value("ETag");
  out.last_modified = res->get_header_value("Last-Modified");
  out.content_type = res->get_header_value("Content-Type");
  // Only the delta-seconds form; an HTTP-date Retry-After is ignored.
  std::string retry = res->get_header_value("Retry-After");
  if (!retry.empty() && retry.size() < 10 &&
      retry.find_first_not_of("0123456789") == std::string::npos) {
    out.retry_after_seconds = std::stoll(retry);
  }
  return out;
}

}  // namespace

bool HttpsSupported() {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
  return true;
#else
  return false;
#endif
}

FetchFn HttpFetcher(const HttpOptions& options) {
  return [options](const FetchRequest& request) -> Result<FetchResponse> {
    FetchRequest hop = request;
    for (int i = 0; i <= kMaxRedirects; ++i) {
      std::string redirect_to;
      Result<FetchResponse> r = FetchOnce(options, hop, &redirect_to);
      if (!r.ok() || redirect_to.empty()) return r;
      hop.url = redirect_to;
    }
    return IoError("more than " + std::to_string(kMaxRedirects) + " redirects");
  };
}

}  // namespace parallax::watch
