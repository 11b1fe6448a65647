// eval_claimdiff: the claim relation detector (src/brief/claim_relation.h)
// against ClaimDiff train (../shared/data/claims/claimdiff).
//
// The two files hold the same 1,857 pairs; "strength" labels 1 when claim_b
// strengthens claim_a, "weak" labels 1 when it weakens it. Each is scored as
// a binary task (positive class P/R/F1, accuracy) next to the majority
// baseline and the always-positive baseline. Only the train split is in
// ../shared/data, so topics are split in two by a hash of the topic name:
// thresholds are chosen on the "dev" half and reported on the "held-out"
// half (and on all pairs for reference).
//
//   build/eval/claimdiff/eval_claimdiff [--data DIR]
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "brief/claim_relation.h"

namespace {

using nlohmann::json;
using parallax::brief::ClaimCues;
using parallax::brief::ClaimRelation;
using parallax::brief::ClaimRelationOptions;

struct Pair {
  std::string topic;
  ClaimCues cues;
  bool strengthens = false, weakens = false;
  bool dev = false;
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

struct Eval {
  Score s, w, s_major, w_major, w_allpos;
};

Eval Run(const std::vector<Pair>& pairs, const ClaimRelationOptions& o, int which /*0 dev 1 held 2 all*/) {
  Eval e;
  for (const Pair& p : pairs) {
    if (which == 0 && !p.dev) continue;
    if (which == 1 && p.dev) continue;
    ClaimRelation r = parallax::brief::ClassifyCues(p.cues, o);
    e.s.Add(r == ClaimRelation::kStrengthens, p.strengthens);
    e.w.Add(r == ClaimRelation::kWeakens, p.weakens);
    e.s_major.Add(true, p.strengthens);
    e.w_major.Add(false, p.weakens);
    e.w_allpos.Add(true, p.weakens);
  }
  return e;
}

void Print(const char* name, const Score& s) {
  std::printf("  %-34s P %.3f  R %.3f  F1 %.3f  acc %.3f  (tp %d fp %d fn %d tn %d)\n", name, s.P(),
              s.R(), s.F1(), s.Acc(), s.tp, s.fp, s.fn, s.tn);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = std::string(PARALLAX_SHARED_DATA) + "/claims/claimdiff";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--data") && i + 1 < argc) dir = argv[++i];
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
    p.dev = Fnv(p.topic) % 2 == 0;
    p.cues = parallax::brief::CompareClaims(js[i]["claim_a"].get<std::string>(),
                                            js[i]["claim_b"].get<std::string>());
    p.strengthens = js[i]["relation"].get<int>() == 1;
    p.weakens = jw[i]["relation"].get<int>() == 1;
    pairs.push_back(std::move(p));
  }
  // Thresholds by macro F1 (strengthens, weakens) on the dev topics.
  ClaimRelationOptions best;
  double best_f = -1;
  for (int a = 0; a <= 30; ++a) {
    for (int b = 0; b <= 20; ++b) {
      ClaimRelationOptions o;
      o.support_overlap = a * 0.01;
      o.weaken_overlap = b * 0.01;
      Eval e = Run(pairs, o, 0);
      double f = (e.s.F1() + e.w.F1()) / 2;
      if (f > best_f) best_f = f, best = o;
    }
  }
  int dev = 0;
  for (const Pair& p : pairs) dev += p.dev;
  std::printf("ClaimDiff train: %zu pairs; dev topics %d pairs, held-out topics %zu pairs\n",
              pairs.size(), dev, pairs.size() - dev);
  std::printf("chosen on dev: support_overlap %.2f, weaken_overlap %.2f\n", best.support_overlap,
              best.weaken_overlap);
  const char* names[] = {"dev", "held-out", "all"};
  for (int which : {1, 2, 0}) {
    Eval e = Run(pairs, best, which);
    std::printf("%s:\n", names[which]);
    Print("strengthens: detector", e.s);
    Print("strengthens: majority (always yes)", e.s_major);
    Print("weakens: detector", e.w);
    Print("weakens: majority (always no)", e.w_major);
    Print("weakens: always yes", e.w_allpos);
  }
  // Which cues fire on weakening pairs, over all pairs.
  int cue[4][2] = {};
  int pos = 0, neg = 0;
  for (const Pair& p : pairs) {
    int k = p.weakens ? 0 : 1;
    (p.weakens ? pos : neg)++;
    cue[0][k] += p.cues.negation_mismatch;
    cue[1][k] += p.cues.denial;
    cue[2][k] += p.cues.hedge_mismatch;
    cue[3][k] += p.cues.quantity_conflict;
  }
  const char* cue_names[] = {"negation mismatch", "denial/contrast", "hedge mismatch", "quantity conflict"};
  std::printf("cue rates, weakening pairs (%d) vs others (%d):\n", pos, neg);
  for (int k = 0; k < 4; ++k) {
    std::printf("  %-18s %.3f vs %.3f\n", cue_names[k], double(cue[k][0]) / pos, double(cue[k][1]) / neg);
  }
  return 0;
}
