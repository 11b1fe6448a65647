// `parallax tag`: the named-entity tagger on the command line (CONTRACT.md).
#pragma once

#include <CLI/CLI.hpp>

namespace parallax::cli {

// Adds the `tag` subcommand. With --format conll (the default) it reads one
// token per line on stdin (first whitespace-separated column; a blank line
// ends a sentence; a -DOCSTART- line starts a new document and is echoed) and
// writes `token<TAB>tag` lines with IOB2 tags PER/ORG/LOC/MISC, a blank line
// after each sentence. With --format text it reads raw text on stdin and
// writes one JSON line per entity mention {"text","start","end","type"} (byte
// offsets). Exit code 0, or 1 when the model cannot be loaded.
void RegisterTag(CLI::App& app, int* exit_code);

}  // namespace parallax::cli
