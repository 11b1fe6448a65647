// Internal UTF-8 helpers shared by the text layer: a strict decoder that
// reports invalid sequences instead of guessing, an encoder, and cheap
// character classes on top of utf8proc's tables. Not part of the public API.
#pragma once

#include <utf8proc.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace parallax::text::internal {

inline constexpr char32_t kReplacement = 0xFFFD;
inline constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point starting at s[i]; sets *len to the bytes consumed
// (>= 1). Returns kInvalid for a malformed, overlong or surrogate sequence,
// in which case *len is 1 so the caller resynchronises on the next byte.
inline char32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t left = s.size() - i;
  const unsigned c = p[0];
  *len = 1;
  if (c < 0x80) return c;
  auto cont = [&](size_t k) { return k < left && (p[k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (!cont(1)) return kInvalid;
    *len = 2;
    return ((c & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return kInvalid;
    char32_t cp = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
    *len = 3;
    return cp;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return kInvalid;
    char32_t cp = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return kInvalid;
    *len = 4;
    return cp;
  }
  return kInvalid;
}

// Decodes the code point that ends just before s[end] (end > 0); sets
// *begin to its first byte. Invalid bytes come back as kInvalid, one byte.
inline char32_t DecodeBefore(std::string_view s, size_t end, size_t* begin) {
  size_t b = end - 1;
  size_t steps = 0;
  while (b > 0 && steps < 3 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) {
    --b;
    ++steps;
  }
  size_t len = 0;
  char32_t cp = Decode(s, b, &len);
  if (cp == kInvalid || b + len != end) {
    *begin = end - 1;
    return kInvalid;
  }
  *begin = b;
  return cp;
}

inline void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

inline utf8proc_category_t Category(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

inline bool IsLetterCategory(utf8proc_category_t c) {
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}
inline bool IsMarkCategory(utf8proc_category_t c) {
  return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

inline bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return IsLetterCategory(Category(cp));
}
inline bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  auto c = Category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}
inline bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return Category(cp) == UTF8PROC_CATEGORY_LL;
}
inline bool IsDigit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return Category(cp) == UTF8PROC_CATEGORY_ND;
}

// Ideographs and kana: written without spaces, one token per character.
inline bool IsCjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||    // hiragana, katakana
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0x31F0 && cp <= 0x31FF) ||    // katakana extensions
         (cp >= 0xFF66 && cp <= 0xFF9F) ||    // half-width katakana
         (cp >= 0x20000 && cp <= 0x3134F);    // extensions B..G
}

// Horizontal white space after Normalize's mapping (Unicode Zs, tab).
inline bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  return cp == 0x85 || Category(cp) == UTF8PROC_CATEGORY_ZS || cp == 0x2028 || cp == 0x2029;
}

// Rewrites the typographic apostrophes ’ (U+2019) and ʼ (U+02BC) as ASCII ',
// in place, so "Netanyahu’s" and "Netanyahu's" are one word.
inline void AsciiApostrophes(std::string& s) {
  size_t w = 0;
  for (size_t r = 0; r < s.size();) {
    if (s[r] == '\xE2' && r + 2 < s.size() && s[r + 1] == '\x80' && s[r + 2] == '\x99') {
      s[w++] = '\'';
      r += 3;
    } else if (s[r] == '\xCA' && r + 1 < s.size() && s[r + 1] == '\xBC') {
      s[w++] = '\'';
      r += 2;
    } else {
      s[w++] = s[r++];
    }
  }
  s.resize(w);
}

}  // namespace parallax::text::internal
