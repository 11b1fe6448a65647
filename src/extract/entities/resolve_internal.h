// Internal to the entities library: the token-level analysis of one article
// that ResolveArticle works from (names cleaned of titles and possessives,
// roles, title-noun phrases and pronouns). Split out so the rules that read
// the text (analyze.cc) stay apart from the rules that group mentions
// (resolve.cc).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/entities.h"
#include "parallax/ner.h"

namespace parallax::entities::internal {

// True when every word of `a` occurs in `b` in the same order ("netanyahu"
// in "benjamin netanyahu"; an empty `a` is in anything).
inline bool IsSubsequence(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t j = 0;
  for (size_t i = 0; i < b.size() && j < a.size(); ++i) {
    if (a[j] == b[i]) ++j;
  }
  return j == a.size();
}

// A name mention after cleaning ("Netanyahu’s" -> "Netanyahu", "Mr. Biden" ->
// "Biden" with gender, "U.S." typed as the country United States).
struct NameMention {
  size_t begin = 0, end = 0;
  std::string text;
  EntityType type = EntityType::kOther;
  std::string country;                     // canonical country name, or ""
  std::vector<std::string> words;          // folded word tokens
  std::vector<std::string> surface_words;  // the same tokens as written
  int gender = 0;                          // from an honorific: 1 male, 2 female
};

// A title attached to names[name_index] ("Prime Minister Benjamin Netanyahu",
// "Sullivan, the national security adviser,"). phrase_begin/end cover an
// appositive phrase that is itself a mention of the person (empty otherwise).
struct RoleLink {
  size_t name_index = 0;
  std::string role;
  size_t phrase_begin = 0, phrase_end = 0;
};

// "the Israeli prime minister" standing alone (not before a name).
struct TitlePhrase {
  size_t begin = 0, end = 0;
  std::string core;     // "prime minister"
  std::string country;  // "Israel", or ""
};

struct Pronoun {
  size_t begin = 0, end = 0;
  int gender = 0;
};

struct Document {
  std::string_view text;
  std::vector<NameMention> names;  // text order
  std::vector<RoleLink> roles;
  std::vector<TitlePhrase> titles;
  std::vector<Pronoun> pronouns;   // text order; never inside quotation marks
  std::vector<size_t> sentence_begins;
  size_t sentence_count = 0;
  size_t SentenceOf(size_t offset) const;
};

Document Analyze(std::string_view text, const std::vector<ner::Mention>& mentions);

// A role split into its country part ("Israeli", "Israel's" -> "Israel") and
// the rest ("prime minister").
struct TitleParts {
  std::string core;
  std::string country;
};
TitleParts SplitTitle(std::string_view role);

// Roles in order, counted: one per (core, country); a role without a country
// is dropped when the same core comes with one ("prime minister" beside
// "Israeli prime minister"). Keeps the first spelling; most frequent first.
std::vector<std::string> DedupeRoles(const std::vector<std::string>& roles);

// Words of a place or organisation name without a trailing generic word
// ("gaza strip" -> "gaza", "betty ford center" -> "betty ford", "apple inc."
// -> "apple"); unchanged for one word.
std::vector<std::string> PlaceKey(const std::vector<std::string>& folded_words);

}  // namespace parallax::entities::internal
