// The `parallax` command-line front end: parses arguments and dispatches to
// subcommands; all work happens in the library.
#include <CLI/CLI.hpp>

#include "cmd_tag.h"
#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"parallax: one news story, the way many outlets tell it"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "parallax 0.1.0");
  int exit_code = 0;
  parallax::cli::RegisterExtract(app, &exit_code);
  parallax::cli::RegisterCluster(app, &exit_code);
  parallax::cli::RegisterBrief(app, &exit_code);
  parallax::cli::RegisterStoreCommands(app, &exit_code);
  parallax::cli::RegisterServe(app, &exit_code);
  parallax::cli::RegisterTag(app, &exit_code);
  parallax::cli::RegisterQuotes(app, &exit_code);
  parallax::cli::RegisterTimex(app, &exit_code);
  parallax::cli::RegisterWatch(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;  // CONTRACT.md: 2 for bad usage
  }
  return exit_code;
}
