#include "ecb.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parallax/ingest.h"

namespace parallax::eval {

Result<std::vector<EcbDoc>> LoadEcb(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  std::vector<EcbDoc> out;
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object() || !j.contains("doc_id") || !j.contains("text") ||
        !j.contains("event_cluster") || !j.contains("topic")) {
      return InvalidInput(path + ": line " + std::to_string(lineno) + ": not an ECB+ record");
    }
    EcbDoc d;
    d.doc_id = j["doc_id"].get<std::string>();
    d.topic = j["topic"].get<int>();
    d.event_cluster = j["event_cluster"].get<std::string>();
    d.text = j["text"].get<std::string>();
    out.push_back(std::move(d));
  }
  return out;
}

Article ToArticle(const EcbDoc& doc) {
  Article a;
  a.id = doc.doc_id;
  a.language = "en";
  std::istringstream lines(doc.text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty()) a.blocks.push_back({BlockKind::kParagraph, line});
  }
  return a;
}

Result<std::vector<Article>> LoadSeedArticles(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound(dir + ": not a directory");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Article> out;
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    DocContext ctx;
    ctx.source = p.string();
    ctx.default_id = p.stem().string();
    Result<Article> a = ParseTextArticle(ss.str(), ctx);
    if (!a.ok()) return Status(a.status().code(), p.string() + ": " + a.status().message());
    if (a->id.empty()) a->id = ctx.default_id;
    out.push_back(std::move(a).value());
  }
  return out;
}

std::vector<std::string> ClusterLabels(const std::vector<Article>& articles,
                                       const ClusterOptions& options, size_t batch,
                                       bool refine_batches) {
  std::vector<std::string> labels(articles.size());
  if (batch == 0) {
    for (const StoryCluster& s : ClusterArticles(articles, options)) {
      for (size_t i : s.articles) labels[i] = s.id;
    }
    return labels;
  }
  OnlineClusterer c(options);
  for (size_t b = 0; b < articles.size(); b += batch) {
    size_t e = std::min(articles.size(), b + batch);
    for (size_t i = b; i < e; ++i) c.ObserveDocumentFrequencies(articles[i]);
    for (size_t i = b; i < e; ++i) c.Add(articles[i]);
    if (refine_batches) c.Refine();
  }
  for (const StoryInfo& s : c.Stories()) {
    for (uint32_t seq : s.articles) labels[seq] = s.id;
  }
  return labels;
}

RunResult RunEcb(const std::vector<EcbDoc>& docs, const std::vector<Article>& seeds,
                 const RunOptions& options) {
  std::vector<const EcbDoc*> chosen;
  for (const EcbDoc& d : docs) {
    if (d.topic >= options.topic_min && d.topic <= options.topic_max) chosen.push_back(&d);
  }
  if (options.shuffle_seed != 0) {
    std::mt19937_64 rng(options.shuffle_seed);
    std::shuffle(chosen.begin(), chosen.end(), rng);
  }
  // Articles: ECB+ docs, with the seeds spread evenly through the stream.
  std::vector<Article> articles;
  std::vector<int> gold_index;  // index into chosen, or -1 for a seed
  const size_t step = seeds.empty() ? 0 : chosen.size() / (seeds.size() + 1);
  size_t next_seed = 0;
  for (size_t i = 0; i < chosen.size(); ++i) {
    if (next_seed < seeds.size() && i == step * (next_seed + 1)) {
      articles.push_back(seeds[next_seed++]);
      gold_index.push_back(-1);
    }
    articles.push_back(ToArticle(*chosen[i]));
    gold_index.push_back(static_cast<int>(i));
  }
  while (next_seed < seeds.size()) {
    articles.push_back(seeds[next_seed++]);
    gold_index.push_back(-1);
  }

  std::vector<std::string> labels = ClusterLabels(articles, options.cluster, options.batch,
                                                  options.refine_batches);
  RunResult r;
  std::vector<std::string> pred, gold;
  std::set<std::string> seed_labels, all_labels;
  for (size_t i = 0; i < articles.size(); ++i) {
    all_labels.insert(labels[i]);
    if (gold_index[i] < 0) {
      seed_labels.insert(labels[i]);
      continue;
    }
    pred.push_back(labels[i]);
    r.assignments.emplace_back(chosen[static_cast<size_t>(gold_index[i])]->doc_id, labels[i]);
    gold.push_back(chosen[static_cast<size_t>(gold_index[i])]->event_cluster);
  }
  r.bcubed = BCubed(pred, gold);
  r.pairwise = Pairwise(pred, gold);
  r.docs = pred.size();
  r.stories = std::set<std::string>(pred.begin(), pred.end()).size();
  r.gold_stories = std::set<std::string>(gold.begin(), gold.end()).size();
  if (!seeds.empty()) {
    r.seed_stories = seed_labels.size();
    r.seeds_together = seed_labels.size() == 1;
    const std::string& s = *seed_labels.begin();
    r.seed_story_size = static_cast<size_t>(std::count(labels.begin(), labels.end(), s));
    r.seeds_alone = r.seeds_together && r.seed_story_size == seeds.size();
  }
  return r;
}

}  // namespace parallax::eval
