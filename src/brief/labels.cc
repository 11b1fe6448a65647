#include "brief/labels.h"

#include <string_view>

#include "parallax/text.h"

namespace parallax::brief {
namespace {

// "www.example.com" from "https://www.example.com/a/b?c" ("" when none).
std::string_view Host(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  if (url.starts_with("www.")) url.remove_prefix(4);
  return url;
}

// The text's first `max_words` words, "…" when cut ("" for an empty text).
std::string Opening(const Article& a, size_t max_words) {
  const std::string text = text::Normalize(a.Text());
  size_t words = 0, i = 0;
  while (i < text.size() && words < max_words) {
    const size_t space = text.find(' ', i);
    ++words;
    if (space == std::string::npos) return text;
    i = space + 1;
  }
  if (i >= text.size()) return text;
  return text.substr(0, i - 1) + "\xE2\x80\xA6";
}

}  // namespace

SourceLabels::SourceLabels(const std::vector<Article>& articles) {
  for (const Article& a : articles) number_.emplace(a.id, static_cast<int>(number_.size()) + 1);
}

int SourceLabels::Number(const std::string& id) const {
  auto it = number_.find(id);
  return it == number_.end() ? 0 : it->second;
}

std::string SourceLabels::Name(const Article& a) const {
  if (!a.outlet.empty()) return a.outlet;
  if (!a.title.empty()) return a.title;
  if (std::string_view host = Host(a.url); !host.empty()) return std::string(host);
  // A plain text without metadata: its opening words say which one it is
  // better than a file name.
  if (std::string opening = Opening(a, 8); !opening.empty()) return opening;
  return a.id;
}

}  // namespace parallax::brief
