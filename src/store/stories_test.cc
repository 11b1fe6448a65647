// Stories, assignment, merges, listings and duplicate links.
#include "parallax/store.h"
#include "store/test_db.h"
#include "store/test_util.h"

namespace parallax {
namespace {

using store_testing::ArticleGenerator;
using store_testing::MakeStory;

class StoreStories : public testing::Test {
 protected:
  void SetUp() override {
    auto db = Store::Open(store_testing::FreshDbPath("stories"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    store_ = std::move(db).value();
    ArticleGenerator gen(11);
    // gen-i is published on 2024-03-(1 + i % 28) by outlet i % 8.
    ASSERT_TRUE(store_->PutArticles(gen.MakeRange(0, 12)).ok());
  }
  Store& s() { return *store_; }
  std::unique_ptr<Store> store_;
};

TEST_F(StoreStories, PutGetUpdate) {
  ASSERT_TRUE(s().PutStory(MakeStory("a", "First", false, std::string("\0\1", 2))).ok());
  auto got = s().GetStory("a");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->title, "First");
  EXPECT_EQ(got->state, std::string("\0\1", 2));
  EXPECT_FALSE(got->created.empty());
  EXPECT_FALSE(got->closed);
  ASSERT_TRUE(s().UpdateStory(MakeStory("a", "Renamed", true)).ok());
  EXPECT_EQ(s().GetStory("a")->title, "Renamed");
  EXPECT_TRUE(s().GetStory("a")->closed);
  EXPECT_EQ(s().UpdateStory(MakeStory("zz")).code(), StatusCode::kNotFound);
  EXPECT_EQ(s().GetStory("zz").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(s().PutStory({}).code(), StatusCode::kInvalidArgument);
}

TEST_F(StoreStories, AssignMovesAndListsNewestFirst) {
  ASSERT_TRUE(s().PutStory(MakeStory("old", "Old")).ok());
  ASSERT_TRUE(s().PutStory(MakeStory("new", "New")).ok());
  for (const char* id : {"gen-0", "gen-1", "gen-2", "gen-8"}) {  // outlets 0,1,2,0
    ASSERT_TRUE(s().AssignArticleToStory(id, "old").ok());
  }
  ASSERT_TRUE(s().AssignArticleToStory("gen-10", "new").ok());
  ASSERT_TRUE(s().AssignArticleToStory("gen-2", "new").ok());  // moved
  ASSERT_TRUE(s().AssignArticleToStory("gen-2", "new").ok());  // no-op
  EXPECT_EQ(*s().StoryOfArticle("gen-2"), "new");
  EXPECT_EQ(*s().StoryOfArticle("gen-5"), "");
  EXPECT_EQ(s().StoryOfArticle("nope").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(s().AssignArticleToStory("nope", "old").code(), StatusCode::kNotFound);
  EXPECT_EQ(s().AssignArticleToStory("gen-3", "nope").code(), StatusCode::kNotFound);

  auto list = s().ListStories();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 2u);
  const StorySummary& newest = (*list)[0];
  EXPECT_EQ(newest.story.id, "new");
  EXPECT_EQ(newest.article_ids, (std::vector<std::string>{"gen-2", "gen-10"}));
  EXPECT_EQ(newest.first_seen, "2024-03-03");
  EXPECT_EQ(newest.last_seen, "2024-03-11");
  const StorySummary& old = (*list)[1];
  EXPECT_EQ(old.article_ids, (std::vector<std::string>{"gen-0", "gen-1", "gen-8"}));
  EXPECT_EQ(old.outlets, (std::vector<std::string>{"Reuters", "AP"}));
  EXPECT_EQ(old.last_seen, "2024-03-09");

  ListStoriesOptions page;
  page.limit = 1;
  page.offset = 1;
  auto second = s().ListStories(page);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ((*second)[0].story.id, "old");
  ASSERT_TRUE(s().UpdateStory(MakeStory("new", "New", true)).ok());
  ListStoriesOptions open_only;
  open_only.include_closed = false;
  EXPECT_EQ(s().ListStories(open_only)->size(), 1u);

  // A later read with a new date moves the story's range (trigger-maintained).
  ArticleGenerator gen(11);
  Article redated = gen.Make(10);
  redated.published = "2024-03-30";
  ASSERT_EQ(s().PutArticle(redated)->outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(s().GetStorySummary("new")->last_seen, "2024-03-30");
  EXPECT_TRUE(s().CheckIntegrity().ok()) << s().CheckIntegrity().ToString();

  ASSERT_TRUE(s().UnassignArticle("gen-10").ok());
  EXPECT_EQ(s().GetStorySummary("new")->last_seen, "2024-03-03");
  EXPECT_EQ(s().GetStorySummary("new")->article_ids, std::vector<std::string>{"gen-2"});
  ASSERT_TRUE(s().DeleteStory("new").ok());
  EXPECT_EQ(*s().StoryOfArticle("gen-2"), "");  // unassigned, still stored
  EXPECT_EQ(*s().CountArticles(), 12);
  EXPECT_EQ(s().DeleteStory("new").code(), StatusCode::kNotFound);
  EXPECT_TRUE(s().CheckIntegrity().ok()) << s().CheckIntegrity().ToString();
}

TEST_F(StoreStories, MergeMovesArticlesAndLeavesTombstone) {
  for (const char* id : {"a", "b", "c"}) ASSERT_TRUE(s().PutStory(MakeStory(id)).ok());
  ASSERT_TRUE(s().AssignArticleToStory("gen-0", "a").ok());
  ASSERT_TRUE(s().AssignArticleToStory("gen-1", "b").ok());
  ASSERT_TRUE(s().AssignArticleToStory("gen-2", "c").ok());
  ASSERT_TRUE(s().MergeStories("a", "b").ok());
  ASSERT_TRUE(s().MergeStories("b", "c").ok());
  EXPECT_EQ(s().GetStorySummary("c")->article_ids,
            (std::vector<std::string>{"gen-0", "gen-1", "gen-2"}));
  EXPECT_EQ(s().GetStory("a")->merged_into, "c");  // tombstones point at the live story
  EXPECT_EQ(s().GetStory("b")->merged_into, "c");
  EXPECT_EQ(*s().CountStories(), 1);
  EXPECT_EQ(s().ListStories()->size(), 1u);
  EXPECT_EQ(s().MergeStories("c", "c").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s().MergeStories("a", "c").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s().AssignArticleToStory("gen-3", "a").code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(s().CheckIntegrity().ok());
}

// The clusterer can bring a merged-away id back (a split whose first article
// once led that story): PutStory revives it.
TEST_F(StoreStories, PutStoryRevivesATombstone) {
  for (const char* id : {"a", "b"}) ASSERT_TRUE(s().PutStory(MakeStory(id)).ok());
  ASSERT_TRUE(s().AssignArticleToStory("gen-0", "a").ok());
  ASSERT_TRUE(s().AssignArticleToStory("gen-1", "b").ok());
  ASSERT_TRUE(s().MergeStories("a", "b").ok());
  ASSERT_TRUE(s().PutStory(MakeStory("a")).ok());
  EXPECT_EQ(s().GetStory("a")->merged_into, "");
  ASSERT_TRUE(s().AssignArticleToStory("gen-0", "a").ok());
  EXPECT_EQ(*s().CountStories(), 2);
  EXPECT_TRUE(s().CheckIntegrity().ok());
}

TEST_F(StoreStories, DuplicateLinks) {
  ASSERT_TRUE(s().PutStory(MakeStory("s")).ok());
  for (const char* id : {"gen-0", "gen-1", "gen-2"}) ASSERT_TRUE(s().AssignArticleToStory(id, "s").ok());
  ASSERT_TRUE(s().LinkDuplicate("gen-1", "gen-0", DuplicateKind::kExact, 1.0).ok());
  ASSERT_TRUE(s().LinkDuplicate("gen-2", "gen-1", DuplicateKind::kNear, 0.8).ok());
  ASSERT_TRUE(s().LinkDuplicate("gen-5", "gen-4", DuplicateKind::kNear, 0.9).ok());  // no story
  EXPECT_EQ(s().LinkDuplicate("gen-0", "gen-2", DuplicateKind::kNear, 0.8).code(),
            StatusCode::kInvalidArgument);  // cycle
  EXPECT_EQ(s().LinkDuplicate("gen-0", "gen-0", DuplicateKind::kExact, 1).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(s().LinkDuplicate("gen-0", "gen-3", DuplicateKind::kExact, 1.5).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(s().LinkDuplicate("gen-0", "nope", DuplicateKind::kExact, 1).code(),
            StatusCode::kNotFound);
  auto in_story = s().ListDuplicates("s");
  ASSERT_TRUE(in_story.ok());
  ASSERT_EQ(in_story->size(), 2u);
  EXPECT_EQ((*in_story)[0].article_id, "gen-1");
  EXPECT_EQ((*in_story)[0].duplicate_of_id, "gen-0");
  EXPECT_EQ((*in_story)[1].kind, DuplicateKind::kNear);
  EXPECT_DOUBLE_EQ((*in_story)[1].similarity, 0.8);
  EXPECT_EQ(s().ListDuplicates("")->size(), 3u);
  ASSERT_TRUE(s().LinkDuplicate("gen-2", "gen-0", DuplicateKind::kExact, 1.0).ok());  // relink
  EXPECT_EQ(s().ListDuplicates("s")->at(1).duplicate_of_id, "gen-0");
  EXPECT_EQ(s().ListDuplicates("nope").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace parallax
