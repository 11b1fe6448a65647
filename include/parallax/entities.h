// Entities across mentions and articles: who and what a story is about.
//
// Two steps, each usable alone:
//  1. Within one article, ResolveArticle() groups the named-entity tagger's
//     mentions (ner.h) into entities with simple, precise rules:
//       - person names: a later "Netanyahu" or "Benjamin" joins the earlier
//         "Benjamin Netanyahu" (last / first name), a headline "Netanyahu"
//         joins a full name that comes later;
//       - organisations: "United Nations" = "UN" = "U.N." (initials), "the
//         Security Council" = "United Nations Security Council" (suffix);
//       - places: country names and aliases normalised with a small
//         gazetteer ("U.S." = "US" = "United States"); demonyms ("Israeli")
//         are adjectives, not entities;
//       - titles: "Israeli Prime Minister Benjamin Netanyahu" and "Sullivan,
//         the national security adviser," give the person a role; a later
//         "the Israeli prime minister" refers to the one person who carried
//         that title;
//       - pronouns (he/him/his, she/her) only when one person is in view.
//  2. Across the articles of a story, MergeStoryEntities() joins the
//     articles' entities (same name form, or a lone surname / acronym that
//     fits exactly one fuller entity) and picks the most complete frequent
//     form as the canonical name.
//
//   Result<entities::Extractor> x = entities::Extractor::LoadDefault();
//   std::vector<std::vector<entities::ArticleEntity>> per_article;
//   for (const std::string& body : bodies) per_article.push_back(x->Extract(body));
//   for (const entities::StoryEntity& e : entities::MergeStoryEntities(per_article)) ...
//
// Thread-safety: an Extractor is immutable after loading (it shares the
// tagger's model); Extract and the free functions may be called concurrently.
// Results own all their strings.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/article.h"
#include "parallax/ner.h"
#include "parallax/status.h"

namespace parallax::entities {

enum class EntityType { kPerson, kOrganization, kPlace, kOther };

// "person", "organization", "place", "other" (CONTRACT.md brief types).
const char* EntityTypeName(EntityType type);

enum class MentionKind {
  kName,     // a name as the tagger found it ("Benjamin Netanyahu", "UN")
  kTitle,    // a title-noun phrase ("the Israeli prime minister")
  kPronoun,  // he, him, his, she, her
};

struct EntityMention {
  size_t begin = 0;  // byte offsets into the article text
  size_t end = 0;
  std::string text;  // the surface text, possessive "'s" removed for names
  MentionKind kind = MentionKind::kName;
};

// One entity of one article.
struct ArticleEntity {
  std::string name;                   // most complete name form in the article
  EntityType type = EntityType::kOther;
  std::vector<std::string> aliases;   // other name forms, first-seen order (no pronouns/titles)
  std::vector<std::string> roles;     // "Israeli prime minister", "national security adviser"
  std::vector<EntityMention> mentions;  // in text order
};

// Groups tagger mentions of `text` into entities (step 1 above). `mentions`
// must be the tagger's output for exactly this text (offsets into it).
// Entities come in order of first mention.
std::vector<ArticleEntity> ResolveArticle(std::string_view text,
                                          const std::vector<ner::Mention>& mentions);

// The tagger plus ResolveArticle.
class Extractor {
 public:
  explicit Extractor(ner::Tagger tagger) : tagger_(std::move(tagger)) {}
  // Loads ner::DefaultModelPath(); errors as ner::Tagger::Load.
  static Result<Extractor> LoadDefault();

  std::vector<ArticleEntity> Extract(std::string_view text) const;
  const ner::Tagger& tagger() const { return tagger_; }

 private:
  ner::Tagger tagger_;
};

// One entity of a story.
struct StoryEntity {
  std::string name;                  // canonical: most complete form seen in >= 2 articles, else most complete
  EntityType type = EntityType::kOther;
  std::vector<std::string> aliases;  // every other name form, most frequent first
  std::vector<std::string> roles;    // most frequent first
  std::vector<size_t> articles;      // indices into the input, ascending
  int mentions = 0;                  // all mentions (names, titles, pronouns)
  // The article entities merged here: (article, index in per_article[article]).
  std::vector<std::pair<size_t, size_t>> members;
};

// Merges per-article entities (per_article[i] = entities of article i).
// Order: most articles first, then most mentions, then name.
std::vector<StoryEntity> MergeStoryEntities(
    const std::vector<std::vector<ArticleEntity>>& per_article);

// For the clusterer's EntityExtractor seam (cluster.h): the entity names of
// an article's text, one per mention, folded by the caller.
//  - kMentions: the tagger's mention texts, plus the last word of multi-word
//    person names (the form CapitalisedSpans yields);
//  - kResolved: each mention as its article entity's name (so "Netanyahu"
//    and "the Israeli prime minister" both count as "Benjamin Netanyahu").
// The returned function shares the extractor's model and is thread-safe.
enum class ClusterNames { kMentions, kResolved };
std::function<std::vector<std::string>(const Article&)> ClusterEntityNames(const Extractor& extractor,
                                                                           ClusterNames mode);

// Lexicon helpers, exposed for the brief and tests.
// The canonical country name for a name or alias ("U.S." -> "United States"),
// "" when `name` is not a country.
std::string CountryOf(std::string_view name);
// The country whose English demonym `word` is ("Israeli" -> "Israel"), or "".
std::string CountryOfDemonym(std::string_view word);

}  // namespace parallax::entities
