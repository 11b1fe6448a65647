#include "ingest/dates/scanner.h"

namespace parallax::dates::internal {

namespace {
unsigned char Byte(std::string_view s, size_t at) {
  return at < s.size() ? static_cast<unsigned char>(s[at]) : 0;
}
// Lowercases a two-byte UTF-8 capital in place: Latin-1 À..Þ (U+00C0..U+00DE
// except ×), Cyrillic А..Я (U+0410..U+042F) and Ѐ..Џ (U+0400..U+040F).
void FoldTwoByte(char* p) {
  const unsigned char a = static_cast<unsigned char>(p[0]);
  const unsigned char b = static_cast<unsigned char>(p[1]);
  if (a == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97) {
    p[1] = static_cast<char>(b + 0x20);
  } else if (a == 0xD0 && b >= 0x90 && b <= 0x9F) {  // А..П -> а..п
    p[1] = static_cast<char>(b + 0x20);
  } else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF) {  // Р..Я -> р..я (U+0440..)
    p[0] = static_cast<char>(0xD1);
    p[1] = static_cast<char>(b - 0x20);
  } else if (a == 0xD0 && b >= 0x80 && b <= 0x8F) {  // Ѐ..Џ -> ѐ..џ (U+0450..)
    p[0] = static_cast<char>(0xD1);
    p[1] = static_cast<char>(b + 0x10);
  }
}

}  // namespace

bool Scanner::Eat(std::string_view bytes) {
  if (!PeekIs(bytes)) return false;
  pos_ += bytes.size();
  return true;
}

size_t Scanner::SpaceLength(size_t at) const {
  const unsigned char c = Byte(text_, at);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && Byte(text_, at + 1) == 0xA0) return 2;  // NBSP
  if (c == 0xE2 && Byte(text_, at + 1) == 0x80) {
    const unsigned char d = Byte(text_, at + 2);
    if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) return 3;  // en/em/thin/narrow spaces
  }
  if (c == 0xE3 && Byte(text_, at + 1) == 0x80 && Byte(text_, at + 2) == 0x80) return 3;
  return 0;
}

bool Scanner::SkipSpaces() {
  const size_t start = pos_;
  while (size_t n = SpaceLength(pos_)) pos_ += n;
  return pos_ != start;
}

bool Scanner::ReadNumber(int* value, int* digits) {
  size_t p = pos_;
  long long v = 0;
  while (IsDigitAt(p)) {
    if (p - pos_ < 10) v = v * 10 + (text_[p] - '0');
    ++p;
  }
  const size_t n = p - pos_;
  if (n == 0) return false;
  pos_ = p;
  if (n > 9) return false;
  *value = static_cast<int>(v);
  *digits = static_cast<int>(n);
  return true;
}

size_t Scanner::CharLength(size_t at) const {
  const unsigned char c = Byte(text_, at);
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  for (size_t i = 1; i < n; ++i) {
    if ((Byte(text_, at + i) & 0xC0) != 0x80) return 1;  // broken sequence: one byte
  }
  return n;
}

bool Scanner::IsLetterAt(size_t at) const {
  const unsigned char c = Byte(text_, at);
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  if (c < 0xC3) return false;  // ASCII non-letters, stray bytes, U+0080..U+00BF (NBSP, «, º)
  if (SpaceLength(at) != 0) return false;
  const unsigned char d = Byte(text_, at + 1);
  if (c == 0xC3 && (d == 0x97 || d == 0xB7)) return false;  // × ÷
  if (c == 0xD8 && (d == 0x8C || d == 0x9B || d == 0x9F)) return false;  // Arabic , ; ?
  if (c == 0xE2) return false;  // U+2000..U+2FFF: punctuation, symbols, arrows
  if (c == 0xE3 && d == 0x80) return false;  // CJK punctuation
  if (c == 0xEF && (d == 0xBC || d == 0xBD)) return false;  // full-width forms
  return true;
}

bool Scanner::IsBoundaryBefore(size_t at) const {
  if (at == 0) return true;
  size_t prev = at - 1;
  while (prev > 0 && (Byte(text_, prev) & 0xC0) == 0x80) --prev;
  return !IsLetterAt(prev) && !IsDigitAt(prev);
}

bool Scanner::ReadWord(std::string_view* lower) {
  if (!IsLetterAt(pos_)) return false;
  size_t n = 0;
  bool fits = true;
  while (IsLetterAt(pos_)) {
    const size_t len = CharLength(pos_);
    if (n + len > word_.size()) fits = false;
    for (size_t i = 0; i < len && fits; ++i) {
      unsigned char c = static_cast<unsigned char>(text_[pos_ + i]);
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      word_[n + i] = static_cast<char>(c);
    }
    if (fits && len == 2) FoldTwoByte(&word_[n]);
    if (fits) n += len;
    pos_ += len;
  }
  *lower = fits ? std::string_view(word_.data(), n) : std::string_view();
  return true;
}

}  // namespace parallax::dates::internal
