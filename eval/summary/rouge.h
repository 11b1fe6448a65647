// ROUGE-N as ROUGE-1.5.5 computes it with `-n 2 -m -l N -f A`: lowercase,
// non [a-z0-9-] characters become spaces, the peer is cut to its first N
// words, tokens longer than 3 characters go through the WordNet exception
// lists and then the original Porter stemmer, n-gram hits are clipped counts
// summed over the references.
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

  // ROUGE-n of `peer` against `references`, peer cut at `max_words`.
  RougeScore Score(std::string_view peer, const std::vector<std::string>& references, int n,
                   int max_words);

  size_t exceptions() const { return exceptions_.size(); }

 private:
  std::string Stem(const std::string& token);
  std::unordered_map<std::string, std::string> exceptions_;
  struct StemmerHolder;
  std::unique_ptr<StemmerHolder> stemmer_;
};

}  // namespace parallax::eval
