// eval_content: scores main-content extraction (the whole ParseHtmlArticle
// path) on the public benchmarks in ../shared/data/extraction and measures
// its speed. A measurement, not a test: exits 0 whatever the scores, 2 on bad
// usage, 1 when the data cannot be read.
//
//   eval_content [--data DIR] [--set aeb|wcxb|trafilatura|all] [--dump DIR]
//                [--json] [--no-speed]
//
// Metrics (see ../shared/data/README.md):
//   aeb, wcxb: token 4-gram multiset P/R per page, averaged; F1 of the
//     averages (article-extraction-benchmark). wcxb also: WCXB's own
//     lowercased word F1 (mean of per-page F1) and its with/without snippets.
//   trafilatura: snippet TP/FP/FN micro-summed, F1 = 2TP/(2TP+FP+FN).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "datasets.h"
#include "ingest/html/content/content.h"
#include "ingest/html/dom.h"
#include "metrics.h"
#include "parallax/ingest.h"

#ifndef PARALLAX_SHARED_DATA
#define PARALLAX_SHARED_DATA "../shared/data"
#endif

namespace parallax::eval {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Options {
  std::string data = PARALLAX_SHARED_DATA;
  std::string set = "all";
  std::string dump;
  bool json_out = false;
  bool speed = true;
};

struct PageScore {
  std::string id;
  double p = 0, r = 0;          // shingle P/R (gold sets)
  double wf1 = 0;               // WCXB word F1
  int tp = 0, fp = 0, fn = 0;   // snippets
  size_t chars = 0;
};

struct SetResult {
  std::string name;
  size_t pages = 0;
  bool has_gold = false;
  double p = 0, r = 0, f1 = 0;  // averaged shingle metric
  double word_f1 = 0;           // mean per-page word F1
  int tp = 0, fp = 0, fn = 0;
  double snippet_f1 = 0;
  bool has_snippets = false;
  int failures = 0;             // ParseHtmlArticle returned an error
};

std::string Extract(const Page& page, bool* failed) {
  DocContext ctx;
  ctx.url = page.url;
  ctx.source = page.id;
  auto a = ParseHtmlArticle(page.html, ctx);
  if (!a.ok()) {
    *failed = true;
    return {};
  }
  return a->Text();
}

void WriteFile(const fs::path& path, std::string_view s) {
  std::ofstream f(path, std::ios::binary);
  f.write(s.data(), static_cast<std::streamsize>(s.size()));
}

SetResult Score(const std::string& name, const std::vector<Page>& pages, const Options& opt) {
  SetResult res;
  res.name = name;
  res.pages = pages.size();
  std::vector<PageScore> scores;
  fs::path dump_dir;
  if (!opt.dump.empty()) {
    dump_dir = fs::path(opt.dump) / name;
    fs::create_directories(dump_dir);
  }
  for (const Page& page : pages) {
    bool failed = false;
    std::string text = Extract(page, &failed);
    if (failed) ++res.failures;
    PageScore s;
    s.id = page.id;
    s.chars = text.size();
    if (!page.gold.empty()) {
      res.has_gold = true;
      Counts c = ShingleCounts(text, page.gold);
      s.p = Precision(c);
      s.r = Recall(c);
      Counts w = WordCounts(text, page.gold);
      s.wf1 = F1(Precision(w), Recall(w));
    }
    if (!page.with.empty() || !page.without.empty()) {
      res.has_snippets = true;
      std::string norm = CollapseSpace(text);
      for (const auto& w : page.with) {
        if (norm.find(CollapseSpace(w)) != std::string::npos) ++s.tp; else ++s.fn;
      }
      for (const auto& w : page.without) {
        if (norm.find(CollapseSpace(w)) != std::string::npos) ++s.fp;
      }
    }
    res.p += s.p;
    res.r += s.r;
    res.word_f1 += s.wf1;
    res.tp += s.tp;
    res.fp += s.fp;
    res.fn += s.fn;
    if (!dump_dir.empty()) {
      std::string stem = fs::path(page.id).stem().string();
      WriteFile(dump_dir / (stem + ".out.txt"), text);
      if (!page.gold.empty()) WriteFile(dump_dir / (stem + ".gold.txt"), page.gold);
    }
    scores.push_back(std::move(s));
  }
  if (!pages.empty()) {
    res.p /= static_cast<double>(pages.size());
    res.r /= static_cast<double>(pages.size());
    res.word_f1 /= static_cast<double>(pages.size());
  }
  res.f1 = F1(res.p, res.r);
  int denom = 2 * res.tp + res.fp + res.fn;
  res.snippet_f1 = denom > 0 ? 2.0 * res.tp / denom : 0;
  if (!dump_dir.empty()) {
    std::sort(scores.begin(), scores.end(), [](const PageScore& a, const PageScore& b) {
      return F1(a.p, a.r) - a.fn - a.fp < F1(b.p, b.r) - b.fn - b.fp;
    });
    std::ofstream f(dump_dir / "scores.tsv");
    f << "id\tf1\tp\tr\tword_f1\tsnip_tp\tsnip_fp\tsnip_fn\tchars\n";
    for (const auto& s : scores) {
      f << s.id << '\t' << F1(s.p, s.r) << '\t' << s.p << '\t' << s.r << '\t' << s.wf1 << '\t'
        << s.tp << '\t' << s.fp << '\t' << s.fn << '\t' << s.chars << '\n';
    }
  }
  return res;
}

struct Speed {
  double full = 0, parse = 0, extract = 0;  // pages per second
  double mb_per_s = 0;                      // raw HTML MB/s of the full path
};

// CPU time of this thread: on a shared machine, wall time mostly measures
// the other processes.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

template <typename F>
double PagesPerSecond(size_t n, F&& body) {
  using Clock = std::chrono::steady_clock;
  // At least 3 rounds and 2 seconds; report the best round.
  double best = 0;
  auto start = Clock::now();
  for (int round = 0; round < 3 || Clock::now() - start < std::chrono::seconds(2); ++round) {
    double t0 = ThreadCpuSeconds();
    body();
    double secs = ThreadCpuSeconds() - t0;
    if (secs > 0) best = std::max(best, static_cast<double>(n) / secs);
    if (round > 50) break;
  }
  return best;
}

Speed MeasureSpeed(const std::vector<Page>& pages) {
  Speed s;
  size_t bytes = 0;
  for (const auto& p : pages) bytes += p.html.size();
  size_t sink = 0;
  s.full = PagesPerSecond(pages.size(), [&] {
    for (const Page& p : pages) {
      DocContext ctx;
      ctx.url = p.url;
      auto a = ParseHtmlArticle(p.html, ctx);
      if (a.ok()) sink += a->blocks.size();
    }
  });
  s.mb_per_s = s.full * (static_cast<double>(bytes) / pages.size()) / 1e6;
  s.parse = PagesPerSecond(pages.size(), [&] {
    for (const Page& p : pages) sink += html::HtmlDocument::Parse(p.html).size();
  });
  std::vector<html::HtmlDocument> docs;
  docs.reserve(pages.size());
  for (const Page& p : pages) docs.push_back(html::HtmlDocument::Parse(p.html));
  s.extract = PagesPerSecond(pages.size(), [&] {
    for (size_t i = 0; i < docs.size(); ++i) {
      sink += html::ExtractMainContent(docs[i], {"", pages[i].url}).size();
    }
  });
  if (sink == 0) std::fprintf(stderr, "warning: speed run produced no output\n");
  return s;
}

int Usage(const char* msg) {
  std::fprintf(stderr,
               "eval_content: %s\nusage: eval_content [--data DIR] "
               "[--set aeb|wcxb|trafilatura|all] [--dump DIR] [--json] [--no-speed]\n",
               msg);
  return 2;
}

int Main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    if (a == "--data") {
      if (!value(&opt.data)) return Usage("--data needs a directory");
    } else if (a == "--set") {
      if (!value(&opt.set)) return Usage("--set needs a value");
      if (opt.set != "aeb" && opt.set != "wcxb" && opt.set != "trafilatura" && opt.set != "all") {
        return Usage(("unknown set '" + opt.set + "'").c_str());
      }
    } else if (a == "--dump") {
      if (!value(&opt.dump)) return Usage("--dump needs a directory");
    } else if (a == "--json") {
      opt.json_out = true;
    } else if (a == "--no-speed") {
      opt.speed = false;
    } else if (a == "--help" || a == "-h") {
      Usage("help");
      return 0;
    } else {
      return Usage(("unknown argument '" + a + "'").c_str());
    }
  }
  std::string root = opt.data + "/extraction";
  if (!fs::is_directory(root)) {
    std::fprintf(stderr, "eval_content: %s: no such directory (use --data)\n", root.c_str());
    return 1;
  }
  std::vector<SetResult> results;
  Speed speed;
  bool have_speed = false;
  auto run = [&](const std::string& name, Result<std::vector<Page>> (*load)(const std::string&)) {
    auto pages = load(root);
    if (!pages.ok()) {
      std::fprintf(stderr, "eval_content: %s: %s\n", name.c_str(),
                   pages.status().message().c_str());
      return false;
    }
    results.push_back(Score(name, *pages, opt));
    if (name == "aeb" && opt.speed) {
      speed = MeasureSpeed(*pages);
      have_speed = true;
    }
    return true;
  };
  bool ok = true;
  if (opt.set == "aeb" || opt.set == "all") ok &= run("aeb", LoadAeb);
  if (opt.set == "wcxb" || opt.set == "all") ok &= run("wcxb", LoadWcxb);
  if (opt.set == "trafilatura" || opt.set == "all") ok &= run("trafilatura", LoadTrafilaturaEval);

  if (opt.json_out) {
    json out = json::object();
    for (const auto& r : results) {
      json j = {{"pages", r.pages}, {"failures", r.failures}};
      if (r.has_gold) {
        j["precision"] = r.p;
        j["recall"] = r.r;
        j["f1"] = r.f1;
        j["word_f1"] = r.word_f1;
      }
      if (r.has_snippets) {
        j["snippets"] = {{"tp", r.tp}, {"fp", r.fp}, {"fn", r.fn}, {"f1", r.snippet_f1}};
      }
      out[r.name] = j;
    }
    if (have_speed) {
      out["speed"] = {{"pages", "aeb"}, {"parse_html_article_pages_per_s", speed.full},
                      {"dom_parse_pages_per_s", speed.parse},
                      {"extract_main_content_pages_per_s", speed.extract},
                      {"parse_html_article_mb_per_s", speed.mb_per_s}};
    }
    std::cout << out.dump(2) << "\n";
  } else {
    std::printf("%-12s %6s %7s %7s %7s %8s %9s %6s\n", "set", "pages", "P", "R", "F1",
                "wordF1", "snippetF1", "fail");
    for (const auto& r : results) {
      std::printf("%-12s %6zu", r.name.c_str(), r.pages);
      if (r.has_gold) {
        std::printf(" %7.4f %7.4f %7.4f %8.4f", r.p, r.r, r.f1, r.word_f1);
      } else {
        std::printf(" %7s %7s %7s %8s", "-", "-", "-", "-");
      }
      if (r.has_snippets) {
        std::printf(" %9.4f", r.snippet_f1);
      } else {
        std::printf(" %9s", "-");
      }
      std::printf(" %6d\n", r.failures);
      if (r.has_snippets) {
        std::printf("%-12s snippets: tp=%d fp=%d fn=%d\n", "", r.tp, r.fp, r.fn);
      }
    }
    if (have_speed) {
      std::printf(
          "speed (aeb, 1 thread, CPU time, best of >=3 rounds): ParseHtmlArticle %.0f pages/s (%.1f MB/s), "
          "DOM parse %.0f pages/s, ExtractMainContent %.0f pages/s\n",
          speed.full, speed.mb_per_s, speed.parse, speed.extract);
    }
  }
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace parallax::eval

int main(int argc, char** argv) { return parallax::eval::Main(argc, argv); }
