// Golden test on the five seed articles (../shared/seeds): the Rafah
// population figures (1.4 million, about 1.5 million, more than one million)
// form one disagreement slot citing the articles that give them. The code
// under test knows nothing about these articles.
#include <gtest/gtest.h>

#include <filesystem>
#include <numeric>
#include <set>

#include "parallax/brief.h"
#include "parallax/ingest.h"

namespace parallax {
namespace {

TEST(DisagreementsSeedTest, RafahPopulationIsOneSlot) {
  std::filesystem::path seeds = std::filesystem::path(PARALLAX_SHARED_DATA).parent_path() / "seeds";
  if (!std::filesystem::is_directory(seeds)) GTEST_SKIP() << "no seeds folder at " << seeds;
  std::vector<Article> articles;
  ReadInputs({seeds.string()}, {}, {[&](Article&& a) { articles.push_back(std::move(a)); },
                                    [](const InputError&) {}});
  ASSERT_EQ(articles.size(), 5u);
  std::vector<StoryCluster> stories = ClusterArticles(articles);
  ASSERT_EQ(stories.size(), 1u);
  StoryBrief b = BuildBrief(articles, stories[0]);

  const Disagreement* slot = nullptr;
  int slots_with_million = 0;
  for (const auto& d : b.disagreements) {
    bool million = false;
    for (const auto& v : d.values) million = million || v.value.find("million") != std::string::npos;
    if (million) {
      ++slots_with_million;
      slot = &d;
    }
  }
  ASSERT_EQ(slots_with_million, 1) << "the population figures should form exactly one slot";
  bool has14 = false, has15 = false, more_than_1 = false;
  std::set<std::string> cited;
  for (const auto& v : slot->values) {
    EXPECT_FALSE(v.sources.empty());
    for (const auto& s : v.sources) cited.insert(s);
    if (v.value == "1.4 million") has14 = true;
    if (v.value.find("1.5 million") != std::string::npos) has15 = true;
    if (v.value == "more than 1 million") more_than_1 = true;
  }
  EXPECT_TRUE(has14);
  EXPECT_TRUE(has15);
  EXPECT_TRUE(more_than_1);
  EXPECT_GE(cited.size(), 3u);
  EXPECT_FALSE(slot->kind.empty());
  EXPECT_NE(slot->topic.find("Rafah"), std::string::npos) << slot->topic;
  // The meeting: "cancelled" in most outlets, a "postponement" in one.
  bool characterised = false;
  for (const auto& d : b.disagreements) {
    bool cancelled = false, postponed = false;
    for (const auto& v : d.values) {
      cancelled = cancelled || v.value == "cancelled";
      postponed = postponed || v.value == "postponed";
    }
    characterised = characterised || (cancelled && postponed && d.kind == "conflict");
  }
  EXPECT_TRUE(characterised);
  for (const auto& d : b.disagreements) {
    std::string line = d.topic + " [" + d.kind + "]:";
    for (const auto& v : d.values) {
      line += " " + v.value + " (";
      for (const auto& s : v.sources) line += s + " ";
      line += ")";
    }
    std::printf("%s\n", line.c_str());
  }
}

}  // namespace
}  // namespace parallax
