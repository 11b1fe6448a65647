#include "ecb.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

namespace parallax::eval {

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

namespace {

std::string Unescape(std::string s) {
  static const std::pair<const char*, const char*> kEnt[] = {
      {"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (auto [from, to] : kEnt) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1)) {
      s.replace(p, std::string_view(from).size(), to);
    }
  }
  return s;
}

std::string Attr(const std::string& tag, const std::string& name) {
  std::string key = name + "=\"";
  size_t p = tag.find(key);
  if (p == std::string::npos) return {};
  p += key.size();
  return tag.substr(p, tag.find('"', p) - p);
}


bool IsEntityTag(const std::string& tag) {
  return tag.starts_with("HUMAN_PART_PER") || tag.starts_with("HUMAN_PART_ORG") ||
         tag.starts_with("HUMAN_PART_GPE") || tag.starts_with("LOC_");
}

}  // namespace

EcbXmlDoc ReadEcbXml(const std::string& path, bool with_unlinked, const std::string& sentence_break) {
  EcbXmlDoc d;
  d.name = std::filesystem::path(path).stem().string();
  d.topic = std::atoi(d.name.c_str());
  d.story = std::to_string(d.topic) + (d.name.find("ecbplus") != std::string::npos ? "_ecbplus" : "_ecb");
  std::istringstream in(ReadFile(path));
  std::string line;
  std::unordered_map<std::string, std::pair<size_t, size_t>> token_span;  // t_id -> chars
  std::string last_sentence;
  std::map<std::string, std::vector<std::string>> anchors;  // entity m_id -> t_ids
  std::map<std::string, std::string> tag_of;                // entity m_id -> tag name
  std::map<std::string, std::string> instance_of;           // target m_id -> instance id
  std::map<std::string, std::string> cluster_of;            // source m_id -> cluster
  std::string open_markable, relation_note, relation_kind;
  std::vector<std::string> relation_sources;
  while (std::getline(in, line)) {
    size_t lt = line.find('<');
    if (lt == std::string::npos) continue;
    std::string tag = line.substr(lt + 1);
    if (tag.starts_with("token ")) {
      size_t gt = line.find('>', lt);
      size_t close = line.rfind("</token>");
      std::string word = Unescape(line.substr(gt + 1, close - gt - 1));
      std::string sentence = Attr(tag, "sentence");
      if (!d.text.empty()) d.text += sentence != last_sentence ? sentence_break : std::string(" ");
      last_sentence = sentence;
      token_span[Attr(tag, "t_id")] = {d.text.size(), d.text.size() + word.size()};
      d.text += word;
    } else if (tag.starts_with("token_anchor")) {
      if (!open_markable.empty()) anchors[open_markable].push_back(Attr(tag, "t_id"));
    } else if (tag.starts_with("/")) {
      if (tag.starts_with("/CROSS_DOC_COREF") || tag.starts_with("/INTRA_DOC_COREF")) {
        for (const std::string& s : relation_sources) cluster_of[s] = relation_note;
        relation_sources.clear();
      }
      open_markable.clear();
    } else if (tag.starts_with("CROSS_DOC_COREF") || tag.starts_with("INTRA_DOC_COREF")) {
      relation_kind = tag.substr(0, 15);
      relation_note = relation_kind == "CROSS_DOC_COREF" ? Attr(tag, "note") : "";
    } else if (tag.starts_with("source ")) {
      relation_sources.push_back(Attr(tag, "m_id"));
    } else if (tag.starts_with("target ")) {
      if (relation_note.empty()) relation_note = d.name + "#" + Attr(tag, "m_id");
    } else if (IsEntityTag(tag) && tag.find("m_id") != std::string::npos) {
      if (tag.find("/>") == std::string::npos) {
        open_markable = Attr(tag, "m_id");
        tag_of[open_markable] = tag.substr(0, tag.find(' '));
      }
    } else {
      open_markable.clear();
    }
  }
  for (const auto& [m, tids] : anchors) {
    if (tids.empty() || !token_span.contains(tids.front()) || !token_span.contains(tids.back())) continue;
    GoldMention g{token_span[tids.front()].first, token_span[tids.back()].second, {}, tag_of[m]};
    auto it = cluster_of.find(m);
    if (it == cluster_of.end() && !with_unlinked) continue;
    g.cluster = it != cluster_of.end() ? it->second : d.name + "#" + m;
    d.gold.push_back(g);
  }
  return d;
}


std::vector<EcbXmlDoc> ReadEcbTopics(const std::string& dir, int topic_min, int topic_max, bool with_unlinked,
                                     const std::string& sentence_break) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& sub : std::filesystem::directory_iterator(dir, ec)) {
    if (!sub.is_directory()) continue;
    for (const auto& f : std::filesystem::directory_iterator(sub.path())) {
      if (f.path().extension() == ".xml") paths.push_back(f.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<EcbXmlDoc> docs;
  for (const std::string& p : paths) {
    EcbXmlDoc d = ReadEcbXml(p, with_unlinked, sentence_break);
    if (d.topic >= topic_min && d.topic <= topic_max) docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace parallax::eval
