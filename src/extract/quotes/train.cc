#include "train.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "model.h"
#include "speakers.h"

namespace parallax::quotes::internal {
namespace {

// Averaged perceptron weights with lazy averaging.
class Averaged {
 public:
  float Score(const std::vector<uint64_t>& ids) const {
    float s = 0;
    for (uint64_t id : ids) {
      auto it = w_.find(id);
      if (it != w_.end()) s += it->second.w;
    }
    return s;
  }
  void Update(const std::vector<uint64_t>& ids, float delta) {
    for (uint64_t id : ids) {
      Entry& e = w_[id];
      e.total += (step_ - e.last) * e.w;
      e.last = step_;
      e.w += delta;
    }
  }
  void Tick() { ++step_; }
  // Averaged weights, |w| above a small floor.
  std::map<uint64_t, float> Final() const {
    std::map<uint64_t, float> out;
    for (const auto& [id, e] : w_) {
      double total = e.total + (step_ - e.last) * e.w;
      double avg = step_ > 0 ? total / step_ : 0;
      if (std::fabs(avg) >= 1e-4) out[id] = static_cast<float>(avg);
    }
    return out;
  }

 private:
  struct Entry {
    double w = 0;
    double total = 0;
    long long last = 0;
  };
  std::unordered_map<uint64_t, Entry> w_;
  long long step_ = 1;
};

// The order to visit `n` examples in epoch `epoch`: a Fisher-Yates shuffle
// driven by splitmix64 from a fixed seed (std::shuffle's algorithm differs
// between standard libraries; this keeps the model file reproducible).
// Epoch 0 and shuffle off: the given order.
std::vector<size_t> EpochOrder(size_t n, int epoch, bool shuffle, int run = 0) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  if (!shuffle) return order;
  uint64_t state = 0x5175u + static_cast<uint64_t>(epoch) * 0x9E3779B97F4A7C15ull +
                   static_cast<uint64_t>(run) * 0xD1B54A32D192ED03ull;
  auto next = [&state] {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[next() % i]);
  return order;
}

bool Overlaps(size_t a, size_t b, const std::vector<ByteSpan>& spans) {
  for (const ByteSpan& s : spans) {
    if (a < s.second && s.first < b) return true;
  }
  return false;
}

// The metric's overlap ratio of a candidate with a gold content (0 when it
// does not match: under half of the longer one).
double MatchRatio(size_t a, size_t b, const std::vector<ByteSpan>& gold) {
  size_t overlap = 0, gold_len = 0, gaps = 0;
  for (size_t k = 0; k < gold.size(); ++k) {
    size_t lo = std::max(a, gold[k].first), hi = std::min(b, gold[k].second);
    if (hi > lo) overlap += hi - lo;
    gold_len += gold[k].second - gold[k].first;
    if (k + 1 < gold.size()) {
      size_t glo = std::max(a, gold[k].second), ghi = std::min(b, gold[k + 1].first);
      if (ghi > glo) gaps += ghi - glo;
    }
  }
  size_t longer = std::max(b - a - gaps, gold_len);
  if (longer == 0 || 2 * overlap < longer) return 0;
  return static_cast<double>(overlap) / static_cast<double>(longer);
}

struct CueExample {
  std::vector<uint64_t> ids;
  bool positive = false;
};

struct SpanExample {
  std::vector<std::vector<uint64_t>> candidates;
  size_t gold = 0;
};

struct Seen {
  int count = 0;
};

void Remember(const Features& f, std::unordered_map<uint64_t, Seen>* names) {
  for (size_t k = 0; k < f.ids().size(); ++k) {
    ++(*names)[f.ids()[k]].count;
  }
}

// Drops features seen fewer than `min_count` times (a smaller model that
// generalises no worse).
void Prune(const std::unordered_map<uint64_t, Seen>& names, int min_count, std::vector<uint64_t>* ids) {
  ids->erase(std::remove_if(ids->begin(), ids->end(),
                            [&](uint64_t id) { return names.at(id).count < min_count; }),
             ids->end());
}

// One `hash<TAB>weight` line per weight (feature names are hashed, so no
// words of the training text are stored), in hash order.
void Write(const std::map<uint64_t, float>& w, std::string* out) {
  char buf[64];
  for (const auto& [id, v] : w) {
    char weight[32];
    std::snprintf(weight, sizeof weight, "%.4g", static_cast<double>(v));
    if (std::string_view(weight) == "0" || std::string_view(weight) == "-0") continue;
    std::snprintf(buf, sizeof buf, "%016llx\t%s\n", static_cast<unsigned long long>(id), weight);
    out->append(buf);
  }
}

TokRange Subject(const Doc& d, uint32_t cue) {
  TokRange s = SubjectBefore(d, cue);
  if (s.first >= s.second || !PlausibleSpeaker(d, s)) return {0, 0};
  return s;
}

}  // namespace

std::string TrainModel(const std::vector<TrainDoc>& docs, const TrainOptions& options) {
  std::unordered_map<uint64_t, Seen> names;
  // Cue detector.
  std::vector<CueExample> cue_examples;
  std::vector<Doc> built;
  built.reserve(docs.size());
  for (const TrainDoc& td : docs) {
    built.push_back(BuildDoc(td.text, td.mentions));
    const Doc& d = built.back();
    std::vector<ByteSpan> cues;
    for (const TrainAttribution& a : td.attributions) cues.insert(cues.end(), a.cue.begin(), a.cue.end());
    for (uint32_t i = 0; i < d.toks.size(); ++i) {
      if (!CueCandidate(d, i)) continue;
      Features f;
      CueFeatures(d, i, &f);
      Remember(f, &names);
      cue_examples.push_back({f.ids(), Overlaps(d.toks[i].begin, d.toks[i].end, cues)});
    }
  }
  for (CueExample& e : cue_examples) Prune(names, options.min_count, &e.ids);
  // Several runs in different orders, their averaged weights averaged
  // again (less dependent on one order).
  std::map<uint64_t, float> cue_final;
  for (int run = 0; run < options.runs; ++run) {
    Averaged cue;
    for (int epoch = 0; epoch < options.cue_epochs; ++epoch) {
      for (size_t k : EpochOrder(cue_examples.size(), epoch, options.shuffle, run)) {
        const CueExample& e = cue_examples[k];
        float s = cue.Score(e.ids);
        if (e.positive && s <= 0) cue.Update(e.ids, 1);
        if (!e.positive && s > 0) cue.Update(e.ids, -1);
        cue.Tick();
      }
    }
    for (const auto& [id, v] : cue.Final()) cue_final[id] += v / static_cast<float>(options.runs);
  }
  Weights cue_weights;
  for (const auto& [id, v] : cue_final) cue_weights.Set(id, v);

  // Content-span model: gold cue phrases (label: the best matching
  // candidate, else none) and predicted cue phrases that are no gold cue
  // (label: none).
  std::vector<SpanExample> span_examples;
  for (size_t k = 0; k < docs.size(); ++k) {
    const Doc& d = built[k];
    const TrainDoc& td = docs[k];
    auto tok_range = [&](const std::vector<ByteSpan>& spans) -> TokRange {
      uint32_t a = 0, b = 0;
      bool any = false;
      for (uint32_t i = 0; i < d.toks.size(); ++i) {
        if (!Overlaps(d.toks[i].begin, d.toks[i].end, spans)) continue;
        if (!any) a = i;
        any = true;
        b = i + 1;
        if (d.toks[i].sentence != d.toks[a].sentence) {
          b = i;
          break;
        }
      }
      return any ? TokRange{a, b} : TokRange{0, 0};
    };
    auto add_example = [&](TokRange cue_range, const std::vector<ByteSpan>* gold) {
      TokRange subject = Subject(d, cue_range.first);
      std::vector<SpanCandidate> cands = SpanCandidates(d, cue_range, subject);
      SpanExample ex;
      double best = 0;
      for (size_t c = 0; c < cands.size(); ++c) {
        Features f;
        SpanFeatures(d, cue_range, subject, cands[c], &f);
        Remember(f, &names);
        ex.candidates.push_back(f.ids());
        if (gold == nullptr || cands[c].kind == SpanKind::kNone) continue;
        double r = MatchRatio(d.toks[cands[c].content.first].begin,
                              d.toks[cands[c].content.second - 1].end, *gold);
        if (r > best) {
          best = r;
          ex.gold = c;
        }
      }
      span_examples.push_back(std::move(ex));
    };
    std::vector<ByteSpan> all_cues;
    for (const TrainAttribution& a : td.attributions) {
      all_cues.insert(all_cues.end(), a.cue.begin(), a.cue.end());
      TokRange r = tok_range(a.cue);
      if (r.first >= r.second || d.in_quote[r.first]) continue;
      add_example(r, &a.content);
    }
    // Predicted cue phrases with no gold cue (at a lower threshold, as the
    // detector overfits its training data).
    float low = options.cue_threshold - options.none_margin;
    uint32_t i = 0;
    while (i < d.toks.size()) {
      Features f;
      if (!CueCandidate(d, i) || (CueFeatures(d, i, &f), cue_weights.Score(f) <= low)) {
        ++i;
        continue;
      }
      uint32_t j = i + 1;
      while (j < d.toks.size() && d.toks[j].sentence == d.toks[i].sentence && CueCandidate(d, j)) {
        Features g;
        CueFeatures(d, j, &g);
        if (cue_weights.Score(g) <= low) break;
        ++j;
      }
      if (!Overlaps(d.toks[i].begin, d.toks[j - 1].end, all_cues) && CuePhrase(d, {i, j})) {
        add_example({i, j}, nullptr);
      }
      i = j;
    }
  }
  for (SpanExample& e : span_examples) {
    for (auto& c : e.candidates) Prune(names, options.min_count, &c);
  }
  std::map<uint64_t, float> span_final;
  for (int run = 0; run < options.runs; ++run) {
    Averaged span;
    for (int epoch = 0; epoch < options.span_epochs; ++epoch) {
      for (size_t k : EpochOrder(span_examples.size(), epoch, options.shuffle, run)) {
        const SpanExample& e = span_examples[k];
        size_t best = 0;
        float best_score = 0;
        for (size_t c = 0; c < e.candidates.size(); ++c) {
          float s = span.Score(e.candidates[c]);
          if (c == 0 || s > best_score) {
            best = c;
            best_score = s;
          }
        }
        if (best != e.gold) {
          span.Update(e.candidates[e.gold], 1);
          span.Update(e.candidates[best], -1);
        }
        span.Tick();
      }
    }
    for (const auto& [id, v] : span.Final()) span_final[id] += v / static_cast<float>(options.runs);
  }
  std::string out = "parallax-quotes-model 1\n";
  char buf[64];
  std::snprintf(buf, sizeof buf, "threshold\t%.4g\n", static_cast<double>(options.cue_threshold));
  out += buf;
  out += "[cue]\n";
  Write(cue_final, &out);
  out += "[span]\n";
  Write(span_final, &out);
  return out;
}

}  // namespace parallax::quotes::internal
