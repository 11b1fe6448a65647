// Deterministic synthetic articles for the store's tests and benchmark.
//
// Article i is a pure function of (seed, i): the same index always yields the
// same article, whatever order they are made in, which is what crash and
// idempotency tests need. Every article carries a unique marker word
// (UniqueWord(i)) for search spot checks. Make() is const and may be called
// from several threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/store.h"

namespace parallax::store_testing {

// A story record for Put/UpdateStory in tests (designated initializers
// would trip -Wmissing-field-initializers).
inline StoryRecord MakeStory(std::string id, std::string title = "", bool closed = false,
                             std::string state = "") {
  StoryRecord s;
  s.id = std::move(id);
  s.title = std::move(title);
  s.closed = closed;
  s.state = std::move(state);
  return s;
}

class ArticleGenerator {
 public:
  explicit ArticleGenerator(uint64_t seed, int paragraphs = 3, int words_per_paragraph = 40);

  Article Make(int64_t index) const;
  std::vector<Article> MakeRange(int64_t begin, int64_t end) const;

  // A word that occurs in article `index` only ("qz17x").
  static std::string UniqueWord(int64_t index);

  // The word list, most frequent first: word i is picked with probability
  // sqrt((i + 1) / size) - sqrt(i / size) (a uniform draw, squared).
  const std::vector<std::string>& vocabulary() const { return vocabulary_; }

 private:
  uint64_t seed_;
  int paragraphs_;
  int words_per_paragraph_;
  std::vector<std::string> vocabulary_;
};

}  // namespace parallax::store_testing
