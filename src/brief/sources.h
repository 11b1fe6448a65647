// Independent sources of a story: syndicated duplicates and repeated outlets
// collapse into one source, so ten copies of one wire story count once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/cluster.h"

namespace parallax::brief {

class SourceGroups {
 public:
  SourceGroups(const std::vector<Article>& articles, const StoryCluster& story);
  // Group of an article (index into the input articles).
  size_t GroupOf(size_t article) const { return group_[article]; }
  size_t group_count() const { return groups_; }
  // Number of distinct groups among these articles.
  size_t CountIndependent(const std::vector<size_t>& articles) const;

 private:
  std::vector<size_t> group_;  // indexed by input article index
  size_t groups_ = 0;
};

}  // namespace parallax::brief
