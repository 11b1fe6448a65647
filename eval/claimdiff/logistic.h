// L2-regularised logistic regression trained by Newton's method (IRLS), and
// the recipe that turns ClaimDiff-style pairs into a ClaimModel: features,
// standardisation, the L2 strength and the decision threshold, all chosen by
// cross-validation by topic inside the training pairs only.
#pragma once

#include <string>
#include <vector>

#include "brief/claim_relation.h"

namespace parallax::claimdiff {

struct Example {
  std::vector<double> x;  // raw features
  bool y = false;
  int group = 0;          // topic fold inside the training set
};

// Fits weights on standardised rows (mean 0, scale 1 already applied). The
// bias is not penalised. Returns bias followed by one weight per feature.
std::vector<double> FitLogistic(const std::vector<std::vector<double>>& rows,
                                const std::vector<bool>& labels, double l2);

// Mean and standard deviation of each feature (scale 1 for constants).
void Standardisation(const std::vector<Example>& examples, std::vector<double>* mean,
                     std::vector<double>* scale);

// Threshold on scores maximising F1 of the positive class.
double BestF1Threshold(const std::vector<double>& scores, const std::vector<bool>& labels);

struct RecipeOptions {
  std::vector<double> l2_grid = {1, 3, 10, 30, 100, 300, 1000};
  int inner_folds = 5;
  // Greedy forward selection of features by out-of-fold log loss (at
  // selection_l2) before the L2 grid; unselected features get weight 0.
  bool select_features = false;
  double selection_l2 = 10;
  double min_gain = 1.0;  // summed log loss a feature must save to be added
};

struct RecipeReport {
  double l2 = 0;
  std::vector<size_t> selected;  // feature indices kept (all when no selection)
  double inner_f1 = 0;   // out-of-fold F1 at the chosen threshold
  double inner_auc = 0;  // out-of-fold ROC AUC
};

// Trains one relation: L2 by out-of-fold log loss over `inner_folds` groups
// (example.group % inner_folds), threshold by out-of-fold F1, then the final
// fit on every example.
brief::ClaimLogit TrainRelation(const std::vector<Example>& examples,
                                const RecipeOptions& options, RecipeReport* report);

// Area under the ROC curve of `scores` for `labels` (ties count half).
double RocAuc(const std::vector<double>& scores, const std::vector<bool>& labels);

}  // namespace parallax::claimdiff
