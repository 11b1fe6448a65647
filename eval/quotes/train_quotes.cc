// train_quotes: trains the quote extractor's cue detector and content-span
// model on PolNeAR train and writes models/quotes/quotes.model. The output
// is deterministic: the same data and options give the same bytes.
//
//   build/eval/quotes/train_quotes --out models/quotes/quotes.model
//   build/eval/quotes/train_quotes --limit 420 --out /tmp/half.model   (tuning)
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "parallax/ner.h"
#include "polnear.h"
#include "train.h"

namespace {

std::vector<parallax::quotes::internal::ByteSpan> ToBytes(const std::vector<size_t>& cps,
                                                          const std::vector<parallax::eval::CharSpan>& spans) {
  std::vector<parallax::quotes::internal::ByteSpan> out;
  for (const auto& s : spans) {
    if (s.begin < s.end && s.end < cps.size()) out.emplace_back(cps[s.begin], cps[s.end]);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train the quote cue and content-span model on PolNeAR train"};
  std::string root = std::string(PARALLAX_SHARED_DATA) + "/ie/polnear";
  std::string out_path = "models/quotes/quotes.model";
  std::string ner_model;
  size_t limit = 0, offset = 0;
  parallax::quotes::internal::TrainOptions options;
  app.add_option("--data", root, "PolNeAR folder");
  app.add_option("--out", out_path, "model file to write");
  app.add_option("--ner-model", ner_model, "NER model (default: the project's)");
  app.add_option("--offset", offset, "skip this many train articles");
  app.add_option("--limit", limit, "at most this many train articles (0 = all)");
  app.add_option("--cue-epochs", options.cue_epochs, "cue detector epochs");
  app.add_option("--span-epochs", options.span_epochs, "content-span model epochs");
  app.add_option("--threshold", options.cue_threshold, "cue score threshold");
  app.add_option("--min-count", options.min_count, "leave out features seen fewer times");
  bool no_shuffle = false;
  app.add_flag("--no-shuffle", no_shuffle, "visit examples in document order every epoch");
  app.add_option("--runs", options.runs, "training runs averaged (each in its own order)");
  app.add_option("--none-margin", options.none_margin, "span model negatives: this far below the threshold");
  CLI11_PARSE(app, argc, argv);
  options.shuffle = !no_shuffle;

  auto docs = parallax::eval::ReadPolnear(root, "train");
  if (!docs.ok()) {
    std::cerr << "train_quotes: " << docs.status().message() << "\n";
    return 1;
  }
  auto tagger = ner_model.empty() ? parallax::ner::Tagger::LoadDefault()
                                  : parallax::ner::Tagger::Load(ner_model);
  if (!tagger.ok()) {
    std::cerr << "train_quotes: " << tagger.status().message() << "\n";
    return 1;
  }
  std::vector<parallax::quotes::internal::TrainDoc> train;
  for (size_t i = offset; i < docs->size() && (limit == 0 || train.size() < limit); ++i) {
    const parallax::eval::GoldDoc& g = (*docs)[i];
    parallax::quotes::internal::TrainDoc td;
    td.text = g.text;
    td.mentions = tagger->TagText(td.text);
    std::vector<size_t> cps = parallax::eval::CodePointStarts(td.text);
    for (const auto& a : g.attributions) {
      td.attributions.push_back({ToBytes(cps, a.cue), ToBytes(cps, a.content)});
    }
    train.push_back(std::move(td));
  }
  std::string model = parallax::quotes::internal::TrainModel(train, options);
  std::ofstream out(out_path, std::ios::binary);
  out << model;
  if (!out) {
    std::cerr << "train_quotes: cannot write " << out_path << "\n";
    return 1;
  }
  std::fprintf(stderr, "train_quotes: %zu articles -> %s (%zu bytes)\n", train.size(),
               out_path.c_str(), model.size());
  return 0;
}
