// CapitalisedSpans: the stand-in named-entity heuristic (see cluster.h), and
// ParseDay for publication dates.
#include <array>
#include <string>
#include <vector>

#include "parallax/cluster.h"
#include "parallax/text.h"

namespace parallax {
namespace {

bool IsUpperStart(std::string_view tok) {
  if (tok.empty()) return false;
  unsigned char c = static_cast<unsigned char>(tok[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 supplement capitals (À..Þ except ×) as two-byte UTF-8.
  if (c == 0xC3 && tok.size() > 1) {
    unsigned char d = static_cast<unsigned char>(tok[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

bool IsAllCaps(std::string_view tok) {
  int letters = 0;
  for (char ch : tok) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// Lowercase particles allowed inside a name ("Bank of America", "Charles de Gaulle").
bool IsConnector(std::string_view tok) {
  static constexpr std::array<std::string_view, 12> kConnectors = {
      "of", "de", "del", "della", "la", "le", "van", "von", "der", "bin", "al", "da"};
  for (std::string_view c : kConnectors) {
    if (tok == c) return true;
  }
  return false;
}

// Capitalised in English prose without naming anything specific to one story.
bool IsCalendarWord(std::string_view folded) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "monday",  "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",
      "january", "february",  "march",     "april",    "june",     "july",     "august",
      "september", "october", "november",  "december", "i"};
  for (std::string_view w : kWords) {
    if (folded == w) return true;
  }
  return false;
}

std::string_view StripPossessive(std::string_view tok) {
  if (tok.ends_with("'s")) tok.remove_suffix(2);
  else if (tok.ends_with("\xE2\x80\x99s")) tok.remove_suffix(4);
  return tok;
}

}  // namespace

std::vector<std::string> CapitalisedSpans(std::string_view body) {
  std::vector<std::string> out;
  std::vector<text::Token> tokens = text::Tokenize(body);
  std::vector<text::Span> sentences = text::SplitSentences(body);
  // Index of the first word token of each sentence.
  std::vector<bool> at_start(tokens.size(), false);
  size_t s = 0;
  bool fresh = true;
  for (size_t i = 0; i < tokens.size(); ++i) {
    while (s < sentences.size() && sentences[s].end <= tokens[i].begin) {
      ++s;
      fresh = true;
    }
    if (s < sentences.size() && tokens[i].begin >= sentences[s].begin && fresh) {
      if (tokens[i].kind == text::TokenKind::kWord || tokens[i].kind == text::TokenKind::kNumber) {
        at_start[i] = true;
        fresh = false;
      }
    }
  }
  auto tok = [&](size_t i) { return body.substr(tokens[i].begin, tokens[i].end - tokens[i].begin); };
  size_t i = 0;
  while (i < tokens.size()) {
    if (tokens[i].kind != text::TokenKind::kWord || !IsUpperStart(tok(i))) {
      ++i;
      continue;
    }
    // Grow a run of capitalised words, allowing connectors between them.
    size_t b = i, e = i + 1;
    while (e < tokens.size()) {
      if (tokens[e].kind == text::TokenKind::kWord && IsUpperStart(tok(e)) && !at_start[e]) {
        ++e;
      } else if (tokens[e].kind == text::TokenKind::kWord && IsConnector(tok(e)) &&
                 e + 1 < tokens.size() && tokens[e + 1].kind == text::TokenKind::kWord &&
                 IsUpperStart(tok(e + 1))) {
        e += 2;
      } else {
        break;
      }
    }
    i = e;
    // Drop leading stop words ("The", "In", "But") and calendar words.
    std::vector<std::string> words;
    for (size_t k = b; k < e; ++k) {
      std::string folded = text::Fold(StripPossessive(tok(k)));
      if (words.empty() && (text::IsStopWord(folded) || IsCalendarWord(folded))) continue;
      words.push_back(std::move(folded));
    }
    while (!words.empty() && (IsConnector(words.back()) || IsCalendarWord(words.back()))) {
      words.pop_back();
    }
    if (words.empty()) continue;
    const bool starts_sentence = at_start[b] && words.size() == e - b;
    if (words.size() == 1) {
      if (starts_sentence && !IsAllCaps(tok(b))) continue;
      if (text::IsStopWord(words[0]) || IsCalendarWord(words[0])) continue;
    }
    if (words.size() > 6) words.resize(6);
    std::string name;
    for (const std::string& w : words) {
      if (!name.empty()) name += ' ';
      name += w;
    }
    out.push_back(std::move(name));
    if (words.size() >= 2 && !IsConnector(words.back())) out.push_back(words.back());
  }
  return out;
}

std::optional<double> ParseDay(std::string_view s) {
  auto digits = [&](size_t pos, size_t n, int* v) {
    if (pos + n > s.size()) return false;
    int x = 0;
    for (size_t k = pos; k < pos + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      x = x * 10 + (s[k] - '0');
    }
    *v = x;
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, &y) || s.size() < 10 || s[4] != '-' || !digits(5, 2, &m) || s[7] != '-' ||
      !digits(8, 2, &d) || m < 1 || m > 12 || d < 1 || d > 31) {
    return std::nullopt;
  }
  // Days from civil (proleptic Gregorian), after H. Hinnant's algorithm.
  const int yy = y - (m <= 2);
  const int era = (yy >= 0 ? yy : yy - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(yy - era * 400);
  const unsigned doy = static_cast<unsigned>((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  double day = era * 146097.0 + doe - 719468.0;
  int hh = 0, mm = 0, ss = 0;
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ') && digits(11, 2, &hh) && s.size() > 13 &&
      s[13] == ':' && digits(14, 2, &mm)) {
    size_t pos = 16;
    if (pos < s.size() && s[pos] == ':' && digits(pos + 1, 2, &ss)) pos += 3;
    while (pos < s.size() && (s[pos] == '.' || (s[pos] >= '0' && s[pos] <= '9'))) ++pos;
    int off = 0;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      int oh = 0, om = 0;
      if (digits(pos + 1, 2, &oh)) {
        size_t mpos = pos + 3;
        if (mpos < s.size() && s[mpos] == ':') ++mpos;
        digits(mpos, 2, &om);
        off = (s[pos] == '+' ? 1 : -1) * (oh * 60 + om);
      }
    }
    day += (hh * 3600.0 + mm * 60.0 + ss - off * 60.0) / 86400.0;
  }
  return day;
}

}  // namespace parallax
