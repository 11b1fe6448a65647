#include "baselines.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>

#include "brief/sentence_model.h"
#include "parallax/text.h"

namespace parallax::eval {
namespace {

int Words(const std::string& s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\n';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

std::vector<size_t> All(size_t n) {
  std::vector<size_t> v(n);
  std::iota(v.begin(), v.end(), 0);
  return v;
}

}  // namespace

std::string LeadSummary(const std::vector<Article>& docs, int max_words) {
  std::vector<std::vector<std::string>> sents;
  for (const Article& a : docs) {
    std::vector<std::string> s;
    for (const Block& b : a.blocks) {
      for (const auto& sp : text::SplitSentences(b.text)) s.push_back(b.text.substr(sp.begin, sp.end - sp.begin));
    }
    sents.push_back(std::move(s));
  }
  std::string out;
  int words = 0;
  for (size_t k = 0;; ++k) {
    bool any = false;
    for (const auto& s : sents) {
      if (k >= s.size()) continue;
      any = true;
      if (words >= max_words) return out;
      out += (out.empty() ? "" : " ") + s[k];
      words += Words(s[k]);
    }
    if (!any) return out;
  }
}

std::string LexRankSummary(const std::vector<Article>& docs, int max_words, bool whole_sentences) {
  brief::SentenceModel model(docs, All(docs.size()));
  const auto& s = model.sentences();
  const size_t n = s.size();
  if (n == 0) return "";
  std::vector<std::vector<std::pair<size_t, double>>> edges(n);
  std::vector<double> degree(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      double c = brief::Cosine(s[i].vec, s[j].vec);
      if (c <= 0.1) continue;
      edges[i].emplace_back(j, c);
      edges[j].emplace_back(i, c);
      degree[i] += c;
      degree[j] += c;
    }
  }
  std::vector<double> p(n, 1.0 / double(n)), next(n);
  for (int iter = 0; iter < 100; ++iter) {
    std::fill(next.begin(), next.end(), 0.15 / double(n));
    for (size_t i = 0; i < n; ++i) {
      if (degree[i] == 0) {
        for (size_t j = 0; j < n; ++j) next[j] += 0.85 * p[i] / double(n);
        continue;
      }
      for (const auto& [j, w] : edges[i]) next[j] += 0.85 * p[i] * w / degree[i];
    }
    double delta = 0;
    for (size_t i = 0; i < n; ++i) delta += std::fabs(next[i] - p[i]);
    p.swap(next);
    if (delta < 1e-8) break;
  }
  std::vector<size_t> order = All(n);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] > p[b]; });
  std::vector<size_t> chosen;
  int words = 0;
  for (size_t i : order) {
    if (words >= max_words) break;
    if (s[i].words < 5) continue;
    if (whole_sentences && words + s[i].words > max_words) continue;
    bool redundant = false;
    for (size_t c : chosen) redundant |= brief::Cosine(s[i].vec, s[c].vec) > 0.5;
    if (redundant) continue;
    chosen.push_back(i);
    words += s[i].words;
  }
  std::string out;
  for (size_t i : chosen) out += (out.empty() ? "" : " ") + s[i].text;
  return out;
}

std::string OtsSummary(const std::vector<Article>& docs, int /*max_words: ROUGE cuts*/,
                       const std::string& tmp_dir) {
  std::string path = tmp_dir + "/ots_input.txt";
  {
    std::ofstream f(path);
    for (const Article& a : docs) f << a.Text() << "\n\n";
  }
  // ots selects by ratio; ask for enough and cut at the word budget.
  std::string cmd = "ots --ratio=25 '" + path + "' 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return "";
  std::string out;
  char buf[4096];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, got);
  pclose(p);
  return text::Normalize(out);
}

}  // namespace parallax::eval
