// Regression guard: the whole ParseHtmlArticle path must keep its
// article-extraction-benchmark F1 above a floor a little below what it
// reaches (0.971 when this was written). Needs ../shared/data.
#include <gtest/gtest.h>

#include <filesystem>

#include "datasets.h"
#include "metrics.h"
#include "parallax/ingest.h"

namespace parallax::eval {
namespace {

TEST(AebFloorTest, F1AboveFloor) {
  std::string root = std::string(PARALLAX_SHARED_DATA) + "/extraction";
  if (!std::filesystem::exists(root + "/aeb/ground-truth.json")) {
    GTEST_SKIP() << "needs ../shared/data (extraction/aeb)";
  }
  auto pages = LoadAeb(root);
  ASSERT_TRUE(pages.ok()) << pages.status().message();
  ASSERT_FALSE(pages->empty());
  double p = 0, r = 0;
  for (const Page& page : *pages) {
    DocContext ctx;
    ctx.url = page.url;
    auto article = ParseHtmlArticle(page.html, ctx);
    std::string text = article.ok() ? article->Text() : std::string();
    Counts c = ShingleCounts(text, page.gold);
    p += Precision(c);
    r += Recall(c);
  }
  p /= static_cast<double>(pages->size());
  r /= static_cast<double>(pages->size());
  double f1 = F1(p, r);
  RecordProperty("aeb_f1", std::to_string(f1));
  EXPECT_GE(f1, 0.955) << "P=" << p << " R=" << r;
}

}  // namespace
}  // namespace parallax::eval
