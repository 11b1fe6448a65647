// Named-entity mentions of a story's articles, tagged once per brief.
//
// Tagging is most of a brief's cost, and both the entity list and the quote
// speakers need it: BuildBrief tags each article once here and hands the
// result to both stages. Syndicated copies linked in story.duplicates, and
// articles whose text is byte-identical to an earlier one's, are not tagged
// again: they take their original's text and mentions (a near-duplicate's
// own wording is then not seen by entities and quotes, which is the point of
// collapsing it). Pure function; the tagger (the project's model, loaded
// once per process) is shared read-only and thread-safe.
#pragma once

#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "parallax/article.h"
#include "parallax/cluster.h"
#include "parallax/ner.h"

namespace parallax::brief {

struct StoryMentions {
  bool tagged = false;  // false when the model could not be loaded
  // Article::Text() per story article (a linked duplicate's is its original's).
  std::vector<std::string> texts;
  std::vector<std::vector<ner::Mention>> mentions;  // byte offsets into texts[i]
};

// Texts and mentions of story.articles, in that order.
StoryMentions TagStory(const std::vector<Article>& articles, const StoryCluster& story);

// TagStory split so that several threads can share the tagging: construct
// (texts and the reuse map), call Work() from any number of threads at once
// (each claims untagged articles until none is left), then, once every
// Work() call has returned, Finish() once. Same result as TagStory.
class StoryTagging {
 public:
  StoryTagging(const std::vector<Article>& articles, const StoryCluster& story);
  void Work();
  StoryMentions Finish();

 private:
  const ner::Tagger* tagger_;
  StoryMentions out_;
  std::vector<size_t> to_tag_;                       // story positions tagged
  std::vector<std::pair<size_t, size_t>> reused_;    // (position, position it reuses)
  std::atomic<size_t> next_{0};                      // next index into to_tag_
};

}  // namespace parallax::brief
