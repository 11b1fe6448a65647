// Reader for ECB+ CAT XML files (`clustering/ecbplus-dev/ECB+/<topic>/<doc>.xml`)
// shared by the ECB+ evaluations: the document text rebuilt from its tokens
// (space-joined, one sentence per line) and its person / organisation / GPE /
// location markables with their coreference chains.
#pragma once

#include <string>
#include <vector>

namespace parallax::eval {

// The whole file as bytes ("" when it cannot be read).
std::string ReadFile(const std::string& path);

struct GoldMention {
  size_t begin = 0, end = 0;  // character offsets in the rebuilt text
  std::string cluster;        // instance id, or doc#m_id
  std::string tag;            // markable tag: "HUMAN_PART_PER", "LOC_GEO", ...
};

struct EcbXmlDoc {
  std::string name;   // "1_10ecb"
  int topic = 0;
  std::string story;  // "1_ecb" / "1_ecbplus"
  std::string text;   // tokens space-joined, sentences one per line (see ReadEcbXml)
  std::vector<GoldMention> gold;
};

// Reads one file (a regular format: one element per line). Markables in no
// coreference relation are left out unless `with_unlinked` (then each is its
// own cluster). Sentences are separated by `sentence_break` ("\n"; "\n\n"
// makes every ECB+ sentence a paragraph, so a headline line is never joined
// to the URL line above it).
EcbXmlDoc ReadEcbXml(const std::string& path, bool with_unlinked, const std::string& sentence_break = "\n");

// The .xml files of topics [topic_min, topic_max] under `dir`, read in path
// order.
std::vector<EcbXmlDoc> ReadEcbTopics(const std::string& dir, int topic_min, int topic_max, bool with_unlinked,
                                     const std::string& sentence_break = "\n");

}  // namespace parallax::eval
