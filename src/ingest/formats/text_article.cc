#include <string>

#include "parallax/hash.h"
#include "parallax/ingest.h"

namespace parallax {

// Placeholder: first line is the title, blank-line separated paragraphs.
// Replaced by the seed-convention reader.
Result<Article> ParseTextArticle(std::string_view text, const DocContext& ctx) {
  Article a;
  a.source = ctx.source;
  a.url = ctx.url;
  a.id = ctx.default_id.empty() ? DeriveArticleId(ctx.url, text) : ctx.default_id;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (a.title.empty()) {
      a.title = line;
    } else {
      a.blocks.push_back({BlockKind::kParagraph, line});
    }
  }
  if (a.blocks.empty() && a.title.empty()) return InvalidInput("no text");
  return a;
}

std::string DeriveArticleId(std::string_view url, std::string_view content) {
  return url.empty() ? "c" + ShortHashHex(content, 15) : "u" + ShortHashHex(url, 15);
}

}  // namespace parallax
