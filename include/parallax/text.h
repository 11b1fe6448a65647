// The text layer: normalisation, sentences, tokens, stems, stop words,
// language identification. Every later stage sees text through these.
//
// All functions take and return UTF-8. Offsets are byte offsets into the
// argument. Free functions are thread-safe; a Stemmer is not (use one per
// thread).
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
std::string Normalize(std::string_view utf8, bool keep_newlines = false);

// Lowercase (Unicode full case folding).
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
std::vector<Span> SplitSentences(std::string_view text, std::string_view language = "en");

enum class TokenKind { kWord, kNumber, kPunct, kSymbol };

struct Token {
  size_t begin = 0;
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
};

// Word tokens (letters, digits, internal apostrophes and hyphens, "U.S."),
// numbers ("1.4", "1,500"), punctuation and symbols. Whitespace is skipped.
std::vector<Token> Tokenize(std::string_view text);

// Lowercased word tokens only (no numbers/punctuation), convenient for
// similarity and bag-of-words features.
std::vector<std::string> Words(std::string_view text);

// True when the folded word is a stop word of `language` (ISO 639-1;
// English when unknown).
bool IsStopWord(std::string_view folded_word, std::string_view language = "en");

// Snowball stemmer for one language (ISO 639-1 code). Falls back to the
// identity for languages libstemmer lacks.
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
std::string DetectLanguage(std::string_view text);

}  // namespace parallax::text
