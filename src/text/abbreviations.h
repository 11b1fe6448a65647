// Internal: abbreviation tables for the sentence splitter, and the small word
// lists its decisions consult. Tables are built once and immutable.
#pragma once

#include <string_view>

namespace parallax::text::internal {

// How a known abbreviation behaves before a capitalised word.
enum class AbbrevKind {
  kNone,     // not an abbreviation: a full stop after it ends the sentence
  kTitle,    // "Mr.", "Gen.", "Mme.": always followed by a name, never final
  kNumeric,  // "No.", "pp.", "Fig.": not final before a number, else a plain word
  kFinal,    // "etc.", "Inc.", "p.m.": often final; final before a capitalised word
             // unless that word continues it (time zones after "p.m.")
  kStarter,  // "U.S.", "Jan.", "St.", "e.g.", initials: final only before a
             // word that typically starts a sentence ("The", "But", "He")
  kState,    // "Fla.", "Miss.": after "City," (AP style) like kFinal, else kStarter
};

// Kind of `word` (the text before the full stop, without that stop; dotted
// forms keep their inner dots: "U.S", "a.m", "z.B") for ISO 639-1 `language`.
// English and universal entries apply to every language. Lookup tries the
// exact spelling, then lowercase, then Titlecase (for "MR." in headlines);
// single letters are never case-folded ("P." is an initial, "p." a page).
AbbrevKind LookupAbbreviation(std::string_view word, std::string_view language);

// Words that continue a sentence after a kFinal abbreviation ("10 p.m. ET",
// "9:40 p.m. Friday", "Apple Inc. CEO").
bool ContinuesAfterFinal(std::string_view word);

// Folded words that often open an English sentence but are not stop words
// ("according", "meanwhile", "last").
bool IsExtraStarter(std::string_view folded_word);

// Folded verbs of speech: `"...?" Biden asked` does not end at the quote.
bool IsSpeechVerb(std::string_view folded_word);

}  // namespace parallax::text::internal
