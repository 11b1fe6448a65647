// articleBody from a page's JSON-LD (schema.org Article / NewsArticle /
// BlogPosting), used as a fallback and cross-check of the DOM extraction.
// Internal to the content extractor; thread-safe.
#pragma once

#include <string>

#include "ingest/html/dom.h"

namespace parallax::html::content {

// The longest articleBody string found in any JSON-LD block (also inside
// @graph and arrays); "" when none. Invalid JSON is ignored.
std::string JsonLdArticleBody(const HtmlDocument& doc);

}  // namespace parallax::html::content
