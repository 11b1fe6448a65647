// Word lists the quote extractor reads (English). All take folded words.
#pragma once

#include <string_view>

namespace parallax::quotes::internal {

// A reporting verb form ("said", "tells", "warning", "believes"). Sets
// *participle for -ing forms, whose subject is the main clause's.
bool IsCueVerb(std::string_view word, bool* participle = nullptr);

// Cue verbs that usually take a listener object: "told reporters that …".
bool TakesListener(std::string_view word);

// he, she, they, ... with what they can refer to.
enum class PronounKind { kNone, kSingular, kPlural, kFirstPerson };
PronounKind Pronoun(std::string_view word);

// Words that end a subject noun phrase when reading backwards from a cue:
// conjunctions, relatives, complementisers ("that", "and", "while", "who").
bool IsClauseBoundary(std::string_view word);

// Adverbs and auxiliaries between a subject and its cue ("has also said").
bool IsVerbModifier(std::string_view word);

// Words that, inside a candidate subject, show it is a clause, not a noun
// phrase ("is", "was", "would", "not").
bool IsClauseVerb(std::string_view word);

// Time words for "on Monday", "last week", "Tuesday" around a cue.
bool IsTimeWord(std::string_view word);

// Prepositions that open an adverbial after a cue ("in a statement").
bool IsPreposition(std::string_view word);

// Titles that identify a person by office ("minister", "president").
bool IsTitleWord(std::string_view word);

// Nouns naming a kind of (unnamed) source: "official", "spokesperson".
bool IsSourceNoun(std::string_view word);

// Determiners and quantifiers that open a noun phrase.
bool IsDeterminer(std::string_view word);

}  // namespace parallax::quotes::internal
