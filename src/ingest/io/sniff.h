// Helpers for recognising inputs by name and first bytes. SniffFormat itself
// (declared in parallax/ingest.h) is implemented in sniff.cc next to these.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace parallax::io {

// An article id from a file name (CONTRACT.md): the basename without a
// compression suffix (.gz) and one format extension: "dir/a.html.gz" -> "a",
// "000_13c8.txt" -> "000_13c8", "notes" -> "notes". "" for "-" (stdin).
std::string DefaultIdForPath(std::string_view path);

// The lowercased format extension of a name, ignoring a trailing ".gz":
// "A.HTML.gz" -> "html"; "" when there is none.
std::string FormatExtension(std::string_view name);

// True when `head` looks like binary data (NUL bytes, many control bytes, or
// a known binary magic such as PDF, ZIP, PNG, JPEG) rather than text.
bool LooksBinary(std::string_view head);

}  // namespace parallax::io
