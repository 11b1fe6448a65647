// Small string and URL helpers shared by the metadata extractors.
// Pure functions; thread-safe. ASCII case folding only: the strings compared
// here are attribute names, class names, labels and host names.
#pragma once

#include <string>
#include <string_view>

namespace parallax::html::meta {

// ASCII lowercase copy.
std::string AsciiLower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);

// Whitespace (incl. NBSP and Unicode spaces) collapsed to single spaces,
// trimmed.
std::string CollapseSpaces(std::string_view s);

// Lowercase ASCII letters and digits only, for fuzzy equality of names
// ("Al Jazeera" ~ "aljazeera.com" host label "aljazeera").
std::string Squash(std::string_view s);

// Host of an absolute URL, lowercased, without "www." and port ("" if none).
std::string HostOf(std::string_view url);
// Path of an absolute URL ("/a/b?c" -> "/a/b"); "/" when empty.
std::string_view PathOf(std::string_view url);
// `ref` resolved against `base` (RFC 3986 merge of the common cases:
// absolute, scheme-relative "//host/p", absolute-path "/p", relative "p",
// "../p"; query and fragment kept). Returns `ref` unchanged when `base` is
// not absolute, and "" for non-http(s) schemes (javascript:, data:).
std::string ResolveUrl(std::string_view base, std::string_view ref);

// "en-US", "en_us", "EN" -> "en"; "" when not a 2-letter ISO 639-1 code
// (3-letter codes with a 2-letter equivalent are mapped: "eng" -> "en").
std::string NormalizeLanguage(std::string_view tag);

}  // namespace parallax::html::meta
