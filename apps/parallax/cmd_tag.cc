#include "cmd_tag.h"

#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "parallax/ner.h"

namespace parallax::cli {
namespace {

struct TagArgs {
  std::string format = "conll";
  std::string model;
};

// Documents are tagged as a whole (the model uses document-level casing
// evidence) but flushed every kMaxSentences sentences to bound memory.
constexpr size_t kMaxSentences = 2000;

void FlushDocument(const ner::Tagger& tagger, std::vector<std::vector<std::string>>* doc) {
  if (doc->empty()) return;
  std::vector<std::vector<std::string>> tags = tagger.TagDocument(*doc);
  std::string out;
  for (size_t s = 0; s < doc->size(); ++s) {
    for (size_t i = 0; i < (*doc)[s].size(); ++i) {
      out += (*doc)[s][i];
      out += '\t';
      out += tags[s][i];
      out += '\n';
    }
    out += '\n';
  }
  std::cout << out;
  doc->clear();
}

void TagConll(const ner::Tagger& tagger) {
  std::vector<std::vector<std::string>> doc;
  std::vector<std::string> sentence;
  auto end_sentence = [&] {
    if (sentence.empty()) return;
    doc.push_back(std::move(sentence));
    sentence.clear();
    if (doc.size() >= kMaxSentences) FlushDocument(tagger, &doc);
  };
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream fields(line);
    std::string token;
    if (!(fields >> token)) {
      end_sentence();
      continue;
    }
    if (token == "-DOCSTART-") {
      end_sentence();
      FlushDocument(tagger, &doc);
      std::cout << "-DOCSTART-\tO\n\n";
      continue;
    }
    sentence.push_back(std::move(token));
  }
  end_sentence();
  FlushDocument(tagger, &doc);
}

void TagText(const ner::Tagger& tagger) {
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  for (const ner::Mention& m : tagger.TagText(text)) {
    nlohmann::json j = {{"text", m.text}, {"start", m.begin}, {"end", m.end},
                        {"type", ner::EntityTypeName(m.type)}};
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
}

}  // namespace

void RegisterTag(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<TagArgs>();
  auto* cmd = app.add_subcommand("tag", "Named-entity tags (IOB2 PER/ORG/LOC/MISC) for tokens on stdin");
  cmd->add_option("--format", args->format,
                  "conll: one token per line in, token<TAB>tag out; text: raw text in, JSON "
                  "mentions out")
      ->check(CLI::IsMember({"conll", "text"}));
  cmd->add_option("--model", args->model, "model file (default: " + ner::DefaultModelPath() + ")");
  cmd->callback([args, exit_code] {
    std::string path = args->model.empty() ? ner::DefaultModelPath() : args->model;
    Result<ner::Tagger> tagger = ner::Tagger::Load(path);
    if (!tagger.ok()) {
      std::cerr << "parallax: " << tagger.status().message() << "\n";
      *exit_code = 1;
      return;
    }
    if (args->format == "text") {
      TagText(*tagger);
    } else {
      TagConll(*tagger);
    }
    *exit_code = 0;
  });
}

}  // namespace parallax::cli
