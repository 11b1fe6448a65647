#include "brief/claim_relation.h"

#include <cmath>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "parallax/quantity.h"
#include "parallax/text.h"

namespace parallax::brief {
namespace {

bool AnyOf(const std::vector<std::string>& words, const std::unordered_set<std::string_view>& set) {
  for (const auto& w : words) {
    if (set.count(w)) return true;
  }
  return false;
}

const std::unordered_set<std::string_view>& Negations() {
  static const std::unordered_set<std::string_view> k{
      "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without",
      "n't", "didn't", "don't", "doesn't", "isn't", "wasn't", "weren't", "aren't", "won't",
      "can't", "cannot", "couldn't", "wouldn't", "shouldn't", "hasn't", "haven't", "hadn't"};
  return k;
}

const std::unordered_set<std::string_view>& Denials() {
  static const std::unordered_set<std::string_view> k{
      "denied", "denies", "deny", "rejected", "rejects", "reject", "disputed", "disputes",
      "refuted", "refutes", "dismissed", "dismisses", "false", "falsely", "untrue", "debunked",
      "contradicted", "contradicts", "misleading", "baseless", "unfounded", "despite",
      "however", "but", "although", "though", "contrary", "criticized", "criticised",
      "slammed", "blasted", "fewer", "less", "failed", "fails", "refused", "refuses",
      "opposed", "opposes", "against", "disagreed", "cancelled", "canceled", "postponed",
      "scrapped", "abandoned", "overturned", "reversed", "blocked"};
  return k;
}

const std::unordered_set<std::string_view>& Hedges() {
  static const std::unordered_set<std::string_view> k{
      "may", "might", "could", "possibly", "perhaps", "reportedly", "allegedly", "alleged",
      "claimed", "claims", "claim", "suggests", "suggested", "appears", "appeared", "seems",
      "likely", "unlikely", "unclear", "unconfirmed", "purportedly", "rumored", "rumoured",
      "believed", "estimated", "expected", "potentially", "apparently"};
  return k;
}

struct Bag {
  std::vector<std::string> words;  // folded
  std::set<std::string> stems;
  std::set<std::string> names;
};

Bag Read(std::string_view s, text::Stemmer& stemmer) {
  Bag b;
  std::string str(s);
  bool first = true;
  for (const text::Token& tok : text::Tokenize(str)) {
    if (tok.kind != text::TokenKind::kWord) continue;
    std::string_view raw(str.data() + tok.begin, tok.end - tok.begin);
    std::string w = text::Fold(raw);
    b.words.push_back(w);
    bool was_first = first;
    first = false;
    if (w.size() < 3 || text::IsStopWord(w)) continue;
    b.stems.insert(stemmer.Stem(w));
    unsigned char c = static_cast<unsigned char>(raw[0]);
    if (!was_first && c >= 'A' && c <= 'Z') b.names.insert(w);
  }
  // Typographic apostrophes: "didn’t" folds to "didn't" in Words().
  for (const std::string& w : text::Words(str)) {
    if (w.ends_with("n't")) b.words.push_back("n't");
  }
  return b;
}

bool QuantityConflict(std::string_view a, std::string_view b, text::Stemmer& stemmer) {
  auto qa = quantity::FindQuantities(a);
  auto qb = quantity::FindQuantities(b);
  for (const auto& x : qa) {
    if (x.kind != quantity::Kind::kCardinal || x.head.empty()) continue;
    for (const auto& y : qb) {
      if (y.kind != quantity::Kind::kCardinal || y.head.empty() || x.unit != y.unit) continue;
      bool same = stemmer.Stem(x.head) == stemmer.Stem(y.head) ||
                  (quantity::IsPersonNoun(x.head) && quantity::IsPersonNoun(y.head));
      if (!same) continue;
      if (x.High(0.05) < y.Low(0.05) || y.High(0.05) < x.Low(0.05)) return true;
    }
  }
  return false;
}

}  // namespace

ClaimCues CompareClaims(std::string_view a, std::string_view b) {
  text::Stemmer stemmer("en");
  Bag x = Read(a, stemmer), y = Read(b, stemmer);
  ClaimCues c;
  size_t inter = 0;
  for (const auto& s : x.stems) inter += y.stems.count(s);
  size_t uni = x.stems.size() + y.stems.size() - inter;
  c.overlap = uni ? double(inter) / double(uni) : 0;
  for (const auto& n : x.names) c.shared_names += static_cast<int>(y.names.count(n));
  c.negation_mismatch = AnyOf(x.words, Negations()) != AnyOf(y.words, Negations());
  c.denial = AnyOf(x.words, Denials()) != AnyOf(y.words, Denials());
  c.hedge_mismatch = AnyOf(x.words, Hedges()) != AnyOf(y.words, Hedges());
  c.quantity_conflict = QuantityConflict(a, b, stemmer);
  return c;
}

ClaimRelation ClassifyCues(const ClaimCues& c, const ClaimRelationOptions& o) {
  bool related = c.overlap >= o.weaken_overlap || c.shared_names > 0;
  if (related && (c.quantity_conflict || c.negation_mismatch || c.denial)) {
    return ClaimRelation::kWeakens;
  }
  if (c.overlap >= o.support_overlap || (c.shared_names > 0 && c.overlap >= o.weaken_overlap)) {
    return ClaimRelation::kStrengthens;
  }
  return ClaimRelation::kNone;
}

ClaimRelation ClassifyClaims(std::string_view a, std::string_view b,
                             const ClaimRelationOptions& options) {
  return ClassifyCues(CompareClaims(a, b), options);
}

}  // namespace parallax::brief
