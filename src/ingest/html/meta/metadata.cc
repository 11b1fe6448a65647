#include "ingest/html/meta/metadata.h"

namespace parallax::html {

// Placeholder: <title> only. Replaced by the real metadata extractor.
PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view url) {
  PageMetadata m;
  uint32_t t = doc.FindFirst(Tag::kTitle);
  if (t != kNoNode) m.title = doc.TextContent(t);
  m.url = std::string(url);
  return m;
}

}  // namespace parallax::html
