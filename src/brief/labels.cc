#include "brief/labels.h"

namespace parallax::brief {

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
  return a.id;
}

}  // namespace parallax::brief
