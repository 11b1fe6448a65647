#include "brief/mentions.h"

#include <optional>
#include <string_view>
#include <unordered_map>

namespace parallax::brief {
namespace {

const ner::Tagger* SharedTagger() {
  static const std::optional<ner::Tagger> tagger = []() -> std::optional<ner::Tagger> {
    Result<ner::Tagger> t = ner::Tagger::LoadDefault();
    if (!t.ok()) return std::nullopt;
    return std::move(t).value();
  }();
  return tagger ? &*tagger : nullptr;
}

// For each story position, the earlier position whose text and mentions it
// reuses, or itself. A linked duplicate (story.duplicates) reuses its
// original's: a syndicated copy names the same people and carries the same
// quotes, and tagging is most of a brief's cost. An article whose text is
// byte-identical to an earlier one's reuses it too (same input, same output).
std::vector<size_t> ReuseMap(const std::vector<Article>& articles, const StoryCluster& story,
                             const std::vector<std::string>& texts) {
  const size_t n = story.articles.size();
  std::unordered_map<size_t, size_t> position_of;  // article index -> story position
  for (size_t k = 0; k < n; ++k) position_of.emplace(story.articles[k], k);
  std::unordered_map<size_t, size_t> original_of;  // article index -> article index
  for (const auto& [dup, of] : story.duplicates) {
    if (dup != of && dup < articles.size() && of < articles.size()) original_of.emplace(dup, of);
  }
  std::vector<size_t> from(n);
  std::unordered_map<std::string_view, size_t> by_text;
  for (size_t k = 0; k < n; ++k) {
    from[k] = k;
    // Follow duplicate links to the first original in the story (a bounded
    // walk, so a malformed cycle cannot hang the brief).
    size_t a = story.articles[k];
    for (size_t hops = 0; hops < n; ++hops) {
      auto link = original_of.find(a);
      if (link == original_of.end()) break;
      a = link->second;
      auto pos = position_of.find(a);
      if (pos != position_of.end() && pos->second < from[k]) from[k] = pos->second;
    }
    if (from[k] != k) {
      from[k] = from[from[k]];  // an earlier position already points at its root
      continue;
    }
    auto [it, inserted] = by_text.emplace(texts[k], k);
    if (!inserted) from[k] = from[it->second];
  }
  return from;
}

}  // namespace

StoryTagging::StoryTagging(const std::vector<Article>& articles, const StoryCluster& story)
    : tagger_(SharedTagger()) {
  out_.tagged = tagger_ != nullptr;
  const size_t n = story.articles.size();
  out_.texts.reserve(n);
  for (size_t a : story.articles) out_.texts.push_back(articles[a].Text());
  const std::vector<size_t> from = ReuseMap(articles, story, out_.texts);
  out_.mentions.resize(n);
  for (size_t k = 0; k < n; ++k) {
    if (from[k] == k) {
      to_tag_.push_back(k);
    } else {
      reused_.emplace_back(k, from[k]);
    }
  }
}

void StoryTagging::Work() {
  if (tagger_ == nullptr) return;
  for (size_t i = next_.fetch_add(1); i < to_tag_.size(); i = next_.fetch_add(1)) {
    const size_t k = to_tag_[i];
    out_.mentions[k] = tagger_->TagText(out_.texts[k]);  // each slot written by one thread
  }
}

StoryMentions StoryTagging::Finish() {
  for (const auto& [k, from] : reused_) {
    // Offsets refer to the reused text, so the text is reused with them.
    out_.texts[k] = out_.texts[from];
    out_.mentions[k] = out_.mentions[from];
  }
  return std::move(out_);
}

StoryMentions TagStory(const std::vector<Article>& articles, const StoryCluster& story) {
  StoryTagging tagging(articles, story);
  tagging.Work();
  return tagging.Finish();
}

}  // namespace parallax::brief
