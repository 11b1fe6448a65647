// eval_summary: ROUGE-1/2 of Parallax's summariser against lead, LexRank and
// Debian's ots on the Multi-News sample, all in one run on the same input.
//
//   build/eval/summary/eval_summary [--data DIR] [--words 100] [--limit N]
//       [--systems parallax,parallax-cut,lead,lexrank,lexrank-whole,ots] [--json]
//
// Reports the dev part (clusters 1-125, used for tuning), the held-out part
// (126-250) and all 250, each with every system on the same input.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <unistd.h>
#include <nlohmann/json.hpp>
#include <numeric>

#include "baselines.h"
#include "plain_text.h"
#include "parallax/brief.h"
#include "parallax/text.h"
#include "rouge.h"

namespace {

using parallax::Article;

std::vector<Article> ToArticles(const nlohmann::json& docs) {
  std::vector<Article> out;
  for (size_t k = 0; k < docs.size(); ++k) {
    Article a = parallax::eval::PlainTextArticle("d" + std::to_string(k), "", docs[k].get<std::string>());
    if (!a.blocks.empty()) out.push_back(std::move(a));
  }
  return out;
}

// cut_last: the DUC convention the baselines follow (the last sentence may run
// past the budget; ROUGE -l cuts it). Without it, whole sentences within the
// budget, as `parallax brief` prints them.
std::string ParallaxSummary(const std::vector<Article>& docs, int words, bool cut_last) {
  parallax::StoryCluster story;
  story.id = "s";
  story.articles.resize(docs.size());
  std::iota(story.articles.begin(), story.articles.end(), 0);
  parallax::BriefOptions options;
  options.max_words = words;
  options.summary_cut_last = cut_last;
  std::string out;
  for (const auto& s : parallax::BuildBrief(docs, story, options).summary) {
    out += (out.empty() ? "" : " ") + s.text;
  }
  return out;
}


struct Acc {
  double r1 = 0, p1 = 0, f1 = 0, r2 = 0, p2 = 0, f2 = 0;  // ROUGE-1.5.5 -l (peer + refs cut)
  double r1_peer_cut = 0, r2_peer_cut = 0;                  // peer cut only
  double words = 0, seconds = 0;
  size_t n = 0;
  void Add(const Acc& o) {
    r1 += o.r1; p1 += o.p1; f1 += o.f1; r2 += o.r2; p2 += o.p2; f2 += o.f2;
    r1_peer_cut += o.r1_peer_cut; r2_peer_cut += o.r2_peer_cut;
    words += o.words; seconds += o.seconds; n += o.n;
  }
};

int CountWords(const std::string& s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\n' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = PARALLAX_SHARED_DATA;
  int words = 100;
  size_t limit = 0;
  bool json_out = false;
  std::string only;  // comma-separated system names; empty = all
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) {
      data = argv[++i];
    } else if (a == "--words" && i + 1 < argc) {
      words = std::atoi(argv[++i]);
    } else if (a == "--limit" && i + 1 < argc) {
      limit = static_cast<size_t>(std::atol(argv[++i]));
    } else if (a == "--systems" && i + 1 < argc) {
      only = "," + std::string(argv[++i]) + ",";
    } else if (a == "--json") {
      json_out = true;
    } else {
      std::cerr << "usage: eval_summary [--data DIR] [--words N] [--limit N] "
                   "[--systems parallax,parallax-cut,lead,lexrank,lexrank-whole,ots] [--json]\n";
      return 2;
    }
  }
  std::string file = data + "/summarization/multinews-sample/multinews_validation_sample250.jsonl";
  std::ifstream in(file);
  if (!in) {
    std::cerr << "eval_summary: " << file << ": cannot open (is ../shared/data present?)\n";
    return 2;
  }
  parallax::eval::Rouge rouge(data + "/summarization/rouge/wordnet2.0-exc");
  std::string tmp = std::filesystem::temp_directory_path() / ("parallax-eval-summary-" + std::to_string(getpid()));
  std::filesystem::create_directories(tmp);
  bool have_ots = std::system("command -v ots >/dev/null 2>&1") == 0;

  using Summarizer = std::function<std::string(const std::vector<Article>&)>;
  std::vector<std::pair<std::string, Summarizer>> systems = {
      {"parallax", [&](const auto& d) { return ParallaxSummary(d, words, false); }},
      {"parallax-cut", [&](const auto& d) { return ParallaxSummary(d, words, true); }},
      {"lead", [&](const auto& d) { return parallax::eval::LeadSummary(d, words); }},
      {"lexrank", [&](const auto& d) { return parallax::eval::LexRankSummary(d, words); }},
      {"lexrank-whole", [&](const auto& d) { return parallax::eval::LexRankSummary(d, words, true); }},
  };
  if (have_ots) systems.push_back({"ots", [&](const auto& d) { return parallax::eval::OtsSummary(d, words, tmp); }});
  if (!only.empty()) {
    std::erase_if(systems, [&](const auto& s) { return only.find("," + s.first + ",") == std::string::npos; });
  }

  // Split declared before tuning: clusters 1-125 of the file are the dev part
  // (the summariser's weights were tuned there only), 126-250 the held-out part.
  constexpr size_t kDevClusters = 125;
  std::map<std::string, Acc> dev, test;
  size_t clusters = 0;
  std::string line;
  while (std::getline(in, line) && (limit == 0 || clusters < limit)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    std::vector<Article> docs = ToArticles(j["documents"]);
    std::string ref = j["summary"].get<std::string>();
    if (ref.rfind("\xE2\x80\x93 ", 0) == 0) ref = ref.substr(4);  // leading "– "
    auto& part = clusters < kDevClusters ? dev : test;
    ++clusters;
    for (const auto& [name, fn] : systems) {
      auto t0 = std::chrono::steady_clock::now();
      std::string peer = fn(docs);
      Acc& a = part[name];
      a.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      auto s1 = rouge.Score(peer, {ref}, 1, words);
      auto s2 = rouge.Score(peer, {ref}, 2, words);
      a.r1 += s1.recall; a.p1 += s1.precision; a.f1 += s1.f1;
      a.r2 += s2.recall; a.p2 += s2.precision; a.f2 += s2.f1;
      a.r1_peer_cut += rouge.Score(peer, {ref}, 1, words, false).recall;
      a.r2_peer_cut += rouge.Score(peer, {ref}, 2, words, false).recall;
      a.words += CountWords(peer);
      ++a.n;
    }
  }
  std::filesystem::remove_all(tmp);
  nlohmann::json out;
  out["clusters"] = clusters;
  out["words"] = words;
  auto report = [&](const char* part_name, const std::map<std::string, Acc>& part) {
    if (part.empty()) return;
    size_t count = part.begin()->second.n;
    if (!json_out) {
      std::printf("\n[%s: %zu clusters] ROUGE-1.5.5 -n 2 -m -l %d (peer and reference cut at %d words), "
                  "per-cluster average x100; R1-R*/R2-R*: peer cut only\n",
                  part_name, count, words, words);
      std::printf("%-13s %7s %7s %7s   %7s %7s %7s   %7s %7s   %6s %9s\n", "system", "R1-R", "R1-P",
                  "R1-F", "R2-R", "R2-P", "R2-F", "R1-R*", "R2-R*", "words", "ms/story");
    }
    for (const auto& [name, fn] : systems) {
      auto it = part.find(name);
      if (it == part.end()) continue;
      const Acc& a = it->second;
      double n = double(std::max<size_t>(a.n, 1));
      if (json_out) {
        out[part_name][name] = {{"R1_recall", 100 * a.r1 / n}, {"R1_precision", 100 * a.p1 / n},
                                {"R1_f1", 100 * a.f1 / n}, {"R2_recall", 100 * a.r2 / n},
                                {"R2_precision", 100 * a.p2 / n}, {"R2_f1", 100 * a.f2 / n},
                                {"R1_recall_peer_cut_only", 100 * a.r1_peer_cut / n},
                                {"R2_recall_peer_cut_only", 100 * a.r2_peer_cut / n},
                                {"words", a.words / n}, {"ms_per_story", 1000 * a.seconds / n}};
      } else {
        std::printf("%-13s %7.2f %7.2f %7.2f   %7.2f %7.2f %7.2f   %7.2f %7.2f   %6.1f %9.2f\n",
                    name.c_str(), 100 * a.r1 / n, 100 * a.p1 / n, 100 * a.f1 / n, 100 * a.r2 / n,
                    100 * a.p2 / n, 100 * a.f2 / n, 100 * a.r1_peer_cut / n, 100 * a.r2_peer_cut / n,
                    a.words / n, 1000 * a.seconds / n);
      }
    }
  };
  std::map<std::string, Acc> all;
  for (const auto* part : {&dev, &test}) {
    for (const auto& [name, a] : *part) all[name].Add(a);
  }
  if (!json_out) {
    std::printf("Multi-News validation sample: %s\n", file.c_str());
  }
  report("dev (clusters 1-125, tuning)", dev);
  report("test (clusters 126-250, held out)", test);
  report("all", all);
  if (!have_ots && !json_out) std::printf("(ots not installed: apt-get install ots)\n");
  if (json_out) std::cout << out.dump(2) << "\n";
  return 0;
}
