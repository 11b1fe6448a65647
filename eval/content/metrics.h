// Scoring functions of the content-extraction benchmarks, as their anchors
// compute them (see ../shared/data/README.md).
//
// Thread-safe, pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parallax::eval {

// Unicode `\w+` tokens as Python's re computes them: maximal runs of
// letters (L*), numbers (N*) and '_'. Invalid UTF-8 bytes separate tokens.
// With `fold`, letters are lowercased (WCXB's word F1 lowercases).
std::vector<std::string> WordTokens(std::string_view utf8, bool fold = false);

// Multiset matching counts between extraction and gold.
struct Counts {
  double tp = 0, fp = 0, fn = 0;
};

// article-extraction-benchmark: multisets of token 4-grams (texts shorter
// than 4 tokens contribute one shorter shingle, as the reference does).
Counts ShingleCounts(std::string_view predicted, std::string_view gold, int n = 4);
// WCXB's word F1: multisets of lowercased tokens.
Counts WordCounts(std::string_view predicted, std::string_view gold);

// Per-page precision and recall; an empty prediction has precision 0 (1
// when the gold is empty too), an empty gold recall 1.
double Precision(const Counts& c);
double Recall(const Counts& c);
double F1(double p, double r);

// Whitespace runs (incl. NBSP) to one space, trimmed: how snippet
// benchmarks compare text.
std::string CollapseSpace(std::string_view utf8);

}  // namespace parallax::eval
