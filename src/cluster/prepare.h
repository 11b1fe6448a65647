// The half of OnlineClusterer::Add that does not depend on the clusterer's
// state: text normalisation, tokens, folded and stemmed terms, entity names,
// the duplicate sketch, the date and the label of one article.
//
// A Preparer turns an Article into a PreparedDoc of names (strings, not ids):
// the Lexicon (features.h) later maps the names to dictionary ids in the
// order given here, which is the order Add used to intern them in, so
// preparing ahead does not change any id or result. A Preparer keeps only a
// cache (raw token -> folded hash and term), so it can run on another thread
// than the clusterer that consumes its output. Not thread-safe itself: one
// Preparer per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cluster/hash_slots.h"
#include "parallax/article.h"
#include "parallax/cluster.h"
#include "parallax/dedup.h"
#include "parallax/text.h"

namespace parallax::cluster {

// A name (stemmed term, "#year", or folded entity) of one document: its text
// is PreparedDoc::names[begin, end), `hash` its Hash64 (the Lexicon's key).
struct PreparedName {
  uint64_t hash = 0;
  uint32_t begin = 0, end = 0;
  float count = 0;        // occurrences (terms: in the body)
  bool in_title = false;  // terms only: the title has it
};

struct PreparedDoc {
  std::string id;
  std::optional<double> day;
  std::string label;   // title, or the first sentence trimmed
  std::string names;   // the text of every name below, concatenated
  // Distinct terms in order of first occurrence, body then title.
  std::vector<PreparedName> terms;
  // Distinct entity names in order of first mention.
  std::vector<PreparedName> entities;
  DedupSketch sketch;  // of the body's folded word and number tokens

  std::string_view Name(const PreparedName& n) const {
    return std::string_view(names).substr(n.begin, n.end - n.begin);
  }
};

class Preparer {
 public:
  // Copies what it needs of the options (term length, the entity extractor,
  // which runs on the Preparer's thread) and the duplicate index's options
  // (the sketch must match them).
  Preparer(const ClusterOptions& options, const DedupOptions& dedup);
  PreparedDoc Prepare(const Article& article);
  size_t MemoryBytes() const;

 private:
  static constexpr uint32_t kNoText = 0xFFFFFFFFu;
  struct WordInfo {
    uint32_t text = kNoText;  // index into texts_; kNoText: not a term
    uint64_t hash = 0;        // Hash64 of the folded token (dedup)
  };
  const WordInfo& Lookup(std::string_view raw, bool is_word);
  // Adds the body's (or title's) terms to `doc` and its folded token hashes
  // to `hashes` (when not null).
  void CountTerms(std::string_view text, bool title, PreparedDoc* doc,
                  std::vector<uint64_t>* hashes);
  void Clear();

  int min_term_bytes_;
  DedupOptions dedup_;
  EntityExtractor extractor_;
  text::Stemmer stemmer_{"en"};
  HashSlots<WordInfo> cache_;  // Hash64 of the raw token -> WordInfo
  std::vector<std::string> texts_;  // the distinct term names seen
  std::unordered_map<std::string, uint32_t> text_ids_;  // name -> index in texts_
  // Per term text: the document it was last counted in and its slot there.
  std::vector<uint32_t> seen_doc_, seen_slot_;
  uint32_t doc_ = 0;
};

}  // namespace parallax::cluster
