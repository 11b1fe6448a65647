// ROUGE-N as ROUGE-1.5.5 computes it with `-n 2 -m -l N -f A`: lowercase,
// hyphens split words and are dropped (ROUGE-1.5.5 spaces out "-" and then
// keeps only tokens starting with [a-z0-9]), other non [a-z0-9] characters
// become spaces, tokens longer than 3 characters go through the WordNet
// exception lists and then the original Porter stemmer, n-gram hits are
// clipped counts summed over the references.
//
// Length cut: ROUGE-1.5.5's readText() applies `-l N` to the peer AND to
// every model (reference) summary: both are cut to their first N
// whitespace-separated words. `cut_references = false` cuts the peer only (the
// convention this project reported before; kept to compare figures).
//
// Written for this project from the ROUGE documentation (Lin 2004) and the
// conventions in ../shared/data/README.md. Not thread-safe (owns a stemmer).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parallax::eval {

struct RougeScore {
  double recall = 0, precision = 0, f1 = 0;
};

class Rouge {
 public:
  // `wordnet_exc_dir` holds adj.exc, adv.exc, noun.exc, verb.exc; empty means
  // Porter stemming only.
  explicit Rouge(const std::string& wordnet_exc_dir);
  ~Rouge();

  // Normalised, stemmed tokens; at most `max_words` (<= 0: all).
  std::vector<std::string> Tokens(std::string_view text, int max_words);

  // ROUGE-n of `peer` against `references`, peer (and, when
  // `cut_references`, each reference) cut at `max_words` (<= 0: no cut).
  RougeScore Score(std::string_view peer, const std::vector<std::string>& references, int n,
                   int max_words, bool cut_references = true);

  size_t exceptions() const { return exceptions_.size(); }

 private:
  std::string Stem(const std::string& token);
  std::unordered_map<std::string, std::string> exceptions_;
  struct StemmerHolder;
  std::unique_ptr<StemmerHolder> stemmer_;
};

}  // namespace parallax::eval
