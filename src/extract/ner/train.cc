#include "train.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <unordered_map>

#include "decode.h"
#include "token_features.h"
#include "nonlocal.h"
#include "tag.h"

namespace parallax::ner {
namespace {

// One training sentence as dense feature ids.
struct Instance {
  std::vector<uint32_t> ids;
  std::vector<uint32_t> offsets;
  // Per token, the ids [aggregate_begin, aggregate_end) are its aggregated
  // context keys (TrainOptions::aggregate_dropout).
  std::vector<uint32_t> aggregate_begin;
  std::vector<uint32_t> aggregate_end;
  std::vector<int> gold;
};

// splitmix64: a small, fully specified generator so the shuffle (and so the
// model) is the same on every platform and standard library.
struct SplitMix {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

std::vector<std::vector<std::string_view>> Views(const ConllDocument& doc) {
  std::vector<std::vector<std::string_view>> out;
  for (const ConllSentence& s : doc.sentences) out.emplace_back(s.tokens.begin(), s.tokens.end());
  return out;
}

// Perceptron weights with the averaging trick: the averaged weight is
// w - u / c, where u accumulates c * delta (integers, so exact).
struct Weights {
  std::vector<int32_t> w;
  std::vector<int64_t> u;
  void Resize(size_t n) {
    w.assign(n, 0);
    u.assign(n, 0);
  }
  void Add(size_t i, int delta, int64_t c) {
    w[i] += delta;
    u[i] += c * delta;
  }
  double Averaged(size_t i, int64_t c) const {
    return w[i] - static_cast<double>(u[i]) / static_cast<double>(c);
  }
};

// Trains one weight table on `docs`. `prior` (per document, per sentence)
// holds stage-1 BILOU tags when training stage 2, else null. `evaluate` runs
// after each epoch when logging.
Status TrainTable(const std::vector<ConllDocument>& docs,
                  const std::vector<std::vector<std::vector<int>>>* prior,
                  const TrainOptions& options, const Model& resources, std::ostream* log,
                  const std::function<void(const WeightTable&)>& evaluate, WeightTable* out) {
  // Pass 1: feature keys and their counts.
  std::vector<uint64_t> keys_of_id;
  std::unordered_map<uint64_t, uint32_t> id_of_key;
  std::vector<uint32_t> counts;
  std::vector<Instance> data;
  FeatureList fl;
  std::vector<uint32_t> fl_aggregate;
  auto add_keys = [&](const FeatureList& f, size_t t, Instance* inst) {
    for (uint32_t k = f.offsets[t]; k < f.offsets[t + 1]; ++k) {
      auto [it, fresh] = id_of_key.try_emplace(f.keys[k], static_cast<uint32_t>(keys_of_id.size()));
      if (fresh) {
        keys_of_id.push_back(f.keys[k]);
        counts.push_back(0);
      }
      ++counts[it->second];
      inst->ids.push_back(it->second);
    }
  };
  for (size_t d = 0; d < docs.size(); ++d) {
    auto views = Views(docs[d]);
    DocStats stats = ComputeDocStats(views);
    std::vector<FeatureList> nonlocal;
    if (prior != nullptr) nonlocal = NonLocalFeatures(views, (*prior)[d]);
    for (size_t s = 0; s < views.size(); ++s) {
      ExtractFeatures(resources, views[s], stats, &fl, &fl_aggregate);
      Instance inst;
      inst.gold = ToBilou(docs[d].sentences[s].labels);
      inst.offsets.push_back(0);
      for (size_t t = 0; t < fl.size(); ++t) {
        const size_t base = inst.ids.size();
        add_keys(fl, t, &inst);
        inst.aggregate_begin.push_back(static_cast<uint32_t>(base + fl_aggregate[t] - fl.offsets[t]));
        inst.aggregate_end.push_back(static_cast<uint32_t>(inst.ids.size()));
        if (prior != nullptr) add_keys(nonlocal[s], t, &inst);
        inst.offsets.push_back(static_cast<uint32_t>(inst.ids.size()));
      }
      data.push_back(std::move(inst));
    }
  }
  // Drop rare features by remapping ids (dropped ids become UINT32_MAX).
  std::vector<uint32_t> remap(keys_of_id.size(), UINT32_MAX);
  std::vector<uint64_t> kept_keys;
  for (size_t i = 0; i < keys_of_id.size(); ++i) {
    if (counts[i] >= static_cast<uint32_t>(options.min_feature_count)) {
      remap[i] = static_cast<uint32_t>(kept_keys.size());
      kept_keys.push_back(keys_of_id[i]);
    }
  }
  for (Instance& inst : data) {
    for (uint32_t& id : inst.ids) id = remap[id];
  }
  if (log) {
    *log << "features: " << keys_of_id.size() << " distinct, " << kept_keys.size()
         << " kept (count >= " << options.min_feature_count << "); sentences " << data.size()
         << "\n";
  }

  Weights wf, wt;
  wf.Resize(kept_keys.size() * kNumTags);
  wt.Resize(out->transitions.size());
  int64_t c = 1;
  std::vector<size_t> order(data.size());
  std::iota(order.begin(), order.end(), 0);
  SplitMix rng{options.seed};
  SplitMix drop_rng{options.seed ^ 0x64726f70ULL};  // its own stream: the shuffle stays the same
  const bool dropout = options.aggregate_dropout > 0.0;
  std::vector<char> drop;
  std::vector<float> em, trans(out->transitions.size());
  std::vector<int> pred;
  // Calls f(id) for every kept feature id of token t of `inst`.
  auto for_each_id = [&](const Instance& inst, size_t t, auto f) {
    for (uint32_t k = inst.offsets[t]; k < inst.offsets[t + 1]; ++k) {
      if (drop[t] && k == inst.aggregate_begin[t]) k = inst.aggregate_end[t];
      if (k >= inst.offsets[t + 1]) break;
      if (inst.ids[k] != UINT32_MAX) f(inst.ids[k]);
    }
  };

  auto export_table = [&] {
    out->keys.clear();
    out->weights.clear();
    std::vector<size_t> rows(kept_keys.size());
    std::iota(rows.begin(), rows.end(), 0);
    std::sort(rows.begin(), rows.end(), [&](size_t a, size_t b) { return kept_keys[a] < kept_keys[b]; });
    for (size_t r : rows) {
      float row[kNumTags];
      float mx = 0;
      for (int y = 0; y < kNumTags; ++y) {
        row[y] = static_cast<float>(wf.Averaged(r * kNumTags + y, c));
        mx = std::max(mx, std::fabs(row[y]));
      }
      if (mx <= options.prune_below || mx == 0) continue;
      out->keys.push_back(kept_keys[r]);
      out->weights.insert(out->weights.end(), row, row + kNumTags);
    }
    for (size_t i = 0; i < out->transitions.size(); ++i) {
      out->transitions[i] = static_cast<float>(wt.Averaged(i, c));
    }
  };

  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Next() % i]);
    long mistakes = 0;
    for (size_t idx : order) {
      const Instance& inst = data[idx];
      const size_t n = inst.gold.size();
      drop.assign(n, 0);
      if (dropout) {
        for (size_t t = 0; t < n; ++t) {
          if (inst.aggregate_end[t] == inst.aggregate_begin[t]) continue;
          drop[t] = static_cast<double>(drop_rng.Next() >> 11) * 0x1.0p-53 < options.aggregate_dropout;
        }
      }
      em.assign(n * kNumTags, 0.0f);
      for (size_t t = 0; t < n; ++t) {
        float* s = &em[t * kNumTags];
        for_each_id(inst, t, [&](uint32_t id) {
          const int32_t* w = &wf.w[static_cast<size_t>(id) * kNumTags];
          for (int y = 0; y < kNumTags; ++y) s[y] += static_cast<float>(w[y]);
        });
      }
      for (size_t i = 0; i < trans.size(); ++i) trans[i] = static_cast<float>(wt.w[i]);
      Viterbi(em.data(), n, trans.data(), &pred);
      if (pred != inst.gold) {
        ++mistakes;
        int gp = -1, pp = -1;
        for (size_t t = 0; t < n; ++t) {
          int g = inst.gold[t], p = pred[t];
          if (g != p) {
            for_each_id(inst, t, [&](uint32_t id) {
              wf.Add(static_cast<size_t>(id) * kNumTags + g, 1, c);
              wf.Add(static_cast<size_t>(id) * kNumTags + p, -1, c);
            });
          }
          if (g != p || gp != pp) {
            wt.Add(static_cast<size_t>(gp + 1) * kNumTags + g, 1, c);
            wt.Add(static_cast<size_t>(pp + 1) * kNumTags + p, -1, c);
          }
          gp = g;
          pp = p;
        }
      }
      ++c;
    }
    if (log) {
      *log << "epoch " << epoch << ": " << mistakes << " sentences with mistakes";
      if (evaluate) {
        export_table();
        evaluate(*out);
      }
      *log << "\n" << std::flush;
    }
  }
  export_table();
  return Status::Ok();
}

// The mean of several tables' weights (a key missing from a table counts 0).
WeightTable MeanTable(const std::vector<WeightTable>& tables) {
  WeightTable out;
  std::vector<uint64_t> keys;
  for (const WeightTable& t : tables) keys.insert(keys.end(), t.keys.begin(), t.keys.end());
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  out.keys = keys;
  out.weights.assign(keys.size() * kNumTags, 0.0f);
  const float inv = 1.0f / static_cast<float>(tables.size());
  for (const WeightTable& t : tables) {
    size_t j = 0;
    for (size_t r = 0; r < t.keys.size(); ++r) {
      while (keys[j] != t.keys[r]) ++j;  // both sorted, t.keys a subset
      for (int y = 0; y < kNumTags; ++y) {
        out.weights[j * kNumTags + y] += t.weights[r * kNumTags + y] * inv;
      }
    }
    for (size_t i = 0; i < out.transitions.size(); ++i) out.transitions[i] += t.transitions[i] * inv;
  }
  return out;
}

// TrainTable `options.runs` times with consecutive seeds, weights averaged.
Status TrainTableRuns(const std::vector<ConllDocument>& docs,
                      const std::vector<std::vector<std::vector<int>>>* prior,
                      const TrainOptions& options, const Model& resources, std::ostream* log,
                      const std::function<void(const WeightTable&)>& evaluate, WeightTable* out) {
  if (options.runs <= 1) return TrainTable(docs, prior, options, resources, log, evaluate, out);
  std::vector<WeightTable> tables(static_cast<size_t>(options.runs));
  for (int r = 0; r < options.runs; ++r) {
    TrainOptions o = options;
    o.seed = options.seed + static_cast<uint64_t>(r);
    PARALLAX_RETURN_IF_ERROR(TrainTable(docs, prior, o, resources, r == 0 ? log : nullptr,
                                        r == 0 ? evaluate : nullptr, &tables[r]));
    if (log) *log << "run " << r + 1 << "/" << options.runs << " done\n" << std::flush;
  }
  *out = MeanTable(tables);
  if (log) {
    *log << "mean of " << options.runs << " runs";
    if (evaluate) evaluate(*out);
    *log << "\n";
  }
  return Status::Ok();
}

}  // namespace

Status TrainPerceptron(const std::vector<ConllDocument>& original, const TrainOptions& options,
                       const std::vector<ConllDocument>* dev, std::ostream* log, Model* model) {
  if (original.empty()) return InvalidArgument("no training documents");
  // group[d]: the original document that train[d] comes from (its fold).
  std::vector<ConllDocument> copies;
  std::vector<size_t> group(original.size());
  std::iota(group.begin(), group.end(), 0);
  if (options.sentence_copies) {
    copies = original;
    for (size_t d = 0; d < original.size(); ++d) {
      for (const ConllSentence& s : original[d].sentences) {
        copies.push_back(ConllDocument{{s}});
        group.push_back(d);
      }
    }
  }
  const std::vector<ConllDocument>& train = options.sentence_copies ? copies : original;
  auto dev_eval = [&](const Model& m) {
    if (dev == nullptr || log == nullptr) return;
    ConllScore score = EvaluateModel(m, *dev);
    *log << "; dev F1 " << score.overall.F1() << " (P " << score.overall.Precision() << " R "
         << score.overall.Recall() << ")";
  };
  model->stage1 = WeightTable{};
  model->stage2 = WeightTable{};
  if (log) *log << "stage 1\n";
  PARALLAX_RETURN_IF_ERROR(TrainTableRuns(
      train, nullptr, options, *model, log,
      [&](const WeightTable& t) {
        Model m = *model;
        m.stage1 = t;
        m.FinalizeWeights();
        dev_eval(m);
      },
      &model->stage1));
  model->FinalizeWeights();
  if (options.folds < 2 || original.size() < static_cast<size_t>(options.folds)) return Status::Ok();

  // Stage-1 labels for every training document from a model that did not
  // see it (k-fold cross-validation), so stage 2 learns how far to trust
  // stage 1 on unseen text.
  std::vector<std::vector<std::vector<int>>> prior(train.size());
  for (int fold = 0; fold < options.folds; ++fold) {
    std::vector<ConllDocument> part;
    for (size_t d = 0; d < train.size(); ++d) {
      if (static_cast<int>(group[d] % options.folds) != fold) part.push_back(train[d]);
    }
    Model m = *model;
    m.stage1 = WeightTable{};
    PARALLAX_RETURN_IF_ERROR(TrainTable(part, nullptr, options, m, nullptr, {}, &m.stage1));
    m.FinalizeWeights();
    for (size_t d = 0; d < train.size(); ++d) {
      if (static_cast<int>(group[d] % options.folds) == fold) prior[d] = TagDocumentTags(m, Views(train[d]));
    }
    if (log) *log << "fold " << fold + 1 << "/" << options.folds << " tagged\n" << std::flush;
  }
  if (log) *log << "stage 2\n";
  WeightTable stage2;
  PARALLAX_RETURN_IF_ERROR(TrainTableRuns(
      train, &prior, options, *model, log,
      [&](const WeightTable& t) {
        Model m = *model;
        m.stage2 = t;
        m.FinalizeWeights();
        dev_eval(m);
      },
      &stage2));
  model->stage2 = std::move(stage2);
  model->FinalizeWeights();
  return Status::Ok();
}

ConllScore EvaluateModel(const Model& model, const std::vector<ConllDocument>& docs) {
  ConllScore score;
  for (const ConllDocument& doc : docs) {
    auto labels = TagDocumentLabels(model, Views(doc));
    for (size_t s = 0; s < doc.sentences.size(); ++s) score.Add(doc.sentences[s].labels, labels[s]);
  }
  return score;
}

}  // namespace parallax::ner
