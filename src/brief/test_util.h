// Fixtures shared by the brief stage's tests: small stories built in code.
#pragma once

#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "parallax/article.h"
#include "parallax/cluster.h"

namespace parallax::brief_testing {

// An article titled "Title of <id>" whose body is `paragraphs`.
inline Article MakeArticle(std::string id, std::string outlet, std::vector<std::string> paragraphs,
                           std::string published = "") {
  Article a;
  a.id = std::move(id);
  a.outlet = std::move(outlet);
  a.published = std::move(published);
  a.title = "Title of " + a.id;
  for (auto& p : paragraphs) a.blocks.push_back({BlockKind::kParagraph, std::move(p)});
  return a;
}

// One story ("s1") holding every article.
inline StoryCluster AllOf(const std::vector<Article>& articles) {
  StoryCluster s;
  s.id = "s1";
  s.articles.resize(articles.size());
  std::iota(s.articles.begin(), s.articles.end(), 0);
  return s;
}

}  // namespace parallax::brief_testing
