// The text layer: normalisation, sentences, tokens, stems, stop words,
// language identification. Every later stage sees text through these.
//
// All functions take and return UTF-8. Offsets are byte offsets into the
// argument. Invalid UTF-8 never crashes anything: Normalize and Fold turn it
// into U+FFFD, the splitter and tokenizer treat each bad byte as a symbol.
// Free functions are thread-safe (their tables are immutable after a
// thread-safe first-use initialisation); a Stemmer is not (use one per
// thread). Nothing here throws (beyond std::bad_alloc).
//
// Typical use:
//   std::string para = text::Normalize(raw_block, /*keep_newlines=*/true);
//   for (text::Span s : text::SplitSentences(para, "en")) { ... }
//   std::vector<std::string> words = text::Words(sentence);   // folded
//   text::Stemmer stem("en");  std::string root = stem.Stem(words[0]);
//
// Notes on the algorithms and their limits: src/text/README.md.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::text {

// NFC normalisation, invalid UTF-8 replaced by U+FFFD, control characters
// dropped, all Unicode spaces (NBSP, thin space, ...) mapped to ' ', runs of
// spaces collapsed, zero-width characters and soft hyphens removed, trimmed.
// Newlines are kept when `keep_newlines` (collapsed to at most two).
//
// Details: "\r\n" and "\r" are newlines; U+2028 is a newline and U+2029 a
// paragraph break (two newlines); spaces next to a newline are dropped; tabs
// are spaces. Removed invisibles: U+00AD, U+200B, U+2060, U+FEFF, U+180E and
// the bidi marks/embeddings (U+200E/F, U+061C, U+202A-E, U+2066-9). ZWNJ and
// ZWJ (U+200C/D) are kept: they spell Persian and Indic words and emoji.
// C1 controls (U+0080-U+009F) are read as the Windows-1252 characters they
// almost always are in web text (U+0092 -> ’). Idempotent. ASCII and
// already-NFC text take a single pass; NFC (utf8proc) runs only when a code
// point whose NFC_Quick_Check is not Yes occurs.
std::string Normalize(std::string_view utf8, bool keep_newlines = false);

// Lowercase (Unicode full case folding: "Straße" -> "strasse", "ΣΟΦΟΣ" ->
// "σοφοσ"). Not re-normalised afterwards; invalid bytes become U+FFFD.
std::string Fold(std::string_view utf8);

struct Span {
  size_t begin = 0;  // byte offsets into the split text
  size_t end = 0;
  bool operator==(const Span&) const = default;
};

// Sentence boundaries. Robust to abbreviations (U.S., U.N., Gen., Mr., Jan.),
// initials (J. R. R. Tolkien), decimals and numbers (1.4 million, 3.5%),
// ellipses, quotes and brackets after the full stop ("...," he said. / ...?")
// and to text without spaces after the stop. `language` is ISO 639-1;
// unknown languages use the English rules plus universal punctuation (also
// CJK full stops and the Arabic question mark). Spans exclude surrounding
// whitespace; their text is never empty.
//
// More precisely: a blank line always ends a sentence; a single newline ends
// one when the line has no terminal punctuation and the next line starts
// like a sentence or a list item (headlines, datelines, bullets), unless the
// text is hard-wrapped. `?"`/`!"` followed by a name and a speech verb
// ("Why?" Biden asked) does not end the sentence. Spans without any letter,
// digit or pictograph ("-----", a lone bullet) are dropped. German-style
// ordinals ("am 3. Oktober") are handled for de, da, no, fi, pl, cs, hu, tr
// and neighbours; abbreviation lists exist for en, de, fr, es, it, pt, nl,
// ru. Linear time. Measured boundary P/R: see bench/text/RESULTS.md.
std::vector<Span> SplitSentences(std::string_view text, std::string_view language = "en");

enum class TokenKind { kWord, kNumber, kPunct, kSymbol };

struct Token {
  size_t begin = 0;
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
};

// Word tokens (letters, digits, internal apostrophes and hyphens, "U.S."),
// numbers ("1.4", "1,500"), punctuation and symbols. Whitespace is skipped.
//
// Words: letters of any script with their combining marks, joined across
// ' ’ ʼ and - ‐ ‑ between two alphanumerics ("Netanyahu’s", "cease-fire",
// "COVID-19"); dotted abbreviations "U.S.", "e.g.", "EE.UU."; a digit run
// followed by letters ("1990s", "2nd", "2.5bn"). Each CJK ideograph or kana
// is a word of its own. Numbers: digits with internal , . : - between digits
// ("1,500", "10:30", "2024-03-31"). Symbols: currency, %, math, emoji, and
// whole URLs and e-mail addresses (so Words() skips them). Punctuation: one
// token per character, except "..." which is one.
std::vector<Token> Tokenize(std::string_view text);

// Lowercased word tokens only (no numbers/punctuation), convenient for
// similarity and bag-of-words features. Typographic apostrophes become ASCII
// ("Netanyahu’s" -> "netanyahu's") so both spellings give one word.
std::vector<std::string> Words(std::string_view text);

// True when the folded word is a stop word of `language` (ISO 639-1;
// English when unknown). Lists (written for this project, function words):
// en (~280 words), de, fr, es, it, pt, nl, ru, uk, bg, ar, sv, da, no (nb,
// nn), fi, pl, cs, tr, ro, hu, id. Contractions match with either
// apostrophe ("don't", "don’t").
bool IsStopWord(std::string_view folded_word, std::string_view language = "en");

// Snowball stemmer for one language (ISO 639-1 code). Falls back to the
// identity for languages libstemmer lacks.
//
// Snowball algorithm names ("english", "porter") are accepted too. Not
// thread-safe: libstemmer keeps its work buffer in the object, so use one
// Stemmer per thread. Moved-from stemmers are the identity.
class Stemmer {
 public:
  explicit Stemmer(std::string_view language = "en");
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;
  // Stem of a folded word.
  std::string Stem(std::string_view folded_word);
  // False when the language has no Snowball algorithm (Stem is the identity).
  bool HasAlgorithm() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ISO 639-1 code of the text's language, or "" when too short or unclear.
//
// No trained model: the dominant script decides (el, he, th, ko, ja/zh by
// kana share, the Indic scripts, ka, hy, am, ...); within Latin, Cyrillic,
// Arabic and Devanagari, function-word hits, typical word endings and
// telling letters decide among en de fr es it pt nl sv da no fi pl cs sk tr
// ro hu id ca vi / ru uk bg sr mk be kk / ar fa ur / hi mr ne. Returns ""
// below 20 letters, and when the best two languages score within ~6% of each
// other (e.g. a short Danish/Norwegian text). Reads at most the first 16 KB.
std::string DetectLanguage(std::string_view text);

}  // namespace parallax::text
