// OnlineClusterer::Refine (refine.cc): the second pass that splits a story
// holding two events of the same kind and moves misplaced articles.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cluster/test_util.h"
#include "parallax/cluster.h"

namespace parallax {
namespace {

// Seven reports of one event from its seven facts: each tells three, and
// any two share exactly one (the lines of a Fano plane), so no report is a
// near-duplicate of another.
std::vector<Article> Reports(const std::string& event, const std::vector<std::string>& facts) {
  constexpr int kLines[7][3] = {{0, 1, 2}, {0, 3, 4}, {0, 5, 6}, {1, 3, 5},
                                {1, 4, 6}, {2, 3, 6}, {2, 4, 5}};
  std::vector<Article> out;
  for (size_t i = 0; i < 7; ++i) {
    Article a;
    a.id = event + "-" + std::to_string(i + 1);
    std::string body;
    for (int k : kLines[i]) body += facts[static_cast<size_t>(k)] + " ";
    a.blocks.push_back({BlockKind::kParagraph, body});
    out.push_back(a);
  }
  return out;
}

std::vector<Article> ChileQuake() {
  return Reports("chile", {
      "A magnitude 7.1 earthquake struck off the coast of central Chile near Valparaiso.",
      "At least four people were killed and homes were damaged in Vina del Mar.",
      "President Gabriel Boric said the navy had lifted a brief tsunami warning.",
      "The quake was felt in Santiago, where residents fled into the streets.",
      "Boric toured Vina del Mar and praised the navy for its quick alert.",
      "Walls collapsed in Valparaiso and power was cut across the region.",
      "Chile's seismological centre said the quake was centred 40 km off the coast.",
  });
}

std::vector<Article> SulawesiQuake() {
  return Reports("indo", {
      "A magnitude 6.2 earthquake hit the Indonesian island of Sulawesi.",
      "At least 34 people were killed in the town of Mamuju.",
      "The national disaster agency BNPB said hundreds of houses collapsed.",
      "Governor Ali Baal Masdar urged residents to stay away from damaged buildings.",
      "Rescuers in Mamuju dug through collapsed houses as aftershocks continued.",
      "BNPB said the death toll on Sulawesi could still rise.",
      "The quake struck West Sulawesi province shortly after midnight.",
  });
}

// The two quakes' reports in turn: chile-1, indo-1, chile-2, ...
std::vector<Article> Interleaved() {
  std::vector<Article> out;
  std::vector<Article> chile = ChileQuake(), indo = SulawesiQuake();
  for (size_t i = 0; i < chile.size(); ++i) {
    out.push_back(chile[i]);
    out.push_back(indo[i]);
  }
  return out;
}

// Story id per article id.
std::map<std::string, std::string> Labels(const OnlineClusterer& c) {
  std::map<std::string, std::string> out;
  for (const StoryInfo& s : c.Stories()) {
    for (uint32_t seq : s.articles) out[c.ArticleId(seq)] = s.id;
  }
  return out;
}

TEST(RefineTest, SplitsAStoryHoldingTwoEventsOfTheSameKind) {
  ClusterOptions o;
  o.join_threshold = 0.0;   // the online pass puts everything in one story
  o.split_threshold = 0.0;  // and its own split check is off
  OnlineClusterer c(o);
  for (const Article& a : Interleaved()) c.Add(a);
  ASSERT_EQ(c.Stories().size(), 1u);
  c.Refine();
  auto labels = Labels(c);
  EXPECT_EQ(c.Stories().size(), 2u);
  for (const std::string e : {"chile", "indo"}) {
    for (int i = 2; i <= 7; ++i) EXPECT_EQ(labels[e + "-1"], labels[e + "-" + std::to_string(i)]);
  }
  EXPECT_NE(labels["chile-1"], labels["indo-1"]);
  EXPECT_EQ(labels["chile-1"], "s-chile-1");  // the first article's part keeps the id
  // The journal reports both stories.
  StoryDelta delta = c.TakeDelta();
  std::set<std::string> changed;
  for (const StoryInfo& s : delta.changed) changed.insert(s.id);
  EXPECT_TRUE(changed.count("s-chile-1"));
  EXPECT_TRUE(changed.count("s-indo-1"));
}

TEST(RefineTest, OnlinePassSplitsWithoutACallAndSurvivesAResume) {
  ClusterOptions o;
  o.join_threshold = 0.0;
  o.split_threshold = 0.0;
  o.online_refine_every = 7;
  const std::vector<Article> in = Interleaved();
  OnlineClusterer straight(o);
  for (const Article& a : in) straight.Add(a);
  auto labels = Labels(straight);
  EXPECT_EQ(straight.Stories().size(), 2u);
  EXPECT_NE(labels["chile-1"], labels["indo-1"]);
  EXPECT_EQ(labels["chile-1"], labels["chile-7"]);
  EXPECT_EQ(labels["indo-1"], labels["indo-7"]);

  // Stopped after 5 arrivals (not a multiple of 7) and resumed from the
  // saved state (the pass's settings are not in it: `o` again): the same
  // stories.
  cluster_testing::ExpectResumesIdentically(o, o, in, {5});

  o.online_refine_every = 0;
  OnlineClusterer off(o);
  for (const Article& a : in) off.Add(a);
  EXPECT_EQ(off.Stories().size(), 1u);
}

// Regression: a story merged away and later split back out under its old id
// (its first article leads a story again) was still reported as merged, and
// a store replaying the delta tombstoned a live story ("was merged into").
TEST(RefineTest, DeltaDoesNotReportAMergeThatASplitUndid) {
  ClusterOptions o;
  o.split_threshold = 0.0;
  o.merge_threshold = 0.0;  // any candidate story merges
  o.online_refine_every = 14;
  OnlineClusterer c(o);
  std::vector<Article> chile = ChileQuake(), indo = SulawesiQuake();
  for (const Article& a : chile) c.Add(a);
  for (const Article& a : indo) c.Add(a);
  std::set<std::string> live;
  for (const StoryInfo& s : c.Stories()) live.insert(s.id);
  StoryDelta delta = c.TakeDelta();
  ASSERT_TRUE(live.count("s-indo-1"));  // split back out by the online pass
  for (const auto& [gone, kept] : delta.merged) {
    EXPECT_FALSE(live.count(gone)) << gone << " is live but reported merged into " << kept;
    EXPECT_TRUE(live.count(kept)) << kept;
  }
}

TEST(RefineTest, LeavesAOneEventStoryWhole) {
  ClusterOptions o;
  o.join_threshold = 0.0;
  o.split_threshold = 0.0;
  OnlineClusterer c(o);
  for (const Article& a : ChileQuake()) c.Add(a);
  c.Refine();
  EXPECT_EQ(c.Stories().size(), 1u);
}

TEST(RefineTest, BatchApiRunsTheSecondPass) {
  ClusterOptions o;
  o.join_threshold = 0.0;
  o.split_threshold = 0.0;
  const std::vector<Article> in = Interleaved();
  EXPECT_EQ(ClusterArticles(in, o).size(), 2u);
  o.refine_threshold = 0.0;
  EXPECT_EQ(ClusterArticles(in, o).size(), 1u);
}

}  // namespace
}  // namespace parallax
