// Subcommands of the `parallax` binary. Each Register* adds a CLI11
// subcommand whose callback sets the process exit code (0 ok, 1 some inputs
// failed, 2 bad usage) through `exit_code`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/ingest.h"

namespace parallax::cli {

void RegisterExtract(CLI::App& app, int* exit_code);
void RegisterCluster(CLI::App& app, int* exit_code);
void RegisterBrief(CLI::App& app, int* exit_code);
void RegisterQuotes(CLI::App& app, int* exit_code);
void RegisterTimex(CLI::App& app, int* exit_code);
// ingest, stories, search (over the SQLite store).
void RegisterStoreCommands(CLI::App& app, int* exit_code);
void RegisterServe(CLI::App& app, int* exit_code);  // cmd_serve.cc
void RegisterWatch(CLI::App& app, int* exit_code);  // cmd_watch.cc

// Reads every input, printing `parallax: FILE: problem` for each failure.
// Article ids are made unique within the batch (a repeated id gets "-2",
// "-3", ...). Returns the articles; `*failed` is set when any input failed.
std::vector<Article> ReadAll(const std::vector<std::string>& inputs, const ReadOptions& options,
                             bool* failed);

// Prints a problem in the CONTRACT.md form.
void ReportProblem(const std::string& input, const std::string& problem);

}  // namespace parallax::cli
