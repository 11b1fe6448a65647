// Turns a user's search text into a safe FTS5 MATCH expression. Private to
// the store, exposed for tests.
//
// Grammar (everything else is literal text): words are ANDed; "a phrase" in
// double quotes matches in order (an unclosed quote runs to the end); OR (in
// capitals) between two items matches either; a leading '-' excludes a word
// or phrase; a trailing '*' makes a prefix search. Every word and phrase is
// emitted as an FTS5 string ("..." with quotes doubled), so no input can
// reach FTS5's own syntax. Items without a letter or digit are dropped (the
// tokenizer would see nothing in them). Thread-safe (pure).
#pragma once

#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax::store_internal {

constexpr size_t kMaxQueryBytes = 1000;
constexpr size_t kMaxQueryItems = 32;

// kInvalidArgument when the query is empty after cleaning, only excludes
// things, is too long, or is not UTF-8.
Result<std::string> ToFtsQuery(std::string_view user_query);

}  // namespace parallax::store_internal
