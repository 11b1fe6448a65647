// Helpers for reading untrusted JSON with nlohmann::json without exceptions.
//
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax::formats {

// Parses `s`; on failure returns InvalidInput("invalid JSON at byte N: why").
Result<nlohmann::json> ParseJson(std::string_view s);

// The string at `key` of object `obj` into *out. A missing key or null leaves
// *out empty and is OK; another type is InvalidInput("field 'key' must be a
// string"). Numbers are accepted for `allow_number` fields (JSON Feed 1.0
// ids), written in decimal.
Status GetString(const nlohmann::json& obj, const char* key, std::string* out,
                 bool allow_number = false);

}  // namespace parallax::formats
