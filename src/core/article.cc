#include "parallax/article.h"
#include "parallax/duplicate.h"

namespace parallax {

const char* DuplicateKindName(DuplicateKind k) {
  return k == DuplicateKind::kNear ? "near" : "exact";
}

const char* DateSourceName(DateSource s) {
  switch (s) {
    case DateSource::kMetadata: return "metadata";
    case DateSource::kText: return "text";
    case DateSource::kNone: return "";
  }
  return "";
}

const char* BlockKindName(BlockKind k) {
  switch (k) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kQuote: return "quote";
  }
  return "paragraph";
}

std::string Article::Text() const {
  std::string out;
  for (const Block& b : blocks) {
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

std::vector<std::string> Article::Paragraphs() const {
  std::vector<std::string> out;
  out.reserve(blocks.size());
  for (const Block& b : blocks) out.push_back(b.text);
  return out;
}

}  // namespace parallax
