#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "parallax/brief.h"
#include "parallax/cluster.h"
#include "parallax/render.h"

namespace parallax::cli {
namespace {

struct BriefArgs {
  std::vector<std::string> inputs;
  std::string format = "md";
  int max_words = 150;
  bool single_story = false;
};

struct ClusterArgs {
  std::vector<std::string> inputs;
  std::string format = "json";
  bool single_story = false;
};

}  // namespace

void RegisterCluster(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ClusterArgs>();
  auto* cmd = app.add_subcommand("cluster", "Group input articles into stories, linking duplicates");
  cmd->add_option("--format", args->format, "json")->check(CLI::IsMember({"json"}));
  cmd->add_flag("--single-story", args->single_story, "treat all inputs as one story");
  cmd->add_option("inputs", args->inputs, "files, folders, or - for stdin")->required();
  cmd->callback([args, exit_code] {
    bool failed = false;
    std::vector<Article> articles = ReadAll(args->inputs, {}, &failed);
    ClusterOptions options;
    options.single_story = args->single_story;
    nlohmann::json j;
    j["schema"] = "parallax.clusters/1";
    j["stories"] = nlohmann::json::array();
    for (const StoryCluster& s : ClusterArticles(articles, options)) {
      nlohmann::json ids = nlohmann::json::array();
      for (size_t i : s.articles) ids.push_back(articles[i].id);
      nlohmann::json dups = nlohmann::json::array();
      for (const auto& [d, of] : s.duplicates) dups.push_back({articles[d].id, articles[of].id});
      j["stories"].push_back({{"id", s.id}, {"title", s.title}, {"articles", ids}, {"duplicates", dups}});
    }
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    *exit_code = failed ? 1 : 0;
  });
}

void RegisterBrief(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<BriefArgs>();
  auto* cmd = app.add_subcommand("brief", "Cluster the inputs and write a cross-source brief per story");
  cmd->add_option("--format", args->format, "md, json or html")
      ->check(CLI::IsMember({"md", "json", "html"}));
  cmd->add_option("--max-words", args->max_words, "summary length cap in words")
      ->check(CLI::Range(1, 100000));
  cmd->add_flag("--single-story", args->single_story, "treat all inputs as one story");
  cmd->add_option("inputs", args->inputs, "files, folders, or - for stdin")->required();
  cmd->callback([args, exit_code] {
    bool failed = false;
    std::vector<Article> articles = ReadAll(args->inputs, {}, &failed);
    ClusterOptions cluster_options;
    cluster_options.single_story = args->single_story;
    std::vector<StoryBrief> briefs;
    BriefOptions options;
    options.max_words = args->max_words;
    for (const StoryCluster& s : ClusterArticles(articles, cluster_options)) {
      briefs.push_back(BuildBrief(articles, s, options));
    }
    if (args->format == "json") {
      std::cout << RenderBriefJson(articles, briefs);
    } else if (args->format == "html") {
      std::cout << RenderBriefHtml(articles, briefs);
    } else {
      std::cout << RenderBriefMarkdown(articles, briefs);
    }
    *exit_code = failed ? 1 : 0;
  });
}

}  // namespace parallax::cli
