// Ageing of per-article state and of the vocabulary (README.md, "Ageing"):
// long-running stories keep working after their early members give up their
// vectors, memory stops growing with history, and a resumed clusterer still
// continues bit-for-bit.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cluster/test_util.h"
#include "parallax/cluster.h"

namespace parallax {
namespace {

using cluster_testing::MakeArticle;

// A pronounceable made-up word per number: every day brings new names.
std::string Word(size_t n) {
  static const char* kSyl[] = {"ka", "lo", "mer", "tan", "vi", "sor", "ben", "du", "ra", "nel"};
  std::string w = "Zu";
  do {
    w += kSyl[n % 10];
    n /= 10;
  } while (n > 0);
  return w;
}

std::string Date(int day) {  // 2024-03-01 + day, day < 60
  static const int kMonthDays[] = {31, 30};
  int month = 3, d = day;
  for (int len : kMonthDays) {
    if (d < len) break;
    d -= len;
    ++month;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "2024-%02d-%02d", month, d + 1);
  return buf;
}

// `days` days of news: a drought that is reported every day (one long-running
// story), and each day two short events with names never seen before.
std::vector<Article> Stream(int days) {
  std::vector<Article> out;
  for (int d = 0; d < days; ++d) {
    const std::string date = Date(d);
    out.push_back(MakeArticle("drought-" + std::to_string(d), "Drought in Catalonia: reservoirs low",
                       "The drought in Catalonia continued as reservoirs near Barcelona fell "
                       "again. Water restrictions stay in force, the Generalitat said, and "
                       "farmers in Lleida asked for aid. Day " + std::to_string(d) + ".",
                       date));
    for (int k = 0; k < 2; ++k) {
      const std::string name = Word(static_cast<size_t>(d * 2 + k)),
                        place = Word(static_cast<size_t>(1000 + d * 2 + k));
      const std::string event = "fire-" + std::to_string(d) + "-" + std::to_string(k);
      out.push_back(MakeArticle(event + "-a", "Factory fire in " + place,
                         "A fire destroyed a factory in " + place + " on Monday. Mayor " + name +
                             " Olsen said nobody was hurt. Firefighters from " + place +
                             " worked through the night.",
                         date));
      out.push_back(MakeArticle(event + "-b", place + " factory blaze",
                         "Firefighters in " + place + " put out a blaze at a factory. " + name +
                             " Olsen, the mayor, thanked the crews. Nobody was injured in " +
                             place + ".",
                         date));
    }
  }
  return out;
}

ClusterOptions ShortWindow() {
  ClusterOptions o;
  o.live_days = 3;
  return o;
}

TEST(AgeingTest, LongRunningStoryStaysOneStoryAfterItsMembersAge) {
  OnlineClusterer c(ShortWindow());
  std::vector<Article> in = Stream(20);
  for (const Article& a : in) c.Add(a);
  size_t drought_stories = 0;
  for (const StoryInfo& s : c.Stories()) {
    bool drought = false;
    for (uint32_t seq : s.articles) drought |= c.ArticleId(seq).rfind("drought-", 0) == 0;
    if (!drought) continue;
    ++drought_stories;
    EXPECT_EQ(s.articles.size(), 20u);
    EXPECT_TRUE(s.live);
    EXPECT_EQ(s.title, "Drought in Catalonia: reservoirs low");
  }
  EXPECT_EQ(drought_stories, 1u);
  EXPECT_EQ(c.StoryOf(0), "s-drought-0");
}

TEST(AgeingTest, StateStopsGrowingWithHistory) {
  ClusterOptions never = ShortWindow();
  never.live_days = 1000;  // nothing ages
  OnlineClusterer ageing(ShortWindow()), keeping(never);
  std::vector<Article> in = Stream(40);
  for (const Article& a : in) {
    ageing.Add(a);
    keeping.Add(a);
  }
  const ClustererStats a = ageing.stats(), k = keeping.stats();
  EXPECT_EQ(a.articles, k.articles);
  EXPECT_LT(a.article_bytes, k.article_bytes * 2 / 3);
  EXPECT_LT(a.vocabulary_bytes, k.vocabulary_bytes);
  EXPECT_LT(a.memory_bytes, k.memory_bytes);
}

// Stop and resume (Save/Load) at points before, during and after ageing and
// vocabulary pruning: same assignments, same saved bytes, same stories.
TEST(AgeingTest, ResumeAfterAgeingGivesTheSameAssignments) {
  std::vector<Article> in = Stream(24);
  cluster_testing::ExpectResumesIdentically(ShortWindow(), {}, in, {3, 26, 51, 77, in.size() - 1});
}

// The second pass leaves aged members where they are and still works on the
// rest of a live story.
TEST(AgeingTest, RefineAfterAgeingKeepsTheLongRunningStory) {
  OnlineClusterer c(ShortWindow());
  std::vector<Article> in = Stream(12);
  for (const Article& a : in) c.Add(a);
  c.Refine();
  EXPECT_EQ(c.StoryOf(0), "s-drought-0");
  EXPECT_EQ(c.StoryOf(static_cast<uint32_t>(in.size() - 5)), "s-drought-0");  // day 11's drought
}

// AddAll prepares articles on a second thread; the result must be the one
// Add gives, through ageing, vocabulary pruning (the id caches forget pruned
// names) and duplicates, with and without an entity extractor (which then
// runs on the second thread).
TEST(AgeingTest, AddAllGivesWhatAddGivesOneByOne) {
  std::vector<Article> in;
  for (Article& a : Stream(50)) {  // 150 articles: more than AddAll's serial cut-off
    in.push_back(a);
    if (in.size() % 9 == 0) {  // a wire copy under another id
      a.id += "-copy";
      in.push_back(std::move(a));
    }
  }
  for (bool extractor : {false, true}) {
    ClusterOptions o = ShortWindow();
    if (extractor) {
      o.entity_extractor = [](const Article& a) {
        std::vector<std::string> names;
        for (const std::string& w : {std::string("Olsen"), std::string("Catalonia")}) {
          if (a.Text().find(w) != std::string::npos) names.push_back(w);
        }
        return names;
      };
    }
    OnlineClusterer one(o), all(o);
    std::vector<StoryAssignment> expected;
    for (const Article& a : in) expected.push_back(one.Add(a));
    std::vector<StoryAssignment> got = all.AddAll(in);
    ASSERT_EQ(got.size(), expected.size());
    size_t copies = 0;
    for (size_t i = 0; i < in.size(); ++i) {
      EXPECT_EQ(got[i].story_id, expected[i].story_id) << in[i].id;
      EXPECT_EQ(got[i].new_story, expected[i].new_story) << in[i].id;
      EXPECT_EQ(got[i].score, expected[i].score) << in[i].id;
      ASSERT_EQ(got[i].duplicate.has_value(), expected[i].duplicate.has_value()) << in[i].id;
      copies += got[i].duplicate.has_value();
    }
    EXPECT_GE(copies, 15u);
    std::string a, b;
    one.Save(&a);
    all.Save(&b);
    EXPECT_EQ(a, b) << "extractor " << extractor;  // same dictionary ids, vectors, index
  }
}

}  // namespace
}  // namespace parallax
