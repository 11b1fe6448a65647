// How one outlet's claim relates to another's on the same story: does claim
// b back claim a up, undercut it, or neither?
//
// Two detectors share this header:
//  - the hand rules (CompareClaims / ClassifyCues / ClassifyClaims): content
//    overlap, negation and denial words on one side only, hedges, quantity
//    conflicts;
//  - a trained one (ClaimFeatures / ScoreClaims / ClassifyClaimsTrained): two
//    logistic regressions (strengthens, weakens) over 48 pair features
//    (stem overlap as Jaccard, containment both ways and IDF-weighted cosine,
//    bigram and character-trigram overlap, shared and unshared names, numbers
//    equal / compatible / conflicting, dates, negation / denial / hedge /
//    modal / contrast asymmetry, opposite-polarity word pairs, length ratio).
//    The weights are trained by eval/claimdiff on ClaimDiff train and compiled
//    in from src/brief/claim_relation_model.inc (the same numbers as
//    models/claims/claims.model; models/claims/README.md has the command).
// Both are weak on ClaimDiff, whose relations are semantic: neither beats
// the always-yes baseline on "strengthens" by F1, and the trained one ranks
// "weakens" pairs barely better than chance on unseen topics (ROC AUC ~0.55
// to 0.59). See eval/claimdiff/RESULTS.md. Nothing in the brief calls either
// yet; do not gate brief sections on them without new evidence.
//
// Pure functions; thread-safe. ClaimIdf is immutable once built.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parallax::brief {

enum class ClaimRelation { kNone, kStrengthens, kWeakens };

// ---- Hand rules --------------------------------------------------------

struct ClaimCues {
  double overlap = 0;          // Jaccard of content stems
  int shared_names = 0;        // capitalised words both mention
  bool negation_mismatch = false;
  bool denial = false;         // "denied", "rejected", "false", ... in one claim only
  bool hedge_mismatch = false;
  bool quantity_conflict = false;
};

struct ClaimRelationOptions {
  double support_overlap = 0.10;  // overlap at or above: b strengthens a (absent weakening cues)
  double weaken_overlap = 0.05;   // weakening cues count only above this overlap
};

ClaimCues CompareClaims(std::string_view a, std::string_view b);
ClaimRelation ClassifyCues(const ClaimCues& cues, const ClaimRelationOptions& options = {});
ClaimRelation ClassifyClaims(std::string_view a, std::string_view b,
                             const ClaimRelationOptions& options = {});

// ---- Trained detector --------------------------------------------------

// Inverse document frequency of content stems over a set of texts (the
// story's sentences at run time; the training claims in eval/claimdiff).
// Unseen stems get the weight of a stem seen once.
class ClaimIdf {
 public:
  static ClaimIdf Build(const std::vector<std::string>& texts);
  double Weight(const std::string& stem) const;

 private:
  std::unordered_map<std::string, double> idf_;
  double unseen_ = 1.0;
};

// Names of the features ClaimFeatures returns, in order.
const std::vector<std::string>& ClaimFeatureNames();

// Pair features of (a, b). `idf` may be null: every stem then weighs 1.
std::vector<double> ClaimFeatures(std::string_view a, std::string_view b,
                                  const ClaimIdf* idf = nullptr);

// One logistic regression over standardised features:
// p = sigmoid(bias + sum_i weight[i] * (x[i] - mean[i]) / scale[i]).
struct ClaimLogit {
  std::vector<double> mean, scale, weight;
  double bias = 0;
  double threshold = 0.5;  // probability at or above which the relation holds
  double Probability(const std::vector<double>& features) const;
};

struct ClaimModel {
  std::vector<std::string> feature_names;  // must equal ClaimFeatureNames()
  ClaimLogit strengthens, weakens;
};

// The compiled-in model (src/brief/claim_relation_model.inc).
const ClaimModel& DefaultClaimModel();

// Text form, one "key value..." line each (see models/claims/README.md).
std::string FormatClaimModel(const ClaimModel& model);
// Parses FormatClaimModel's output; false (and `error` set) when malformed.
bool ParseClaimModel(std::string_view text, ClaimModel* model, std::string* error);

struct ClaimScores {
  double strengthens = 0;  // probabilities from the two regressions
  double weakens = 0;
};

ClaimScores ScoreClaims(std::string_view a, std::string_view b, const ClaimIdf* idf = nullptr,
                        const ClaimModel& model = DefaultClaimModel());

// Weakens when its probability reaches its threshold, else strengthens when
// that one does, else none.
ClaimRelation ClassifyScores(const ClaimScores& scores, const ClaimModel& model = DefaultClaimModel());
ClaimRelation ClassifyClaimsTrained(std::string_view a, std::string_view b,
                                    const ClaimIdf* idf = nullptr,
                                    const ClaimModel& model = DefaultClaimModel());

}  // namespace parallax::brief
