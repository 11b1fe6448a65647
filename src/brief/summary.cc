#include "brief/summary.h"

#include <algorithm>
#include <cmath>

namespace parallax::brief {
namespace {

bool LooksLikeSentence(const Sentence& s) {
  if (s.words < 6 || s.words > 70) return false;
  // Datelines, credits and fragments rarely end in sentence punctuation.
  char last = s.text.empty() ? ' ' : s.text.back();
  std::string_view tail(s.text);
  bool ends_quote = tail.ends_with("\xE2\x80\x9D") || tail.ends_with("\"") ||
                    tail.ends_with("\xE2\x80\x99") || tail.ends_with("'");
  return last == '.' || last == '!' || ends_quote || last == ')';
}

}  // namespace

std::vector<double> Salience(const SentenceModel& model, const Alignment& alignment,
                             size_t independent_sources) {
  const auto& sents = model.sentences();
  std::vector<double> score(sents.size(), 0.0);
  const double max_support = std::max<double>(1.0, double(independent_sources) - 1.0);
  for (size_t i = 0; i < sents.size(); ++i) {
    const Sentence& s = sents[i];
    if (!LooksLikeSentence(s)) {
      score[i] = -1;
      continue;
    }
    double centrality = Cosine(s.vec, model.centroid());
    const FactGroup& g = alignment.groups[alignment.group_of[i]];
    double support = (double(g.independent) - 1.0) / max_support;  // 0..1
    double lead = 1.0 - std::min(1.0, s.position);
    double value = centrality * (1.0 + 0.6 * support) + 0.12 * lead;
    if (s.in_quote_block) value *= 0.8;
    if (s.text.back() == '?') value *= 0.5;
    score[i] = value;
  }
  return score;
}

std::vector<uint32_t> Summarize(const SentenceModel& model, const std::vector<double>& salience,
                                const SummaryOptions& options) {
  const auto& sents = model.sentences();
  std::vector<uint32_t> candidates;
  for (uint32_t i = 0; i < sents.size(); ++i) {
    if (salience[i] > 0) candidates.push_back(i);
  }
  // Consider the most salient few hundred only: MMR is quadratic in picks.
  std::sort(candidates.begin(), candidates.end(), [&](uint32_t a, uint32_t b) {
    return salience[a] != salience[b] ? salience[a] > salience[b] : a < b;
  });
  if (candidates.size() > 400) candidates.resize(400);

  std::vector<uint32_t> chosen;
  std::vector<float> max_sim(candidates.size(), 0.0f);
  std::vector<bool> used(candidates.size(), false);
  int budget = options.max_words;
  while (budget > 0) {
    int best = -1;
    double best_value = -1e9;
    for (size_t k = 0; k < candidates.size(); ++k) {
      if (used[k] || sents[candidates[k]].words > budget) continue;
      // Near-repeats of a chosen sentence add nothing.
      if (max_sim[k] > 0.6f) continue;
      double v = options.lambda * salience[candidates[k]] - (1 - options.lambda) * max_sim[k];
      if (v > best_value) {
        best_value = v;
        best = static_cast<int>(k);
      }
    }
    if (best < 0) break;
    used[best] = true;
    uint32_t pick = candidates[best];
    chosen.push_back(pick);
    budget -= sents[pick].words;
    for (size_t k = 0; k < candidates.size(); ++k) {
      if (!used[k]) max_sim[k] = std::max(max_sim[k], Cosine(sents[pick].vec, sents[candidates[k]].vec));
    }
  }
  // Readable order: earlier-in-article material first (background tends to
  // come later); ties keep salience order.
  std::stable_sort(chosen.begin(), chosen.end(), [&](uint32_t a, uint32_t b) {
    return std::floor(sents[a].position * 4) < std::floor(sents[b].position * 4);
  });
  return chosen;
}

}  // namespace parallax::brief
