#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cluster/test_util.h"
#include "parallax/cluster.h"

namespace parallax {
namespace {

using cluster_testing::MakeArticle;

// Two earthquakes (same kind of event, different places and people), a
// football final, and paraphrased reports of each.
std::vector<Article> Corpus() {
  return {
      MakeArticle("chile-1", "Strong quake shakes central Chile",
           "A magnitude 7.1 earthquake struck off the coast of central Chile near Valparaiso on "
           "Sunday, killing at least four people and damaging homes in Vina del Mar. President "
           "Gabriel Boric said the navy had lifted a brief tsunami warning. The quake was felt "
           "in Santiago, where residents fled into the streets.",
           "2024-05-12"),
      MakeArticle("indo-1", "Earthquake kills dozens on Sulawesi",
           "A magnitude 6.2 earthquake hit the Indonesian island of Sulawesi on Friday, killing "
           "at least 34 people in the town of Mamuju. The national disaster agency BNPB said "
           "hundreds of houses collapsed. Governor Ali Baal Masdar urged residents to stay "
           "away from damaged buildings as aftershocks continued.",
           "2024-05-10"),
      MakeArticle("chile-2", "Chile earthquake: four dead near Valparaiso",
           "At least four people died after a powerful earthquake off Valparaiso shook central "
           "Chile, officials said. In Vina del Mar, walls collapsed and power was cut. Gabriel "
           "Boric visited the region and praised the navy for its quick tsunami alert, which "
           "was later lifted. Buildings swayed in Santiago.",
           "2024-05-12"),
      MakeArticle("final-1", "Madrid win the cup final",
           "Real Madrid beat Borussia Dortmund 2-0 at Wembley on Saturday to win the Champions "
           "League. Dani Carvajal headed the opener and Vinicius Junior added a second late in "
           "the match. Carlo Ancelotti celebrated another European title.",
           "2024-06-01"),
      MakeArticle("indo-2", "Sulawesi quake toll rises to 34",
           "The death toll from Friday's earthquake on Sulawesi rose to 34, Indonesia's BNPB "
           "disaster agency said, with most victims in Mamuju. Rescuers searched collapsed "
           "houses as aftershocks rattled the island. Ali Baal Masdar, the governor, told "
           "people to avoid damaged buildings.",
           "2024-05-11"),
      MakeArticle("chile-3", "Boric visits quake zone in Chile",
           "Chile's president Gabriel Boric toured Vina del Mar on Monday after Sunday's "
           "earthquake near Valparaiso killed four people. The navy's tsunami warning had been "
           "lifted within an hour. Residents of Santiago described buildings shaking.",
           "2024-05-13"),
      MakeArticle("final-2", "Carvajal and Vinicius give Real Madrid the Champions League",
           "Real Madrid won the Champions League final against Borussia Dortmund at Wembley. "
           "Dani Carvajal scored with a header and Vinicius Junior made it 2-0. It was Carlo "
           "Ancelotti's fifth European title as a coach.",
           "2024-06-01"),
      MakeArticle("indo-3", "Indonesia: rescuers dig for survivors in Mamuju",
           "Rescuers in Mamuju on Sulawesi dug through collapsed houses on Saturday after the "
           "6.2 magnitude earthquake that killed 34 people. BNPB said aftershocks continued. "
           "Governor Ali Baal Masdar asked residents to stay out of damaged buildings.",
           "2024-05-11"),
  };
}

// Story label of each article id (by the story's first article).
std::map<std::string, std::string> Labels(const std::vector<Article>& in,
                                          const std::vector<StoryCluster>& stories) {
  std::map<std::string, std::string> out;
  for (const StoryCluster& s : stories) {
    std::string first = in[s.articles.front()].id;
    for (size_t i : s.articles) out[in[i].id] = first;
  }
  return out;
}

void ExpectGoldStories(const std::vector<Article>& in, const std::vector<StoryCluster>& stories) {
  auto labels = Labels(in, stories);
  ASSERT_EQ(labels.size(), in.size());
  for (std::string e : {"chile", "indo", "final"}) {
    EXPECT_EQ(labels[e + "-1"], labels[e + "-2"]) << e;
    EXPECT_EQ(labels[e + "-1"], labels[e + "-3"] == "" ? labels[e + "-1"] : labels[e + "-3"]);
  }
  EXPECT_NE(labels["chile-1"], labels["indo-1"]);
  EXPECT_NE(labels["chile-1"], labels["final-1"]);
  EXPECT_NE(labels["indo-1"], labels["final-1"]);
}

TEST(ClusterArticlesTest, SplitsSameKindEventsAndJoinsParaphrases) {
  std::vector<Article> in = Corpus();
  std::vector<StoryCluster> stories = ClusterArticles(in);
  ExpectGoldStories(in, stories);
  EXPECT_EQ(stories.size(), 3u);
  // Every article in exactly one story.
  std::multiset<size_t> seen;
  for (const auto& s : stories) seen.insert(s.articles.begin(), s.articles.end());
  EXPECT_EQ(seen.size(), in.size());
  EXPECT_EQ(std::set<size_t>(seen.begin(), seen.end()).size(), in.size());
}

// A handful of reports of one event (the CLI's usual input): the words they
// all share must not lose their weight (regression: plain idf made them ~0
// and every article a story of its own).
TEST(ClusterArticlesTest, SmallBatchAboutOneEventIsOneStory) {
  std::vector<Article> all = Corpus();
  std::vector<Article> chile = {all[0], all[2], all[5]};
  EXPECT_EQ(ClusterArticles(chile).size(), 1u);
  std::vector<Article> indo = {all[1], all[4]};
  EXPECT_EQ(ClusterArticles(indo).size(), 1u);
}

TEST(ClusterArticlesTest, StableIdsAndTitles) {
  std::vector<Article> in = Corpus();
  auto stories = ClusterArticles(in);
  for (const auto& s : stories) {
    EXPECT_EQ(s.id.rfind("s-", 0), 0u);
    EXPECT_FALSE(s.title.empty());
  }
  // The earliest Sulawesi report (by date) names its story.
  auto labels = Labels(in, stories);
  bool found = false;
  for (const auto& s : stories) found |= s.id == "s-indo-1";
  EXPECT_TRUE(found);
  EXPECT_EQ(ClusterArticles(in)[0].id, stories[0].id);  // deterministic
}

TEST(ClusterArticlesTest, UntitledArticlesUseFirstSentence) {
  std::vector<Article> in = Corpus();
  for (Article& a : in) a.title.clear();
  auto stories = ClusterArticles(in);
  ExpectGoldStories(in, stories);
  for (const auto& s : stories) {
    EXPECT_FALSE(s.title.empty());
    EXPECT_LE(s.title.size(), 125u);
  }
}

// Regression: an untitled article whose body opens with a section label
// ("Topline") or a photo credit was titled by that label.
TEST(ClusterArticlesTest, UntitledArticleSkipsLabelsForItsTitle) {
  Article a = MakeArticle("forbes", "",
                   "Topline\n\nGetty Images\n\nOfficials from the U.S. and Israel will meet "
                   "virtually Monday to discuss the Rafah operation. The meeting was cancelled "
                   "last week.",
                   "2024-04-01");
  auto stories = ClusterArticles({a});
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].title.rfind("Officials from the U.S. and Israel", 0), 0u) << stories[0].title;
}

TEST(ClusterArticlesTest, OrderInsensitive) {
  std::vector<Article> base = Corpus();
  std::mt19937 rng(5);
  for (int round = 0; round < 10; ++round) {
    std::vector<Article> in = base;
    std::shuffle(in.begin(), in.end(), rng);
    for (Article& a : in) a.published.clear();  // undated: input order is arrival order
    ExpectGoldStories(in, ClusterArticles(in));
  }
}

TEST(ClusterArticlesTest, DuplicatesJoinTheirOriginalsStory) {
  std::vector<Article> in = Corpus();
  Article copy = in[1];
  copy.id = "indo-1-copy";
  copy.title = "Dozens dead in Indonesia quake";  // re-published under a new headline
  copy.published = "2024-05-10T12:00:00Z";
  in.push_back(copy);
  auto stories = ClusterArticles(in);
  bool linked = false;
  for (const auto& s : stories) {
    for (auto [dup, orig] : s.duplicates) {
      linked |= in[dup].id == "indo-1-copy" && in[orig].id == "indo-1";
      EXPECT_TRUE(std::count(s.articles.begin(), s.articles.end(), dup));
      EXPECT_TRUE(std::count(s.articles.begin(), s.articles.end(), orig));
    }
  }
  EXPECT_TRUE(linked);
}

TEST(ClusterArticlesTest, SingleStoryAndEmptyInput) {
  EXPECT_TRUE(ClusterArticles({}).empty());
  ClusterOptions o;
  o.single_story = true;
  auto stories = ClusterArticles(Corpus(), o);
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].articles.size(), Corpus().size());
}

TEST(ClusterArticlesTest, DistantDatesSplitOtherwiseSimilarReports) {
  std::vector<Article> in = Corpus();
  // Worded like the May reports but four months on: a different story.
  in.push_back(MakeArticle("chile-later", "Quake near Valparaiso",
                    "An earthquake off Valparaiso in central Chile damaged homes in Vina del Mar. "
                    "Gabriel Boric said the navy issued a tsunami warning, later lifted. "
                    "Residents in Santiago felt the shaking.",
                    "2024-09-12"));
  auto labels = Labels(in, ClusterArticles(in));
  EXPECT_NE(labels["chile-later"], labels["chile-1"]);
}

TEST(OnlineClustererTest, CustomEntityExtractorIsUsed) {
  int calls = 0;
  ClusterOptions o;
  o.entity_extractor = [&calls](const Article&) {
    ++calls;
    return std::vector<std::string>{"Chile"};
  };
  OnlineClusterer c(o);
  for (const Article& a : Corpus()) c.Add(a);
  EXPECT_EQ(calls, static_cast<int>(Corpus().size()));
}

TEST(OnlineClustererTest, SaveAndRestoreContinuesIdentically) {
  std::vector<Article> in = Corpus();
  // A longer stream: the corpus twice with perturbed ids and dates.
  std::vector<Article> stream = in;
  for (Article a : in) {
    a.id += "-b";
    a.blocks[0].text = "Update: " + a.blocks[0].text + " More details later.";
    stream.push_back(a);
  }
  cluster_testing::ExpectResumesIdentically({}, {}, stream, {1, 5, 9, stream.size() - 1});
}

// Applying every TakeDelta() to a copy of the assignment (as the store does)
// reproduces Stories() exactly, through joins and merges.
TEST(OnlineClustererTest, DeltasReplayToTheCurrentStories) {
  std::vector<Article> stream = Corpus();
  for (Article a : Corpus()) {
    a.id += "-b";
    a.blocks[0].text = "Update: " + a.blocks[0].text;
    stream.push_back(a);
  }
  uint64_t total_merges = 0;
  for (double join : {0.0, 0.15, 0.45, 0.7}) {
    ClusterOptions o;
    o.join_threshold = join;  // high thresholds start many stories that later merge
    o.merge_threshold = 0.2;
    OnlineClusterer c(o);
    std::map<std::string, std::string> replay;  // article id -> story id
    std::set<std::string> live_ids;
    uint64_t merges_seen = 0;
    for (size_t i = 0; i < stream.size(); ++i) {
      c.Add(stream[i]);
      if (i % 3 != 2 && i + 1 != stream.size()) continue;  // deltas span several Adds
      StoryDelta d = c.TakeDelta();
      for (const StoryInfo& s : d.changed) {
        live_ids.insert(s.id);
        for (uint32_t seq : s.articles) replay[c.ArticleId(seq)] = s.id;
      }
      for (const auto& [gone, kept] : d.merged) {
        live_ids.erase(gone);
        EXPECT_TRUE(live_ids.count(kept)) << kept;
        ++merges_seen;
      }
    }
    EXPECT_EQ(merges_seen, c.stats().merges);
    total_merges += merges_seen;
    std::map<std::string, std::string> expected;
    std::set<std::string> expected_ids;
    for (const StoryInfo& s : c.Stories()) {
      expected_ids.insert(s.id);
      for (uint32_t seq : s.articles) expected[c.ArticleId(seq)] = s.id;
    }
    EXPECT_EQ(replay, expected) << "join " << join;
    EXPECT_EQ(live_ids, expected_ids) << "join " << join;
    EXPECT_TRUE(c.TakeDelta().changed.empty());
  }
  EXPECT_GT(total_merges, 0u);
}

TEST(OnlineClustererTest, LoadRejectsCorruptState) {
  OnlineClusterer c;
  for (const Article& a : Corpus()) c.Add(a);
  std::string blob;
  c.Save(&blob);
  OnlineClusterer d;
  EXPECT_FALSE(d.Load("").ok());
  EXPECT_FALSE(d.Load(blob.substr(0, blob.size() / 2)).ok());
  std::string flipped = blob;
  flipped[blob.size() - 5] ^= 0x7F;
  Status st = d.Load(flipped);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(d.stats().articles, 0u);
  // Every truncation is an error, never a crash.
  for (size_t n = 0; n < blob.size(); n += 97) EXPECT_FALSE(d.Load(blob.substr(0, n)).ok());
}

TEST(OnlineClustererTest, StoriesRetireOutsideTheLiveWindow) {
  ClusterOptions o;
  o.live_days = 2;
  OnlineClusterer c(o);
  std::vector<Article> in = Corpus();
  c.Add(in[1]);  // Sulawesi, 2024-05-10
  Article late = in[3];
  late.published = "2024-05-20";
  c.Add(late);
  auto stories = c.Stories();
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_FALSE(stories[0].live);
  EXPECT_TRUE(stories[1].live);
  EXPECT_EQ(stories[0].title, "Earthquake kills dozens on Sulawesi");
  // A late report of the retired story starts a new one.
  Article indo = in[4];
  indo.published = "2024-05-20";
  EXPECT_TRUE(c.Add(indo).new_story);
}

}  // namespace
}  // namespace parallax
