// SplitSentences: a rule-based splitter in the spirit of Punkt and pySBD,
// written for this project. In short (README.md in this folder has more):
//
//  * A candidate is a cluster of terminators (. ? ! … and the CJK, Arabic,
//    Devanagari, Armenian, Ethiopic and Urdu stops) with any closing quotes
//    or brackets after it. It ends a sentence when whitespace (or the end of
//    the text) follows and the next word could open a sentence: not
//    lowercase, not a comma, semicolon or colon.
//  * A single full stop consults the word before it: titles ("Mr.", "Gen.")
//    never end a sentence; "No.", "pp." don't before a number; "etc.",
//    "Inc.", "p.m." do unless a time zone follows; "U.S.", "Jan.", "St.",
//    initials and other dotted forms do only before a typical sentence
//    starter (a capitalised stop word such as "The", "But", "He").
//  * `?"` or `!"` before a name and a speech verb ("...?" Biden asked) does
//    not end the sentence.
//  * CJK stops need no space after them; otherwise a missing space only
//    counts in "word.Word" with a plain lowercase word before.
//  * A blank line always ends a sentence. A single newline does when the
//    line lacks terminal punctuation but the next line starts a sentence
//    (uppercase, a bullet), unless the text looks hard-wrapped or the line
//    ends in a comma, a dash or a function word.
#include <algorithm>
#include <string>

#include "text/splitter.h"

namespace parallax::text {
namespace internal {

bool Splitter::IsStarter(const Next& nx) const {
  if (nx.shape != Shape::kUpper || nx.word.empty()) return false;
  std::string folded = Fold(nx.word);
  AsciiApostrophes(folded);
  if (stops_->count(folded) != 0) return true;
  return english_ && IsExtraStarter(folded);
}

bool Splitter::SpeechAttributionFollows(const Next& nx) const {
  // An attribution starts with a name, not a quotation or a function word
  // ("Why?" "Because I said so.").
  if (nx.shape != Shape::kUpper || nx.opening || IsStarter(nx)) return false;
  size_t k = nx.pos + nx.word.size();
  for (int words = 0; words < 3; ++words) {
    int nl;
    k = SkipSpace(k, &nl);
    if (nl > 0 || k >= t_.size()) return false;
    size_t len;
    char32_t c = At(k, &len);
    size_t e = WordEnd(k);
    if (e == k) return false;
    if (IsLower(c)) return IsSpeechVerb(Fold(t_.substr(k, e - k)));
    k = e;
  }
  return false;
}

bool Splitter::NextChunkHasDigit(const Next& nx) const {
  for (size_t k = nx.pos; k < t_.size() && k < nx.pos + 32; ++k) {
    char ch = t_[k];
    if (ch == ' ' || ch == '\n' || ch == '\t') break;
    if (ch >= '0' && ch <= '9') return true;
  }
  return false;
}

bool Splitter::NextIsInitial(const Next& nx) const {
  if (nx.shape != Shape::kUpper) return false;
  size_t len;
  At(nx.pos, &len);
  return nx.word.size() == len && nx.pos + len < t_.size() && t_[nx.pos + len] == '.';
}

// Kind of the chunk before a full stop.
AbbrevKind Splitter::Classify(std::string_view w) const {
  if (w.empty()) return AbbrevKind::kNone;
  // URLs, e-mail addresses: never abbreviations. After other slashes and
  // hyphens only the last part counts: "Wittman/P.J.", "(D-W.Va.)", "R-N.Y.".
  if (w.find_first_of("@:\\") != std::string_view::npos) return AbbrevKind::kNone;
  if (size_t cut = w.find_last_of("/-"); cut != std::string_view::npos) {
    if (cut + 1 == w.size()) return AbbrevKind::kNone;
    w = w.substr(cut + 1);
  }
  size_t len;
  char32_t first = At(static_cast<size_t>(w.data() - t_.data()), &len);
  if (len == w.size()) {  // one code point
    AbbrevKind k = LookupAbbreviation(w, lang_);
    if (k != AbbrevKind::kNone) return k;
    return IsUpper(first) ? AbbrevKind::kStarter : AbbrevKind::kNone;  // an initial
  }
  if (w.find('.') != std::string_view::npos) {
    // Dotted forms: groups of one or two letters ("U.S", "a.m", "Ph.D", "EE.UU").
    bool dotted = true;
    size_t letters = 0;
    size_t base = static_cast<size_t>(w.data() - t_.data());
    for (size_t k = 0; k < w.size() && dotted;) {
      size_t l;
      char32_t c = At(base + k, &l);
      if (c == '.') {
        dotted = letters > 0;
        letters = 0;
      } else if (IsLetter(c)) {
        dotted = ++letters <= 2;
      } else if (!(c >= 0x80 && IsMarkCategory(Category(c)))) {
        dotted = false;
      }
      k += l;
    }
    if (!dotted || letters == 0) return AbbrevKind::kNone;
    AbbrevKind k = LookupAbbreviation(w, lang_);
    return k == AbbrevKind::kNone ? AbbrevKind::kStarter : k;
  }
  return LookupAbbreviation(w, lang_);
}

// "word.Word" with no space: only when the word before is plain lowercase
// text and the word after looks like the start of a sentence, not a URL.
bool Splitter::NoSpaceBoundary(size_t i, size_t e, bool question) const {
  std::string_view before = ChunkBefore(i);
  if (before.size() < 2) return false;
  for (char ch : before) {
    if (!(ch >= 'a' && ch <= 'z') && ch != '\'' && !(question && ch >= 'A' && ch <= 'Z'))
      return false;
  }
  size_t len;
  if (!IsUpper(At(e, &len))) return false;
  if (e + len >= t_.size() || !IsLower(At(e + len, &len))) return false;
  // The chunk after must not be a host name or path ("end.Com/x").
  for (size_t k = e; k < t_.size() && !IsSpaceAt(k); ++k) {
    char ch = t_[k];
    if (ch == '.' || ch == '/' || ch == '@' || ch == ':') return false;
  }
  return true;
}

// A single full stop followed by whitespace and a word that is not lowercase.
bool Splitter::DecideStop(size_t i, const Next& nx) const {
  std::string_view w = ChunkBefore(i);
  if (w.empty()) return true;
  size_t pb;
  char32_t last = DecodeBefore(t_, i, &pb);
  if (!IsLetter(last) && !IsDigit(last) && !(last >= 0x80 && IsMarkCategory(Category(last)))) {
    return true;  // "(IDF).", "3.5%.", "”."
  }
  // A list marker at the start of a line: "1. Plan", "a. First".
  size_t line_start = static_cast<size_t>(w.data() - t_.data());
  if ((line_start == 0 || t_[line_start - 1] == '\n') && w.size() <= 2 &&
      (IsDigit(last) || w.size() == 1)) {
    return false;
  }
  switch (Classify(w)) {
    case AbbrevKind::kTitle:
      return false;
    case AbbrevKind::kNumeric:  // "No. 5", "No. A123"
      return nx.shape != Shape::kDigit && !NextChunkHasDigit(nx);
    case AbbrevKind::kFinal:
      return !(nx.shape == Shape::kUpper && ContinuesAfterFinal(nx.word)) &&
             nx.shape != Shape::kDigit;
    case AbbrevKind::kState: {
      // "in Jackson, Miss. Fred LaRue..." ends; AP style would write
      // "Jackson, Miss., on Monday" mid-sentence.
      size_t chunk_begin = static_cast<size_t>(w.data() - t_.data());
      size_t pb2;
      if (chunk_begin >= 2 && DecodeBefore(t_, chunk_begin, &pb2) == ' ' &&
          t_[chunk_begin - 2] == ',' && nx.shape == Shape::kUpper) {
        return true;
      }
      [[fallthrough]];
    }
    case AbbrevKind::kStarter:
      if (NextIsInitial(nx)) return false;  // "J. K. Rowling", "В. В. Путин"
      return nx.opening || IsStarter(nx);
    case AbbrevKind::kNone:
      break;
  }
  if (ordinal_dot_ && w.size() <= 3 && w.find_first_not_of("0123456789") == std::string_view::npos) {
    return IsStarter(nx);  // "am 3. Oktober", "im 19. Jahrhundert"
  }
  return true;
}

size_t Splitter::OnTerminator(size_t i) {
  const size_t n = t_.size();
  size_t e = i;
  bool question = false, ellipsis = false, cjk = false, closed = false;
  int dots = 0;
  while (e < n) {
    size_t len;
    char32_t c = At(e, &len);
    Term k = chars_.TermOf(c);
    if (k == Term::kNone) {
      if (!IsClosing(c) || e == i) {
        // French spacing: "Vous venez ? »" – the guillemet still closes.
        size_t g = e;
        while (g < n && (t_[g] == ' ' || t_[g] == '\t' || IsSpaceAt(g)) && t_[g] != '\n') {
          size_t l2;
          At(g, &l2);
          g += l2;
        }
        size_t l3 = 0;
        if (g > e && g < n && guillemets_close_ && At(g, &l3) == 0x00BB) {
          closed = true;
          e = g + l3;
          continue;
        }
        break;
      }
      closed = true;  // terminators after it stay in the cluster: `.").`
    }
    if (k == Term::kStop) {
      if (c == '.') ++dots;
    } else if (k == Term::kQuestion) {
      question = true;
    } else if (k == Term::kEllipsis) {
      ellipsis = true;
    } else if (k == Term::kCjk) {
      cjk = true;
    }
    e += len;
  }
  if (dots >= 2) ellipsis = true;
  last_cluster_end_ = e;
  int newlines = 0;
  size_t j = SkipSpace(e, &newlines);
  if (j >= n || newlines >= 2) {
    Cut(e);
    return e;
  }
  if (j == e) {  // no space after the cluster
    if (cjk) {
      // 「はい。」と言った: a quotation followed by the quoting particle.
      size_t len;
      if (!(closed && At(e, &len) == U'と')) Cut(e);
      return e;
    }
    if (!closed && !ellipsis && NoSpaceBoundary(i, e, question)) Cut(e);
    return e;
  }
  Next nx = AnalyzeNext(j);
  if (nx.shape == Shape::kEnd) {
    Cut(e);
    return e;
  }
  if (nx.shape == Shape::kContinuation) return e;
  if (nx.shape == Shape::kLower && !nx.camel) return e;
  if (cjk) {
    Cut(e);
    return e;
  }
  if (question) {
    if (!(closed && SpeechAttributionFollows(nx))) Cut(e);
    return e;
  }
  if (ellipsis || closed || DecideStop(i, nx)) Cut(e);
  return e;
}

bool Splitter::StartsWithBullet(size_t j) const {
  size_t len;
  char32_t c = At(j, &len);
  auto space_at = [&](size_t k) { return k < t_.size() && (t_[k] == ' ' || t_[k] == '\t'); };
  if (IsInlineBullet(c) || c == 0x00B7 || c == '*' || IsDash(c)) return space_at(j + len);
  // "1. ", "12) ", "a) "
  size_t k = j;
  while (k < t_.size() && k - j < 3 && t_[k] >= '0' && t_[k] <= '9') ++k;
  if (k == j && k < t_.size() && t_[k] >= 'a' && t_[k] <= 'z') {
    ++k;
    return k < t_.size() && t_[k] == ')' && space_at(k + 1);
  }
  return k > j && k < t_.size() && (t_[k] == '.' || t_[k] == ')') && space_at(k + 1);
}

// Text wrapped at a fixed width (e-mail, plain-text archives): most lines
// that run on into another line end without terminal punctuation and are
// nearly as long as the longest of them (which is 40-100 bytes). Titles and
// datelines vary in length, so they do not look wrapped. Single newlines in
// wrapped text are spaces.
bool Splitter::HardWrapped() {
  if (hard_wrap_ >= 0) return hard_wrap_ == 1;
  std::vector<size_t> lengths;  // lines followed by a non-blank line, no terminal punctuation
  size_t continued = 0;
  auto blank = [](std::string_view s) {
    return s.find_first_not_of(" \t\r") == std::string_view::npos;
  };
  size_t b = 0;
  while (b < t_.size()) {
    size_t e = t_.find('\n', b);
    if (e == std::string_view::npos) break;
    size_t next_end = t_.find('\n', e + 1);
    if (next_end == std::string_view::npos) next_end = t_.size();
    std::string_view line = t_.substr(b, e - b);
    if (!blank(line) && !blank(t_.substr(e + 1, next_end - e - 1))) {
      ++continued;
      char ch = line[line.find_last_not_of(" \t\r")];
      if (ch != '.' && ch != '?' && ch != '!' && ch != ':' && ch != '"') {
        lengths.push_back(line.size());
      }
    }
    b = e + 1;
  }
  hard_wrap_ = 0;
  if (continued >= 5 && lengths.size() * 10 >= continued * 6) {
    size_t width = *std::max_element(lengths.begin(), lengths.end());
    size_t near = 0;
    for (size_t len : lengths) near += len * 10 >= width * 7;
    if (width >= 40 && width <= 100 && near * 10 >= continued * 6) hard_wrap_ = 1;
  }
  return hard_wrap_ == 1;
}

size_t Splitter::OnNewline(size_t i) {
  int newlines = 0;
  size_t j = SkipSpace(i, &newlines);
  if (j >= t_.size()) return j;
  // End of the line's text.
  size_t p = i;
  while (p > 0) {
    size_t pb;
    char32_t c = DecodeBefore(t_, p, &pb);
    if (c == kInvalid || !IsSpace(c) || c == '\n') break;
    p = pb;
  }
  if (p == 0 || t_[p - 1] == '\n') return j;  // nothing on this line
  if (newlines >= 2) {
    Cut(p);
    return j;
  }
  if (StartsWithBullet(j)) {
    Cut(p);
    return j;
  }
  if (p == last_cluster_end_) return j;  // the terminator rules decided
  if (HardWrapped()) return j;
  size_t pb;
  char32_t last = DecodeBefore(t_, p, &pb);
  if (last == ',' || last == ';' || last == '(' || last == '[' || IsDash(last)) {
    return j;
  }
  Next nx = AnalyzeNext(j);
  if (nx.shape == Shape::kLower && !nx.camel) return j;
  if (nx.shape == Shape::kContinuation) return j;
  // A line ending in a lowercase function word ("talks with") was wrapped.
  std::string_view w = ChunkBefore(p);
  if (!w.empty() && IsLower(At(static_cast<size_t>(w.data() - t_.data()), &pb)) &&
      stops_->count(std::string(w)) != 0) {
    return j;
  }
  Cut(p);
  return j;
}

}  // namespace internal

std::vector<Span> SplitSentences(std::string_view text, std::string_view language) {
  return internal::Splitter(text, language).Run();
}

}  // namespace parallax::text
