// serve_bench_db: writes a large store for the server's latency figures
// (src/server/RESULTS.md): the synthetic ECB+ news stream of eval/cluster,
// stories taken from the stream's gold instances (so the store's shape is
// known without running the clusterer), outlets assigned round-robin, and
// lists of story ids and search words for the load tool.
//
//   serve_bench_db --db big.db --articles 100000 --ids story_ids.txt
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <unordered_map>

#include "parallax/store.h"
#include "stream.h"

int main(int argc, char** argv) {
  CLI::App app{"Write a large Parallax store from the synthetic ECB+ stream"};
  std::string data = std::string(PARALLAX_SHARED_DATA) + "/clustering/ecbplus-dev/ecbplus_docs.jsonl";
  std::string db, ids_path;
  parallax::eval::StreamOptions so;
  so.articles = 100000;
  so.days = 50;
  app.add_option("--data", data, "ecbplus_docs.jsonl");
  app.add_option("--db", db, "store to create")->required();
  app.add_option("--articles", so.articles);
  app.add_option("--days", so.days);
  app.add_option("--ids", ids_path, "write the story ids here, one a line");
  CLI11_PARSE(app, argc, argv);

  auto docs = parallax::eval::LoadEcb(data);
  if (!docs.ok()) {
    std::fprintf(stderr, "serve_bench_db: %s\n", docs.status().message().c_str());
    return 1;
  }
  auto store = parallax::Store::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "serve_bench_db: %s\n", store.status().message().c_str());
    return 1;
  }
  parallax::eval::StreamGenerator gen(*docs, so);
  parallax::eval::StreamItem item;
  std::vector<parallax::Article> batch;
  std::vector<std::string> gold;
  std::unordered_map<std::string, std::string> story_of_gold;  // gold -> story id
  std::vector<std::string> story_ids;
  size_t n = 0;
  auto flush = [&]() -> bool {
    auto put = (*store)->PutArticles(batch);
    if (!put.ok()) return false;
    parallax::Status st = (*store)->WithTransaction([&]() -> parallax::Status {
      for (size_t i = 0; i < batch.size(); ++i) {
        if ((*put)[i].outcome == parallax::PutOutcome::kRejected) continue;
        auto [it, fresh] = story_of_gold.try_emplace(gold[i], "s-" + batch[i].id);
        if (fresh) {
          parallax::StoryRecord rec;
          rec.id = it->second;
          rec.title = batch[i].title;
          PARALLAX_RETURN_IF_ERROR((*store)->PutStory(rec));
          story_ids.push_back(rec.id);
        }
        PARALLAX_RETURN_IF_ERROR((*store)->AssignArticleToStory((*put)[i].id, it->second));
      }
      return parallax::Status::Ok();
    });
    batch.clear();
    gold.clear();
    return st.ok();
  };
  while (gen.Next(&item)) {
    item.article.outlet = "Outlet " + std::to_string(1 + (n++ * 7919) % 24);
    batch.push_back(std::move(item.article));
    gold.push_back(item.gold);
    if (batch.size() == 1000 && !flush()) {
      std::fprintf(stderr, "serve_bench_db: write failed\n");
      return 1;
    }
  }
  if (!batch.empty() && !flush()) return 1;
  if (!ids_path.empty()) {
    std::ofstream out(ids_path);
    for (const std::string& id : story_ids) out << id << "\n";
  }
  std::printf("serve_bench_db: %zu articles, %zu stories in %s\n", n, story_ids.size(), db.c_str());
  return 0;
}
