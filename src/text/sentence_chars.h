// Internal: the punctuation classes the sentence splitter works with.
#pragma once

#include <string_view>

#include "text/utf8.h"

namespace parallax::text::internal {

enum class Term {
  kNone,
  kStop,      // . and the full stops of uncased scripts (। ։ ። ۔ ။ ។)
  kQuestion,  // ? ! ؟ ‼ ⁇ ⁈ ⁉ (and ; in Greek)
  kEllipsis,  // …
  kCjk,       // 。 ！ ？ ｡: ends a sentence without a following space
};

class SentenceChars {
 public:
  explicit SentenceChars(std::string_view language) : greek_(language == "el") {
    for (int i = 0; i < 256; ++i) interesting_[i] = false;
    for (unsigned char c : {'.', '?', '!', '\n'}) interesting_[c] = true;
    if (greek_) interesting_[static_cast<unsigned char>(';')] = true;
    // Lead bytes of the non-ASCII terminators and bullets.
    for (int lead : {0xD5, 0xD6, 0xD8, 0xDB, 0xE0, 0xE1, 0xE2, 0xE3, 0xEF}) interesting_[lead] = true;
  }

  bool Interesting(unsigned char b) const { return interesting_[b]; }

  Term TermOf(char32_t cp) const {
    switch (cp) {
      case '.': case 0x0589: case 0x06D4: case 0x0964: case 0x0965: case 0x1362: case 0x104B:
      case 0x17D4:
        return Term::kStop;
      case '?': case '!': case 0x061F: case 0x203C: case 0x2047: case 0x2048: case 0x2049:
        return Term::kQuestion;
      case ';': case 0x037E:
        return greek_ ? Term::kQuestion : Term::kNone;
      case 0x2026:
        return Term::kEllipsis;
      case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61: case 0xFF0E:
        return Term::kCjk;
      default:
        return Term::kNone;
    }
  }

 private:
  bool greek_;
  bool interesting_[256];
};

// Closing quotes and brackets that may follow a terminator. “ and ‘ are
// included because German closes quotations with them („so“).
inline bool IsClosing(char32_t c) {
  switch (c) {
    case '"': case '\'': case ')': case ']': case '}': case 0x201D: case 0x2019: case 0x201C:
    case 0x2018: case 0x00BB: case 0x203A: case 0x300D: case 0x300F: case 0x3009: case 0x300B:
    case 0x3011: case 0xFF09: case 0xFF3D: case 0xFF5D: case 0x3015: case 0xFF02:
      return true;
    default:
      return false;
  }
}

inline bool IsOpening(char32_t c) {
  switch (c) {
    case '"': case '\'': case '(': case '[': case '{': case '*': case '_': case 0x201C:
    case 0x2018: case 0x201E: case 0x201A: case 0x00AB: case 0x2039: case 0x00BF: case 0x00A1:
    case 0x300C: case 0x300E: case 0xFF08: case 0x3008: case 0x300A: case 0x3010:
      return true;
    default:
      return false;
  }
}

inline bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015; }

// Punctuation that continues a sentence: "U.S., Israel", "etc.; and".
inline bool IsContinuation(char32_t c) {
  return c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '}' || c == '.' ||
         c == 0x060C /* Arabic comma */ || c == 0x3001 /* 、 */ || c == 0xFF0C /* ， */;
}

inline bool IsInlineBullet(char32_t c) {
  return c == 0x2022 || c == 0x25AA || c == 0x25CF || c == 0x25BA || c == 0x2023 || c == 0x25E6;
}

}  // namespace parallax::text::internal
