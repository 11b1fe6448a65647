// Placeholder clustering: one story holding every article; exact duplicates
// (same normalised text) linked to their first occurrence. Replaced by the
// online story clusterer.
#include <unordered_map>

#include "parallax/cluster.h"
#include "parallax/hash.h"
#include "parallax/text.h"

namespace parallax {

std::vector<StoryCluster> ClusterArticles(const std::vector<Article>& articles,
                                          const ClusterOptions& /*options*/) {
  std::vector<StoryCluster> out;
  if (articles.empty()) return out;
  StoryCluster story;
  story.id = "s-" + articles.front().id;
  std::unordered_map<std::string, size_t> first_by_hash;
  for (size_t i = 0; i < articles.size(); ++i) {
    story.articles.push_back(i);
    if (story.title.empty()) story.title = articles[i].title;
    std::string key = Fingerprint128(text::Fold(text::Normalize(articles[i].Text())));
    auto [it, inserted] = first_by_hash.emplace(key, i);
    if (!inserted) story.duplicates.emplace_back(i, it->second);
  }
  out.push_back(std::move(story));
  return out;
}

}  // namespace parallax
