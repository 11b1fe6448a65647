// Story clustering: grouping articles about the same event, and linking
// duplicates (syndicated copies) inside a story.
//
// ClusterArticles() is the batch entry point used by `parallax cluster` and
// `parallax brief`: every input article ends up in exactly one story.
// Thread-compatible: concurrent calls on different inputs are safe.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "parallax/article.h"

namespace parallax {

struct StoryCluster {
  std::string id;                        // stable: derived from the first article's id
  std::string title;                     // a representative headline
  std::vector<size_t> articles;          // indices into the input, in input order
  // (duplicate index, index of the article it duplicates); both in `articles`.
  std::vector<std::pair<size_t, size_t>> duplicates;
};

struct ClusterOptions {
  bool single_story = false;  // put everything in one story (still links duplicates)
};

std::vector<StoryCluster> ClusterArticles(const std::vector<Article>& articles,
                                          const ClusterOptions& options = {});

}  // namespace parallax
