// URL helpers for the format readers: id normalisation, relative-link
// resolution, host names.
//
// Pure functions; thread-safe. They accept anything (garbage in gives a
// best-effort string out, never a crash).
#pragma once

#include <string>
#include <string_view>

namespace parallax::formats {

// The form of `url` that article ids are derived from: scheme and host
// lowercased, "http" treated as "https", a leading "www." and default ports
// dropped, the fragment dropped, tracking parameters (utm_*, fbclid, gclid,
// ...) dropped and the rest sorted, and a trailing slash removed from the
// path. Two URLs a reader would consider the same article map to one string.
std::string NormalizeUrlForId(std::string_view url);

// `ref` resolved against `base` (RFC 3986). Returns `ref` unchanged when it is
// already absolute or `base` is empty, and "" when `ref` is empty.
std::string ResolveUrl(std::string_view base, std::string_view ref);

// Lowercased host of an absolute URL without a leading "www." ("" if none).
std::string UrlHost(std::string_view url);

// True when `s` looks like an absolute http(s) URL.
bool IsHttpUrl(std::string_view s);

}  // namespace parallax::formats
