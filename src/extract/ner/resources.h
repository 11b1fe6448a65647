// Building the model's lexical resources from ../shared/data at training
// time: the gazetteer (countries, demonyms, cities, regions, US legislators,
// committees) and word clusters computed from unlabeled text. Internal to
// parallax::ner (training only; tagging reads them from the model file).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"
#include "parallax/status.h"

namespace parallax::ner {

// Penn-Treebank-like tokens of plain text, as in the CoNLL data: words keep
// internal periods, hyphens and apostrophes ("U.S.", "Anglo-Dutch"),
// surrounding punctuation is split off, "'s" and "n't" are split.
std::vector<std::string> PtbTokens(std::string_view text);

// Reads the gazetteer sources under `gazetteer_dir` (the ie/gazetteers
// folder) into model->gazetteer_*. Sources that are missing are skipped and
// named in `log`; an unreadable or malformed present file is an error.
Status BuildGazetteer(const std::string& gazetteer_dir, std::ostream* log, Model* model);

// Unlabeled text for the clusters: one token sequence per paragraph.
using Corpus = std::vector<std::vector<std::string>>;

// Appends the unlabeled text found under `shared_data` (the ../shared/data
// folder): multinews documents, ECB+ texts, PolNeAR train texts, WCXB and
// article-extraction-benchmark gold article bodies. Missing sources are
// skipped and named in `log`.
Status ReadUnlabeledText(const std::string& shared_data, std::ostream* log, Corpus* corpus);

// Appends more unlabeled text: the English pages of the extraction
// benchmarks' HTML (trafilatura-eval, htmldate-eval, Readability test pages;
// main content only), the AllSides articles and the TimeBank/AQUAINT texts.
Status ReadWebText(const std::string& shared_data, std::ostream* log, Corpus* corpus);

// Corpus casing evidence (Model kGazCaseBits): for each word of `corpus`,
// how often it is capitalised after running text (a word, number or comma:
// not sentence- or quotation-initial) against lowercase anywhere; all-caps
// paragraphs and all-caps words are not counted. Words counted at least
// twice get a CorpusCase class in the mask of their one-word gazetteer key
// (a key is added when the word has none). Stores hashes only.
void AddCorpusCase(const Corpus& corpus, std::ostream* log, Model* model);

// Gazetteer phrases mined from `corpus` by pattern (Model kGazMinedOrg,
// kGazMinedPerson): runs of capitalised words ending in an organisation word
// ("Inc", "Corp", "University", "Party", ...), and one to three capitalised
// words after a title ("Mr.", "Senator", "President", ...). Added to the
// gazetteer (hashes only, with prefix keys).
void AddMinedPhrases(const Corpus& corpus, std::ostream* log, Model* model);

struct ClusterOptions {
  int min_count = 3;        // words rarer than this get no cluster
  int max_vocab = 80000;    // most frequent words kept
  int context_words = 1000; // context vocabulary per position
  int dims = 96;            // random projection dimension
  int clusters = 1000;      // finest level; coarser levels: 256, 64, 16
  int iterations = 12;      // k-means iterations (finest level)
  // >= 0: word vectors from a truncated randomized SVD of the PPMI matrix
  // with this many power iterations; < 0: the fixed random projection.
  int svd_power = -1;
  uint64_t seed = 7;
};

// Distributional word clusters: each word is described by PPMI-weighted
// counts of its neighbours at offsets -2, -1, +1, +2 (a fixed random
// projection to `dims` dimensions), clustered by spherical k-means; coarser
// levels cluster the finer centroids. Writes model->cluster_*.
// Deterministic for a given corpus and options.
Status BuildClusters(const Corpus& corpus, const ClusterOptions& options, std::ostream* log,
                     Model* model);

}  // namespace parallax::ner
