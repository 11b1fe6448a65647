#include "metrics.h"

#include <map>
#include <utility>

namespace parallax::eval {
namespace {

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

PRF BCubed(const std::vector<std::string>& pred, const std::vector<std::string>& gold) {
  PRF out;
  const size_t n = std::min(pred.size(), gold.size());
  if (n == 0) return out;
  std::map<std::string, double> pred_size, gold_size;
  std::map<std::pair<std::string, std::string>, double> joint;
  for (size_t i = 0; i < n; ++i) {
    pred_size[pred[i]] += 1;
    gold_size[gold[i]] += 1;
    joint[{pred[i], gold[i]}] += 1;
  }
  double p = 0, r = 0;
  for (size_t i = 0; i < n; ++i) {
    double both = joint[{pred[i], gold[i]}];
    p += both / pred_size[pred[i]];
    r += both / gold_size[gold[i]];
  }
  out.precision = p / static_cast<double>(n);
  out.recall = r / static_cast<double>(n);
  out.f1 = F1(out.precision, out.recall);
  return out;
}

PRF Pairwise(const std::vector<std::string>& pred, const std::vector<std::string>& gold) {
  const size_t n = std::min(pred.size(), gold.size());
  std::map<std::string, double> pred_size, gold_size;
  std::map<std::pair<std::string, std::string>, double> joint;
  for (size_t i = 0; i < n; ++i) {
    pred_size[pred[i]] += 1;
    gold_size[gold[i]] += 1;
    joint[{pred[i], gold[i]}] += 1;
  }
  auto pairs = [](double k) { return k * (k - 1) / 2; };
  double tp = 0, pp = 0, gp = 0;
  for (const auto& [k, c] : joint) tp += pairs(c);
  for (const auto& [k, c] : pred_size) pp += pairs(c);
  for (const auto& [k, c] : gold_size) gp += pairs(c);
  PRF out;
  out.precision = pp > 0 ? tp / pp : 1.0;
  out.recall = gp > 0 ? tp / gp : 1.0;
  out.f1 = F1(out.precision, out.recall);
  return out;
}

}  // namespace parallax::eval
