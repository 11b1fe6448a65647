#include <iostream>
#include <memory>

#include "commands.h"
#include "parallax/render.h"

namespace parallax::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string url;
  std::string format = "jsonl";
};

void PrintText(const Article& a) {
  std::cout << "id: " << a.id << "\n";
  if (!a.title.empty()) std::cout << "title: " << a.title << "\n";
  if (!a.outlet.empty()) std::cout << "outlet: " << a.outlet << "\n";
  if (!a.author.empty()) std::cout << "author: " << a.author << "\n";
  if (!a.published.empty()) std::cout << "published: " << a.published << "\n";
  if (!a.url.empty()) std::cout << "url: " << a.url << "\n";
  std::cout << "\n" << a.Text() << "\n\n";
}

}  // namespace

void RegisterExtract(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  auto* cmd = app.add_subcommand("extract", "Extract clean articles (text and metadata) from inputs");
  cmd->add_option("--url", args->url, "URL of the input page (for a single HTML input)");
  cmd->add_option("--format", args->format, "json (one array), jsonl (one object per line), text")
      ->check(CLI::IsMember({"json", "jsonl", "text"}));
  cmd->add_option("inputs", args->inputs, "files, folders, or - for stdin")->required();
  cmd->callback([args, exit_code] {
    ReadOptions options;
    options.url = args->url;
    bool failed = false;
    std::vector<Article> articles = ReadAll(args->inputs, options, &failed);
    if (args->format == "json") {
      std::cout << "[";
      for (size_t i = 0; i < articles.size(); ++i) {
        std::cout << (i ? ",\n" : "\n") << RenderArticleJson(articles[i], true);
      }
      std::cout << "\n]\n";
    } else {
      for (const Article& a : articles) {
        if (args->format == "jsonl") {
          std::cout << RenderArticleJson(a, false) << "\n";
        } else {
          PrintText(a);
        }
      }
    }
    *exit_code = failed ? 1 : 0;
  });
}

}  // namespace parallax::cli
