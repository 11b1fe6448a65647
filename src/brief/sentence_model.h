// Sentences of a story's articles as TF-IDF vectors, for salience and
// cross-article alignment.
//
// Terms are folded, stemmed words without stop words (per article language,
// English by default). IDF is computed over the story's articles, so terms
// every article shares (the story's topic) weigh less than distinguishing ones.
// Immutable after construction; thread-safe to read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/article.h"

namespace parallax::brief {

// Sparse vector sorted by term id, L2-normalised (unless empty).
using SparseVec = std::vector<std::pair<uint32_t, float>>;

float Cosine(const SparseVec& a, const SparseVec& b);

// Whitespace-separated words in `s` (the unit of --max-words).
int CountWords(std::string_view s);

// Double quotation marks in a text: straight ones counted, curly and
// guillemet ones as opening minus closing.
struct QuoteMarks {
  int straight = 0, curly = 0, guillemets = 0;
};
QuoteMarks CountQuoteMarks(std::string_view text);

struct Sentence {
  size_t article = 0;       // index into the input articles
  size_t ordinal = 0;       // position among the article's sentences
  double position = 0;      // ordinal / sentence count: 0 = lead, near 1 = end
  std::string text;
  int words = 0;            // whitespace-separated words
  bool in_quote_block = false;
  // Opens inside a quotation begun in an earlier sentence of its paragraph:
  // the middle of a quoted passage ("We need to talk. It is a real issue. I
  // don't know," he said.), which out of context names no speaker.
  bool inside_quotation = false;
  SparseVec vec;
  // Content-term ids (stems, stop words dropped) in text order: the units of
  // the summary's concept coverage (unigrams and adjacent pairs).
  std::vector<uint32_t> terms;
};

class SentenceModel {
 public:
  // `members` are indices into `articles` (one story). Headings are skipped.
  SentenceModel(const std::vector<Article>& articles, const std::vector<size_t>& members);

  const std::vector<Sentence>& sentences() const { return sentences_; }
  // Normalised sum of the article vectors: what the story is about.
  const SparseVec& centroid() const { return centroid_; }
  // Cosine of a sentence vector with the centroid, through a dense copy of
  // the centroid: O(terms of v), not O(story vocabulary).
  float CentroidSimilarity(const SparseVec& v) const;
  // Document frequency (articles) of a term id.
  uint32_t df(uint32_t term) const { return df_[term]; }
  size_t article_count() const { return members_; }
  size_t vocabulary_size() const { return df_.size(); }

  // Pairs (i, j), i < j, of sentences from different articles with cosine at
  // least `threshold`, found through an inverted index over terms.
  std::vector<std::pair<uint32_t, uint32_t>> SimilarPairs(float threshold) const;

 private:
  std::vector<Sentence> sentences_;
  std::vector<uint32_t> df_;
  SparseVec centroid_;
  std::vector<float> dense_centroid_;  // indexed by term id
  size_t members_ = 0;
};

}  // namespace parallax::brief
