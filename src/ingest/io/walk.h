// Expanding command-line inputs into the files to read.
//
// Folders are walked recursively with entries sorted by name (byte order), so
// runs are deterministic. Inside folders, hidden entries (".name") are
// skipped; an input named explicitly is always read. Symlinked folders are
// followed, but a folder already on the current path (a symlink loop) is
// reported and skipped, and so is nesting deeper than `max_depth`. Unreadable
// entries become problems in their place in the order. Thread-compatible.
#pragma once

#include <string>
#include <vector>

namespace parallax::io {

struct InputEntry {
  std::string path;     // a file path, or "-" for stdin
  std::string problem;  // non-empty: this entry could not be listed or opened
};

// Appends one entry per file (or problem) for each input, in order.
void ExpandInputs(const std::vector<std::string>& inputs, int max_depth,
                  std::vector<InputEntry>* out);

}  // namespace parallax::io
