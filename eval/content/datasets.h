// Loading the content-extraction benchmark sets from ../shared/data/extraction.
//
// Pages are read fully into memory (the three sets together are ~200 MB
// uncompressed). Not thread-safe to share a Page while it is being loaded.
#pragma once

#include <string>
#include <vector>

#include "parallax/status.h"

namespace parallax::eval {

struct Page {
  std::string id;    // file stem
  std::string url;
  std::string html;  // raw bytes (gunzipped)
  std::string gold;  // gold body text ("" when the set only has snippets)
  std::vector<std::string> with;     // snippets that must appear
  std::vector<std::string> without;  // snippets that must not appear
};

// Reads a gzip (or plain) file fully.
Result<std::string> ReadGzip(const std::string& path);

// `root` is the extraction folder (…/data/extraction).
Result<std::vector<Page>> LoadAeb(const std::string& root);
Result<std::vector<Page>> LoadWcxb(const std::string& root);
Result<std::vector<Page>> LoadTrafilaturaEval(const std::string& root);

}  // namespace parallax::eval
