// A synthetic, dated news stream with known stories, made from real ECB+
// texts, for throughput and scale runs of dedup + clustering.
//
// Each ECB+ event is re-used as many story "instances": an instance keeps the
// event's wording but renames its capitalised names (deterministically per
// instance), so instances are different events of the same kind, like ECB+'s
// own topics; each instance also carries a fixed document of a second event
// (its own sub-plot), so instances differ in content, not only in names.
// Instances start at spread-out times over `days`; each article
// is a perturbed version of one of the event's documents (sentences dropped,
// a few words replaced), dated within `story_days` of its instance's start.
// A fraction of articles are wire copies of a recent article (verbatim, with a
// new headline, truncated or lightly edited).
//
// Articles are produced lazily in publication order: only the schedule (16
// bytes per article) is held, so 1M-article streams fit easily. Deterministic
// for a given seed. Not thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "ecb.h"
#include "parallax/article.h"

namespace parallax::eval {

struct StreamOptions {
  size_t articles = 10000;
  double days = 30;              // span of publication dates
  double story_days = 2;         // spread of one instance's articles
  size_t mean_story_size = 12;   // articles per instance (before copies)
  double copy_rate = 0.15;       // fraction of articles that are wire copies
  double keep_sentence = 0.85;   // probability each sentence is kept in a rewrite
  double word_noise = 0.02;      // probability a word is replaced
  double rename = 0.8;           // probability a capitalised name is renamed per instance
  uint64_t seed = 1;
};

struct StreamItem {
  Article article;
  std::string gold;        // "<event_cluster>#<instance>"
  bool is_copy = false;    // generated as a wire copy
  std::string copy_of;     // id of the copied article
};

class StreamGenerator {
 public:
  StreamGenerator(const std::vector<EcbDoc>& base, StreamOptions options);
  bool Next(StreamItem* out);  // false at the end of the stream
  size_t size() const { return schedule_.size(); }

 private:
  struct Slot {
    float day;
    uint32_t instance;
  };
  std::string Rewrite(const EcbDoc& doc, uint32_t instance);
  std::string Rename(std::string_view word, uint32_t instance) const;

  StreamOptions options_;
  std::vector<EcbDoc> base_;                    // a copy: the stream outlives its argument
  std::vector<std::vector<size_t>> events_;      // indices into base_ per gold event
  std::vector<std::string> event_names_;
  std::vector<Slot> schedule_;
  size_t next_ = 0;
  std::mt19937_64 rng_;
  std::deque<StreamItem> recent_;  // candidates for wire copies
};

// "YYYY-MM-DDTHH:MM:SSZ" for a day count since 1970-01-01.
std::string IsoTimestamp(double day);

}  // namespace parallax::eval
