// Internal word lists of the text layer: stop words per language (used by
// IsStopWord, the sentence splitter's "sentence starter" test and language
// identification). The sets are built once, on first use, from string
// literals in stopwords.cc, and are immutable afterwards (thread-safe).
#pragma once

#include <string_view>
#include <unordered_set>
#include <vector>

namespace parallax::text::internal {

using WordSet = std::unordered_set<std::string_view>;

// Folded stop words of an ISO 639-1 language, or nullptr when we have none.
// Apostrophes are ASCII (') in the lists.
const WordSet* StopWordSet(std::string_view language);

struct StopList {
  std::string_view language;
  const WordSet* words;
};
// Every language with a stop list, in a fixed order.
const std::vector<StopList>& AllStopLists();

}  // namespace parallax::text::internal
