#include "logistic.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace parallax::claimdiff {
namespace {

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// Solves h * x = g in place (h symmetric positive definite) by Gaussian
// elimination with partial pivoting; returns x.
std::vector<double> Solve(std::vector<std::vector<double>> h, std::vector<double> g) {
  size_t n = g.size();
  for (size_t c = 0; c < n; ++c) {
    size_t piv = c;
    for (size_t r = c + 1; r < n; ++r) {
      if (std::fabs(h[r][c]) > std::fabs(h[piv][c])) piv = r;
    }
    std::swap(h[c], h[piv]);
    std::swap(g[c], g[piv]);
    double d = h[c][c];
    if (std::fabs(d) < 1e-12) continue;
    for (size_t r = c + 1; r < n; ++r) {
      double f = h[r][c] / d;
      if (f == 0) continue;
      for (size_t k = c; k < n; ++k) h[r][k] -= f * h[c][k];
      g[r] -= f * g[c];
    }
  }
  std::vector<double> x(n, 0);
  for (size_t c = n; c-- > 0;) {
    double s = g[c];
    for (size_t k = c + 1; k < n; ++k) s -= h[c][k] * x[k];
    x[c] = std::fabs(h[c][c]) < 1e-12 ? 0 : s / h[c][c];
  }
  return x;
}

std::vector<double> Standardise(const std::vector<double>& x, const std::vector<double>& mean,
                                const std::vector<double>& scale) {
  std::vector<double> z(x.size());
  for (size_t i = 0; i < x.size(); ++i) z[i] = (x[i] - mean[i]) / scale[i];
  return z;
}

double Score(const std::vector<double>& w, const std::vector<double>& z) {
  double s = w[0];
  for (size_t i = 0; i < z.size(); ++i) s += w[i + 1] * z[i];
  return Sigmoid(s);
}

}  // namespace

std::vector<double> FitLogistic(const std::vector<std::vector<double>>& rows,
                                const std::vector<bool>& labels, double l2) {
  size_t d = rows.empty() ? 0 : rows[0].size();
  std::vector<double> w(d + 1, 0.0);
  for (int iter = 0; iter < 50; ++iter) {
    std::vector<double> g(d + 1, 0.0);
    std::vector<std::vector<double>> h(d + 1, std::vector<double>(d + 1, 0.0));
    for (size_t r = 0; r < rows.size(); ++r) {
      double p = Score(w, rows[r]);
      double e = p - (labels[r] ? 1.0 : 0.0), s = std::max(p * (1 - p), 1e-9);
      g[0] += e;
      h[0][0] += s;
      for (size_t i = 0; i < d; ++i) {
        double xi = rows[r][i];
        g[i + 1] += e * xi;
        h[0][i + 1] += s * xi;
        for (size_t j = i; j < d; ++j) h[i + 1][j + 1] += s * xi * rows[r][j];
      }
    }
    for (size_t i = 1; i <= d; ++i) {
      g[i] += l2 * w[i];
      h[i][i] += l2;
    }
    for (size_t i = 0; i <= d; ++i) {
      for (size_t j = 0; j < i; ++j) h[i][j] = h[j][i];
    }
    std::vector<double> step = Solve(h, g);
    double norm = 0;
    for (size_t i = 0; i <= d; ++i) {
      w[i] -= step[i];
      norm = std::max(norm, std::fabs(step[i]));
    }
    if (norm < 1e-8) break;
  }
  return w;
}

void Standardisation(const std::vector<Example>& examples, std::vector<double>* mean,
                     std::vector<double>* scale) {
  size_t d = examples.empty() ? 0 : examples[0].x.size();
  mean->assign(d, 0.0);
  scale->assign(d, 0.0);
  for (const Example& e : examples) {
    for (size_t i = 0; i < d; ++i) (*mean)[i] += e.x[i];
  }
  for (double& m : *mean) m /= std::max<size_t>(1, examples.size());
  for (const Example& e : examples) {
    for (size_t i = 0; i < d; ++i) (*scale)[i] += (e.x[i] - (*mean)[i]) * (e.x[i] - (*mean)[i]);
  }
  for (double& s : *scale) {
    s = std::sqrt(s / std::max<size_t>(1, examples.size()));
    if (s < 1e-9) s = 1.0;
  }
}

double BestF1Threshold(const std::vector<double>& scores, const std::vector<bool>& labels) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  int pos = 0;
  for (bool l : labels) pos += l;
  int tp = 0, fp = 0;
  double best_f = -1, best_t = 1.0;
  for (size_t k = 0; k < order.size(); ++k) {
    (labels[order[k]] ? tp : fp)++;
    // Cut only between distinct scores.
    if (k + 1 < order.size() && scores[order[k + 1]] == scores[order[k]]) continue;
    double f = 2.0 * tp / (tp + fp + pos);
    if (f > best_f) {
      best_f = f;
      best_t = k + 1 < order.size() ? (scores[order[k]] + scores[order[k + 1]]) / 2
                                    : scores[order[k]] - 1e-9;
    }
  }
  return best_t;
}

namespace {

std::vector<double> Pick(const std::vector<double>& x, const std::vector<size_t>& keep) {
  std::vector<double> out;
  out.reserve(keep.size());
  for (size_t i : keep) out.push_back(x[i]);
  return out;
}

// Out-of-fold probabilities for `examples` using only features `keep`.
std::vector<double> OutOfFold(const std::vector<Example>& examples, const std::vector<size_t>& keep,
                              double l2, int k) {
  std::vector<double> oof(examples.size(), 0.5);
  for (int fold = 0; fold < k; ++fold) {
    std::vector<Example> train;
    for (const Example& e : examples) {
      if (e.group % k != fold) train.push_back({Pick(e.x, keep), e.y, e.group});
    }
    if (train.empty()) continue;
    std::vector<double> mean, scale;
    Standardisation(train, &mean, &scale);
    std::vector<std::vector<double>> rows;
    std::vector<bool> ys;
    for (const Example& e : train) {
      rows.push_back(Standardise(e.x, mean, scale));
      ys.push_back(e.y);
    }
    std::vector<double> w = FitLogistic(rows, ys, l2);
    for (size_t i = 0; i < examples.size(); ++i) {
      if (examples[i].group % k == fold) {
        oof[i] = Score(w, Standardise(Pick(examples[i].x, keep), mean, scale));
      }
    }
  }
  return oof;
}

double LogLoss(const std::vector<double>& p, const std::vector<bool>& labels) {
  double loss = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    double q = std::clamp(p[i], 1e-9, 1 - 1e-9);
    loss -= labels[i] ? std::log(q) : std::log(1 - q);
  }
  return loss;
}

}  // namespace

brief::ClaimLogit TrainRelation(const std::vector<Example>& examples,
                                const RecipeOptions& options, RecipeReport* report) {
  int k = options.inner_folds;
  size_t d = examples.empty() ? 0 : examples[0].x.size();
  std::vector<bool> labels;
  for (const Example& e : examples) labels.push_back(e.y);
  std::vector<size_t> keep;
  if (options.select_features) {
    double current = LogLoss(OutOfFold(examples, keep, options.selection_l2, k), labels);
    while (true) {
      double best = current;
      size_t best_i = d;
      for (size_t i = 0; i < d; ++i) {
        if (std::find(keep.begin(), keep.end(), i) != keep.end()) continue;
        std::vector<size_t> trial = keep;
        trial.push_back(i);
        double loss = LogLoss(OutOfFold(examples, trial, options.selection_l2, k), labels);
        if (loss < best) best = loss, best_i = i;
      }
      if (best_i == d || current - best < options.min_gain) break;
      keep.push_back(best_i);
      current = best;
    }
    std::sort(keep.begin(), keep.end());
  } else {
    for (size_t i = 0; i < d; ++i) keep.push_back(i);
  }
  double best_loss = std::numeric_limits<double>::infinity(), best_l2 = options.l2_grid.front();
  std::vector<double> best_oof;
  for (double l2 : options.l2_grid) {
    std::vector<double> oof = OutOfFold(examples, keep, l2, k);
    double loss = LogLoss(oof, labels);
    if (loss < best_loss) best_loss = loss, best_l2 = l2, best_oof = oof;
  }
  brief::ClaimLogit logit;
  logit.threshold = BestF1Threshold(best_oof, labels);
  Standardisation(examples, &logit.mean, &logit.scale);
  std::vector<std::vector<double>> rows;
  for (const Example& e : examples) {
    rows.push_back(Pick(Standardise(e.x, logit.mean, logit.scale), keep));
  }
  std::vector<double> w = FitLogistic(rows, labels, best_l2);
  logit.bias = w[0];
  logit.weight.assign(d, 0.0);
  for (size_t j = 0; j < keep.size(); ++j) logit.weight[keep[j]] = w[j + 1];
  if (report != nullptr) {
    report->l2 = best_l2;
    report->selected = keep;
    int tp = 0, fp = 0, pos = 0;
    for (size_t i = 0; i < best_oof.size(); ++i) {
      pos += labels[i];
      if (best_oof[i] >= logit.threshold) (labels[i] ? tp : fp)++;
    }
    report->inner_f1 = tp + fp + pos ? 2.0 * tp / (tp + fp + pos) : 0;
    report->inner_auc = RocAuc(best_oof, labels);
  }
  return logit;
}

double RocAuc(const std::vector<double>& scores, const std::vector<bool>& labels) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
  double rank_sum = 0;
  int pos = 0;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
    double avg_rank = (double(i) + double(j - 1)) / 2 + 1;
    for (size_t k = i; k < j; ++k) {
      if (labels[order[k]]) rank_sum += avg_rank, ++pos;
    }
    i = j;
  }
  int neg = int(scores.size()) - pos;
  if (pos == 0 || neg == 0) return 0.5;
  return (rank_sum - double(pos) * (pos + 1) / 2) / (double(pos) * neg);
}

}  // namespace parallax::claimdiff
