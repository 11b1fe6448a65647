// eval_ner_ecb: how many of the proper names ECB+ annotates in web news the
// named-entity tagger finds, with the right span and type. Text unlike the
// Reuters training data: 772 articles of many outlets, 2000s-2010s.
//
//   build/eval/entities/eval_ner_ecb [--data DIR] [--model FILE] [--misses N]
//
// ECB+ marks person, organisation, GPE and location mentions
// (HUMAN_PART_PER/ORG/GPE, LOC_*), named or not, and only in the sentences
// about each topic's events, so it gives recall, not precision. Gold names
// here are the markables (coreferent or not) written as a proper name: after
// a leading "the"/"a" and a trailing "'s" are dropped, the first and last
// words are capitalised and the words between are capitalised or connectors
// ("Bank of America"); a one-word markable opening a sentence ("Police") or
// a capitalised pronoun ("She" after a quotation mark) is left out, as
// capitalisation says nothing there. Types map to CoNLL's: PER, ORG, LOC for
// GPE and LOC_GEO/OTHER, LOC or ORG for facilities (LOC_FAC). A gold name is
// found when a tagger mention has the same span, typed when the type also
// agrees, overlapped when any mention overlaps it.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "ecb.h"
#include "parallax/ner.h"

namespace {

namespace ner = parallax::ner;

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool Capitalised(std::string_view w) {
  const unsigned char c = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xC5 && w.size() > 1);  // Latin-1 capitals, roughly
}

bool Connector(std::string_view w) {
  static const char* kWords[] = {"of", "and", "&", "de", "for", "the", "-", "du", "la", "von", "van", "al", "del", "on"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// The gold span narrowed to its name, or {0, 0} when the markable is no name.
std::pair<size_t, size_t> NameSpan(const std::string& text, const parallax::eval::GoldMention& g) {
  size_t b = g.begin, e = g.end;
  auto word_end = [&](size_t p) { size_t q = text.find(' ', p); return q == std::string::npos || q > e ? e : q; };
  for (;;) {  // leading determiners
    std::string_view w(text.data() + b, word_end(b) - b);
    if ((w == "the" || w == "The" || w == "a" || w == "A" || w == "an") && word_end(b) < e) {
      b = word_end(b) + 1;
    } else {
      break;
    }
  }
  std::string_view span(text.data() + b, e - b);
  if (span.ends_with(" 's") || span.ends_with(" '") || span.ends_with(" \xE2\x80\x99s")) {
    e = text.rfind(' ', e - 1);
  } else if (span.ends_with("'s")) {  // "Lohan's" as one token
    e -= 2;
  }
  span = std::string_view(text.data() + b, e - b);
  std::vector<std::string_view> words = Words(span);
  if (words.empty() || !Capitalised(words.front()) || !Capitalised(words.back())) return {0, 0};
  for (std::string_view w : words) {
    if (!Capitalised(w) && !Connector(w)) return {0, 0};
  }
  const bool sentence_start = b == 0 || text[b - 1] == '\n';
  if (words.size() == 1 && sentence_start) return {0, 0};
  static constexpr std::string_view kNotNames[] = {"She", "He", "They", "We", "I", "It", "You", "Who", "Where", "Everyone",
                                    "Everyone'", "Us", "Them", "Her", "Him"};
  if (words.size() == 1 && std::find(std::begin(kNotNames), std::end(kNotNames), words[0]) != std::end(kNotNames)) {
    return {0, 0};
  }
  return {b, e};
}

// The gold class of a markable and the tagger types that agree with it.
// Facilities ("Betty Ford Center", "Staples Center") are ORG or LOC in
// CoNLL's guidelines depending on use, so both count.
const char* GoldClass(const std::string& tag) {
  if (tag.starts_with("HUMAN_PART_PER")) return "PER";
  if (tag.starts_with("HUMAN_PART_ORG")) return "ORG";
  if (tag.starts_with("HUMAN_PART_GPE")) return "GPE";
  if (tag.starts_with("LOC_FAC")) return "FAC";
  return "LOC";  // LOC_GEO, LOC_OTHER
}

bool Agrees(std::string_view gold_class, std::string_view type) {
  if (gold_class == "GPE" || gold_class == "LOC") return type == "LOC";
  if (gold_class == "FAC") return type == "LOC" || type == "ORG";
  return gold_class == type;
}

struct Tally {
  size_t gold = 0, exact = 0, typed = 0, overlap = 0;
  void Print(const char* name) const {
    auto pct = [&](size_t n) { return gold ? 100.0 * n / gold : 0.0; };
    std::printf("  %-4s gold %5zu | span %5.1f%% | span+type %5.1f%% | overlap %5.1f%%\n", name, gold, pct(exact),
                pct(typed), pct(overlap));
  }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Named-entity recall on ECB+ proper-name markables (web news)"};
  std::string data = std::string(PARALLAX_SHARED_DATA) + "/clustering/ecbplus-dev/ECB+";
  std::string model;
  size_t misses = 0;
  app.add_option("--data", data, "ECB+ folder of <topic>/<doc>.xml");
  app.add_option("--model", model, "NER model file (default: the committed model)");
  app.add_option("--misses", misses, "print this many missed or mistyped gold names");
  std::string show;
  app.add_option("--show", show, "print the tagger's mentions in this text file and exit");
  CLI11_PARSE(app, argc, argv);

  auto tagger = model.empty() ? ner::Tagger::LoadDefault() : ner::Tagger::Load(model);
  if (!tagger.ok()) {
    std::fprintf(stderr, "eval_ner_ecb: %s\n", tagger.status().message().c_str());
    return 1;
  }
  if (!show.empty()) {
    for (const auto& m : tagger->TagText(parallax::eval::ReadFile(show))) {
      std::printf("%s\t%s\n", ner::EntityTypeName(m.type), m.text.c_str());
    }
    return 0;
  }
  std::vector<parallax::eval::EcbXmlDoc> docs = parallax::eval::ReadEcbTopics(data, 1, 1000, true, "\n\n");
  if (docs.empty()) {
    std::fprintf(stderr, "eval_ner_ecb: no ECB+ documents under %s\n", data.c_str());
    return 1;
  }
  std::map<std::string, Tally> by_type;
  Tally all;
  size_t printed = 0;
  for (const auto& d : docs) {
    std::vector<ner::Mention> ms = tagger->TagText(d.text);
    std::map<std::pair<size_t, size_t>, bool> seen;  // a span marked twice counts once
    for (const auto& g : d.gold) {
      auto [b, e] = NameSpan(d.text, g);
      if (e == 0 || !seen.emplace(std::make_pair(b, e), true).second) continue;
      const char* type = GoldClass(g.tag);
      bool exact = false, typed = false, overlap = false;
      const char* got = "-";
      for (const auto& m : ms) {
        if (m.begin < e && b < m.end) overlap = true;
        if (m.begin == b && m.end == e) {
          exact = true;
          got = ner::EntityTypeName(m.type);
          typed = Agrees(type, got);
        }
      }
      for (Tally* t : {&by_type[type], &all}) {
        ++t->gold;
        t->exact += exact;
        t->typed += typed;
        t->overlap += overlap;
      }
      if (!typed && printed < misses) {
        ++printed;
        const size_t from = b > 60 ? b - 60 : 0;
        std::string context = d.text.substr(from, std::min(e + 40, d.text.size()) - from);
        for (char& c : context) c = c == '\n' ? '|' : c;
        std::string tags;
        for (const auto& m : ms) {
          if (m.begin < e + 40 && m.end + 60 > b) tags += " [" + m.text + "/" + ner::EntityTypeName(m.type) + "]";
        }
        std::printf("MISS %s %s \"%s\" got %s\n    ...%s...\n    tagged:%s\n", d.name.c_str(), type,
                    d.text.substr(b, e - b).c_str(), got, context.c_str(), tags.c_str());
      }
    }
  }
  std::printf("ECB+ %zu docs: recall of proper-name markables by the tagger\n", docs.size());
  for (const auto& [type, t] : by_type) t.Print(type.c_str());
  all.Print("all");
  return 0;
}
