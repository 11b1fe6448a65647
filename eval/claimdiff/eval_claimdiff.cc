// eval_claimdiff: the claim relation detectors (src/brief/claim_relation.h)
// against ClaimDiff train (../shared/data/claims/claimdiff), and the trainer
// of the compiled-in model.
//
// The two files hold the same 1,857 pairs; "strength" labels 1 when claim_b
// strengthens claim_a, "weak" labels 1 when it weakens it. Each is scored as
// a binary task (positive class P/R/F1, accuracy) next to the majority and
// always-positive baselines. Only the train split is in ../shared/data, so
// topics are split in two by a hash of the topic name: the rules' thresholds
// and the trained model (weights, L2 strength, decision thresholds) are
// chosen on the "dev" half only and reported on the "held-out" half. A
// 5-fold cross-validation by topic over all pairs gives a steadier figure.
// With --write-model / --write-inc, the same recipe is trained on all pairs
// and written out (models/claims/claims.model, src/brief/claim_relation_model.inc).
//
//   build/eval/claimdiff/eval_claimdiff [--data DIR] [--write-model F] [--write-inc F]
//                                       [--select]  (greedy forward feature selection; worse)
//   build/eval/claimdiff/eval_claimdiff --probe FILE...  (false alarms on one story)
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "brief/claim_relation.h"
#include "logistic.h"
#include "parallax/text.h"

namespace {

using nlohmann::json;
namespace brief = parallax::brief;
namespace cd = parallax::claimdiff;

struct Pair {
  std::string topic, a, b;
  brief::ClaimCues cues;
  bool strengthens = false, weakens = false;
  bool dev = false;
  int fold5 = 0;   // outer cross-validation fold
  int inner = 0;   // inner fold index for choosing L2 and thresholds
};

uint64_t Fnv(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

struct Score {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  void Add(bool pred, bool gold) {
    if (pred && gold) ++tp;
    else if (pred) ++fp;
    else if (gold) ++fn;
    else ++tn;
  }
  double P() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double R() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double F1() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
  double Acc() const { return double(tp + tn) / std::max(1, tp + fp + fn + tn); }
};

void Print(const char* name, const Score& s) {
  std::printf("  %-36s P %.3f  R %.3f  F1 %.3f  acc %.3f  (tp %d fp %d fn %d tn %d)\n", name,
              s.P(), s.R(), s.F1(), s.Acc(), s.tp, s.fp, s.fn, s.tn);
}

// ---- Hand rules ----

struct RuleEval {
  Score s, w;
};

RuleEval RunRules(const std::vector<Pair>& pairs, const std::vector<size_t>& idx,
                  const brief::ClaimRelationOptions& o) {
  RuleEval e;
  for (size_t i : idx) {
    brief::ClaimRelation r = brief::ClassifyCues(pairs[i].cues, o);
    e.s.Add(r == brief::ClaimRelation::kStrengthens, pairs[i].strengthens);
    e.w.Add(r == brief::ClaimRelation::kWeakens, pairs[i].weakens);
  }
  return e;
}

brief::ClaimRelationOptions ChooseRules(const std::vector<Pair>& pairs,
                                        const std::vector<size_t>& idx) {
  brief::ClaimRelationOptions best;
  double best_f = -1;
  for (int a = 0; a <= 30; ++a) {
    for (int b = 0; b <= 20; ++b) {
      brief::ClaimRelationOptions o;
      o.support_overlap = a * 0.01;
      o.weaken_overlap = b * 0.01;
      RuleEval e = RunRules(pairs, idx, o);
      double f = (e.s.F1() + e.w.F1()) / 2;
      if (f > best_f) best_f = f, best = o;
    }
  }
  return best;
}

// ---- Trained model ----

struct Trained {
  brief::ClaimModel model;
  brief::ClaimIdf idf;
  cd::RecipeReport s_report, w_report;
};

// IDF over the training claims only; then the recipe for each relation.
bool g_select = false;

Trained Train(const std::vector<Pair>& pairs, const std::vector<size_t>& idx) {
  Trained t;
  std::vector<std::string> texts;
  for (size_t i : idx) {
    texts.push_back(pairs[i].a);
    texts.push_back(pairs[i].b);
  }
  std::sort(texts.begin(), texts.end());
  texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
  t.idf = brief::ClaimIdf::Build(texts);
  std::vector<cd::Example> s_ex, w_ex;
  for (size_t i : idx) {
    cd::Example e;
    e.x = brief::ClaimFeatures(pairs[i].a, pairs[i].b, &t.idf);
    e.group = pairs[i].inner;
    e.y = pairs[i].strengthens;
    s_ex.push_back(e);
    e.y = pairs[i].weakens;
    w_ex.push_back(std::move(e));
  }
  cd::RecipeOptions options;
  options.select_features = g_select;
  t.model.feature_names = brief::ClaimFeatureNames();
  t.model.strengthens = cd::TrainRelation(s_ex, options, &t.s_report);
  t.model.weakens = cd::TrainRelation(w_ex, options, &t.w_report);
  return t;
}

struct Predictions {
  std::vector<double> ps, pw;
  std::vector<bool> ys, yw;
  Score s, w, s_allyes, w_allno, w_allyes;
  void Add(double s_prob, double w_prob, const Pair& p, const brief::ClaimModel& m) {
    ps.push_back(s_prob);
    pw.push_back(w_prob);
    ys.push_back(p.strengthens);
    yw.push_back(p.weakens);
    s.Add(s_prob >= m.strengthens.threshold, p.strengthens);
    w.Add(w_prob >= m.weakens.threshold, p.weakens);
    s_allyes.Add(true, p.strengthens);
    w_allno.Add(false, p.weakens);
    w_allyes.Add(true, p.weakens);
  }
};

void Predict(const std::vector<Pair>& pairs, const std::vector<size_t>& idx, const Trained& t,
             Predictions* out) {
  for (size_t i : idx) {
    std::vector<double> f = brief::ClaimFeatures(pairs[i].a, pairs[i].b, &t.idf);
    out->Add(t.model.strengthens.Probability(f), t.model.weakens.Probability(f), pairs[i], t.model);
  }
}

void PrintBlock(const char* title, const Predictions& p, const RuleEval* rules) {
  std::printf("%s:\n", title);
  Print("strengthens: trained", p.s);
  if (rules) Print("strengthens: old rules", rules->s);
  Print("strengthens: majority (always yes)", p.s_allyes);
  std::printf("  strengthens: trained ROC AUC %.3f\n", cd::RocAuc(p.ps, p.ys));
  Print("weakens: trained", p.w);
  if (rules) Print("weakens: old rules", rules->w);
  Print("weakens: majority (always no)", p.w_allno);
  Print("weakens: always yes", p.w_allyes);
  std::printf("  weakens: trained ROC AUC %.3f\n", cd::RocAuc(p.pw, p.yw));
}

// False-alarm probe: sentence pairs from different files that overlap
// strongly (content-stem Jaccard >= 0.3, i.e. the same fact told twice) and
// how many each detector calls "weakens". On articles about one event told
// consistently, most such calls are false alarms; the top ones are printed
// for reading.
int Probe(const std::vector<std::string>& files) {
  std::vector<std::pair<int, std::string>> sentences;
  for (size_t f = 0; f < files.size(); ++f) {
    std::ifstream in(files[f]);
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string norm = parallax::text::Normalize(body, /*keep_newlines=*/true);
    for (const auto& span : parallax::text::SplitSentences(norm)) {
      std::string s = norm.substr(span.begin, span.end - span.begin);
      if (parallax::text::Words(s).size() >= 6) sentences.push_back({int(f), s});
    }
  }
  std::vector<std::string> texts;
  for (const auto& s : sentences) texts.push_back(s.second);
  brief::ClaimIdf idf = brief::ClaimIdf::Build(texts);
  int pairs = 0, rules_weak = 0, trained_weak = 0, trained_strong = 0;
  std::vector<std::pair<double, std::pair<size_t, size_t>>> flagged;
  for (size_t i = 0; i < sentences.size(); ++i) {
    for (size_t j = 0; j < sentences.size(); ++j) {
      if (sentences[i].first >= sentences[j].first) continue;
      brief::ClaimCues cues = brief::CompareClaims(sentences[i].second, sentences[j].second);
      if (cues.overlap < 0.3) continue;
      ++pairs;
      rules_weak += brief::ClassifyCues(cues) == brief::ClaimRelation::kWeakens;
      brief::ClaimScores s = brief::ScoreClaims(sentences[i].second, sentences[j].second, &idf);
      brief::ClaimRelation r = brief::ClassifyScores(s);
      trained_weak += r == brief::ClaimRelation::kWeakens;
      trained_strong += r == brief::ClaimRelation::kStrengthens;
      flagged.push_back({s.weakens, {i, j}});
    }
  }
  std::printf("probe: %zu sentences, %d cross-file pairs with Jaccard >= 0.3\n", sentences.size(),
              pairs);
  std::printf("  weakens by old rules (default options): %d\n", rules_weak);
  std::printf("  weakens by trained model: %d; strengthens: %d\n", trained_weak, trained_strong);
  std::sort(flagged.rbegin(), flagged.rend());
  for (size_t k = 0; k < flagged.size() && k < 5; ++k) {
    auto [i, j] = flagged[k].second;
    std::printf("  p(weakens) %.3f\n    a: %.160s\n    b: %.160s\n", flagged[k].first,
                sentences[i].second.c_str(), sentences[j].second.c_str());
  }
  return 0;
}

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = std::string(PARALLAX_SHARED_DATA) + "/claims/claimdiff";
  std::string model_path, inc_path;
  if (argc > 2 && !std::strcmp(argv[1], "--probe")) {
    return Probe(std::vector<std::string>(argv + 2, argv + argc));
  }
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--data") && i + 1 < argc) dir = argv[++i];
    else if (!std::strcmp(argv[i], "--write-model") && i + 1 < argc) model_path = argv[++i];
    else if (!std::strcmp(argv[i], "--write-inc") && i + 1 < argc) inc_path = argv[++i];
    else if (!std::strcmp(argv[i], "--select")) g_select = true;
  }
  std::ifstream fs(dir + "/ClaimDiff-strength-train.json"), fw(dir + "/ClaimDiff-weak-train.json");
  if (!fs || !fw) {
    std::fprintf(stderr, "eval_claimdiff: cannot read %s (is ../shared/data present?)\n", dir.c_str());
    return 1;
  }
  json js = json::parse(fs)["data"], jw = json::parse(fw)["data"];
  if (js.size() != jw.size()) {
    std::fprintf(stderr, "eval_claimdiff: the two files differ in size\n");
    return 1;
  }
  std::vector<Pair> pairs;
  for (size_t i = 0; i < js.size(); ++i) {
    if (js[i]["pair_id"] != jw[i]["pair_id"]) {
      std::fprintf(stderr, "eval_claimdiff: pair %zu differs between files\n", i);
      return 1;
    }
    Pair p;
    p.topic = js[i]["topic"].get<std::string>();
    uint64_t h = Fnv(p.topic);
    p.dev = h % 2 == 0;
    p.fold5 = int((h >> 8) % 5);
    p.inner = int((h >> 24) % 5);
    p.a = js[i]["claim_a"].get<std::string>();
    p.b = js[i]["claim_b"].get<std::string>();
    p.cues = brief::CompareClaims(p.a, p.b);
    p.strengthens = js[i]["relation"].get<int>() == 1;
    p.weakens = jw[i]["relation"].get<int>() == 1;
    pairs.push_back(std::move(p));
  }
  std::vector<size_t> dev, held, all;
  for (size_t i = 0; i < pairs.size(); ++i) {
    (pairs[i].dev ? dev : held).push_back(i);
    all.push_back(i);
  }
  std::printf("ClaimDiff train: %zu pairs; dev topics %zu pairs, held-out topics %zu pairs\n",
              pairs.size(), dev.size(), held.size());

  // 1. Dev / held-out: rules and model chosen on dev, scored on held-out.
  brief::ClaimRelationOptions rules = ChooseRules(pairs, dev);
  RuleEval rules_held = RunRules(pairs, held, rules);
  Trained on_dev = Train(pairs, dev);
  std::printf("old rules chosen on dev: support_overlap %.2f, weaken_overlap %.2f\n",
              rules.support_overlap, rules.weaken_overlap);
  std::printf("trained on dev: strengthens l2 %g threshold %.3f (inner CV F1 %.3f AUC %.3f); "
              "weakens l2 %g threshold %.3f (inner CV F1 %.3f AUC %.3f)\n",
              on_dev.s_report.l2, on_dev.model.strengthens.threshold, on_dev.s_report.inner_f1,
              on_dev.s_report.inner_auc, on_dev.w_report.l2, on_dev.model.weakens.threshold,
              on_dev.w_report.inner_f1, on_dev.w_report.inner_auc);
  for (const auto* r : {&on_dev.s_report, &on_dev.w_report}) {
    if (!g_select) break;
    std::printf("  %s features:", r == &on_dev.s_report ? "strengthens" : "weakens");
    for (size_t i : r->selected) std::printf(" %s", brief::ClaimFeatureNames()[i].c_str());
    std::printf("\n");
  }
  Predictions held_pred;
  Predict(pairs, held, on_dev, &held_pred);
  PrintBlock("held-out (trained on dev)", held_pred, &rules_held);

  // 2. 5-fold cross-validation by topic over all pairs (pooled predictions).
  Predictions cv;
  RuleEval cv_rules;
  std::vector<double> fold_fs, fold_fw;
  for (int fold = 0; fold < 5; ++fold) {
    std::vector<size_t> train, test;
    for (size_t i : all) (pairs[i].fold5 == fold ? test : train).push_back(i);
    Trained t = Train(pairs, train);
    Predictions p;
    Predict(pairs, test, t, &p);
    fold_fs.push_back(p.s.F1());
    fold_fw.push_back(p.w.F1());
    Predict(pairs, test, t, &cv);
    RuleEval r = RunRules(pairs, test, ChooseRules(pairs, train));
    for (auto [from, to] : {std::pair{&r.s, &cv_rules.s}, std::pair{&r.w, &cv_rules.w}}) {
      to->tp += from->tp, to->fp += from->fp, to->fn += from->fn, to->tn += from->tn;
    }
    std::printf("fold %d: %zu test pairs; strengthens F1 %.3f (always yes %.3f); weakens F1 %.3f "
                "(always yes %.3f)\n",
                fold, test.size(), p.s.F1(), p.s_allyes.F1(), p.w.F1(), p.w_allyes.F1());
  }
  auto mean_sd = [](const std::vector<double>& v) {
    double m = 0, s = 0;
    for (double x : v) m += x / v.size();
    for (double x : v) s += (x - m) * (x - m) / v.size();
    return std::pair{m, std::sqrt(s)};
  };
  PrintBlock("5-fold CV by topic, pooled", cv, &cv_rules);
  auto [ms, ss] = mean_sd(fold_fs);
  auto [mw, sw] = mean_sd(fold_fw);
  std::printf("  per-fold F1 mean +- sd: strengthens %.3f +- %.3f, weakens %.3f +- %.3f\n", ms, ss,
              mw, sw);

  // 3. The shipped model: the same recipe on all pairs.
  if (!model_path.empty() || !inc_path.empty()) {
    Trained final_model = Train(pairs, all);
    std::string text = brief::FormatClaimModel(final_model.model);
    std::printf("trained on all: strengthens l2 %g threshold %.3f; weakens l2 %g threshold %.3f\n",
                final_model.s_report.l2, final_model.model.strengthens.threshold,
                final_model.w_report.l2, final_model.model.weakens.threshold);
    const auto& names = brief::ClaimFeatureNames();
    for (const auto* l : {&final_model.model.strengthens, &final_model.model.weakens}) {
      std::vector<size_t> order(names.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return std::fabs(l->weight[a]) > std::fabs(l->weight[b]);
      });
      std::printf("  %s largest weights:", l == &final_model.model.strengthens ? "strengthens" : "weakens");
      for (size_t k = 0; k < 8; ++k) std::printf(" %s %+.2f", names[order[k]].c_str(), l->weight[order[k]]);
      std::printf("\n");
    }
    if (!model_path.empty() && !WriteFile(model_path, text)) {
      std::fprintf(stderr, "eval_claimdiff: cannot write %s\n", model_path.c_str());
      return 1;
    }
    if (!inc_path.empty() &&
        !WriteFile(inc_path, "// Generated by eval_claimdiff --write-inc; the same text as\n"
                             "// models/claims/claims.model. Do not edit by hand.\nR\"claims(" +
                                 text + ")claims\"\n")) {
      std::fprintf(stderr, "eval_claimdiff: cannot write %s\n", inc_path.c_str());
      return 1;
    }
  }
  return 0;
}
