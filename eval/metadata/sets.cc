#include "sets.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace parallax::eval {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Result<json> ReadJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  // htmldate's index writes pandas' bare NaN for "no date": make it null.
  std::string text = ss.str();
  for (size_t at = 0; (at = text.find(": NaN", at)) != std::string::npos;) text.replace(at, 5, ": null");
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return InvalidInput(path + ": invalid JSON");
  return j;
}

std::optional<std::string> Str(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string() || it->get<std::string>().empty()) return std::nullopt;
  return it->get<std::string>();
}

// First existing of dir/<name>.gz, dir/<name> for each dir.
std::string FindFile(const std::vector<std::string>& dirs, const std::string& name) {
  for (const std::string& d : dirs) {
    for (const std::string& candidate : {d + "/" + name + ".gz", d + "/" + name}) {
      if (fs::exists(candidate)) return candidate;
    }
  }
  return "";
}

// {url: {file, date, title, author, ...}} indexes (htmldate, trafilatura).
Result<std::vector<MetaGold>> LoadUrlIndex(const std::string& index,
                                           const std::vector<std::string>& dirs,
                                           bool has_title_author) {
  Result<json> j = ReadJson(index);
  if (!j.ok()) return j.status();
  std::vector<MetaGold> out;
  for (auto it = j->begin(); it != j->end(); ++it) {
    const json& v = it.value();
    std::optional<std::string> file = Str(v, "file");
    if (!file) continue;
    MetaGold g;
    g.url = it.key();
    g.id = *file;
    g.path = FindFile(dirs, *file);
    if (g.path.empty()) continue;
    g.date = Str(v, "date");
    g.no_date = !has_title_author && !g.date;  // htmldate: null means "has no date"
    if (has_title_author) {
      g.title = Str(v, "title");
      g.author = Str(v, "author");
    }
    out.push_back(std::move(g));
  }
  return out;
}

Result<std::vector<MetaGold>> LoadReadability(const std::string& root) {
  const std::string pages = root + "/readability-testpages/pages";
  if (!fs::is_directory(pages)) return NotFound(pages + ": not a folder");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(pages)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  std::vector<MetaGold> out;
  for (const std::string& name : names) {
    Result<json> j = ReadJson(pages + "/" + name + "/expected-metadata.json");
    if (!j.ok()) continue;
    MetaGold g;
    g.id = name;
    g.url = "http://fakehost/test/page.html";  // what readability's test harness uses
    g.path = FindFile({pages + "/" + name}, "source.html");
    if (g.path.empty()) continue;
    g.title = Str(*j, "title");
    g.author = Str(*j, "byline");
    g.site = Str(*j, "siteName");
    g.lang = Str(*j, "lang");
    if (std::optional<std::string> t = Str(*j, "publishedTime");
        t && t->size() >= 10 && (*t)[4] == '-' && (*t)[7] == '-') {
      g.date = t->substr(0, 10);
    }
    out.push_back(std::move(g));
  }
  return out;
}

Result<std::vector<MetaGold>> LoadWcxbMeta(const std::string& root) {
  const std::string base = root + "/wcxb-dev-articles";
  const std::string gt = base + "/ground-truth";
  if (!fs::is_directory(gt)) return NotFound(gt + ": not a folder");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(gt)) names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  std::vector<MetaGold> out;
  for (const std::string& name : names) {
    Result<json> j = ReadJson(gt + "/" + name + ".json");
    if (!j.ok()) continue;
    MetaGold g;
    g.id = name;
    g.url = Str(*j, "url").value_or("");
    g.path = FindFile({base + "/html"}, name + ".html");
    if (g.path.empty()) continue;
    if (auto it = j->find("ground_truth"); it != j->end() && it->is_object()) {
      g.title = Str(*it, "title");
      g.author = Str(*it, "author");
      g.date = Str(*it, "publish_date");
      if (g.date && g.date->size() > 10) g.date = g.date->substr(0, 10);
    }
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

const std::vector<std::string>& MetaSetNames() {
  static const std::vector<std::string> kNames = {"mediacloud", "htmldate", "readability",
                                                  "trafilatura", "wcxb"};
  return kNames;
}

Result<std::vector<MetaGold>> LoadMetaSet(const std::string& root, const std::string& set) {
  if (set == "mediacloud") {
    const std::string d = root + "/htmldate-eval";
    return LoadUrlIndex(d + "/eval_mediacloud_2020.json", {d + "/test_set"}, false);
  }
  if (set == "htmldate") {
    const std::string d = root + "/htmldate-eval";
    return LoadUrlIndex(d + "/eval_default.json", {d + "/eval", d + "/cache"}, false);
  }
  if (set == "trafilatura") {
    const std::string d = root + "/trafilatura-eval";
    return LoadUrlIndex(d + "/evaldata.json", {d + "/eval", d + "/cache"}, true);
  }
  if (set == "readability") return LoadReadability(root);
  if (set == "wcxb") return LoadWcxbMeta(root);
  return InvalidInput("unknown set '" + set + "'");
}

Result<std::string> ReadPage(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return NotFound(path + ": cannot open");
  std::string out;
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  const bool failed = n < 0;
  gzclose(f);
  if (failed) return InvalidInput(path + ": gzip read error");
  return out;
}

}  // namespace parallax::eval
