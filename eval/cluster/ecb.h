// ECB+ story-clustering evaluation: loading ecbplus_docs.jsonl, running the
// clusterer in a chosen arrival order, scoring against `event_cluster`, and
// the seed-story check. Shared by eval_cluster and the data regression test.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "metrics.h"
#include "parallax/article.h"
#include "parallax/cluster.h"
#include "parallax/status.h"

namespace parallax::eval {

struct EcbDoc {
  std::string doc_id;
  int topic = 0;
  std::string event_cluster;  // gold story
  std::string text;           // tokens space-joined, one sentence per line
};

// Reads ecbplus_docs.jsonl; errors name the file and line.
Result<std::vector<EcbDoc>> LoadEcb(const std::string& path);

// An undated, untitled article with the document's text (one block per line).
Article ToArticle(const EcbDoc& doc);

// The seed articles: every regular file in `dir`, read with ParseTextArticle.
Result<std::vector<Article>> LoadSeedArticles(const std::string& dir);

struct RunOptions {
  ClusterOptions cluster;
  int topic_min = 1, topic_max = 1000;  // inclusive topic range
  uint64_t shuffle_seed = 0;            // 0: file order; else a seeded shuffle
  size_t batch = 0;                     // 0: one ClusterArticles call; else online, N per batch
  bool refine_batches = false;          // online: OnlineClusterer::Refine() after each batch
};

struct RunResult {
  PRF bcubed, pairwise;
  size_t docs = 0, stories = 0, gold_stories = 0;
  // Seed check (when seeds were given): the seeds share one story, and that
  // story holds nothing else.
  bool seeds_together = false, seeds_alone = false;
  size_t seed_story_size = 0, seed_stories = 0;
  std::vector<std::pair<std::string, std::string>> assignments;  // (doc_id, story id)
};

// Clusters the selected documents (plus `seeds`, mixed in at evenly spaced
// positions) and scores the ECB+ documents against their gold stories.
RunResult RunEcb(const std::vector<EcbDoc>& docs, const std::vector<Article>& seeds,
                 const RunOptions& options);

// Story label per input article, from either the batch API (batch == 0) or
// the online clusterer fed `batch` articles at a time (each batch first warms
// the document frequencies, as ingest does).
std::vector<std::string> ClusterLabels(const std::vector<Article>& articles,
                                       const ClusterOptions& options, size_t batch,
                                       bool refine_batches = false);

}  // namespace parallax::eval
