#include "brief/entities.h"

#include <algorithm>
#include <memory>
#include <string>

#include "parallax/entities.h"
#include "parallax/text.h"

namespace parallax::brief {
namespace {

bool IsJunk(const std::string& name) {
  size_t letters = 0, upper = 0;
  for (unsigned char c : name) {
    if (c >= 'A' && c <= 'Z') ++upper;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80) ++letters;
  }
  if (letters < 2) return true;  // "3", "A", "2024-03-25"
  const bool one_word = name.find(' ') == std::string::npos;
  if (one_word && upper == 0 && static_cast<unsigned char>(name[0]) < 0x80) return true;  // "rehab"
  static constexpr const char* kDates[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "today", "yesterday", "tomorrow"};
  const std::string folded = text::Fold(name);
  for (const char* d : kDates) {
    if (folded == d || folded.starts_with(std::string(d) + " ")) return true;
  }
  return false;
}

}  // namespace

std::vector<BriefEntity> StoryEntities(const std::vector<Article>& articles, const StoryCluster& story,
                                       const SourceGroups& sources, size_t limit) {
  return StoryEntities(articles, story, sources, TagStory(articles, story), limit);
}

std::vector<BriefEntity> StoryEntities(const std::vector<Article>& articles, const StoryCluster& story,
                                       const SourceGroups& sources, const StoryMentions& mentions,
                                       size_t limit) {
  if (!mentions.tagged || story.articles.empty()) return {};
  std::vector<std::vector<entities::ArticleEntity>> per;
  per.reserve(story.articles.size());
  for (size_t i = 0; i < story.articles.size(); ++i) {
    per.push_back(entities::ResolveArticle(mentions.texts[i], mentions.mentions[i]));
  }
  struct Ranked {
    BriefEntity entity;
    size_t independent = 0;
    int mentions = 0;
  };
  std::vector<Ranked> ranked;
  for (entities::StoryEntity& e : entities::MergeStoryEntities(per)) {
    if (IsJunk(e.name)) continue;
    Ranked r;
    std::vector<size_t> input;  // indices into `articles`
    for (size_t k : e.articles) input.push_back(story.articles[k]);
    r.independent = sources.CountIndependent(input);
    r.mentions = e.mentions;
    r.entity.name = std::move(e.name);
    r.entity.type = entities::EntityTypeName(e.type);
    r.entity.aliases = std::move(e.aliases);
    r.entity.roles = std::move(e.roles);
    for (size_t a : input) r.entity.sources.push_back(articles[a].id);
    ranked.push_back(std::move(r));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.independent != b.independent) return a.independent > b.independent;
    return a.mentions > b.mentions;
  });
  std::vector<BriefEntity> out;
  for (size_t i = 0; i < ranked.size() && i < limit; ++i) out.push_back(std::move(ranked[i].entity));
  return out;
}

}  // namespace parallax::brief
