#include "brief/labels.h"

#include "ingest/formats/url.h"
#include "parallax/text.h"

namespace parallax::brief {
namespace {

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

// See SourceLabels::Name.
std::string NameOf(const Article& a) {
  if (!a.outlet.empty()) return a.outlet;
  if (!a.title.empty()) return a.title;
  if (std::string host = formats::UrlHost(a.url); !host.empty()) return host;
  // A plain text without metadata: its opening words say which one it is
  // better than a file name.
  if (std::string opening = Opening(a, 8); !opening.empty()) return opening;
  return a.id;
}

}  // namespace

std::string ArticleCounts(size_t articles, int independent_sources) {
  return std::to_string(articles) + (articles == 1 ? " article, " : " articles, ") +
         std::to_string(independent_sources) +
         (independent_sources == 1 ? " independent source" : " independent sources");
}

SourceLabels::SourceLabels(const std::vector<Article>& articles) {
  for (const Article& a : articles) {
    if (number_.emplace(a.id, static_cast<int>(number_.size()) + 1).second) {
      named_.push_back(&a);
      names_.push_back(NameOf(a));
    }
  }
}

int SourceLabels::Number(const std::string& id) const {
  auto it = number_.find(id);
  return it == number_.end() ? 0 : it->second;
}

std::string SourceLabels::Name(const Article& a) const {
  const int n = Number(a.id);
  if (n > 0 && named_[static_cast<size_t>(n - 1)] == &a) return names_[static_cast<size_t>(n - 1)];
  return NameOf(a);  // an article the labels were not built from
}

std::string SourceLabels::OutletName(const std::string& outlet, const std::vector<std::string>& ids) const {
  if (ids.size() != 1 || ids[0] != outlet) return outlet;
  const int n = Number(outlet);
  if (n <= 0 || !named_[static_cast<size_t>(n - 1)]->outlet.empty()) return outlet;
  return names_[static_cast<size_t>(n - 1)];
}

}  // namespace parallax::brief
