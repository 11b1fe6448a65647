#include "ingest/html/content/content.h"

namespace parallax::html {

// Placeholder: every <p>. Replaced by the real extractor.
std::vector<Block> ExtractMainContent(const HtmlDocument& doc, const ContentHints& /*hints*/) {
  std::vector<Block> out;
  for (uint32_t id : doc.FindAll(Tag::kP)) {
    std::string t = doc.TextContent(id);
    if (!t.empty()) out.push_back({BlockKind::kParagraph, std::move(t)});
  }
  return out;
}

}  // namespace parallax::html
