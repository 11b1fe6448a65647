// Shared checks for the cluster tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "parallax/cluster.h"

namespace parallax::cluster_testing {

// An article with one paragraph.
inline Article MakeArticle(std::string id, std::string title, std::string body,
                           std::string published = "") {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.published = std::move(published);
  a.blocks.push_back({BlockKind::kParagraph, std::move(body)});
  return a;
}

// Stop and resume: for each cut, a clusterer built with `options` takes the
// first `cut` articles of `in`, saves its state, and a clusterer built with
// `resume_options` loads it and takes the rest. Expects what one clusterer
// taking all of `in` gives: the same story id for every arrival, the same
// saved bytes and the same stories (ids, titles, articles, liveness).
// `resume_options` supplies only what the state does not keep (entity
// extractor, second-pass settings); the rest must come from the state.
inline void ExpectResumesIdentically(const ClusterOptions& options,
                                     const ClusterOptions& resume_options,
                                     const std::vector<Article>& in,
                                     const std::vector<size_t>& cuts) {
  OnlineClusterer whole(options);
  std::vector<std::string> expected;
  for (const Article& a : in) expected.push_back(whole.Add(a).story_id);
  std::string whole_state;
  whole.Save(&whole_state);
  const std::vector<StoryInfo> whole_stories = whole.Stories();
  for (size_t cut : cuts) {
    OnlineClusterer first(options);
    std::vector<std::string> got;
    for (size_t i = 0; i < cut; ++i) got.push_back(first.Add(in[i]).story_id);
    std::string blob;
    first.Save(&blob);
    OnlineClusterer resumed(resume_options);
    ASSERT_TRUE(resumed.Load(blob).ok()) << "cut at " << cut;
    for (size_t i = cut; i < in.size(); ++i) got.push_back(resumed.Add(in[i]).story_id);
    EXPECT_EQ(got, expected) << "cut at " << cut;
    std::string resumed_state;
    resumed.Save(&resumed_state);
    EXPECT_EQ(whole_state, resumed_state) << "cut at " << cut;
    const std::vector<StoryInfo> stories = resumed.Stories();
    ASSERT_EQ(whole_stories.size(), stories.size()) << "cut at " << cut;
    for (size_t i = 0; i < stories.size(); ++i) {
      EXPECT_EQ(whole_stories[i].id, stories[i].id);
      EXPECT_EQ(whole_stories[i].title, stories[i].title);
      EXPECT_EQ(whole_stories[i].articles, stories[i].articles);
      EXPECT_EQ(whole_stories[i].live, stories[i].live);
    }
  }
}

}  // namespace parallax::cluster_testing
