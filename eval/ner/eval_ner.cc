// eval_ner: entity-level P/R/F1 (conlleval semantics) of the NER model on
// CoNLL-2003 dev, the CoNLL++ corrected test set and the small hand-annotated
// seed-article set in eval/ner/, plus load time and single-thread tagging
// speed over the test set. Prints Markdown tables.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "extract/ner/conll.h"
#include "extract/ner/model.h"
#include "parallax/ner.h"
#include "extract/ner/tag.h"

namespace ner = parallax::ner;

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of the calling thread: speed figures that other processes on a
// shared machine do not distort (wall-clock figures are printed too).
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

std::vector<std::vector<std::string_view>> Views(const ner::ConllDocument& doc) {
  std::vector<std::vector<std::string_view>> out;
  for (const auto& s : doc.sentences) out.emplace_back(s.tokens.begin(), s.tokens.end());
  return out;
}

ner::ConllScore Score(const ner::Model& model, const std::vector<ner::ConllDocument>& docs,
                      bool errors) {
  ner::ConllScore score;
  for (const auto& doc : docs) {
    auto labels = ner::TagDocumentLabels(model, Views(doc));
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      score.Add(doc.sentences[s].labels, labels[s]);
      if (errors && labels[s] != doc.sentences[s].labels) {
        const auto& sent = doc.sentences[s];
        for (size_t i = 0; i < sent.tokens.size(); ++i) {
          bool bad = labels[s][i] != sent.labels[i];
          std::printf("%s%s\t%s\t%s\n", bad ? "* " : "  ", sent.tokens[i].c_str(),
                      ner::LabelName(sent.labels[i]), ner::LabelName(labels[s][i]));
        }
        std::printf("\n");
      }
    }
  }
  return score;
}

void PrintScore(const std::string& name, const ner::ConllScore& s) {
  static const char* kTypes[] = {"PER", "ORG", "LOC", "MISC"};
  std::printf("\n### %s (%ld tokens, %ld gold entities)\n\n", name.c_str(), s.tokens, s.overall.gold);
  std::printf("| type | P | R | F1 | gold | predicted |\n|---|---|---|---|---|---|\n");
  for (int t = 0; t < 4; ++t) {
    const auto& c = s.per_type[t];
    std::printf("| %s | %.2f | %.2f | %.2f | %ld | %ld |\n", kTypes[t], c.Precision(), c.Recall(),
                c.F1(), c.gold, c.predicted);
  }
  std::printf("| **all** | %.2f | %.2f | **%.2f** | %ld | %ld |\n", s.overall.Precision(),
              s.overall.Recall(), s.overall.F1(), s.overall.gold, s.overall.predicted);
  std::printf("\ntoken accuracy %.2f%%\n", 100.0 * s.tokens_correct / std::max(1L, s.tokens));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Evaluate the Parallax NER model"};
  std::string model_path = ner::DefaultModelPath();
  std::string data = PARALLAX_SHARED_DATA;
  std::string seed_set = std::string(PARALLAX_SOURCE_DIR) + "/eval/ner/seed_sentences.conll";
  int repeat = 5;
  std::string errors_on;
  app.add_option("--model", model_path, "model file");
  app.add_option("--data", data, "the shared data folder (../shared/data)");
  app.add_option("--seed-set", seed_set, "hand-annotated sentences (CoNLL format)");
  app.add_option("--repeat", repeat, "speed runs over the test set");
  app.add_option("--errors", errors_on, "print mis-tagged sentences of: dev, test or seed")
      ->check(CLI::IsMember({"dev", "test", "seed"}));
  CLI11_PARSE(app, argc, argv);

  auto t0 = Clock::now();
  double cpu0 = ThreadCpuSeconds();
  auto loaded = ner::LoadModel(model_path);
  double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  double load_cpu_ms = 1000 * (ThreadCpuSeconds() - cpu0);
  if (!loaded.ok()) {
    std::cerr << "eval_ner: " << loaded.status().message() << "\n";
    return 1;
  }
  const ner::Model& model = *loaded;
  std::printf("model %s: %zu bytes, %zu weight rows, %zu clustered words, %zu gazetteer phrases; "
              "load %.1f ms wall, %.1f ms CPU\n",
              model_path.c_str(), static_cast<size_t>(std::filesystem::file_size(model_path)),
              model.stage1.keys.size() + model.stage2.keys.size(), model.cluster_keys.size(), model.gazetteer_keys.size(),
              load_ms, load_cpu_ms);

  const std::string conll = data + "/ie/conllpp";
  std::vector<ner::ConllDocument> test;
  for (const char* split : {"dev", "test"}) {
    std::string path = conll + "/conllpp_" + split + ".txt";
    if (!std::filesystem::exists(path)) {
      std::printf("\n%s: %s missing, skipped\n", split, path.c_str());
      continue;
    }
    auto docs = ner::ReadConll(path);
    if (!docs.ok()) {
      std::cerr << "eval_ner: " << docs.status().message() << "\n";
      return 1;
    }
    PrintScore(std::string("CoNLL-2003 ") + split + (split[0] == 't' ? " (CoNLL++ corrected)" : ""),
               Score(model, *docs, errors_on == split));
    if (split[0] == 't') test = std::move(docs).value();
  }
  if (std::filesystem::exists(seed_set)) {
    auto docs = ner::ReadConll(seed_set);
    if (!docs.ok()) {
      std::cerr << "eval_ner: " << docs.status().message() << "\n";
      return 1;
    }
    PrintScore("seed articles, hand-annotated (small)", Score(model, *docs, errors_on == "seed"));
  }

  if (!test.empty() && repeat > 0) {
    long tokens = 0;
    for (const auto& d : test) {
      for (const auto& s : d.sentences) tokens += static_cast<long>(s.tokens.size());
    }
    std::vector<std::vector<std::vector<std::string_view>>> views;
    for (const auto& d : test) views.push_back(Views(d));
    std::vector<double> rates, cpu_rates;
    size_t sink = 0;
    for (int r = 0; r < repeat; ++r) {
      double run_cpu0 = ThreadCpuSeconds();
      auto a = Clock::now();
      for (const auto& v : views) sink += ner::TagDocumentLabels(model, v).size();
      double sec = std::chrono::duration<double>(Clock::now() - a).count();
      rates.push_back(tokens / sec);
      cpu_rates.push_back(tokens / (ThreadCpuSeconds() - run_cpu0));
    }
    std::sort(rates.begin(), rates.end());
    std::sort(cpu_rates.begin(), cpu_rates.end());
    std::printf("\nspeed over the test set, %ld tokens, %d runs, one thread, load excluded: "
                "wall-clock median %.0f tokens/s (best %.0f); per CPU-second of the thread "
                "median %.0f tokens/s (best %.0f)%s\n",
                tokens, repeat, rates[rates.size() / 2], rates.back(),
                cpu_rates[cpu_rates.size() / 2], cpu_rates.back(), sink > 0 ? "" : " ?");
  }
  return 0;
}
