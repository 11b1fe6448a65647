// The sentence splitter's scanning helpers: the main loop, whitespace and
// word scanning around a candidate, and turning cut positions into spans.
#include <algorithm>

#include "text/splitter.h"

namespace parallax::text::internal {

Splitter::Splitter(std::string_view text, std::string_view language)
    : t_(text), lang_(language), chars_(language) {
  stops_ = StopWordSet(language);
  english_ = stops_ == nullptr || language == "en";
  if (stops_ == nullptr) stops_ = StopWordSet("en");
  // Languages that write ordinal numbers with a full stop ("am 3. Oktober").
  static constexpr std::string_view kOrdinalDot[] = {"de", "da", "no", "nb", "nn", "fi", "cs",
                                                     "sk", "pl", "hu", "sl", "hr", "sr", "bs",
                                                     "et", "lv", "lt", "is", "tr"};
  guillemets_close_ = language != "de" && language != "da";
  ordinal_dot_ = std::find(std::begin(kOrdinalDot), std::end(kOrdinalDot), language) !=
                 std::end(kOrdinalDot);
}

std::vector<Span> Splitter::Run() {
  const size_t n = t_.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(t_[i]);
    if (!chars_.Interesting(b)) {
      ++i;
      continue;
    }
    if (b == '\n') {
      i = OnNewline(i);
      continue;
    }
    size_t len = 0;
    char32_t cp = At(i, &len);
    if (chars_.TermOf(cp) != Term::kNone) {
      i = OnTerminator(i);
      continue;
    }
    if (IsInlineBullet(cp) && i > 0 && IsSpaceAt(i - 1) && i + len < n && IsSpaceAt(i + len)) {
      Cut(i);
    }
    i += len;
  }
  return MakeSpans();
}

size_t Splitter::SkipSpace(size_t j, int* newlines) const {
  *newlines = 0;
  while (j < t_.size()) {
    size_t len;
    char32_t c = At(j, &len);
    if (!IsSpace(c)) break;
    if (c == '\n' || c == 0x2028 || c == 0x2029) ++*newlines;
    j += len;
  }
  return j;
}

size_t Splitter::WordEnd(size_t k) const {
  while (k < t_.size()) {
    size_t len;
    char32_t c = At(k, &len);
    if (IsLetter(c) || (c >= 0x80 && IsMarkCategory(Category(c)))) {
      k += len;
      continue;
    }
    if ((c == '\'' || c == 0x2019) && k + len < t_.size()) {
      size_t l2;
      if (IsLetter(At(k + len, &l2))) {
        k += len;
        continue;
      }
    }
    break;
  }
  return k;
}

Splitter::Next Splitter::AnalyzeNext(size_t j) const {
  Next nx;
  size_t k = j;
  for (int skipped = 0; k < t_.size() && skipped < 4; ++skipped) {
    size_t len;
    char32_t c = At(k, &len);
    if (IsOpening(c)) {
      nx.opening = true;
      k += len;
    } else if (IsDash(c)) {
      int nl;
      k = SkipSpace(k + len, &nl);
    } else {
      break;
    }
  }
  nx.pos = k;
  if (k >= t_.size()) return nx;
  size_t len;
  char32_t c = At(k, &len);
  if (IsUpper(c)) nx.shape = Shape::kUpper;
  else if (IsLower(c)) nx.shape = Shape::kLower;
  else if (IsDigit(c)) nx.shape = Shape::kDigit;
  else if (IsLetter(c) || IsCjk(c)) nx.shape = Shape::kUncased;
  else if (IsContinuation(c)) nx.shape = Shape::kContinuation;
  else nx.shape = Shape::kOther;
  if (nx.shape == Shape::kUpper || nx.shape == Shape::kLower || nx.shape == Shape::kUncased) {
    size_t e = WordEnd(k);
    nx.word = t_.substr(k, e - k);
    if (nx.shape == Shape::kLower) {
      for (size_t q = k + len; q < e;) {
        size_t l2;
        if (IsUpper(At(q, &l2))) {
          nx.camel = true;
          break;
        }
        q += l2;
      }
    }
  }
  return nx;
}

std::string_view Splitter::ChunkBefore(size_t end) const {
  // Bounded look-back keeps the splitter linear on text without spaces; a
  // chunk this long is no abbreviation and no plain word.
  constexpr size_t kMaxChunk = 64;
  size_t b = end;
  while (b > 0) {
    if (end - b >= kMaxChunk) break;
    size_t pb;
    char32_t c = DecodeBefore(t_, b, &pb);
    if (c != kInvalid && IsSpace(c)) break;
    b = pb;
  }
  while (b < end) {
    size_t len;
    char32_t c = At(b, &len);
    if (!IsOpening(c) && !IsDash(c)) break;
    b += len;
  }
  return t_.substr(b, end - b);
}

std::vector<Span> Splitter::MakeSpans() const {
  std::vector<Span> out;
  auto emit = [&](size_t b, size_t e) {
    while (b < e && IsSpaceAt(b)) {
      size_t len;
      At(b, &len);
      b += len;
    }
    while (e > b) {
      size_t pb;
      char32_t c = DecodeBefore(t_, e, &pb);
      if (c == kInvalid || !IsSpace(c)) break;
      e = pb;
    }
    // Rules ("-----") and lone bullets are not sentences.
    bool content = false;
    for (size_t k = b; k < e && !content;) {
      size_t len;
      char32_t c = At(k, &len);
      content = IsLetter(c) || IsDigit(c) || IsCjk(c) ||
                (c >= 0x80 && Category(c) == UTF8PROC_CATEGORY_SO);
      k += len;
    }
    if (content) out.push_back({b, e});
  };
  size_t start = 0;
  for (size_t c : cuts_) {
    emit(start, c);
    start = c;
  }
  emit(start, t_.size());
  return out;
}

}  // namespace parallax::text::internal
