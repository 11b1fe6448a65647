// Regression floor for story clustering on ECB+ (label: data). Skips when
// ../shared/data is absent. Floors sit slightly below the measured figures
// in eval/cluster/RESULTS.md.
#include <filesystem>

#include <gtest/gtest.h>

#include "ecb.h"

namespace parallax::eval {
namespace {

const std::string kData =
    std::string(PARALLAX_SHARED_DATA) + "/clustering/ecbplus-dev/ecbplus_docs.jsonl";

TEST(EcbRegressionTest, BCubedAboveFloor) {
  if (!std::filesystem::exists(kData)) GTEST_SKIP() << "needs ../shared/data";
  auto docs = LoadEcb(kData);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  RunOptions o;
  RunResult all = RunEcb(*docs, {}, o);
  EXPECT_GT(all.bcubed.f1, 0.91);
  o.topic_min = 21;
  o.topic_max = 35;
  EXPECT_GT(RunEcb(*docs, {}, o).bcubed.f1, 0.90);
  // Stability: a shuffled arrival order, fed online in batches of 25.
  o.topic_min = 1;
  o.topic_max = 1000;
  o.shuffle_seed = 3;
  o.batch = 25;
  EXPECT_GT(RunEcb(*docs, {}, o).bcubed.f1, 0.83);
}

TEST(EcbRegressionTest, SeedArticlesFormOneStoryAlone) {
  if (!std::filesystem::exists(kData)) GTEST_SKIP() << "needs ../shared/data";
  auto docs = LoadEcb(kData);
  ASSERT_TRUE(docs.ok());
  auto seeds = LoadSeedArticles(std::string(PARALLAX_SOURCE_DIR) + "/examples");
  ASSERT_TRUE(seeds.ok()) << seeds.status().ToString();
  ASSERT_EQ(seeds->size(), 5u);
  RunResult r = RunEcb(*docs, *seeds, RunOptions{});
  EXPECT_TRUE(r.seeds_together) << r.seed_stories << " stories";
  EXPECT_TRUE(r.seeds_alone) << "seed story holds " << r.seed_story_size;
}

}  // namespace
}  // namespace parallax::eval
