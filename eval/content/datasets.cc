#include "datasets.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace parallax::eval {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Result<json> ReadJson(const std::string& path) {
  auto bytes = ReadGzip(path);
  if (!bytes.ok()) return bytes.status();
  json j = json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return InvalidInput(path + ": invalid JSON");
  return j;
}

std::vector<std::string> Strings(const json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& s : *it) {
    if (s.is_string()) out.push_back(s.get<std::string>());
  }
  return out;
}

std::string StringOr(const json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

}  // namespace

Result<std::string> ReadGzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return IoError(path + ": cannot open");
  std::string out;
  char buf[1 << 16];
  while (true) {
    int n = gzread(f, buf, sizeof(buf));
    if (n < 0) {
      gzclose(f);
      return IoError(path + ": corrupt gzip data");
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  gzclose(f);
  return out;
}

Result<std::vector<Page>> LoadAeb(const std::string& root) {
  std::string dir = root + "/aeb";
  auto gt = ReadJson(dir + "/ground-truth.json");
  if (!gt.ok()) return gt.status();
  std::vector<Page> pages;
  for (const auto& [id, v] : gt->items()) {
    Page p;
    p.id = id;
    p.url = StringOr(v, "url");
    p.gold = StringOr(v, "articleBody");
    auto html = ReadGzip(dir + "/html/" + id + ".html.gz");
    if (!html.ok()) return html.status();
    p.html = std::move(*html);
    pages.push_back(std::move(p));
  }
  return pages;
}

Result<std::vector<Page>> LoadWcxb(const std::string& root) {
  std::string dir = root + "/wcxb-dev-articles";
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir + "/ground-truth", ec)) {
    if (e.path().extension() == ".json") ids.push_back(e.path().stem().string());
  }
  if (ec) return IoError(dir + "/ground-truth: " + ec.message());
  std::sort(ids.begin(), ids.end());
  std::vector<Page> pages;
  for (const auto& id : ids) {
    auto j = ReadJson(dir + "/ground-truth/" + id + ".json");
    if (!j.ok()) return j.status();
    Page p;
    p.id = id;
    p.url = StringOr(*j, "url");
    const json& g = (*j)["ground_truth"];
    if (g.is_object()) {
      p.gold = StringOr(g, "main_content");
      p.with = Strings(g, "with");
      p.without = Strings(g, "without");
    }
    auto html = ReadGzip(dir + "/html/" + id + ".html.gz");
    if (!html.ok()) return html.status();
    p.html = std::move(*html);
    pages.push_back(std::move(p));
  }
  return pages;
}

Result<std::vector<Page>> LoadTrafilaturaEval(const std::string& root) {
  std::string dir = root + "/trafilatura-eval";
  auto index = ReadJson(dir + "/evaldata.json");
  if (!index.ok()) return index.status();
  std::vector<Page> pages;
  for (const auto& [url, v] : index->items()) {
    Page p;
    p.url = url;
    p.id = StringOr(v, "file");
    p.with = Strings(v, "with");
    p.without = Strings(v, "without");
    std::string path = dir + "/eval/" + p.id + ".gz";
    if (!fs::exists(path)) path = dir + "/cache/" + p.id + ".gz";
    auto html = ReadGzip(path);
    if (!html.ok()) return html.status();
    p.html = std::move(*html);
    pages.push_back(std::move(p));
  }
  return pages;
}

}  // namespace parallax::eval
