// Main-content extraction: the article body of an HTML page as blocks,
// without navigation, ads, comments, related links, cookie banners, share bars.
//
// Pure function of the document; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/html/dom.h"
#include "parallax/article.h"

namespace parallax::html {

struct ContentHints {
  std::string_view title;  // the page's headline, to drop a repeated <h1> from the body
  std::string_view url;
};

// Blocks of the main content in reading order (text whitespace-collapsed).
// Empty when the page has no recognisable article text.
std::vector<Block> ExtractMainContent(const HtmlDocument& doc, const ContentHints& hints);

}  // namespace parallax::html
