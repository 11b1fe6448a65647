// Corpus casing classes: how each word is cased in the unlabeled news text
// (resources.h AddCorpusCase).
#include <algorithm>
#include <map>
#include <unordered_map>

#include "resources.h"
#include "token_features.h"

namespace parallax::ner {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// A capitalised word after these is not evidence of a name: it starts a
// sentence, a quotation, a parenthesis or a list item. A word, a number or a
// comma before it is (the paragraphs are not split into sentences).
bool FollowsRunningText(std::string_view prev) {
  return prev == "," ||
         (!prev.empty() && (IsAsciiLetter(prev[0]) || IsAsciiDigit(prev[0])) && prev.back() != '.');
}

int Classify(uint32_t cap, uint32_t lower) {
  if (cap + lower < 2) return kCaseUnseen;
  if (lower == 0) return cap >= 3 ? kCaseAlwaysCap : kCaseRareCap;
  if (cap == 0) return kCaseNeverCap;
  const double r = static_cast<double>(cap) / (cap + lower);
  if (r >= 0.9) return kCaseMostlyCap;
  if (r <= 0.1) return kCaseMostlyLower;
  return kCaseMixed;
}

}  // namespace

void AddCorpusCase(const Corpus& corpus, std::ostream* log, Model* model) {
  struct Counts {
    uint32_t cap = 0, lower = 0;
  };
  std::unordered_map<uint64_t, Counts> counts;
  std::vector<std::string_view> views;
  for (const std::vector<std::string>& para : corpus) {
    views.assign(para.begin(), para.end());
    if (IsAllCapsSentence(views)) continue;  // headlines say nothing about names
    for (size_t i = 0; i < para.size(); ++i) {
      const std::string& w = para[i];
      if (w.empty() || !IsAsciiLetter(w[0]) || (w.size() > 1 && IsAllCaps(w))) continue;
      if (w[0] >= 'a') {
        ++counts[PhraseKey(NormToken(w))].lower;
      } else if (i > 0 && FollowsRunningText(para[i - 1])) {
        ++counts[PhraseKey(NormToken(w))].cap;
      }
    }
  }
  std::map<uint64_t, uint16_t> masks;  // sorted: the file stays deterministic
  for (size_t r = 0; r < model->gazetteer_keys.size(); ++r) {
    masks[model->gazetteer_keys[r]] = model->gazetteer_masks[r] & ~kGazCaseBits;
  }
  size_t classified = 0;
  for (const auto& [key, c] : counts) {
    const int cls = Classify(c.cap, c.lower);
    if (cls == kCaseUnseen) continue;
    masks[key] |= static_cast<uint16_t>(cls << kGazCaseShift);
    ++classified;
  }
  model->gazetteer_keys.clear();
  model->gazetteer_masks.clear();
  for (const auto& [k, v] : masks) {
    model->gazetteer_keys.push_back(k);
    model->gazetteer_masks.push_back(v);
  }
  if (log) *log << "corpus casing: " << classified << " words classified\n";
}

}  // namespace parallax::ner
