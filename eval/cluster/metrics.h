// Clustering metrics against gold labels: B-cubed and pairwise precision,
// recall and F1 (data/README.md "Story clustering"). Pure functions.
#pragma once

#include <string>
#include <vector>

namespace parallax::eval {

struct PRF {
  double precision = 0, recall = 0, f1 = 0;
};

// B-cubed (Bagga & Baldwin 1998): per item, precision = |pred ∩ gold| / |pred|
// and recall = |pred ∩ gold| / |gold| of its clusters, averaged over items;
// F1 = harmonic mean of the averages. `pred` and `gold` are labels per item.
PRF BCubed(const std::vector<std::string>& pred, const std::vector<std::string>& gold);

// Pairwise: over all unordered item pairs, a pair is positive when both are in
// one cluster; P = TP / predicted positive pairs, R = TP / gold positive pairs.
// A side with no positive pairs scores 1 (nothing claimed, nothing missed).
PRF Pairwise(const std::vector<std::string>& pred, const std::vector<std::string>& gold);

}  // namespace parallax::eval
