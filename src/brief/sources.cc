#include "brief/sources.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "parallax/text.h"

namespace parallax::brief {
namespace {

size_t Find(std::vector<size_t>& parent, size_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

}  // namespace

SourceGroups::SourceGroups(const std::vector<Article>& articles, const StoryCluster& story)
    : group_(articles.size(), 0) {
  std::vector<size_t> parent(articles.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto unite = [&](size_t a, size_t b) { parent[Find(parent, a)] = Find(parent, b); };
  for (const auto& [dup, of] : story.duplicates) unite(dup, of);
  std::unordered_map<std::string, size_t> by_outlet;
  for (size_t i : story.articles) {
    if (articles[i].outlet.empty()) continue;
    auto [it, inserted] = by_outlet.emplace(text::Fold(articles[i].outlet), i);
    if (!inserted) unite(i, it->second);
  }
  std::unordered_map<size_t, size_t> ids;
  for (size_t i : story.articles) {
    auto [it, inserted] = ids.emplace(Find(parent, i), ids.size());
    group_[i] = it->second;
  }
  groups_ = ids.size();
}

size_t SourceGroups::CountIndependent(const std::vector<size_t>& articles) const {
  std::vector<size_t> g;
  g.reserve(articles.size());
  for (size_t a : articles) g.push_back(group_[a]);
  std::sort(g.begin(), g.end());
  return static_cast<size_t>(std::unique(g.begin(), g.end()) - g.begin());
}

}  // namespace parallax::brief
