// Tokenize and Words: a hand-written scanner over code points. ASCII goes
// through a byte table; everything else through utf8proc's general category.
//
// Word tokens: letters, digits and marks, joined across internal
// apostrophes (' ’ ʼ) and hyphens (- ‐ ‑) that sit between two alphanumerics,
// ZWNJ/ZWJ inside a word, underscores; dotted abbreviations ("U.S.", "e.g.",
// "EE.UU."). Number tokens: digit runs with internal separators ("1,500",
// "1.4", "10:30", "2024-03-31"); a digit run followed by letters ("2nd",
// "1990s", "5G") is a word. Each ideograph or kana is a token of its own.
// URLs and e-mail addresses are one symbol token. "..." is one punctuation
// token; every other punctuation or symbol code point is its own token.
#include "parallax/text.h"
#include "text/utf8.h"

namespace parallax::text {
namespace {

using internal::Decode;
using internal::kInvalid;

enum class C : unsigned char { kSpace, kLetter, kDigit, kMark, kJoiner, kCjk, kPunct, kSymbol };

struct Table {
  C v[128];
  constexpr Table() : v() {
    for (int i = 0; i < 128; ++i) {
      if (i <= ' ' || i == 0x7F) v[i] = C::kSpace;
      else if ((i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') || i == '_') v[i] = C::kLetter;
      else if (i >= '0' && i <= '9') v[i] = C::kDigit;
      else if (i == '$' || i == '%' || i == '+' || i == '<' || i == '=' || i == '>' || i == '^' || i == '`' ||
               i == '|' || i == '~')
        v[i] = C::kSymbol;
      else v[i] = C::kPunct;
    }
  }
};
constexpr Table kTable;

C ClassOf(char32_t cp) {
  if (cp < 0x80) return kTable.v[cp];
  if (cp == 0x200C || cp == 0x200D) return C::kJoiner;
  if (internal::IsCjk(cp)) return C::kCjk;
  switch (internal::Category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_PC:
      return C::kLetter;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NO:
      return C::kDigit;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return C::kMark;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
      return C::kSpace;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
      return C::kSymbol;
    default:
      return C::kPunct;
  }
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool StartsWithNoCase(std::string_view s, size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[k]) return false;
  }
  return true;
}

// A URL ("https://...", "www.x.y") or e-mail address starting at i: returns
// its end (trailing punctuation left out) or 0. Both become one symbol
// token, so Words() does not turn them into "www", "cnn", "com".
size_t UrlOrEmail(std::string_view s, size_t i) {
  size_t e = i;
  while (e < s.size() && e - i < 2048) {
    unsigned char c = static_cast<unsigned char>(s[e]);
    if (c <= ' ' || c == '"' || c == '<' || c == '>' || c >= 0x80) break;
    ++e;
  }
  std::string_view chunk = s.substr(i, e - i);
  bool url = StartsWithNoCase(s, i, "http://") || StartsWithNoCase(s, i, "https://") ||
             (StartsWithNoCase(s, i, "www.") && chunk.size() > 4 && IsAsciiAlnum(chunk[4]));
  if (!url) {
    size_t at = chunk.find('@');
    if (at == 0 || at == std::string_view::npos) return 0;
    for (size_t k = 0; k < at; ++k) {
      char c = chunk[k];
      if (!IsAsciiAlnum(c) && c != '.' && c != '_' && c != '-' && c != '+' && c != '%') return 0;
    }
    size_t dot = chunk.find('.', at);
    if (dot == std::string_view::npos || dot == at + 1) return 0;
    for (size_t k = at + 1; k < chunk.size(); ++k) {
      char c = chunk[k];
      if (!IsAsciiAlnum(c) && c != '.' && c != '-') {
        chunk = chunk.substr(0, k);
        break;
      }
    }
  }
  // Sentence punctuation after the address is not part of it.
  while (!chunk.empty() && std::string_view(".,;:!?)]}'").find(chunk.back()) != std::string_view::npos) {
    chunk.remove_suffix(1);
  }
  if (!url && (chunk.find('.', chunk.find('@')) == std::string_view::npos ||
               chunk.back() == '.' || chunk.back() == '-')) {
    return 0;
  }
  return chunk.size() > 4 ? i + chunk.size() : 0;
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }
bool IsHyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  // Code point and class at byte offset i (i < size).
  char32_t At(size_t i, size_t* len, C* cls) const {
    unsigned char b = static_cast<unsigned char>(s_[i]);
    if (b < 0x80) {
      *len = 1;
      *cls = kTable.v[b];
      return b;
    }
    char32_t cp = Decode(s_, i, len);
    *cls = cp == kInvalid ? C::kSymbol : ClassOf(cp);
    return cp;
  }
  bool AlnumAt(size_t i) const {
    if (i >= s_.size()) return false;
    size_t len;
    C c;
    At(i, &len, &c);
    return c == C::kLetter || c == C::kDigit;
  }
  bool DigitAt(size_t i) const {
    if (i >= s_.size()) return false;
    size_t len;
    C c;
    At(i, &len, &c);
    return c == C::kDigit;
  }

  // Dotted abbreviation starting at b: (letter{1,2} '.'){2,}. Returns its end or 0.
  size_t Abbreviation(size_t b) const {
    size_t i = b;
    int groups = 0;
    while (i < s_.size()) {
      size_t j = i;
      int letters = 0;
      while (j < s_.size() && letters <= 2) {
        size_t len;
        C c;
        At(j, &len, &c);
        if (c == C::kLetter) {
          ++letters;
          j += len;
        } else if (c == C::kMark && letters > 0) {
          j += len;
        } else {
          break;
        }
      }
      if (letters == 0 || letters > 2 || j >= s_.size() || s_[j] != '.') break;
      i = j + 1;
      ++groups;
    }
    return groups >= 2 ? i : 0;
  }

  // Word or number starting at b; returns its end and sets *has_letter.
  size_t Word(size_t b, bool* has_letter) const {
    size_t i = b;
    *has_letter = false;
    bool leading_digits = true;  // separators like ',' only join digit runs
    while (i < s_.size()) {
      size_t len;
      C c;
      char32_t cp = At(i, &len, &c);
      if (c == C::kLetter) {
        *has_letter = true;
        leading_digits = false;
        i += len;
      } else if (c == C::kDigit || c == C::kMark) {
        i += len;
      } else if (c == C::kJoiner) {
        if (!AlnumAt(i + len)) break;
        i += len;
      } else if (IsApostrophe(cp) || IsHyphen(cp)) {
        if (!AlnumAt(i + len)) break;
        i += len;
      } else if ((cp == '.' || cp == ',' || cp == ':') && leading_digits && !*has_letter &&
                 i > b && DigitAt(i + 1) && DigitAt(i - 1)) {
        i += 1;
      } else {
        break;
      }
    }
    return i;
  }

 private:
  std::string_view s_;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 1);
  Scanner sc(text);
  size_t next_at = 0;  // next '@' at or after i (e-mail candidates are rare)
  if (text.empty() || text[0] != '@') next_at = text.find('@');
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    size_t len;
    C c;
    char32_t cp = sc.At(i, &len, &c);
    switch (c) {
      case C::kSpace:
      case C::kJoiner:
        i += len;
        break;
      case C::kLetter:
      case C::kDigit: {
        if (next_at < i) next_at = text.find('@', i);
        bool maybe_email = next_at != std::string_view::npos && next_at - i < 256 &&
                           text.substr(i, next_at - i).find_first_of(" \t\n\r") ==
                               std::string_view::npos;
        bool maybe_url = (cp == 'h' || cp == 'H' || cp == 'w' || cp == 'W') &&
                         (StartsWithNoCase(text, i, "http") || StartsWithNoCase(text, i, "www."));
        if (maybe_email || maybe_url) {
          if (size_t e = UrlOrEmail(text, i); e != 0) {
            out.push_back({i, e, TokenKind::kSymbol});
            i = e;
            break;
          }
        }
        if (c == C::kLetter) {
          if (size_t e = sc.Abbreviation(i); e != 0) {
            out.push_back({i, e, TokenKind::kWord});
            i = e;
            break;
          }
        }
        bool has_letter = false;
        size_t e = sc.Word(i, &has_letter);
        out.push_back({i, e, has_letter ? TokenKind::kWord : TokenKind::kNumber});
        i = e;
        break;
      }
      case C::kCjk: {
        size_t e = i + len;
        // Keep combining marks (e.g. dakuten) with their character.
        while (e < n) {
          size_t l2;
          C c2;
          sc.At(e, &l2, &c2);
          if (c2 != C::kMark) break;
          e += l2;
        }
        out.push_back({i, e, TokenKind::kWord});
        i = e;
        break;
      }
      case C::kMark:
      case C::kSymbol:
      case C::kPunct: {
        size_t e = i + len;
        if (cp == '.') {
          while (e < n && text[e] == '.') ++e;  // "..." is one token
        }
        while (e < n) {  // marks on a symbol (emoji variation selectors)
          size_t l2;
          C c2;
          sc.At(e, &l2, &c2);
          if (c2 != C::kMark) break;
          e += l2;
        }
        out.push_back({i, e, c == C::kPunct ? TokenKind::kPunct : TokenKind::kSymbol});
        i = e;
        break;
      }
    }
  }
  return out;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::vector<Token> tokens = Tokenize(text);
  out.reserve(tokens.size());
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord) continue;
    std::string_view raw = text.substr(t.begin, t.end - t.begin);
    bool ascii = true;
    for (char c : raw) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (ascii) {  // the common case: lowercase in place, no second pass
      std::string& w = out.emplace_back(raw);
      for (char& c : w) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      continue;
    }
    std::string w = Fold(raw);
    internal::AsciiApostrophes(w);  // "Netanyahu’s" == "Netanyahu's"
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace parallax::text
