// Pair features for the trained claim relation detector (claim_relation.h).
// Word lists here were written for this project; they are deliberately
// generic news vocabulary, not drawn from ClaimDiff. They are not the rules'
// lists in claim_relation.cc on purpose: the rules lump denial and contrast
// words ("but", "however") and hedges and modals together, while the model
// gets them as separate features (and the rules' verdict as one more), so the
// rules stay exactly as evaluated before.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "brief/claim_relation.h"
#include "parallax/quantity.h"
#include "parallax/text.h"
#include "parallax/timex.h"

namespace parallax::brief {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet& Negations() {
  static const WordSet k{"not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
                         "without", "n't", "cannot"};
  return k;
}

const WordSet& Denials() {
  static const WordSet k{
      "denied", "denies", "deny", "rejected", "rejects", "reject", "disputed", "disputes",
      "refuted", "refutes", "dismissed", "dismisses", "false", "falsely", "untrue", "debunked",
      "contradicted", "contradicts", "misleading", "baseless", "unfounded", "criticized",
      "criticised", "slammed", "blasted", "failed", "fails", "refused", "refuses", "opposed",
      "opposes", "against", "disagreed", "overturned", "reversed", "blocked", "condemned",
      "accused", "lied", "wrong", "mistaken", "hoax", "fake"};
  return k;
}

const WordSet& Contrasts() {
  static const WordSet k{"but", "however", "although", "though", "despite", "yet", "while",
                         "whereas", "nevertheless", "nonetheless", "instead", "contrary",
                         "still", "even"};
  return k;
}

const WordSet& Hedges() {
  static const WordSet k{
      "possibly", "perhaps", "reportedly", "allegedly", "alleged", "claimed", "claims", "claim",
      "suggests", "suggested", "appears", "appeared", "seems", "likely", "unlikely", "unclear",
      "unconfirmed", "purportedly", "rumored", "rumoured", "believed", "estimated", "expected",
      "potentially", "apparently", "according", "said", "says"};
  return k;
}

const WordSet& Modals() {
  static const WordSet k{"may", "might", "could", "would", "should", "must", "can", "will"};
  return k;
}

const WordSet& PositiveWords() {
  static const WordSet k{
      "success", "successful", "win", "won", "wins", "victory", "gain", "gains", "improve",
      "improved", "improvement", "strong", "stronger", "strength", "good", "better", "best",
      "great", "support", "supported", "supports", "praise", "praised", "benefit", "benefits",
      "boost", "boosted", "growth", "lead", "leads", "led", "popular", "positive", "progress",
      "secure", "safe", "agree", "agreed", "agreement", "approve", "approved", "historic",
      "welcome", "welcomed", "effective", "record", "hope", "bipartisan", "deal", "achieve",
      "achieved", "help", "helped", "protect", "protected", "surge", "rise", "rising"};
  return k;
}

const WordSet& NegativeWords() {
  static const WordSet k{
      "failure", "fail", "failed", "loss", "lose", "lost", "losing", "defeat", "defeated",
      "weak", "weaker", "bad", "worse", "worst", "crisis", "threat", "threatens", "damage",
      "damaged", "harm", "harmful", "hurt", "chaos", "controversy", "controversial", "scandal",
      "criticism", "criticized", "criticised", "attack", "attacked", "attacks", "problem",
      "problems", "concern", "concerns", "worried", "fear", "fears", "danger", "dangerous",
      "risk", "risks", "decline", "declined", "drop", "dropped", "fell", "fall", "collapse",
      "unpopular", "negative", "illegal", "corrupt", "corruption", "abuse", "fraud", "violence",
      "dead", "killed", "death", "deaths", "victims", "struggle", "struggling", "blame",
      "blamed", "slammed", "outrage", "backlash", "unconstitutional", "impeachment"};
  return k;
}

// Word pairs of opposite sense; a pair fires when one claim has one word
// (by stem) and the other claim has the other.
const std::vector<std::pair<std::string_view, std::string_view>>& OppositePairs() {
  static const std::vector<std::pair<std::string_view, std::string_view>> k{
      {"rise", "fall"},         {"increase", "decrease"}, {"grow", "shrink"},
      {"gain", "lose"},         {"win", "lose"},          {"up", "down"},
      {"more", "less"},         {"higher", "lower"},      {"support", "oppose"},
      {"approve", "reject"},    {"pass", "fail"},         {"success", "failure"},
      {"accept", "refuse"},     {"allow", "ban"},         {"legal", "illegal"},
      {"guilty", "innocent"},   {"true", "false"},        {"strong", "weak"},
      {"good", "bad"},          {"best", "worst"},        {"lead", "trail"},
      {"ahead", "behind"},      {"agree", "disagree"},    {"confirm", "deny"},
      {"help", "hurt"},         {"boost", "cut"},         {"expand", "reduce"},
      {"safe", "dangerous"},    {"open", "close"},        {"start", "end"},
      {"include", "exclude"},   {"praise", "criticize"},  {"victory", "defeat"},
      {"majority", "minority"}, {"positive", "negative"}, {"benefit", "harm"},
      {"before", "after"},      {"most", "least"},        {"many", "few"},
      {"popular", "unpopular"}, {"constitutional", "unconstitutional"}};
  return k;
}

struct Bag {
  std::vector<std::string> words;  // folded words, in order
  std::set<std::string> stems;     // content stems
  std::set<std::string> names;     // capitalised words, not sentence-initial
  std::string content;             // content words joined by spaces (for trigrams)
  bool quote = false;
};

Bag Read(std::string_view s, text::Stemmer& stemmer) {
  Bag b;
  std::string str(s);
  bool first = true;
  for (const text::Token& tok : text::Tokenize(str)) {
    std::string_view raw(str.data() + tok.begin, tok.end - tok.begin);
    if (tok.kind == text::TokenKind::kPunct &&
        (raw == "\"" || raw == "\xe2\x80\x9c" || raw == "\xe2\x80\x9d")) {
      b.quote = true;
    }
    if (tok.kind != text::TokenKind::kWord) continue;
    std::string w = text::Fold(raw);
    b.words.push_back(w);
    bool was_first = first;
    first = false;
    if (w.size() < 3 || text::IsStopWord(w)) continue;
    b.stems.insert(stemmer.Stem(w));
    if (!b.content.empty()) b.content += ' ';
    b.content += w;
    unsigned char c = static_cast<unsigned char>(raw[0]);
    if (!was_first && c >= 'A' && c <= 'Z') b.names.insert(w);
  }
  if (s.find('"') != std::string_view::npos) b.quote = true;
  for (const std::string& w : text::Words(str)) {
    if (w.ends_with("n't")) b.words.push_back("n't");
  }
  return b;
}

int CountIn(const Bag& b, const WordSet& set) {
  int n = 0;
  for (const auto& w : b.words) n += set.count(w) ? 1 : 0;
  return n;
}

std::set<std::string> Bigrams(const Bag& b) {
  std::set<std::string> out;
  for (size_t i = 1; i < b.words.size(); ++i) out.insert(b.words[i - 1] + ' ' + b.words[i]);
  return out;
}

std::unordered_map<std::string, int> Trigrams(const std::string& s) {
  std::unordered_map<std::string, int> out;
  std::string padded = " " + s + " ";
  for (size_t i = 0; i + 3 <= padded.size(); ++i) ++out[padded.substr(i, 3)];
  return out;
}

double Cosine(const std::unordered_map<std::string, int>& x,
              const std::unordered_map<std::string, int>& y) {
  double dot = 0, nx = 0, ny = 0;
  for (const auto& [k, v] : x) {
    nx += double(v) * v;
    auto it = y.find(k);
    if (it != y.end()) dot += double(v) * it->second;
  }
  for (const auto& [k, v] : y) ny += double(v) * v;
  return nx > 0 && ny > 0 ? dot / std::sqrt(nx * ny) : 0;
}

template <typename Set>
size_t Intersection(const Set& x, const Set& y) {
  size_t n = 0;
  for (const auto& v : x) n += y.count(v);
  return n;
}

// Pairs of quantities counting the same thing: how many agree (ranges
// overlap) and how many cannot both hold.
void CompareQuantities(std::string_view a, std::string_view b, text::Stemmer& stemmer,
                       bool* any_a, bool* any_b, int* same, int* conflict) {
  auto qa = quantity::FindQuantities(a);
  auto qb = quantity::FindQuantities(b);
  *any_a = !qa.empty();
  *any_b = !qb.empty();
  for (const auto& x : qa) {
    for (const auto& y : qb) {
      if (x.unit != y.unit || x.kind != y.kind) continue;
      bool counted_same = x.head.empty() || y.head.empty()
                              ? x.unit != quantity::Unit::kNone
                              : stemmer.Stem(x.head) == stemmer.Stem(y.head) ||
                                    (quantity::IsPersonNoun(x.head) && quantity::IsPersonNoun(y.head));
      if (!counted_same) continue;
      if (x.High(0.05) < y.Low(0.05) || y.High(0.05) < x.Low(0.05)) ++*conflict;
      else ++*same;
    }
  }
}

void CompareDates(std::string_view a, std::string_view b, bool* any_a, bool* any_b, bool* same,
                  bool* differ) {
  std::set<std::string> va, vb;
  for (const auto& t : timex::FindTimexes(a)) {
    if (t.type == timex::TimexType::kDate) va.insert(t.value);
  }
  for (const auto& t : timex::FindTimexes(b)) {
    if (t.type == timex::TimexType::kDate) vb.insert(t.value);
  }
  *any_a = !va.empty();
  *any_b = !vb.empty();
  size_t shared = Intersection(va, vb);
  *same = shared > 0;
  *differ = *any_a && *any_b && shared == 0;
}

int Opposites(const Bag& x, const Bag& y, text::Stemmer& stemmer) {
  int n = 0;
  for (const auto& [p, q] : OppositePairs()) {
    std::string sp = stemmer.Stem(p), sq = stemmer.Stem(q);
    auto has = [&](const Bag& b, const std::string& s, std::string_view w) {
      return b.stems.count(s) > 0 || std::find(b.words.begin(), b.words.end(), w) != b.words.end();
    };
    if ((has(x, sp, p) && has(y, sq, q) && !has(x, sq, q)) ||
        (has(x, sq, q) && has(y, sp, p) && !has(x, sp, p))) {
      ++n;
    }
  }
  return n;
}

double B(bool v) { return v ? 1.0 : 0.0; }
double Cap(int v, int cap) { return std::min(v, cap); }
int Sign(int v) { return (v > 0) - (v < 0); }

}  // namespace

ClaimIdf ClaimIdf::Build(const std::vector<std::string>& texts) {
  text::Stemmer stemmer("en");
  std::unordered_map<std::string, int> df;
  for (const std::string& t : texts) {
    for (const std::string& s : Read(t, stemmer).stems) ++df[s];
  }
  ClaimIdf idf;
  double n = double(texts.size());
  for (const auto& [stem, count] : df) idf.idf_[stem] = std::log((n + 1) / (count + 0.5));
  idf.unseen_ = std::log((n + 1) / 1.5);
  return idf;
}

double ClaimIdf::Weight(const std::string& stem) const {
  auto it = idf_.find(stem);
  return it == idf_.end() ? unseen_ : it->second;
}

const std::vector<std::string>& ClaimFeatureNames() {
  static const std::vector<std::string> k{
      "jaccard",        "contain_a",       "contain_b",      "idf_cosine",
      "bigram_jaccard", "char3_cosine",    "shared_names",   "names_shared_frac",
      "names_only_a",   "names_only_b",    "num_a",          "num_b",
      "num_same",       "num_conflict",    "date_a",         "date_b",
      "date_same",      "date_differ",     "neg_a",          "neg_b",
      "neg_mismatch",   "denial_a",        "denial_b",       "denial_mismatch",
      "hedge_a",        "hedge_b",         "hedge_mismatch", "modal_a",
      "modal_b",        "modal_mismatch",  "contrast_a",     "contrast_b",
      "opposites",      "pos_a",           "negword_a",      "pos_b",
      "negword_b",      "polarity_differ", "len_ratio",      "log_len_a",
      "log_len_b",      "quote_a",         "quote_b",        "jaccard_x_neg",
      "jaccard_x_denial", "related_x_cue", "contrast_mismatch", "rules_weakens"};
  return k;
}

std::vector<double> ClaimFeatures(std::string_view a, std::string_view b, const ClaimIdf* idf) {
  text::Stemmer stemmer("en");
  Bag x = Read(a, stemmer), y = Read(b, stemmer);
  std::vector<double> f;
  f.reserve(ClaimFeatureNames().size());
  size_t inter = Intersection(x.stems, y.stems);
  size_t uni = x.stems.size() + y.stems.size() - inter;
  double jaccard = uni ? double(inter) / double(uni) : 0;
  f.push_back(jaccard);
  f.push_back(x.stems.empty() ? 0 : double(inter) / double(x.stems.size()));
  f.push_back(y.stems.empty() ? 0 : double(inter) / double(y.stems.size()));
  double dot = 0, nx = 0, ny = 0;
  for (const auto& s : x.stems) {
    double w = idf ? idf->Weight(s) : 1.0;
    nx += w * w;
    if (y.stems.count(s)) dot += w * w;
  }
  for (const auto& s : y.stems) {
    double w = idf ? idf->Weight(s) : 1.0;
    ny += w * w;
  }
  f.push_back(nx > 0 && ny > 0 ? dot / std::sqrt(nx * ny) : 0);
  auto bx = Bigrams(x), by = Bigrams(y);
  size_t binter = Intersection(bx, by);
  size_t buni = bx.size() + by.size() - binter;
  f.push_back(buni ? double(binter) / double(buni) : 0);
  f.push_back(Cosine(Trigrams(x.content), Trigrams(y.content)));
  size_t shared = Intersection(x.names, y.names);
  size_t name_uni = x.names.size() + y.names.size() - shared;
  f.push_back(Cap(int(shared), 5));
  f.push_back(name_uni ? double(shared) / double(name_uni) : 0);
  f.push_back(Cap(int(x.names.size() - shared), 5));
  f.push_back(Cap(int(y.names.size() - shared), 5));
  bool num_a = false, num_b = false;
  int num_same = 0, num_conflict = 0;
  CompareQuantities(a, b, stemmer, &num_a, &num_b, &num_same, &num_conflict);
  f.push_back(B(num_a));
  f.push_back(B(num_b));
  f.push_back(Cap(num_same, 3));
  f.push_back(Cap(num_conflict, 3));
  bool date_a = false, date_b = false, date_same = false, date_differ = false;
  CompareDates(a, b, &date_a, &date_b, &date_same, &date_differ);
  f.push_back(B(date_a));
  f.push_back(B(date_b));
  f.push_back(B(date_same));
  f.push_back(B(date_differ));
  auto cue = [&](const WordSet& set) {
    bool in_a = CountIn(x, set) > 0, in_b = CountIn(y, set) > 0;
    f.push_back(B(in_a));
    f.push_back(B(in_b));
    f.push_back(B(in_a != in_b));
    return in_a != in_b;
  };
  bool neg = cue(Negations());
  bool denial = cue(Denials());
  cue(Hedges());
  cue(Modals());
  f.push_back(B(CountIn(x, Contrasts()) > 0));
  f.push_back(B(CountIn(y, Contrasts()) > 0));
  f.push_back(Cap(Opposites(x, y, stemmer), 3));
  int pos_a = CountIn(x, PositiveWords()), neg_a = CountIn(x, NegativeWords());
  int pos_b = CountIn(y, PositiveWords()), neg_b = CountIn(y, NegativeWords());
  f.push_back(Cap(pos_a, 3));
  f.push_back(Cap(neg_a, 3));
  f.push_back(Cap(pos_b, 3));
  f.push_back(Cap(neg_b, 3));
  f.push_back(B(Sign(pos_a - neg_a) * Sign(pos_b - neg_b) < 0));
  double la = double(x.words.size()), lb = double(y.words.size());
  f.push_back(std::max(la, lb) > 0 ? std::min(la, lb) / std::max(la, lb) : 0);
  f.push_back(std::log1p(la));
  f.push_back(std::log1p(lb));
  f.push_back(B(x.quote));
  f.push_back(B(y.quote));
  f.push_back(jaccard * B(neg));
  f.push_back(jaccard * B(denial));
  f.push_back(B((jaccard >= 0.05 || shared > 0) && (neg || denial || num_conflict > 0)));
  f.push_back(B((CountIn(x, Contrasts()) > 0) != (CountIn(y, Contrasts()) > 0)));
  // The hand rules' verdict (claim_relation.cc) at their default options.
  f.push_back(B(ClassifyCues(CompareClaims(a, b)) == ClaimRelation::kWeakens));
  return f;
}

}  // namespace parallax::brief
