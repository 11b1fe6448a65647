#include "conll.h"

#include <fstream>
#include <sstream>

#include "model.h"

namespace parallax::ner {

Result<std::vector<ConllDocument>> ReadConll(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  std::vector<ConllDocument> docs(1);
  ConllSentence sentence;
  auto flush = [&] {
    if (!sentence.tokens.empty()) docs.back().sentences.push_back(std::move(sentence));
    sentence = ConllSentence{};
  };
  std::string line;
  long line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      flush();
      continue;
    }
    std::istringstream fields(line);
    std::vector<std::string> cols;
    for (std::string c; fields >> c;) cols.push_back(c);
    if (cols[0] == "-DOCSTART-") {
      flush();
      if (!docs.back().sentences.empty()) docs.emplace_back();
      continue;
    }
    if (cols.size() < 2) {
      return InvalidInput(path + ":" + std::to_string(line_no) + ": expected a token and a tag");
    }
    int label = LabelFromName(cols.back());
    if (label < 0) {
      return InvalidInput(path + ":" + std::to_string(line_no) + ": unknown tag '" + cols.back() + "'");
    }
    sentence.tokens.push_back(cols[0]);
    sentence.labels.push_back(label);
  }
  flush();
  if (docs.back().sentences.empty()) docs.pop_back();
  if (docs.empty()) return InvalidInput(path + ": no sentences");
  return docs;
}

std::vector<Chunk> Chunks(const std::vector<int>& labels) {
  std::vector<Chunk> out;
  for (size_t i = 0; i < labels.size(); ++i) {
    int y = labels[i];
    if (y == kO) continue;
    int type = LabelType(y);
    bool continues = IsInside(y) && !out.empty() && out.back().end == i && out.back().type == type;
    if (continues) {
      out.back().end = i + 1;
    } else {
      out.push_back({i, i + 1, type});
    }
  }
  return out;
}

std::vector<int> ToBilou(const std::vector<int>& labels) {
  std::vector<int> tags(labels.size(), kO);
  for (const Chunk& c : Chunks(labels)) {
    if (c.end - c.begin == 1) {
      tags[c.begin] = MakeTag(c.type, kRoleU);
      continue;
    }
    tags[c.begin] = MakeTag(c.type, kRoleB);
    for (size_t i = c.begin + 1; i + 1 < c.end; ++i) tags[i] = MakeTag(c.type, kRoleI);
    tags[c.end - 1] = MakeTag(c.type, kRoleL);
  }
  return tags;
}

std::vector<int> ToIob2(const std::vector<int>& tags) {
  std::vector<int> labels(tags.size(), kO);
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == kO) continue;
    const int role = TagRoleOf(tags[i]);
    const bool begins = role == kRoleB || role == kRoleU;
    labels[i] = 2 * TagType(tags[i]) - (begins ? 1 : 0);  // B-X = 2t - 1, I-X = 2t
  }
  return labels;
}

void ConllScore::Add(const std::vector<int>& gold, const std::vector<int>& predicted) {
  std::vector<Chunk> g = Chunks(gold), p = Chunks(predicted);
  for (const Chunk& c : g) {
    ++overall.gold;
    ++per_type[c.type - 1].gold;
  }
  for (const Chunk& c : p) {
    ++overall.predicted;
    ++per_type[c.type - 1].predicted;
  }
  size_t a = 0;
  for (const Chunk& c : p) {
    while (a < g.size() && g[a].begin < c.begin) ++a;
    if (a < g.size() && g[a] == c) {
      ++overall.correct;
      ++per_type[c.type - 1].correct;
    }
  }
  for (size_t i = 0; i < gold.size() && i < predicted.size(); ++i) {
    ++tokens;
    if (gold[i] == predicted[i]) ++tokens_correct;
  }
}

}  // namespace parallax::ner
