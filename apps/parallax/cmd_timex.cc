// `parallax timex [--dct YYYY-MM-DD] INPUT...`: time expressions of each
// article as JSON lines (CONTRACT.md), character offsets into the article
// text that `parallax extract` prints.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "parallax/timex.h"

namespace parallax::cli {
namespace {

struct TimexArgs {
  std::vector<std::string> inputs;
  std::string dct;
};

}  // namespace

void RegisterTimex(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<TimexArgs>();
  auto* cmd = app.add_subcommand("timex", "Time expressions (TIMEX3) of each article as JSON lines");
  cmd->add_option("--dct", args->dct,
                  "document creation date YYYY-MM-DD (default: each article's published date)");
  cmd->add_option("inputs", args->inputs, "files, folders, or - for stdin")->required();
  cmd->callback([args, exit_code] {
    std::optional<timex::CivilDate> dct;
    if (!args->dct.empty()) {
      dct = timex::ParseIsoDate(args->dct);
      if (!dct || args->dct.size() != 10) {
        std::cerr << "parallax: --dct: expected YYYY-MM-DD, got '" << args->dct << "'\n";
        *exit_code = 2;
        return;
      }
    }
    bool failed = false;
    std::vector<Article> articles = ReadAll(args->inputs, ReadOptions{}, &failed);
    for (const Article& a : articles) {
      timex::TimexOptions options;
      options.anchor = dct ? dct : timex::ParseIsoDate(a.published);
      for (const timex::TimeExpression& e : timex::FindTimexes(a.Text(), options)) {
        nlohmann::json j = {{"article", a.id},
                            {"text", e.text},
                            {"start", e.char_begin},
                            {"end", e.char_end},
                            {"type", timex::TimexTypeName(e.type)},
                            {"value", e.value},
                            {"anchored", e.anchored}};
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      }
    }
    *exit_code = failed ? 1 : 0;
  });
}

}  // namespace parallax::cli
