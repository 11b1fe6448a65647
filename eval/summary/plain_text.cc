#include "plain_text.h"

#include "parallax/text.h"

namespace parallax::eval {

Article PlainTextArticle(std::string id, std::string outlet, const std::string& raw) {
  Article a;
  a.id = std::move(id);
  a.outlet = std::move(outlet);
  a.language = "en";
  size_t pos = 0;
  while (pos <= raw.size()) {
    size_t nl = raw.find('\n', pos);
    if (nl == std::string::npos) nl = raw.size();
    std::string p = text::Normalize(std::string_view(raw).substr(pos, nl - pos));
    if (!p.empty()) a.blocks.push_back({BlockKind::kParagraph, std::move(p)});
    pos = nl + 1;
  }
  return a;
}

}  // namespace parallax::eval
