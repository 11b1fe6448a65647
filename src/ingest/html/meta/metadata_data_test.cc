// Regression floor on the htmldate MediaCloud 2020 set (200 news pages in
// ../shared/data/extraction/htmldate-eval): day-exact publication-date F1 of
// the full ParseHtmlArticle path, htmldate's definition (see
// eval/metadata/eval_metadata.cc). Skips when the data is absent.
#include <zlib.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "parallax/ingest.h"

namespace parallax {
namespace {

std::string Gunzip(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

TEST(MetadataDataTest, MediacloudDateF1StaysAboveFloor) {
  const std::string dir = std::string(PARALLAX_SHARED_DATA) + "/extraction/htmldate-eval";
  const std::string index = dir + "/eval_mediacloud_2020.json";
  if (!std::filesystem::exists(index)) GTEST_SKIP() << "needs ../shared/data";
  std::ifstream in(index);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  for (size_t at = 0; (at = text.find(": NaN", at)) != std::string::npos;) text.replace(at, 5, ": null");
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  int tp = 0, fp = 0, fn = 0;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const nlohmann::json& v = it.value();
    if (!v.contains("file") || !v["file"].is_string()) continue;
    const std::string gold = v.contains("date") && v["date"].is_string() ? v["date"].get<std::string>() : "";
    DocContext ctx;
    ctx.url = it.key();
    Result<Article> a = ParseHtmlArticle(Gunzip(dir + "/test_set/" + v["file"].get<std::string>() + ".gz"), ctx);
    const std::string day = a.ok() ? a->published.substr(0, 10) : "";
    if (day.empty()) {
      fn += !gold.empty();
    } else if (day == gold) {
      ++tp;
    } else {
      ++fp;
    }
  }
  const double p = tp + fp ? double(tp) / (tp + fp) : 0, r = tp + fn ? double(tp) / (tp + fn) : 0;
  const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  // Measured 0.955 (htmldate extensive: 0.949); the floor leaves room for
  // small changes in the pipeline but catches regressions.
  EXPECT_GE(f1, 0.94) << "tp " << tp << " fp " << fp << " fn " << fn;
}

}  // namespace
}  // namespace parallax
