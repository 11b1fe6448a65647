#include "brief/summary.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <string_view>
#include <unordered_map>

#include "parallax/text.h"

namespace parallax::brief {
namespace {

// Weights of the coverage objective, tuned on the dev half of the Multi-News
// sample only (eval/summary/RESULTS.md). Also tried there and dropped: a
// log(times a source repeats a concept) factor (-0.1 to -0.6 R-1).
struct Tuning {
  double lead_bonus = 1.0;    // extra weight of a concept stated at an article's top
  double lead_decay = 4.0;    // ... decaying over this many sentences
  double bigram = 1.0;        // weight of an adjacent stem pair relative to a stem
  double length_power = 0.6;  // gain divided by words^this (cost scaling)
  double salience = 1.0;      // how much sentence salience scales its gain
};

bool LooksLikeSentence(const Sentence& s) {
  if (s.words < 6 || s.words > 70) return false;
  // Datelines, credits and fragments rarely end in sentence punctuation.
  char last = s.text.empty() ? ' ' : s.text.back();
  std::string_view tail(s.text);
  bool ends_quote = tail.ends_with("\xE2\x80\x9D") || tail.ends_with("\"") ||
                    tail.ends_with("\xE2\x80\x99") || tail.ends_with("'");
  return last == '.' || last == '!' || ends_quote || last == ')';
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

// Length of a dateline that opens a sentence: "DENVER (AP) — ",
// "ST. PAUL, Minn. (Reuters) - ", "(CNN) — ", "PITTSBURGH (KDKA) -- ".
// 0 when there is none. A place must start with a word in capitals (so
// "The deal — signed Friday — ..." is not a dateline); what follows the dash
// must start a sentence.
size_t DatelineLength(std::string_view t) {
  static constexpr std::string_view kDashes[] = {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- ", " - ",
                                                 "\xE2\x80\x94"};
  constexpr size_t kMaxPrefix = 60;
  // "(CNN) The ..." / "(CNN)The ...": an agency tag alone, no dash.
  if (!t.empty() && t[0] == '(') {
    size_t close = t.find(')');
    if (close != std::string_view::npos && close > 1 && close <= 20) {
      std::string_view agency = t.substr(1, close - 1);
      bool ok = IsUpperAscii(agency[0]);
      for (char c : agency) ok &= IsUpperAscii(c) || IsLowerAscii(c) || c == ' ' || c == '.';
      size_t after = close + 1;
      while (after < t.size() && t[after] == ' ') ++after;
      if (ok && after < t.size() && IsUpperAscii(t[after])) return after;
    }
  }
  size_t cut = std::string_view::npos, after = 0;
  bool hyphen = false;  // " - ": also a minus or a range, so it needs an agency tag
  for (std::string_view d : kDashes) {
    size_t at = t.substr(0, kMaxPrefix + d.size()).find(d);
    if (at != std::string_view::npos && at < cut) {
      cut = at;
      after = at + d.size();
      hyphen = d == " - ";
    }
  }
  if (cut == std::string_view::npos || cut == 0) return 0;
  std::string_view prefix = t.substr(0, cut);
  while (!prefix.empty() && prefix.back() == ' ') prefix.remove_suffix(1);
  // Optional "(Agency)" at the end of the prefix.
  const bool tagged = !prefix.empty() && prefix.back() == ')';
  if (tagged) {
    size_t open = prefix.rfind('(');
    if (open == std::string_view::npos) return 0;
    std::string_view agency = prefix.substr(open + 1, prefix.size() - open - 2);
    if (agency.empty() || agency.size() > 30 || !IsUpperAscii(agency[0])) return 0;
    for (char c : agency) {
      if (!(IsUpperAscii(c) || IsLowerAscii(c) || c == ' ' || c == '.' || c == '-' || c == '&')) return 0;
    }
    prefix = prefix.substr(0, open);
    while (!prefix.empty() && prefix.back() == ' ') prefix.remove_suffix(1);
  }
  if (!prefix.empty()) {
    // Place: its first word in capitals ("WASHINGTON", "ST."), then only
    // place-like characters ("NEW YORK", "ST. PAUL, Minn.").
    size_t first_end = prefix.find_first_of(" ,");
    std::string_view first = prefix.substr(0, first_end);
    size_t caps = 0;
    for (char c : first) {
      if (IsLowerAscii(c)) return 0;
      caps += IsUpperAscii(c);
    }
    // Without an agency tag only a clear place will do: "WASHINGTON — ",
    // not "US - China talks" or "EU — the bloc's ...".
    if (caps < 2 || (!tagged && (caps < 3 || hyphen))) return 0;
    std::string_view place = prefix.substr(0, prefix.find(','));
    for (char c : place) {
      if (IsLowerAscii(c)) return 0;
    }
    for (char c : prefix) {
      if (!(IsUpperAscii(c) || IsLowerAscii(c) || c == ' ' || c == '.' || c == ',' || c == '\'' ||
            c == '-')) {
        return 0;
      }
    }
  }
  while (after < t.size() && t[after] == ' ') ++after;
  if (after >= t.size()) return 0;
  unsigned char next = static_cast<unsigned char>(t[after]);
  bool starts = IsUpperAscii(static_cast<char>(next)) || next == '"' || next == 0xE2 || next >= 0xC3;
  return starts ? after : 0;
}

// A piece of a quotation that runs over several sentences: an opening mark
// without its closing one or the reverse (curly, guillemets), or an odd
// number of straight double quotes. Out of context it misleads (who said
// it? where does it end?), so it is never summary material; the quotes
// section carries the whole quotation.
bool UnbalancedQuotes(std::string_view t) {
  const QuoteMarks m = CountQuoteMarks(t);
  return m.straight % 2 != 0 || m.curly != 0 || m.guillemets != 0;
}

uint64_t BigramKey(uint32_t a, uint32_t b) { return (uint64_t(a) + 1) << 32 | b; }

// Concepts of a sentence: its content stems and adjacent stem pairs, once each.
std::vector<uint64_t> Concepts(const Sentence& s, bool with_bigrams) {
  std::vector<uint64_t> out;
  out.reserve(s.terms.size() * 2);
  for (size_t k = 0; k < s.terms.size(); ++k) {
    out.push_back(s.terms[k]);
    if (with_bigrams && k + 1 < s.terms.size()) out.push_back(BigramKey(s.terms[k], s.terms[k + 1]));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// A wire photo caption ends with its place and full date and no
// preposition before the date: "... patrol outside Notre Dame in Paris,
// April 22, 2015." (prose says "on April 22, 2015").
bool EndsLikeCaption(std::string_view folded) {
  while (!folded.empty() && (folded.back() == '.' || folded.back() == ' ')) folded.remove_suffix(1);
  std::vector<std::string_view> last;  // the last four words, last first
  size_t end = folded.size();
  while (last.size() < 4 && end > 0) {
    size_t start = folded.rfind(' ', end - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    last.push_back(folded.substr(start, end - start));
    if (start == 0) break;
    end = start - 1;
  }
  if (last.size() < 4) return false;
  auto digits = [](std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::string_view year = last[0], day = last[1], month = last[2], before = last[3];
  if (year.size() != 4 || !digits(year) || !day.ends_with(",") || !digits(day.substr(0, day.size() - 1))) return false;
  static constexpr std::string_view kMonths[] = {"january", "february", "march", "april", "may", "june", "july",
                                                 "august", "september", "october", "november", "december",
                                                 "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec."};
  if (std::find(std::begin(kMonths), std::end(kMonths), month) == std::end(kMonths)) return false;
  static constexpr std::string_view kPrepositions[] = {"on", "since", "until", "till", "by", "before", "after",
                                                       "of", "from", "to", "through", "dated", "as", "and", "or",
                                                       "between", "than", "the", "early", "late", "mid"};
  return std::find(std::begin(kPrepositions), std::end(kPrepositions), before) == std::end(kPrepositions);
}

}  // namespace

bool IsBoilerplate(const std::string& folded) {
  static constexpr std::string_view kAnywhere[] = {
      "http://", "https://", "www.", "click here", "read more", "sign up", "subscribe to",
      "all rights reserved", "this material may not be published", "contributed to this report",
      "follow us", "follow him on", "follow her on", "getty images", "ap photo", "photo credit",
      "newsletter", "share this", "our privacy policy", "terms of use", "cookies", "javascript",
      "please enable", "your browser", "[email protected]", "©", "replay more videos", "just watched",
      // error pages that reached the input as articles
      "the page you requested", "page could not be found", "could not be found on this server",
      "not publicly accessible", "from a bookmark",
      // embedded tweets' and sign-up boxes' own text
      "location information to your tweets", "tweet location history", "you can unsubscribe",
      "unsubscribe at any time", "this story first appeared", "this article originally appeared",
      "this story originally appeared", "this article first appeared",
      // photo captions left in the body: position marks and credits
      " (r) ", " (l) ", " (c) ", " (2nd r) ", " (2nd l) ", "in this photograph", "in this photo ",
      "in this file photo", "reuters/", "(ap photo", "afp photo",
  };
  static constexpr std::string_view kPrefixes[] = {
      "related:", "advertisement", "photo:", "image:", "video:", "watch:", "listen:", "caption",
      "copyright", "editor's note", "update:", "see also", "more:", "share", "email",
  };
  for (std::string_view p : kAnywhere) {
    if (folded.find(p) != std::string::npos) return true;
  }
  for (std::string_view p : kPrefixes) {
    if (std::string_view(folded).starts_with(p)) return true;
  }
  if (EndsLikeCaption(folded)) return true;
  // An embedded tweet's signature: "— Jason Chaffetz (@jasoninthehouse) May 16, 2017".
  if (const size_t at = folded.find("(@"); at != std::string::npos && folded.find(')', at) != std::string::npos) {
    return true;
  }
  // "Contact Jane Doe at 408-555-0100.", "Contact the writer: jdoe@example.com".
  if (folded.starts_with("contact ") &&
      (folded.find('@') != std::string::npos ||
       std::count_if(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 7)) {
    return true;
  }
  return std::count(folded.begin(), folded.end(), '|') >= 2;
}

std::string SummaryText(std::string_view sentence) {
  return std::string(sentence.substr(DatelineLength(sentence)));
}

std::vector<double> Salience(const SentenceModel& model, const Alignment& alignment,
                             size_t independent_sources) {
  const auto& sents = model.sentences();
  std::vector<double> score(sents.size(), 0.0);
  const double max_support = std::max<double>(1.0, double(independent_sources) - 1.0);
  for (size_t i = 0; i < sents.size(); ++i) {
    const Sentence& s = sents[i];
    if (!LooksLikeSentence(s) || s.text.back() == '?' || IsBoilerplate(text::Fold(s.text)) ||
        UnbalancedQuotes(s.text) || s.inside_quotation) {
      score[i] = -1;
      continue;
    }
    double centrality = model.CentroidSimilarity(s.vec);
    const FactGroup& g = alignment.groups[alignment.group_of[i]];
    double support = (double(g.independent) - 1.0) / max_support;  // 0..1
    double lead = 1.0 - std::min(1.0, s.position);
    double value = centrality * (1.0 + 0.6 * support) + 0.12 * lead;
    if (s.in_quote_block) value *= 0.8;
    score[i] = value;
  }
  return score;
}

std::vector<uint32_t> Summarize(const SentenceModel& model, const std::vector<double>& salience,
                                const SourceGroups& sources, const SummaryOptions& options) {
  const Tuning tune;
  const auto& sents = model.sentences();
  const bool with_bigrams = tune.bigram > 0;

  // Concept weight: summed over independent sources of the best position
  // weight with which that source states it. Concepts get dense ids through
  // one hash lookup per statement; sources are then walked one at a time, so
  // a source's best weight per concept needs only a stamp, not a map.
  // Stems index a vector directly; only stem pairs need the hash map.
  constexpr uint32_t kNone = ~0u;
  std::vector<uint32_t> stem_id(model.vocabulary_size(), kNone);
  std::unordered_map<uint64_t, uint32_t> pair_id;
  pair_id.reserve(model.vocabulary_size() * 4);
  std::vector<uint64_t> keys;  // dense id -> concept
  std::vector<std::vector<uint32_t>> ids(sents.size());
  std::vector<std::vector<uint32_t>> by_source(sources.group_count());
  for (uint32_t i = 0; i < sents.size(); ++i) {
    if (salience[i] <= 0 && sents[i].words < 6) continue;
    for (uint64_t c : Concepts(sents[i], with_bigrams)) {
      uint32_t* id = nullptr;
      if (c >> 32) {
        id = &pair_id.emplace(c, kNone).first->second;
      } else {
        id = &stem_id[c];
      }
      if (*id == kNone) {
        *id = static_cast<uint32_t>(keys.size());
        keys.push_back(c);
      }
      ids[i].push_back(*id);
    }
    by_source[sources.GroupOf(sents[i].article)].push_back(i);
  }
  std::vector<double> weight(keys.size(), 0.0), best(keys.size(), 0.0);
  std::vector<uint32_t> stamp(keys.size(), 0), touched;
  for (uint32_t g = 0; g < by_source.size(); ++g) {
    touched.clear();
    for (uint32_t i : by_source[g]) {
      double w = 1.0 + tune.lead_bonus * std::exp(-double(sents[i].ordinal) / tune.lead_decay);
      for (uint32_t c : ids[i]) {
        if (stamp[c] != g + 1) {
          stamp[c] = g + 1;
          best[c] = w;
          touched.push_back(c);
        } else {
          best[c] = std::max(best[c], w);
        }
      }
    }
    for (uint32_t c : touched) weight[c] += best[c];
  }
  for (size_t c = 0; c < keys.size(); ++c) {
    if (keys[c] >> 32) weight[c] *= tune.bigram;
  }

  // Lazy greedy on gain * factor / words^p: gains only shrink as concepts get
  // covered, so a stale score is an upper bound and needs a refresh only when
  // it reaches the top.
  double max_salience = 0;
  for (double v : salience) max_salience = std::max(max_salience, v);
  std::vector<double> factor(sents.size(), 0);
  // Words as the summary will print them (datelines dropped).
  std::vector<int> words(sents.size(), 0);
  using Entry = std::pair<double, uint32_t>;  // (score upper bound, sentence)
  std::priority_queue<Entry> heap;
  std::vector<char> covered(keys.size(), 0);
  auto score_of = [&](uint32_t i) {
    double gain = 0;
    for (uint32_t c : ids[i]) {
      if (!covered[c]) gain += weight[c];
    }
    return gain * factor[i];
  };
  for (uint32_t i = 0; i < sents.size(); ++i) {
    if (salience[i] <= 0) continue;
    double rel = max_salience > 0 ? salience[i] / max_salience : 0;
    words[i] = CountWords(SummaryText(sents[i].text));
    factor[i] = (1.0 + tune.salience * rel) / std::pow(double(std::max(words[i], 1)), tune.length_power);
    heap.push({score_of(i), i});
  }
  std::vector<uint32_t> chosen;
  int budget = options.max_words;
  while (!heap.empty() && budget > 0) {
    auto [bound, i] = heap.top();
    heap.pop();
    bool overflows = words[i] > budget;
    if (overflows && !options.cut_last) continue;  // the budget only shrinks
    double now = score_of(i);
    if (!heap.empty() && now < heap.top().first) {
      heap.push({now, i});
      continue;
    }
    if (now <= 0) break;
    // A paraphrase of a chosen sentence adds words, not news.
    bool repeat = false;
    for (uint32_t c : chosen) repeat |= Cosine(sents[c].vec, sents[i].vec) > 0.6f;
    if (repeat) continue;
    chosen.push_back(i);
    budget = overflows ? 0 : budget - words[i];
    for (uint32_t c : ids[i]) covered[c] = 1;
  }
  // Readable order: earlier-in-article material first (background tends to
  // come later), by quarter of the article; within a quarter, articles in
  // selection order and each article's sentences in their own order (so
  // "But despite years of attempts, ..." stays after what it answers).
  std::vector<size_t> rank(chosen.size());  // selection rank of the sentence's article in its quarter
  auto quarter = [&](uint32_t i) { return std::floor(sents[i].position * 4); };
  for (size_t k = 0; k < chosen.size(); ++k) {
    rank[k] = k;
    for (size_t j = 0; j < k; ++j) {
      if (sents[chosen[j]].article == sents[chosen[k]].article &&
          quarter(chosen[j]) == quarter(chosen[k])) {
        rank[k] = rank[j];
        break;
      }
    }
  }
  std::vector<size_t> order(chosen.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const uint32_t a = chosen[x], b = chosen[y];
    if (quarter(a) != quarter(b)) return quarter(a) < quarter(b);
    if (rank[x] != rank[y]) return rank[x] < rank[y];
    return sents[a].ordinal < sents[b].ordinal;
  });
  std::vector<uint32_t> out;
  out.reserve(chosen.size());
  for (size_t k : order) out.push_back(chosen[k]);
  return out;
}

}  // namespace parallax::brief
