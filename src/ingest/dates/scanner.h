// Scanner: a cursor over UTF-8 text with the few lexical steps the date
// grammar needs (spaces including no-break spaces, digit runs, lowercased
// words). Internal to parallax::dates; cheap to copy, which is how the
// parser backtracks.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace parallax::dates::internal {

class Scanner {
 public:
  Scanner(std::string_view text, size_t pos) : text_(text), pos_(pos) {}

  size_t pos() const { return pos_; }
  void set_pos(size_t pos) { pos_ = pos; }
  bool AtEnd() const { return pos_ >= text_.size(); }
  // Byte at pos()+k, '\0' past the end.
  char Peek(size_t k = 0) const { return pos_ + k < text_.size() ? text_[pos_ + k] : '\0'; }
  bool PeekIs(std::string_view bytes) const { return text_.substr(pos_).starts_with(bytes); }
  void Advance(size_t n = 1) { pos_ += n; }
  // Consumes `bytes` when they come next.
  bool Eat(std::string_view bytes);

  // Skips whitespace (ASCII, NBSP, Unicode spaces); true when any.
  bool SkipSpaces();
  // Length of the space character at `at`, 0 when none.
  size_t SpaceLength(size_t at) const;
  // Consumes a run of ASCII digits; `digits` is its length. Runs longer than
  // nine digits are consumed but fail.
  bool ReadNumber(int* value, int* digits);
  // Consumes a word (letters, incl. accented and other non-ASCII letters) and
  // returns it lowercased (ASCII and Latin-1 capitals), valid until the next
  // ReadWord. Over-long words are consumed and returned empty.
  bool ReadWord(std::string_view* lower);

  // True when a letter (ASCII, or a non-ASCII character that is not a space
  // or punctuation) starts at `at`.
  bool IsLetterAt(size_t at) const;
  bool IsDigitAt(size_t at) const { return at < text_.size() && text_[at] >= '0' && text_[at] <= '9'; }
  // True when `at` starts a word or number: start of text or after a
  // character that is neither letter nor digit.
  bool IsBoundaryBefore(size_t at) const;
  // Bytes of the UTF-8 character at `at` (1 for ASCII or stray bytes).
  size_t CharLength(size_t at) const;

 private:
  std::string_view text_;
  size_t pos_;
  std::array<char, 24> word_{};
};

}  // namespace parallax::dates::internal
