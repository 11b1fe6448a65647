// eval_cluster: story clustering on ECB+ (ecbplus-dev) against event_cluster.
//
//   build/eval/cluster/eval_cluster                 # defaults, all splits, seed check
//   eval_cluster --shuffles 10 --batch 50           # stability over arrival orders
//   eval_cluster --tune                             # grid search on topics 1-20
//   eval_cluster --join 0.25 --entity-weight 0.4    # parameter overrides
//   eval_cluster --entities ner                     # tagger mentions instead of capitalised spans
//
// Splits: "tune" = topics 1-20 (used to choose the defaults), "test" =
// topics 21-35 (held out), "all" = every topic. Figures are B-cubed and
// pairwise precision/recall/F1 over the ECB+ documents only.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <unordered_map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ecb.h"
#include "parallax/entities.h"

namespace {

using parallax::eval::RunOptions;
using parallax::eval::RunResult;

struct Split {
  const char* name;
  int min, max;
};
constexpr Split kSplits[] = {{"tune 1-20", 1, 20}, {"test 21-35", 21, 35}, {"all", 1, 1000}};

void Print(const char* split, const RunResult& r, double secs) {
  std::printf("%-11s docs %4zu stories %4zu (gold %3zu)  B3 P %.3f R %.3f F1 %.3f  "
              "pair P %.3f R %.3f F1 %.3f  %.2fs\n",
              split, r.docs, r.stories, r.gold_stories, r.bcubed.precision, r.bcubed.recall,
              r.bcubed.f1, r.pairwise.precision, r.pairwise.recall, r.pairwise.f1, secs);
}

RunResult Timed(const std::vector<parallax::eval::EcbDoc>& docs,
                const std::vector<parallax::Article>& seeds, const RunOptions& o, double* secs) {
  auto t0 = std::chrono::steady_clock::now();
  RunResult r = parallax::eval::RunEcb(docs, seeds, o);
  *secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

void Tune(const std::vector<parallax::eval::EcbDoc>& docs, RunOptions base) {
  // Grid over the three parameters ECB+ can inform (it has no dates or
  // titles); scored by B-cubed F1 on topics 1-20, averaged over the file
  // order and two shuffles so the choice is not an artefact of one order.
  struct Row {
    double f1, join, ew, merge, split;
  };
  std::vector<Row> rows;
  base.topic_min = 1;
  base.topic_max = 20;
  for (double join : {0.15, 0.20, 0.25}) {
    for (double ew : {0.30, 0.45}) {
      for (double merge : {0.5, 0.6, 2.0}) {
        for (double split : {0.0, 0.3, 0.4}) {
          RunOptions o = base;
          o.cluster.join_threshold = join;
          o.cluster.entity_weight = ew;
          o.cluster.merge_threshold = merge;
          o.cluster.split_threshold = split;
          double f1 = 0;
          for (uint64_t seed : {0, 11, 12}) {
            o.shuffle_seed = seed;
            f1 += parallax::eval::RunEcb(docs, {}, o).bcubed.f1 / 3;
          }
          rows.push_back({f1, join, ew, merge, split});
        }
      }
    }
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.f1 > b.f1; });
  std::printf("top settings on tune (topics 1-20), mean B3 F1 over 3 orders:\n");
  for (size_t i = 0; i < std::min<size_t>(15, rows.size()); ++i) {
    std::printf("  F1 %.4f  join %.3f entity_weight %.2f merge %.2f split %.2f\n", rows[i].f1,
                rows[i].join, rows[i].ew, rows[i].merge, rows[i].split);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Story clustering evaluation on ECB+ (B-cubed and pairwise P/R/F1)"};
  std::string data = std::string(PARALLAX_SHARED_DATA) + "/clustering/ecbplus-dev/ecbplus_docs.jsonl";
  std::string seeds_dir = std::filesystem::exists("/work/shared/seeds")
                              ? "/work/shared/seeds"
                              : std::string(PARALLAX_SOURCE_DIR) + "/examples";
  bool no_seeds = false, tune = false;
  int shuffles = 0;
  std::string dump;
  RunOptions o;
  app.add_option("--data", data, "ecbplus_docs.jsonl");
  app.add_option("--seeds", seeds_dir, "folder of seed articles mixed in for the one-story check");
  app.add_flag("--no-seeds", no_seeds, "skip the seed check");
  app.add_option("--shuffles", shuffles, "also run N seeded shuffled arrival orders");
  app.add_option("--batch", o.batch, "online clusterer, N articles per batch (0: batch API)");
  app.add_option("--dump", dump, "write doc_id<TAB>story per ECB+ doc (split: all)");
  app.add_flag("--tune", tune, "grid search on topics 1-20");
  app.add_option("--join", o.cluster.join_threshold);
  app.add_option("--entity-weight", o.cluster.entity_weight);
  app.add_option("--title-weight", o.cluster.title_weight);
  app.add_option("--merge", o.cluster.merge_threshold);
  app.add_option("--idf-power", o.cluster.idf_power);
  app.add_option("--cohesion", o.cluster.cohesion_factor);
  app.add_option("--split", o.cluster.split_threshold);
  app.add_option("--refine", o.cluster.refine_threshold);
  app.add_flag("--refine-batches", o.refine_batches, "online: Refine() after each batch");
  app.add_option("--online-refine", o.cluster.online_refine_every,
                 "online second pass after every N arrivals (0: off)");
  app.add_option("--story-terms", o.cluster.story_terms);
  app.add_option("--index-terms", o.cluster.index_terms);
  app.add_option("--query-terms", o.cluster.query_terms);
  app.add_option("--max-candidates", o.cluster.max_candidates);
  std::string entity_source = "heuristic";
  app.add_option("--entities", entity_source,
                 "entity names for clustering: heuristic (capitalised spans, default), ner (tagger "
                 "mentions), resolved (tagger mentions grouped by the entities stage)")
      ->check(CLI::IsMember({"heuristic", "ner", "resolved"}));
  CLI11_PARSE(app, argc, argv);
  if (entity_source != "heuristic") {
    auto x = parallax::entities::Extractor::LoadDefault();
    if (!x.ok()) {
      std::fprintf(stderr, "eval_cluster: %s\n", x.status().message().c_str());
      return 1;
    }
    auto names = parallax::entities::ClusterEntityNames(
        *x, entity_source == "ner" ? parallax::entities::ClusterNames::kMentions
                                   : parallax::entities::ClusterNames::kResolved);
    // Tagging dominates the run time; the same texts are clustered many
    // times here (splits, shuffles, the tuning grid), so remember them.
    auto cache = std::make_shared<std::unordered_map<std::string, std::vector<std::string>>>();
    o.cluster.entity_extractor = [names, cache](const parallax::Article& a) {
      std::string key = a.Text();
      auto it = cache->find(key);
      if (it == cache->end()) it = cache->emplace(std::move(key), names(a)).first;
      return it->second;
    };
  }

  auto docs = parallax::eval::LoadEcb(data);
  if (!docs.ok()) {
    std::fprintf(stderr, "eval_cluster: %s\n", docs.status().message().c_str());
    return 1;
  }
  if (tune) {
    Tune(*docs, o);
    return 0;
  }
  std::printf("params: join %.3f entity_weight %.2f title_weight %.2f merge %.2f batch %zu\n",
              o.cluster.join_threshold, o.cluster.entity_weight, o.cluster.title_weight,
              o.cluster.merge_threshold, o.batch);
  for (const Split& s : kSplits) {
    RunOptions so = o;
    so.topic_min = s.min;
    so.topic_max = s.max;
    double secs;
    RunResult r = Timed(*docs, {}, so, &secs);
    Print(s.name, r, secs);
    if (!dump.empty() && s.max == 1000) {
      std::ofstream out(dump);
      for (const auto& [doc, story] : r.assignments) out << doc << '\t' << story << '\n';
    }
    if (shuffles > 0) {
      double lo = 1, hi = 0, sum = 0;
      for (int k = 1; k <= shuffles; ++k) {
        so.shuffle_seed = static_cast<uint64_t>(k);
        double f1 = parallax::eval::RunEcb(*docs, {}, so).bcubed.f1;
        lo = std::min(lo, f1);
        hi = std::max(hi, f1);
        sum += f1;
      }
      std::printf("  %d shuffled orders: B3 F1 mean %.3f min %.3f max %.3f\n", shuffles,
                  sum / shuffles, lo, hi);
    }
  }
  if (!no_seeds) {
    auto seeds = parallax::eval::LoadSeedArticles(seeds_dir);
    if (!seeds.ok()) {
      std::fprintf(stderr, "eval_cluster: %s\n", seeds.status().message().c_str());
      return 1;
    }
    RunOptions so = o;
    double secs;
    RunResult r = Timed(*docs, *seeds, so, &secs);
    std::printf("seed check: %zu seeds mixed into %zu ECB+ docs: seeds in %zu story(ies); "
                "seed story size %zu -> %s\n",
                seeds->size(), r.docs, r.seed_stories, r.seed_story_size,
                r.seeds_alone ? "PASS (one story, alone)" : "FAIL");
    Print("all+seeds", r, secs);
    return r.seeds_alone ? 0 : 3;
  }
  return 0;
}
