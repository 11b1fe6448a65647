#include "brief/claim_relation.h"

#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>
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

double ClaimLogit::Probability(const std::vector<double>& x) const {
  double z = bias;
  for (size_t i = 0; i < weight.size() && i < x.size(); ++i) {
    double s = i < scale.size() && scale[i] > 0 ? scale[i] : 1.0;
    double m = i < mean.size() ? mean[i] : 0.0;
    z += weight[i] * (x[i] - m) / s;
  }
  return 1.0 / (1.0 + std::exp(-z));
}

namespace {

void FormatVector(std::ostringstream& out, const std::string& key, const std::vector<double>& v) {
  out << key;
  char buf[32];
  for (double d : v) {
    std::snprintf(buf, sizeof buf, " %.6g", d);
    out << buf;
  }
  out << '\n';
}

void FormatLogit(std::ostringstream& out, const std::string& name, const ClaimLogit& l) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s.bias %.6g\n", name.c_str(), l.bias);
  out << buf;
  std::snprintf(buf, sizeof buf, "%s.threshold %.6g\n", name.c_str(), l.threshold);
  out << buf;
  FormatVector(out, name + ".mean", l.mean);
  FormatVector(out, name + ".scale", l.scale);
  FormatVector(out, name + ".weight", l.weight);
}

ClaimModel LoadDefault() {
  static constexpr std::string_view kText =
#include "brief/claim_relation_model.inc"
      ;
  ClaimModel model;
  std::string error;
  if (!ParseClaimModel(kText, &model, &error) || model.feature_names != ClaimFeatureNames()) {
    // A model that never fires: better silent than wrong if the compiled-in
    // weights do not match the features (claim_relation_test catches this).
    model = ClaimModel{};
    model.feature_names = ClaimFeatureNames();
    model.strengthens.threshold = model.weakens.threshold = 2.0;
  }
  return model;
}

}  // namespace

const ClaimModel& DefaultClaimModel() {
  static const ClaimModel model = LoadDefault();
  return model;
}

std::string FormatClaimModel(const ClaimModel& model) {
  std::ostringstream out;
  out << "# parallax claim relation model: two logistic regressions over standardised pair\n"
         "# features (src/brief/claim_relation.h); see models/claims/README.md\n";
  out << "features";
  for (const auto& n : model.feature_names) out << ' ' << n;
  out << '\n';
  FormatLogit(out, "strengthens", model.strengthens);
  FormatLogit(out, "weakens", model.weakens);
  return out.str();
}

bool ParseClaimModel(std::string_view text, ClaimModel* model, std::string* error) {
  ClaimModel m;
  std::istringstream in{std::string(text)};
  std::string line;
  int seen = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string key;
    ls >> key;
    if (key == "features") {
      std::string n;
      while (ls >> n) m.feature_names.push_back(n);
      ++seen;
      continue;
    }
    auto dot = key.find('.');
    if (dot == std::string::npos) {
      *error = "unknown line: " + key;
      return false;
    }
    std::string which = key.substr(0, dot), field = key.substr(dot + 1);
    ClaimLogit* l = which == "strengthens" ? &m.strengthens
                    : which == "weakens"   ? &m.weakens
                                           : nullptr;
    std::vector<double>* v = field == "mean"     ? &l->mean
                             : field == "scale"  ? &l->scale
                             : field == "weight" ? &l->weight
                                                 : nullptr;
    if (l == nullptr) {
      *error = "unknown model: " + which;
      return false;
    }
    double d = 0;
    if (field == "bias" || field == "threshold") {
      if (!(ls >> d)) {
        *error = "no value for " + key;
        return false;
      }
      (field == "bias" ? l->bias : l->threshold) = d;
    } else if (v != nullptr) {
      while (ls >> d) v->push_back(d);
    } else {
      *error = "unknown field: " + key;
      return false;
    }
    ++seen;
  }
  size_t n = m.feature_names.size();
  for (const ClaimLogit* l : {&m.strengthens, &m.weakens}) {
    if (n == 0 || l->mean.size() != n || l->scale.size() != n || l->weight.size() != n) {
      *error = "feature count mismatch";
      return false;
    }
  }
  *model = std::move(m);
  return seen > 0;
}

ClaimScores ScoreClaims(std::string_view a, std::string_view b, const ClaimIdf* idf,
                        const ClaimModel& model) {
  std::vector<double> f = ClaimFeatures(a, b, idf);
  return {model.strengthens.Probability(f), model.weakens.Probability(f)};
}

ClaimRelation ClassifyScores(const ClaimScores& s, const ClaimModel& model) {
  if (s.weakens >= model.weakens.threshold) return ClaimRelation::kWeakens;
  if (s.strengthens >= model.strengthens.threshold) return ClaimRelation::kStrengthens;
  return ClaimRelation::kNone;
}

ClaimRelation ClassifyClaims(std::string_view a, std::string_view b,
                             const ClaimRelationOptions& options) {
  return ClassifyCues(CompareClaims(a, b), options);
}

ClaimRelation ClassifyClaimsTrained(std::string_view a, std::string_view b, const ClaimIdf* idf,
                                    const ClaimModel& model) {
  return ClassifyScores(ScoreClaims(a, b, idf, model), model);
}

}  // namespace parallax::brief
