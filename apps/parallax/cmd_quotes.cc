// `parallax quotes INPUT...`: direct and indirect quotes with their
// speakers, one JSON line per quote (CONTRACT.md).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "parallax/ner.h"
#include "parallax/quotes.h"

namespace parallax::cli {
namespace {

struct QuotesArgs {
  std::vector<std::string> inputs;
  std::string model;
  bool direct_only = false;
};

}  // namespace

void RegisterQuotes(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<QuotesArgs>();
  auto* cmd = app.add_subcommand("quotes", "Quotes and who said them, as JSON lines");
  cmd->add_option("--model", args->model, "NER model (default: " + ner::DefaultModelPath() + ")");
  cmd->add_flag("--direct-only", args->direct_only, "only quotes in quotation marks");
  cmd->add_option("inputs", args->inputs, "files, folders, or - for stdin")->required();
  cmd->callback([args, exit_code] {
    std::string path = args->model.empty() ? ner::DefaultModelPath() : args->model;
    quotes::Options options;
    options.indirect = !args->direct_only;
    Result<ner::Tagger> tagger = ner::Tagger::Load(path);
    if (!tagger.ok()) {
      // Still useful without the model: names then come from capitalisation.
      std::cerr << "parallax: " << tagger.status().message()
                << " (speakers found by capitalisation only)\n";
    }
    quotes::Extractor extractor =
        tagger.ok() ? quotes::Extractor(*tagger, options) : quotes::Extractor();
    bool failed = false;
    std::vector<Article> articles = ReadAll(args->inputs, ReadOptions{}, &failed);
    for (const Article& a : articles) {
      for (const quotes::Quote& q : extractor.Extract(a.Text())) {
        if (!options.indirect && q.kind != quotes::QuoteKind::kDirect) continue;
        nlohmann::json j = {{"article", a.id},
                            {"speaker", q.speaker},
                            {"text", q.text},
                            {"start", q.char_begin},
                            {"end", q.char_end},
                            {"kind", quotes::QuoteKindName(q.kind)},
                            {"cue", q.cue},
                            {"speaker_type", quotes::SpeakerTypeName(q.speaker_type)},
                            {"speaker_mention", q.speaker_mention}};
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      }
    }
    *exit_code = failed ? 1 : 0;
  });
}

}  // namespace parallax::cli
