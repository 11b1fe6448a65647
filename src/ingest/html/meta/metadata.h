// Page metadata: headline, byline, publication date, outlet, language, URL,
// from <title>, <meta>, Open Graph, JSON-LD NewsArticle, <time>, bylines and
// the URL itself.
//
// Pure function of the document; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "ingest/html/dom.h"
#include "parallax/article.h"

namespace parallax::html {

struct PageMetadata {
  std::string title;
  std::string author;
  std::string published;  // YYYY-MM-DD or full ISO 8601 timestamp
  DateSource published_source = DateSource::kNone;
  std::string outlet;     // site name, else a readable form of the host
  std::string url;        // canonical URL (og:url, <link rel=canonical>), else the given one
  std::string language;   // ISO 639-1 from <html lang> / og:locale / content-language
  std::string description;
};

PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view url);

}  // namespace parallax::html
