// ClusterArticles: the batch entry point over OnlineClusterer (cluster.h).
#include <algorithm>
#include <numeric>

#include "parallax/cluster.h"

namespace parallax {

std::vector<StoryCluster> ClusterArticles(const std::vector<Article>& articles,
                                          const ClusterOptions& options) {
  std::vector<StoryCluster> out;
  if (articles.empty()) return out;
  // Publication order; undated articles after dated ones; ties keep input order.
  std::vector<std::optional<double>> day(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) day[i] = ParseDay(articles[i].published);
  std::vector<size_t> order(articles.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (day[a].has_value() != day[b].has_value()) return day[a].has_value();
    return day[a] && *day[a] < *day[b];
  });

  OnlineClusterer clusterer(options);
  // Every input is known up front: warm the document frequencies with all of
  // them so early articles are weighed like late ones (less order dependence).
  for (size_t i : order) clusterer.ObserveDocumentFrequencies(articles[i]);
  std::vector<const Article*> ordered;
  ordered.reserve(order.size());
  for (size_t i : order) ordered.push_back(&articles[i]);
  clusterer.AddAll(ordered);
  clusterer.Refine();

  for (StoryInfo& s : clusterer.Stories()) {
    StoryCluster c;
    c.id = std::move(s.id);
    c.title = std::move(s.title);
    for (uint32_t seq : s.articles) c.articles.push_back(order[seq]);
    std::sort(c.articles.begin(), c.articles.end());
    for (auto [dup, orig] : s.duplicates) c.duplicates.emplace_back(order[dup], order[orig]);
    std::sort(c.duplicates.begin(), c.duplicates.end());
    out.push_back(std::move(c));
  }
  if (options.single_story && out.size() > 1) {
    // One story: the largest story's title, the first story's id.
    auto largest = std::max_element(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.articles.size() < b.articles.size();
    });
    StoryCluster all;
    all.id = out.front().id;
    all.title = largest->title;
    for (StoryCluster& c : out) {
      all.articles.insert(all.articles.end(), c.articles.begin(), c.articles.end());
      all.duplicates.insert(all.duplicates.end(), c.duplicates.begin(), c.duplicates.end());
    }
    std::sort(all.articles.begin(), all.articles.end());
    std::sort(all.duplicates.begin(), all.duplicates.end());
    out.assign(1, std::move(all));
  }
  return out;
}

}  // namespace parallax
