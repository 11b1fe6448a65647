// Stored briefs: valid only for the story revision they were built from.
#include "parallax/store.h"
#include "store/test_db.h"
#include "store/test_util.h"

namespace parallax {
namespace {

using store_testing::ArticleGenerator;
using store_testing::MakeStory;

class StoreBriefs : public testing::Test {
 protected:
  void SetUp() override {
    auto db = Store::Open(store_testing::FreshDbPath("briefs"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    store_ = std::move(db).value();
    ASSERT_TRUE(store_->PutArticles(gen_.MakeRange(0, 6)).ok());
    ASSERT_TRUE(store_->PutStory(MakeStory("s", "Story")).ok());
    ASSERT_TRUE(store_->AssignArticleToStory("gen-0", "s").ok());
    ASSERT_TRUE(store_->AssignArticleToStory("gen-1", "s").ok());
  }
  std::string Stamp(const std::string& id) {
    Result<StorySummary> summary = store_->GetStorySummary(id);
    EXPECT_TRUE(summary.ok()) << summary.status().ToString();
    return Store::BriefStamp(*summary, "v1");
  }
  std::optional<std::string> Brief(const std::string& id) {
    auto got = store_->GetBrief(id, Stamp(id));
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    return got.ok() ? *got : std::nullopt;
  }
  std::vector<std::string> Needing() {
    auto ids = store_->StoriesNeedingBriefs("v1", 0);
    EXPECT_TRUE(ids.ok()) << ids.status().ToString();
    return ids.ok() ? *ids : std::vector<std::string>{};
  }
  ArticleGenerator gen_{5};
  std::unique_ptr<Store> store_;
};

TEST_F(StoreBriefs, StoredBriefIsReturnedForItsStampOnly) {
  EXPECT_EQ(Needing(), std::vector<std::string>{"s"});
  EXPECT_FALSE(Brief("s").has_value());
  ASSERT_TRUE(store_->PutBrief("s", Stamp("s"), "{\"a\":1}").ok());
  EXPECT_EQ(Brief("s"), std::optional<std::string>("{\"a\":1}"));
  EXPECT_TRUE(Needing().empty());
  // Another variant (other options, another program version) is not served.
  auto other = store_->GetBrief("s", Store::BriefStamp(*store_->GetStorySummary("s"), "v2"));
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->has_value());
  EXPECT_EQ(*store_->StoriesNeedingBriefs("v2", 10), std::vector<std::string>{"s"});
  // Replacing keeps one row.
  ASSERT_TRUE(store_->PutBrief("s", Stamp("s"), "{\"a\":2}").ok());
  EXPECT_EQ(Brief("s"), std::optional<std::string>("{\"a\":2}"));
  EXPECT_EQ(store_->PutBrief("nope", "x", "{}").code(), StatusCode::kNotFound);
}

// Every kind of change outdates the brief, even within the same second
// (the store's clock here never moves).
TEST_F(StoreBriefs, EveryChangeToTheStoryOutdatesItsBrief) {
  std::vector<std::function<Status()>> changes = {
      [&] { return store_->AssignArticleToStory("gen-2", "s"); },
      [&] { return store_->UnassignArticle("gen-2"); },
      [&] { return store_->UpdateStory(MakeStory("s", "Renamed")); },
      [&] { return store_->LinkDuplicate("gen-1", "gen-0", DuplicateKind::kNear, 0.9); },
      [&] {
        Article a = gen_.Make(1);
        a.title += " (corrected)";
        return store_->PutArticle(a).status();
      },
      [&] {
        EXPECT_TRUE(store_->PutStory(MakeStory("t", "Other")).ok());
        EXPECT_TRUE(store_->AssignArticleToStory("gen-3", "t").ok());
        return store_->MergeStories("t", "s");
      },
  };
  for (size_t i = 0; i < changes.size(); ++i) {
    ASSERT_TRUE(store_->PutBrief("s", Stamp("s"), "old").ok());
    ASSERT_TRUE(Brief("s").has_value());
    Status st = changes[i]();
    ASSERT_TRUE(st.ok()) << "change " << i << ": " << st.ToString();
    EXPECT_FALSE(Brief("s").has_value()) << "change " << i << " kept the old brief";
    EXPECT_EQ(Needing(), std::vector<std::string>{"s"}) << "change " << i;
  }
}

TEST_F(StoreBriefs, NeedingBriefsSkipsEmptyAndMergedStoriesNewestFirst) {
  ASSERT_TRUE(store_->PutStory(MakeStory("empty")).ok());
  ASSERT_TRUE(store_->PutStory(MakeStory("later", "Later")).ok());
  ASSERT_TRUE(store_->AssignArticleToStory("gen-5", "later").ok());  // published after gen-0/1
  EXPECT_EQ(Needing(), (std::vector<std::string>{"later", "s"}));
  EXPECT_EQ(*store_->StoriesNeedingBriefs("v1", 1), std::vector<std::string>{"later"});
  ASSERT_TRUE(store_->MergeStories("later", "s").ok());
  EXPECT_EQ(Needing(), std::vector<std::string>{"s"});
}

}  // namespace
}  // namespace parallax
