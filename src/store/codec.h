// Article <-> row encoding and input validation, private to the store.
//
// The body is stored once, as Article::Text() (blocks joined by blank lines,
// which is also what FTS indexes); the `blocks` column keeps only the layout,
// a JSON array of [kind, byte length] pairs, so blocks can be rebuilt exactly
// even when a block's text itself contains blank lines. Captions are a JSON
// array of strings. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"
#include "parallax/store.h"

namespace parallax::store_internal {

// Strict UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
bool IsValidUtf8(std::string_view s);

// Checks every text field of `a` (UTF-8, no NUL, size limits) and that the id
// is present. `text` is a.Text(), passed in to avoid joining twice.
Status ValidateArticle(const Article& a, std::string_view text, const StoreOptions& options);

std::string EncodeLayout(const std::vector<Block>& blocks);
// Rebuilds blocks from `layout` and the stored body `text`; kInternal when
// they don't fit together (a damaged row).
Result<std::vector<Block>> DecodeLayout(std::string_view layout, std::string_view text);

std::string EncodeCaptions(const std::vector<std::string>& captions);
Result<std::vector<std::string>> DecodeCaptions(std::string_view json);

DateSource DateSourceFromName(std::string_view name);

// ContentHash() of an article with this title and body text.
std::string ContentHashOf(std::string_view title, std::string_view text);

}  // namespace parallax::store_internal
