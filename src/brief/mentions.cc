#include "brief/mentions.h"

#include <optional>

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

}  // namespace

StoryMentions TagStory(const std::vector<Article>& articles, const StoryCluster& story) {
  StoryMentions out;
  const ner::Tagger* tagger = SharedTagger();
  out.tagged = tagger != nullptr;
  out.texts.reserve(story.articles.size());
  out.mentions.reserve(story.articles.size());
  for (size_t a : story.articles) {
    out.texts.push_back(articles[a].Text());
    out.mentions.push_back(tagger ? tagger->TagText(out.texts.back())
                                  : std::vector<ner::Mention>{});
  }
  return out;
}

}  // namespace parallax::brief
