#include "brief/framing.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "parallax/text.h"

namespace parallax::brief {
namespace {

bool IsCapitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

bool IsSpeechVerb(std::string_view folded) {
  static const std::unordered_set<std::string_view> kVerbs = {
      "said", "says", "say", "told", "tells", "added", "stated", "announced", "claimed",
      "warned", "insisted", "explained", "wrote", "writes", "noted", "argued", "acknowledged"};
  return kVerbs.contains(folded);
}

bool IsPronounOrDeterminer(std::string_view folded) {
  static const std::unordered_set<std::string_view> kWords = {
      "he", "she", "they", "it", "i", "we", "you", "this", "that", "there", "these", "those",
      "who", "which", "what", "one", "some", "many", "others", "both", "officials", "police"};
  return kWords.contains(folded);
}

// Word tokens with their text and fold, punctuation kept as "," etc.
struct Tok {
  std::string_view text;
  std::string folded;
  bool word = false;
};

std::vector<Tok> Toks(const std::string& s) {
  std::vector<Tok> out;
  for (const text::Token& t : text::Tokenize(s)) {
    std::string_view v(s.data() + t.begin, t.end - t.begin);
    out.push_back({v, text::Fold(v), t.kind == text::TokenKind::kWord});
  }
  return out;
}

bool IsDayOrMonth(std::string_view folded) {
  static const std::unordered_set<std::string_view> kWords = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "today", "yesterday"};
  return kWords.contains(folded);
}

bool IsPossessive(std::string_view folded) {
  return folded.ends_with("'s") || folded.ends_with("\xE2\x80\x99s");
}

// A run of capitalised words [b, e), at most four, leading stop words dropped;
// not a date word, not a possessive ("Biden's aides said" names no one).
std::string Run(const std::vector<Tok>& t, size_t b, size_t e) {
  while (b < e && text::IsStopWord(t[b].folded)) ++b;
  if (b >= e || e - b > 4) return "";
  if (e - b == 1 && IsPronounOrDeterminer(t[b].folded)) return "";
  for (size_t k = b; k < e; ++k) {
    if (IsDayOrMonth(t[k].folded) || IsPossessive(t[k].folded)) return "";
  }
  std::string out;
  for (size_t k = b; k < e; ++k) out += (out.empty() ? "" : " ") + std::string(t[k].text);
  return out;
}

std::string RightRun(const std::vector<Tok>& t, size_t from) {
  if (from < t.size() && t[from].folded == "the") ++from;  // "according to the UN"
  size_t e = from;
  while (e < t.size() && e - from < 5 && t[e].word && IsCapitalised(t[e].text)) ++e;
  return Run(t, from, e);
}

std::string LeftRun(const std::vector<Tok>& t, size_t end) {  // run ends just before `end`
  size_t b = end;
  while (b > 0 && end - b < 5 && t[b - 1].word && IsCapitalised(t[b - 1].text)) --b;
  return Run(t, b, end);
}

uint64_t PairKey(uint32_t a, uint32_t b) { return (uint64_t(a) + 1) << 32 | b; }

// Counts of one outlet (or of the whole story), unigrams and pairs apart.
// Keys are gathered in a vector, then sorted and run-length counted: much
// cheaper than a hash map per outlet on large stories.
struct Counts {
  std::vector<uint64_t> keys;
  std::vector<std::pair<uint64_t, int>> n;  // sorted by key
  double unigrams = 0, pairs = 0;
  void Finish() {
    std::sort(keys.begin(), keys.end());
    for (size_t k = 0; k < keys.size();) {
      size_t e = k;
      while (e < keys.size() && keys[e] == keys[k]) ++e;
      n.emplace_back(keys[k], static_cast<int>(e - k));
      k = e;
    }
    keys = {};
  }
  int Of(uint64_t key) const {
    auto it = std::lower_bound(n.begin(), n.end(), std::make_pair(key, 0));
    return it != n.end() && it->first == key ? it->second : 0;
  }
};

struct Z {
  uint64_t key;
  double z;
};

// Monroe et al. (2008) eq. 22: z-score of the log-odds ratio of `term` in
// the outlet against the rest, with Dirichlet prior alpha_w = alpha0 * p(w).
double LogOddsZ(double y_i, double n_i, double y_all, double n_all, double alpha0) {
  double alpha = alpha0 * y_all / n_all;
  double y_j = y_all - y_i, n_j = n_all - n_i;
  double rest_i = n_i + alpha0 - y_i - alpha, rest_j = n_j + alpha0 - y_j - alpha;
  if (rest_i <= 0 || rest_j <= 0) return 0;  // a one-term vocabulary: nothing to contrast
  double delta = std::log((y_i + alpha) / rest_i) - std::log((y_j + alpha) / rest_j);
  double var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha);
  return delta / std::sqrt(var);
}

std::vector<std::string> SourcesIn(const std::vector<Tok>& t) {
  std::vector<std::string> out;
  auto add = [&](std::string name) {
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  };
  for (size_t k = 0; k < t.size(); ++k) {
    if (!t[k].word) continue;
    if (t[k].folded == "according" && k + 1 < t.size() && t[k + 1].folded == "to") {
      add(RightRun(t, k + 2));
      continue;
    }
    if (!IsSpeechVerb(t[k].folded)) continue;
    std::string name = k > 0 ? LeftRun(t, k) : "";
    if (name.empty() && k > 1 && t[k - 1].text == ",") {
      // "Jane Doe, the agency's director, said": the name before the apposition.
      for (size_t p = k - 1; p-- > 0 && k - p < 14;) {
        if (t[p].text == ",") {
          name = LeftRun(t, p);
          break;
        }
      }
    }
    if (name.empty() && k + 1 < t.size()) name = RightRun(t, k + 1);
    add(std::move(name));
  }
  return out;
}

}  // namespace

std::vector<std::string> AttributedSources(const std::string& sentence) { return SourcesIn(Toks(sentence)); }

std::vector<OutletFraming> ComputeFraming(const std::vector<Article>& articles,
                                          const StoryCluster& story, const FramingOptions& options) {
  // Outlets in order of first appearance.
  std::vector<OutletFraming> out;
  std::unordered_map<std::string, size_t> outlet_index;
  std::vector<size_t> outlet_of;  // per story member
  for (size_t a : story.articles) {
    const Article& art = articles[a];
    std::string key = art.outlet.empty() ? "id:" + art.id : text::Fold(art.outlet);
    auto [it, inserted] = outlet_index.emplace(key, out.size());
    if (inserted) out.push_back({art.outlet.empty() ? art.id : art.outlet, {}, {}, {}});
    out[it->second].articles.push_back(art.id);
    outlet_of.push_back(it->second);
  }
  if (out.size() < 2) return {};

  // Folded word -> stem id (stemming each distinct word once), and the
  // surface forms seen per stem id.
  // Each folded form is hashed once per token: word_form gives its form
  // index, which carries the stem id and the form's count (the surfaces per
  // stem are gathered from the forms after counting).
  std::unordered_map<std::string, uint32_t> word_form;
  std::vector<const std::string*> form_text;
  std::vector<uint32_t> form_stem;
  std::vector<int> form_count;
  std::unordered_map<std::string, uint32_t> vocab;
  std::vector<Counts> counts(out.size());
  Counts all;
  std::vector<std::unordered_map<std::string, int>> source_counts(out.size());
  std::vector<std::vector<std::string>> source_order(out.size());
  std::unordered_map<std::string, std::unique_ptr<text::Stemmer>> stemmers;

  for (size_t m = 0; m < story.articles.size(); ++m) {
    const Article& art = articles[story.articles[m]];
    const size_t o = outlet_of[m];
    std::string lang = art.language.empty() ? "en" : art.language;
    auto& stemmer = stemmers[lang];
    if (!stemmer) stemmer = std::make_unique<text::Stemmer>(lang);
    for (const Block& b : art.blocks) {
      for (const text::Span& sp : text::SplitSentences(b.text, lang)) {
        std::string sentence = b.text.substr(sp.begin, sp.end - sp.begin);
        std::vector<Tok> toks = Toks(sentence);
        for (std::string& name : SourcesIn(toks)) {
          if (source_counts[o][name]++ == 0) source_order[o].push_back(name);
        }
        int64_t prev = -1;
        for (const Tok& tok : toks) {
          bool content = tok.word && tok.folded.size() >= 2 && !text::IsStopWord(tok.folded, lang);
          if (!content) {
            prev = -1;
            continue;
          }
          auto w = word_form.find(tok.folded);
          if (w == word_form.end()) {
            auto it = vocab.emplace(stemmer->Stem(tok.folded), static_cast<uint32_t>(vocab.size())).first;
            w = word_form.emplace(tok.folded, static_cast<uint32_t>(form_stem.size())).first;
            form_text.push_back(&w->first);
            form_stem.push_back(it->second);
            form_count.push_back(0);
          }
          const uint32_t form = w->second;
          const uint32_t id = form_stem[form];
          ++form_count[form];
          counts[o].keys.push_back(id);
          counts[o].unigrams += 1;
          all.unigrams += 1;
          if (prev >= 0) {
            uint64_t key = PairKey(static_cast<uint32_t>(prev), id);
            counts[o].keys.push_back(key);
            counts[o].pairs += 1;
            all.pairs += 1;
          }
          prev = id;
        }
      }
    }
  }

  std::vector<std::unordered_map<std::string, int>> surfaces(vocab.size());
  for (size_t f = 0; f < form_stem.size(); ++f) surfaces[form_stem[f]][*form_text[f]] = form_count[f];

  for (Counts& c : counts) {
    all.keys.insert(all.keys.end(), c.keys.begin(), c.keys.end());
    c.Finish();
  }
  all.Finish();

  // A pair shows as the most frequent surface of each of its stems.
  auto best_surface = [&](uint64_t key) {
    auto one = [&](uint32_t id) {
      const auto& m = surfaces[id];
      auto best = std::max_element(m.begin(), m.end(), [](const auto& x, const auto& y) {
        return x.second != y.second ? x.second < y.second : x.first > y.first;
      });
      return best->first;
    };
    if (key >> 32) return one(static_cast<uint32_t>((key >> 32) - 1)) + " " + one(static_cast<uint32_t>(key));
    return one(static_cast<uint32_t>(key));
  };
  for (size_t o = 0; o < out.size(); ++o) {
    // The outlet's own name ("CNN reported") is not framing.
    std::unordered_set<std::string> own;
    for (const std::string& w : text::Words(out[o].outlet)) own.insert(w);
    std::vector<Z> zs;
    for (const auto& [key, y] : counts[o].n) {
      if (y < 2) continue;  // said once is not a pattern
      bool pair = key >> 32;
      double n_i = pair ? counts[o].pairs : counts[o].unigrams;
      double n_all = pair ? all.pairs : all.unigrams;
      double z = LogOddsZ(y, n_i, all.Of(key), n_all, options.prior_scale * n_all);
      if (z >= options.min_z) zs.push_back({key, z});
    }
    std::sort(zs.begin(), zs.end(), [](const Z& a, const Z& b) { return a.z != b.z ? a.z > b.z : a.key < b.key; });
    std::unordered_set<uint32_t> in_chosen_pair;
    for (const Z& z : zs) {
      if (out[o].terms.size() >= options.max_terms) break;
      bool pair = z.key >> 32;
      uint32_t first = pair ? static_cast<uint32_t>((z.key >> 32) - 1) : static_cast<uint32_t>(z.key);
      uint32_t second = static_cast<uint32_t>(z.key & 0xffffffffu);
      if (!pair && in_chosen_pair.contains(first)) continue;
      std::string surface = best_surface(z.key);
      bool is_own = false;
      for (const std::string& w : text::Words(surface)) is_own |= own.contains(w);
      if (is_own) continue;
      if (pair) {
        in_chosen_pair.insert(first);
        in_chosen_pair.insert(second);
      }
      out[o].terms.push_back({surface, std::round(z.z * 100) / 100});
    }
    // Sources: a short name ("Netanyahu") counts toward a longer one that
    // ends with it ("Benjamin Netanyahu").
    auto& sc = source_counts[o];
    std::vector<std::string> names = source_order[o];
    for (const std::string& s : names) {
      for (const std::string& l : names) {
        if (l.size() > s.size() && l.ends_with(" " + s) && sc[s] > 0) {
          sc[l] += sc[s];
          sc[s] = 0;
        }
      }
    }
    std::erase_if(names, [&](const std::string& s) { return sc[s] == 0; });
    std::stable_sort(names.begin(), names.end(), [&](const auto& a, const auto& b) { return sc[a] > sc[b]; });
    if (names.size() > options.max_sources) names.resize(options.max_sources);
    out[o].sources = std::move(names);
  }
  return out;
}

}  // namespace parallax::brief
