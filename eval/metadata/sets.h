// Gold metadata of the extraction benchmark sets in ../shared/data/extraction
// (see /work/shared/data/README.md): which page file, its URL, and whichever
// of title / author / date / site name / language the set annotates.
//
// Only the index is loaded here; page bytes are read one at a time with
// ReadPage(). Not thread-safe to share a loaded set while loading.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parallax/status.h"

namespace parallax::eval {

struct MetaGold {
  std::string id;    // file stem or test name
  std::string url;   // page URL (readability pages use http://fakehost/...)
  std::string path;  // gzipped HTML file
  std::optional<std::string> title, author, date, site, lang;  // date: YYYY-MM-DD
  // The gold says the page has no date (htmldate sets): a date we give is a
  // false positive. Elsewhere a missing date is just not annotated.
  bool no_date = false;
};

// Set names: "mediacloud", "htmldate", "readability", "trafilatura", "wcxb".
const std::vector<std::string>& MetaSetNames();

// `root` is the extraction folder (.../data/extraction).
Result<std::vector<MetaGold>> LoadMetaSet(const std::string& root, const std::string& set);

// Reads a gzip (or plain) file fully.
Result<std::string> ReadPage(const std::string& path);

}  // namespace parallax::eval
