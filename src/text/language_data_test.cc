// DetectLanguage on the article bodies of the article-extraction-benchmark
// (../shared/data/extraction/aeb/ground-truth.json, 181 pages, real news and
// blog text). The data set has no language labels; the country-code domain
// gives one for some pages (.br -> pt, .ru -> ru, ...), and the rest were
// checked by reading each body's opening (recorded in bench/text/RESULTS.md).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "parallax/text.h"

namespace parallax::text {
namespace {

const std::string kGold = std::string(PARALLAX_SHARED_DATA) + "/extraction/aeb/ground-truth.json";

// Language implied by the URL's country-code domain, or "".
std::string FromDomain(const std::string& url) {
  size_t b = url.find("://");
  b = b == std::string::npos ? 0 : b + 3;
  std::string host = url.substr(b, url.find('/', b) - b);
  static const std::map<std::string, std::string> kTld = {
      {".br", "pt"}, {".ru", "ru"}, {".it", "it"}, {".kr", "ko"}, {".de", "de"}, {".fr", "fr"},
      {".jp", "ja"}, {".es", "es"}, {".nl", "nl"}, {".pl", "pl"}, {".se", "sv"}};
  for (const auto& [tld, lang] : kTld) {
    if (host.size() > tld.size() && host.compare(host.size() - tld.size(), tld.size(), tld) == 0) {
      return lang;
    }
  }
  return "";
}

TEST(DetectLanguageData, ArticleExtractionBenchmarkBodies) {
  if (!std::filesystem::exists(kGold)) GTEST_SKIP() << "needs ../shared/data (" << kGold << ")";
  std::ifstream in(kGold);
  nlohmann::json gold = nlohmann::json::parse(in, nullptr, false);
  ASSERT_FALSE(gold.is_discarded()) << kGold << ": not valid JSON";
  std::map<std::string, int> counts;
  int pages = 0, labelled = 0, agree = 0;
  for (const auto& [id, page] : gold.items()) {
    std::string body = page.value("articleBody", "");
    std::string got = DetectLanguage(body);
    ++pages;
    ++counts[got.empty() ? "(none)" : got];
    std::string want = FromDomain(page.value("url", ""));
    if (!want.empty()) {
      ++labelled;
      agree += got == want;
      EXPECT_EQ(got, want) << id << " " << page.value("url", "");
    }
  }
  std::printf("aeb bodies: %d pages; by domain %d/%d agree; detected:", pages, agree, labelled);
  for (const auto& [lang, n] : counts) std::printf(" %s=%d", lang.c_str(), n);
  std::printf("\n");
  EXPECT_GE(counts["en"], 150);   // the benchmark is mostly English-language outlets
  EXPECT_LE(counts["(none)"], 5);
}

}  // namespace
}  // namespace parallax::text
