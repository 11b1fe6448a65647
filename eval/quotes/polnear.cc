#include "polnear.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "parallax/text.h"

namespace parallax::eval {
namespace {

namespace fs = std::filesystem;

bool ReadFile(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

std::unordered_set<std::string> ContentWords(const std::string& s) {
  std::unordered_set<std::string> out;
  for (std::string w : text::Words(s)) {
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
    if (!w.empty() && !text::IsStopWord(w)) out.insert(w);
  }
  return out;
}

// A source that names someone: a capitalised word that is not a stop word
// and not the source's first word alone ("The official" names nobody).
bool NamesSomeone(const std::string& s) {
  std::vector<text::Token> toks = text::Tokenize(s);
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != text::TokenKind::kWord) continue;
    unsigned char c = static_cast<unsigned char>(s[toks[i].begin]);
    if (!(c >= 'A' && c <= 'Z')) continue;
    std::string w = text::Fold(s.substr(toks[i].begin, toks[i].end - toks[i].begin));
    if (!text::IsStopWord(w)) return true;
  }
  return false;
}

size_t Length(const std::vector<CharSpan>& spans) {
  size_t n = 0;
  for (const CharSpan& s : spans) n += s.end - s.begin;
  return n;
}

size_t Overlap(CharSpan a, CharSpan b) {
  size_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

}  // namespace

void QuoteScore::Add(const QuoteScore& o) {
  predicted += o.predicted;
  gold += o.gold;
  matched += o.matched;
  speaker_pairs += o.speaker_pairs;
  speaker_correct += o.speaker_correct;
}

GoldDoc ParseAnn(const std::string& name, std::string text, const std::string& ann) {
  GoldDoc doc;
  doc.name = name;
  doc.text = std::move(text);
  struct TextBound {
    std::string type;
    std::vector<CharSpan> spans;
    std::string text;
  };
  std::unordered_map<std::string, TextBound> tb;
  std::vector<std::map<std::string, std::string>> events;
  std::istringstream in(ann);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 2 || f[0].empty()) continue;
    if (f[0][0] == 'T') {
      TextBound t;
      size_t sp = f[1].find(' ');
      if (sp == std::string::npos) continue;
      t.type = f[1].substr(0, sp);
      for (const std::string& seg : Split(f[1].substr(sp + 1), ';')) {
        std::istringstream ss(seg);
        CharSpan c;
        if (ss >> c.begin >> c.end) t.spans.push_back(c);
      }
      if (f.size() > 2) t.text = f[2];
      tb[f[0]] = std::move(t);
    } else if (f[0][0] == 'E') {
      std::map<std::string, std::string> args;
      std::istringstream ss(f[1]);
      std::string arg;
      while (ss >> arg) {
        size_t colon = arg.find(':');
        if (colon != std::string::npos) args[arg.substr(0, colon)] = arg.substr(colon + 1);
      }
      events.push_back(std::move(args));
    }
  }
  std::vector<size_t> cps = CodePointStarts(doc.text);
  for (const auto& e : events) {
    auto content = e.find("Content");
    if (content == e.end() || tb.count(content->second) == 0) continue;
    GoldAttribution g;
    g.content = tb[content->second].spans;
    // brat numbers repeated roles: a quote split by its attribution sentence
    // ("“A,” he said. “B”") has its second part as Content2.
    for (int k = 2;; ++k) {
      auto more = e.find("Content" + std::to_string(k));
      if (more == e.end() || tb.count(more->second) == 0) break;
      const auto& spans = tb[more->second].spans;
      g.content.insert(g.content.end(), spans.begin(), spans.end());
    }
    std::sort(g.content.begin(), g.content.end(),
              [](CharSpan a, CharSpan b) { return a.begin < b.begin; });
    auto cue = e.find("Cue");
    if (cue != e.end() && tb.count(cue->second) != 0) {
      g.cue_text = tb[cue->second].text;
      g.cue = tb[cue->second].spans;
    }
    auto source = e.find("Source");
    if (source != e.end() && tb.count(source->second) != 0) {
      g.source = tb[source->second].spans;
      for (CharSpan s : g.source) {
        if (s.end < cps.size() && s.begin < s.end) {
          if (!g.source_text.empty()) g.source_text += ' ';
          g.source_text += doc.text.substr(cps[s.begin], cps[s.end] - cps[s.begin]);
        }
      }
    }
    if (!g.content.empty()) doc.attributions.push_back(std::move(g));
  }
  std::sort(doc.attributions.begin(), doc.attributions.end(),
            [](const GoldAttribution& a, const GoldAttribution& b) {
              return a.content.front().begin < b.content.front().begin;
            });
  // Coreferent name for sources such as "he" or "the official": the nearest
  // earlier source (by position) that names someone.
  std::vector<std::pair<size_t, std::string>> named;
  for (const auto& g : doc.attributions) {
    if (!g.source.empty() && NamesSomeone(g.source_text)) named.emplace_back(g.source.front().begin, g.source_text);
  }
  std::sort(named.begin(), named.end());
  for (auto& g : doc.attributions) {
    if (g.source.empty() || NamesSomeone(g.source_text)) continue;
    for (auto it = named.rbegin(); it != named.rend(); ++it) {
      if (it->first < g.source.front().begin) {
        g.coreferent_name = it->second;
        break;
      }
    }
  }
  return doc;
}

Result<std::vector<GoldDoc>> ReadPolnear(const std::string& root, const std::string& split) {
  fs::path dir = fs::path(root) / split;
  if (!fs::is_directory(dir / "attributions")) {
    return NotFound("no PolNeAR split at " + dir.string());
  }
  std::vector<fs::path> anns;
  for (const auto& e : fs::directory_iterator(dir / "attributions")) {
    if (e.path().extension() == ".ann") anns.push_back(e.path());
  }
  std::sort(anns.begin(), anns.end());
  std::vector<GoldDoc> out;
  std::unordered_set<std::string> seen;
  for (const fs::path& p : anns) {
    std::string stem = p.stem().string();
    size_t us = stem.rfind('_');
    std::string base = us == std::string::npos ? stem : stem.substr(0, us);
    if (!seen.insert(base).second) continue;
    std::string text, ann;
    if (!ReadFile(dir / "text" / (base + ".txt"), &text) || !ReadFile(p, &ann)) continue;
    out.push_back(ParseAnn(base, std::move(text), ann));
  }
  return out;
}

bool SpeakerMatches(const std::string& speaker, const GoldAttribution& gold) {
  std::unordered_set<std::string> predicted = ContentWords(speaker);
  for (const std::string& ref : {gold.source_text, gold.coreferent_name}) {
    for (const std::string& w : ContentWords(ref)) {
      if (predicted.count(w)) return true;
    }
  }
  return false;
}

QuoteScore ScoreDoc(const GoldDoc& gold, const std::vector<PredictedQuote>& predicted,
                    std::vector<int>* matches) {
  QuoteScore s;
  s.predicted = predicted.size();
  s.gold = gold.attributions.size();
  struct Pair {
    double ratio;
    size_t p, g;
  };
  std::vector<Pair> pairs;
  for (size_t p = 0; p < predicted.size(); ++p) {
    CharSpan ps = predicted[p].span;
    for (size_t g = 0; g < gold.attributions.size(); ++g) {
      const auto& content = gold.attributions[g].content;
      if (ps.end <= content.front().begin || ps.begin >= content.back().end) continue;
      size_t overlap = 0;
      for (CharSpan c : content) overlap += Overlap(ps, c);
      // The part of the prediction inside the gold's gaps is not counted.
      size_t in_gaps = 0;
      for (size_t k = 0; k + 1 < content.size(); ++k) {
        in_gaps += Overlap(ps, {content[k].end, content[k + 1].begin});
      }
      size_t pred_len = ps.end - ps.begin - in_gaps;
      size_t longer = std::max(pred_len, Length(content));
      if (longer == 0 || 2 * overlap < longer) continue;
      pairs.push_back({static_cast<double>(overlap) / longer, p, g});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    if (a.ratio != b.ratio) return a.ratio > b.ratio;
    return a.p != b.p ? a.p < b.p : a.g < b.g;
  });
  std::vector<char> p_used(predicted.size(), 0), g_used(gold.attributions.size(), 0);
  if (matches) matches->assign(predicted.size(), -1);
  for (const Pair& pr : pairs) {
    if (p_used[pr.p] || g_used[pr.g]) continue;
    p_used[pr.p] = g_used[pr.g] = 1;
    if (matches) (*matches)[pr.p] = static_cast<int>(pr.g);
    ++s.matched;
    const GoldAttribution& g = gold.attributions[pr.g];
    if (!g.source.empty()) {
      ++s.speaker_pairs;
      if (SpeakerMatches(predicted[pr.p].speaker, g)) ++s.speaker_correct;
    }
  }
  return s;
}

namespace {

// `span` (code points) without whitespace, ASCII punctuation and quotation
// marks at its edges.
CharSpan TrimEdges(const std::vector<size_t>& cps, const std::string& text, CharSpan span) {
  auto edge = [&](size_t cp) {
    if (cp + 1 >= cps.size()) return false;
    std::string_view c(text.data() + cps[cp], cps[cp + 1] - cps[cp]);
    if (c.size() == 1) return std::isspace(static_cast<unsigned char>(c[0])) || std::ispunct(static_cast<unsigned char>(c[0]));
    return c == "\u201C" || c == "\u201D" || c == "\u2018" || c == "\u2019" || c == "\u00AB" ||
           c == "\u00BB" || c == "\u2014" || c == "\u2013" || c == "\u2026";
  };
  while (span.begin < span.end && edge(span.begin)) ++span.begin;
  while (span.end > span.begin && edge(span.end - 1)) --span.end;
  return span;
}

}  // namespace

size_t ExactMatches(const GoldDoc& gold, const std::vector<PredictedQuote>& predicted) {
  std::vector<size_t> cps = CodePointStarts(gold.text);
  std::vector<char> used(gold.attributions.size(), 0);
  size_t n = 0;
  for (const PredictedQuote& p : predicted) {
    CharSpan ps = TrimEdges(cps, gold.text, p.span);
    for (size_t g = 0; g < gold.attributions.size(); ++g) {
      const auto& c = gold.attributions[g].content;
      CharSpan gs = TrimEdges(cps, gold.text, {c.front().begin, c.back().end});
      if (used[g] || gs.begin != ps.begin || gs.end != ps.end) continue;
      used[g] = 1;
      ++n;
      break;
    }
  }
  return n;
}

std::vector<size_t> CodePointStarts(const std::string& text) {
  std::vector<size_t> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

}  // namespace parallax::eval
