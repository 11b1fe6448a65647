// Date normalisation for the format readers: every date a reader stores is
// ISO 8601 (CONTRACT.md).
//
// Pure function; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parallax::formats {

// ISO 8601 form of a date or timestamp found in metadata (RSS pubDate,
// Atom updated, JSON `published`, a "date ..." line), or nullopt when it is
// not a date.
std::optional<std::string> NormalizeDate(std::string_view text);

}  // namespace parallax::formats
