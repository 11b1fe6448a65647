// Finding the speaker phrase next to a cue and resolving it to a name, a
// title holder, a pronoun's antecedent or an anonymous description.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "document.h"
#include "parallax/quotes.h"

namespace parallax::quotes::internal {

using TokRange = std::pair<uint32_t, uint32_t>;  // [first, last) tokens; empty when equal

// The subject noun phrase that ends just before the cue token (skipping
// "has also", "on Monday"), within the cue's sentence. Empty when what
// precedes is not a plausible noun phrase.
TokRange SubjectBefore(const Doc& d, uint32_t cue);

// The noun phrase starting at `start` ("the official", "Mr. Smith, a
// spokesman"), up to punctuation or a clause word. Empty when none.
TokRange PhraseAfter(const Doc& d, uint32_t start);

// True when [a, b) looks like a speaker: a name, a pronoun, a source noun
// ("officials"), a title, a determiner phrase, or a share of a polled group
// ("47 percent", "Six in 10"); not a lone sentence-opening function word or
// participle ("Or", "Speaking").
bool PlausibleSpeaker(const Doc& d, TokRange r);

// The subject of a participle ("…, adding that …"): a description opening
// the cue's sentence up to its head noun ("The New York businessman",
// "Some advisers"), else the sentence's first person/organisation mention
// before `cue` that is neither a possessor, the object of a preposition nor
// a news agency in a dateline ("WASHINGTON (UPI) --").
TokRange SentenceSubject(const Doc& d, uint32_t cue);

struct ResolvedSpeaker {
  std::string name;
  SpeakerType type = SpeakerType::kUnknown;
  int entity = -1;
};

// Resolves speaker phrases in reading order; remembers who spoke or was the
// subject so that pronouns and titles can be resolved. Not thread-safe
// (one per Extract call).
class Resolver {
 public:
  explicit Resolver(const Doc& d);
  ResolvedSpeaker Resolve(TokRange r);
  // Records a resolved speaker at token `at` for later pronouns.
  void Note(const ResolvedSpeaker& s, uint32_t at);
  // The person who is the subject of the sentence nearest before token
  // `at` (its own included) and after token `after`, for a quote that
  // continues without attribution; unknown when none. *mention is set to
  // the subject's tokens.
  ResolvedSpeaker SubjectBetween(uint32_t after, uint32_t at, TokRange* mention) const;

 private:
  ResolvedSpeaker FromEntity(int entity) const;
  ResolvedSpeaker ResolvePronoun(TokRange r) const;
  ResolvedSpeaker ResolveTitle(TokRange r) const;
  static constexpr int kPronounSubject = -2;
  int SubjectPerson(uint32_t sentence, uint32_t before, uint32_t* at) const;
  void LearnGenders();

  const Doc& d_;
  struct Noted {
    uint32_t at;
    ResolvedSpeaker speaker;
  };
  std::vector<Noted> history_;
  std::vector<int> gender_;  // per entity: 0 unknown, 1 male, 2 female
};

}  // namespace parallax::quotes::internal
