#include "truecase.h"

#include <unordered_set>

namespace parallax::ner {
namespace {

bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool Lower(char c) { return c >= 'a' && c <= 'z'; }

// "Checks" (not "CNN", "McCain" counts: only the first letter matters).
bool Capitalised(std::string_view w) {
  if (w.size() < 2 || !Upper(w[0])) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (Lower(w[i])) return true;
  }
  return false;
}

bool HasLetter(std::string_view w) {
  for (char c : w) {
    if (Upper(c) || Lower(c) || static_cast<unsigned char>(c) >= 0xC0) return true;
  }
  return false;
}

// Closed-class words, lowercased: always ordinary words in a headline.
bool FunctionWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kWords = {
      "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by",
      "with", "into", "onto", "over", "after", "before", "as", "about", "against", "between",
      "during", "without", "within", "under", "up", "down", "out", "off", "than", "via", "amid",
      "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
      "could", "may", "might", "should", "must", "do", "does", "did", "not", "no", "it", "its",
      "he", "she", "his", "her", "him", "they", "their", "them", "we", "our", "us", "you", "your",
      "i", "my", "me", "this", "that", "these", "those", "who", "whom", "what", "when", "where",
      "why", "how", "which", "if", "says", "said", "while", "now", "more", "most", "new"};
  return kWords.count(lower) > 0;
}

// Short words a title-case headline leaves in lowercase ("of", "in").
bool LowercaseInTitles(std::string_view w) {
  if (w.size() > 4) return false;  // every word below is short: skip the hash for most words
  static const std::unordered_set<std::string_view> kWords = {
      "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by",
      "with", "vs", "vs.", "as", "from", "into", "via"};
  return kWords.count(w) > 0;
}

std::string LowerFirst(std::string_view w) {
  std::string s(w);
  s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// A crude stem so "Checks" meets "checked" and "check": drops a final
// "s", "es", "ed", "ing" (the word keeps at least three letters).
std::string_view Stem(std::string_view w) {
  for (std::string_view suf : {"ing", "ed", "es", "s"}) {
    if (w.size() >= suf.size() + 3 && w.ends_with(suf)) return w.substr(0, w.size() - suf.size());
  }
  return w;
}

// A sentence of prose, whose lowercase words are words: not a URL split
// into tokens ("dlisted . com / lindsay - lohan - checks"), where names are
// lowercase too.
bool Prose(const std::vector<std::string_view>& words) {
  size_t letters = 0;
  for (std::string_view w : words) {
    if (w == "http" || w == "https" || w == "www" || w == "com" || w.find("://") != std::string_view::npos) {
      return false;
    }
    letters += HasLetter(w) ? 1 : 0;
  }
  return letters * 3 >= words.size() * 2;
}

}  // namespace

bool IsTitleCaseSentence(const std::vector<std::string_view>& words) {
  size_t content = 0, capitalised = 0;
  for (std::string_view w : words) {
    if (!HasLetter(w) || LowercaseInTitles(w) || w[0] == '\'') continue;  // "'s", "'re"
    bool lower_letter = false;
    for (char c : w) lower_letter = lower_letter || Lower(c);
    if (!lower_letter && !(w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80)) continue;  // "US", "NATO"
    ++content;
    if (Capitalised(w)) ++capitalised;
  }
  return capitalised >= 4 && capitalised * 10 >= content * 9;
}

size_t TrueCaseTitleSentences(std::vector<std::vector<std::string_view>>* sentences,
                              std::vector<std::string>* storage) {
  std::vector<bool> title(sentences->size());
  bool any = false;
  for (size_t s = 0; s < sentences->size(); ++s) {
    title[s] = IsTitleCaseSentence((*sentences)[s]);
    any = any || title[s];
  }
  if (!any) return 0;
  // What the rest of the document writes in lowercase, and what it
  // capitalises inside a sentence (a name, even if also a word elsewhere).
  std::unordered_set<std::string> lower, lower_stems, capital;
  for (size_t s = 0; s < sentences->size(); ++s) {
    const auto& ws = (*sentences)[s];
    if (title[s] || !Prose(ws)) continue;
    for (size_t i = 0; i < ws.size(); ++i) {
      if (ws[i].empty()) continue;
      if (Lower(ws[i][0])) {
        lower.emplace(ws[i]);
        lower_stems.emplace(Stem(ws[i]));
      } else if (i > 0 && Capitalised(ws[i])) {
        capital.emplace(ws[i]);
      }
    }
  }
  // Views are repointed after all copies are made: `storage` may reallocate.
  std::vector<std::pair<std::string_view*, size_t>> changed;
  for (size_t s = 0; s < sentences->size(); ++s) {
    if (!title[s]) continue;
    auto& ws = (*sentences)[s];
    for (size_t i = 1; i < ws.size(); ++i) {
      if (!Capitalised(ws[i])) continue;
      std::string low = LowerFirst(ws[i]);
      bool ordinary = FunctionWord(low) ||
                      (!capital.count(std::string(ws[i])) &&
                       (lower.count(low) > 0 || lower_stems.count(std::string(Stem(low))) > 0));
      if (!ordinary) continue;
      storage->push_back(std::move(low));
      changed.emplace_back(&ws[i], storage->size() - 1);
    }
  }
  for (auto [view, k] : changed) *view = (*storage)[k];
  return changed.size();
}

}  // namespace parallax::ner
