// StoryAssigner: stories assigned as articles are stored, resumable.
#include "parallax/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace parallax {
namespace {

Article Make(const std::string& id, const std::string& outlet, const std::string& date,
             const std::string& title, const std::vector<std::string>& paragraphs) {
  Article a;
  a.id = id;
  a.outlet = outlet;
  a.url = "https://" + outlet + "/" + id;
  a.published = date;
  a.title = title;
  for (const std::string& p : paragraphs) a.blocks.push_back({BlockKind::kParagraph, p});
  return a;
}

// Three events, several outlets each, in publication order.
std::vector<Article> Stream() {
  const std::string quake =
      "A magnitude 6.4 earthquake struck near the city of Izmir in western Turkey on Tuesday, "
      "damaging buildings and sending residents into the streets. ";
  const std::string floods =
      "Heavy monsoon rains triggered flash floods across Kerala in southern India, forcing "
      "thousands of families from their homes as rivers burst their banks. ";
  const std::string election =
      "Voters in Chile went to the polls on Sunday in a presidential runoff between Gabriel "
      "Boric and Jose Antonio Kast after a polarised campaign. ";
  return {
      Make("q1", "reuters.com", "2024-03-05", "Strong earthquake hits western Turkey",
           {quake, "The Izmir governor said rescue teams were searching collapsed buildings."}),
      Make("f1", "thehindu.com", "2024-03-05", "Flash floods in Kerala displace thousands",
           {floods, "Kerala's chief minister said relief camps had opened in Ernakulam."}),
      Make("q2", "bbc.co.uk", "2024-03-05", "Izmir earthquake: rescuers search rubble",
           {"Rescuers in Izmir searched the rubble of collapsed buildings after the earthquake "
            "in western Turkey.",
            quake}),
      Make("e1", "latercera.com", "2024-03-06", "Chile votes in presidential runoff",
           {election, "Boric promised to expand social rights while Kast campaigned on order."}),
      Make("f2", "ndtv.com", "2024-03-06", "Kerala floods: relief camps open",
           {"Relief camps opened across Kerala after flash floods in southern India.", floods}),
      Make("q3", "aljazeera.com", "2024-03-06", "Turkey earthquake death toll rises",
           {"The death toll from the earthquake near Izmir in western Turkey rose as rescuers "
            "searched collapsed buildings.",
            quake}),
      Make("q3copy", "dailysabah.com", "2024-03-06", "Turkey earthquake death toll rises",
           {"The death toll from the earthquake near Izmir in western Turkey rose as rescuers "
            "searched collapsed buildings.",
            quake}),
      Make("e2", "emol.com", "2024-03-07", "Boric wins Chile runoff against Kast",
           {"Gabriel Boric won the presidential runoff in Chile, defeating Jose Antonio Kast.",
            election}),
      Make("f3", "indianexpress.com", "2024-03-07", "Kerala flash floods: rivers recede",
           {"Rivers in Kerala began to recede after the flash floods in southern India.", floods}),
  };
}

std::unique_ptr<Store> OpenTemp(const std::string& name) {
  std::string path = testing::TempDir() + "/assigner_" + name + ".db";
  std::remove(path.c_str());
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
  Result<std::unique_ptr<Store>> s = Store::Open(path, {});
  EXPECT_TRUE(s.ok()) << s.status().message();
  return std::move(s).value();
}

// article id -> story id, as stored.
std::map<std::string, std::string> Assignment(Store& store) {
  std::map<std::string, std::string> out;
  ListStoriesOptions o;
  o.limit = 0;
  Result<std::vector<StorySummary>> stories = store.ListStories(o);
  EXPECT_TRUE(stories.ok());
  for (const StorySummary& s : *stories) {
    for (const std::string& a : s.article_ids) {
      EXPECT_EQ(out.count(a), 0u) << a << " in two stories";
      out[a] = s.story.id;
    }
  }
  return out;
}

TEST(StoryAssigner, AssignsEveryArticleToOneStoryPerEvent) {
  auto store = OpenTemp("events");
  std::vector<Article> all = Stream();
  ASSERT_TRUE(store->PutArticles(all).ok());
  auto assigner = StoryAssigner::Open(*store);
  ASSERT_TRUE(assigner.ok()) << assigner.status().message();
  Result<AssignStats> st = (*assigner)->Assign();
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(st->articles, all.size());
  EXPECT_EQ(st->duplicates, 1u);
  std::map<std::string, std::string> got = Assignment(*store);
  ASSERT_EQ(got.size(), all.size());
  EXPECT_EQ(got["q1"], got["q2"]);
  EXPECT_EQ(got["q1"], got["q3"]);
  EXPECT_EQ(got["q1"], got["q3copy"]);
  EXPECT_EQ(got["f1"], got["f2"]);
  EXPECT_EQ(got["f1"], got["f3"]);
  EXPECT_EQ(got["e1"], got["e2"]);
  EXPECT_EQ((std::set<std::string>{got["q1"], got["f1"], got["e1"]}).size(), 3u);
  Result<std::vector<DuplicateLink>> dups = store->ListDuplicates("");
  ASSERT_TRUE(dups.ok());
  ASSERT_EQ(dups->size(), 1u);
  EXPECT_EQ((*dups)[0].article_id, "q3copy");
  EXPECT_EQ((*dups)[0].duplicate_of_id, "q3");
  EXPECT_TRUE(store->CheckIntegrity().ok());

  // Nothing new: no work, nothing written.
  Result<AssignStats> again = (*assigner)->Assign();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->articles, 0u);
  EXPECT_EQ(Assignment(*store), got);
}

TEST(StoryAssigner, ResumingAcrossRunsGivesTheSameStoriesAsOneRun) {
  std::vector<Article> all = Stream();
  auto one = OpenTemp("one_run");
  ASSERT_TRUE(one->PutArticles(all).ok());
  ASSERT_TRUE((*StoryAssigner::Open(*one))->Assign().ok());

  // Three runs, each a fresh process: store a batch, open, assign.
  auto many = OpenTemp("many_runs");
  for (size_t begin = 0; begin < all.size(); begin += 3) {
    std::vector<Article> batch(all.begin() + begin, all.begin() + std::min(all.size(), begin + 3));
    ASSERT_TRUE(many->PutArticles(batch).ok());
    auto assigner = StoryAssigner::Open(*many);
    ASSERT_TRUE(assigner.ok()) << assigner.status().message();
    Result<AssignStats> st = (*assigner)->Assign();
    ASSERT_TRUE(st.ok()) << st.status().message();
    EXPECT_EQ(st->articles, batch.size());
  }
  EXPECT_EQ(Assignment(*many), Assignment(*one));
  EXPECT_TRUE(many->CheckIntegrity().ok());
}

TEST(StoryAssigner, LaterArticlesJoinStoredStories) {
  std::vector<Article> all = Stream();
  auto store = OpenTemp("join");
  std::vector<Article> first(all.begin(), all.begin() + 4);
  ASSERT_TRUE(store->PutArticles(first).ok());
  ASSERT_TRUE((*StoryAssigner::Open(*store))->Assign().ok());
  std::vector<Article> rest(all.begin() + 4, all.end());
  ASSERT_TRUE(store->PutArticles(rest).ok());
  Result<AssignStats> st = (*StoryAssigner::Open(*store))->Assign();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->new_stories, 0u);  // every later article belongs to a known event
  std::map<std::string, std::string> got = Assignment(*store);
  EXPECT_EQ(got["f2"], got["f1"]);
  EXPECT_EQ(got["e2"], got["e1"]);
  EXPECT_EQ(got["q3"], got["q1"]);
}

// Two assigners on one store (say `watch` and the server): each picks up the
// other's saved state before clustering, so the stories are those of one
// assigner fed everything.
TEST(StoryAssigner, ConcurrentAssignersDoNotOverwriteEachOther) {
  std::vector<Article> all = Stream();
  auto one = OpenTemp("single");
  ASSERT_TRUE(one->PutArticles(all).ok());
  ASSERT_TRUE((*StoryAssigner::Open(*one))->Assign().ok());

  auto first = OpenTemp("shared");
  Result<std::unique_ptr<Store>> second =
      Store::Open(testing::TempDir() + "/assigner_shared.db", {});
  ASSERT_TRUE(second.ok());
  auto a = StoryAssigner::Open(*first);
  auto b = StoryAssigner::Open(**second);  // both loaded before any work
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t begin = 0; begin < all.size(); begin += 3) {
    std::vector<Article> batch(all.begin() + begin, all.begin() + std::min(all.size(), begin + 3));
    const bool use_a = (begin / 3) % 2 == 0;
    Store& store = use_a ? *first : **second;
    ASSERT_TRUE(store.PutArticles(batch).ok());
    Result<AssignStats> st = (use_a ? *a : *b)->Assign();
    ASSERT_TRUE(st.ok()) << st.status().message();
    EXPECT_EQ(st->articles, batch.size());
  }
  EXPECT_EQ(Assignment(*first), Assignment(*one));
}

// `parallax ingest`'s path: store here, cluster on a worker, one commit. The
// stories are those of Assign() after every stored batch.
TEST(StreamingIngest, GivesTheStoriesOfAssignAfterEachBatch) {
  std::vector<Article> all = Stream();
  auto reference = OpenTemp("batch_assign");
  auto streamed = OpenTemp("streamed");
  Result<std::unique_ptr<StreamingIngest>> in = StreamingIngest::Start(*streamed, {}, 1);
  ASSERT_TRUE(in.ok()) << in.status().message();
  IngestCounts counts;
  for (size_t begin = 0; begin < all.size(); begin += 4) {
    std::vector<Article> batch(all.begin() + begin, all.begin() + std::min(all.size(), begin + 4));
    std::reverse(batch.begin(), batch.end());  // clustered in publication order anyway
    std::vector<Article> copy = batch;
    ASSERT_TRUE(StoreArticles(*reference, &copy, &counts, {}).ok());
    ASSERT_TRUE((*StoryAssigner::Open(*reference))->Assign().ok());
    ASSERT_TRUE((*in)->Add(&batch, &counts, {}).ok());
    EXPECT_TRUE(batch.empty());
  }
  Result<AssignStats> st = (*in)->Finish();
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(st->articles, all.size());
  EXPECT_EQ(st->duplicates, 1u);
  EXPECT_EQ(Assignment(*streamed), Assignment(*reference));
  Result<std::vector<DuplicateLink>> dups = streamed->ListDuplicates("");
  Result<std::vector<DuplicateLink>> want = reference->ListDuplicates("");
  ASSERT_TRUE(dups.ok() && want.ok());
  ASSERT_EQ(dups->size(), 1u);
  ASSERT_EQ(want->size(), 1u);
  // Same date, reversed batch: q3copy is stored, and clustered, before q3.
  EXPECT_EQ((*dups)[0].article_id, "q3");
  EXPECT_EQ((*dups)[0].article_id, (*want)[0].article_id);
  EXPECT_TRUE(streamed->CheckIntegrity().ok());

  // The saved state resumes: a later article joins its stored story, and
  // re-ingesting stored articles re-clusters nothing.
  Result<std::unique_ptr<StreamingIngest>> again = StreamingIngest::Start(*streamed);
  ASSERT_TRUE(again.ok());
  std::vector<Article> repeat(all.begin(), all.begin() + 3);
  repeat.push_back(Make("q4", "apnews.com", "2024-03-08", "Izmir earthquake survivors mourn",
                        {"Survivors of the earthquake near Izmir in western Turkey mourned as "
                         "rescuers ended the search of collapsed buildings.",
                         "The magnitude 6.4 earthquake damaged buildings across the city."}));
  ASSERT_TRUE((*again)->Add(&repeat, &counts, {}).ok());
  Result<AssignStats> st2 = (*again)->Finish();
  ASSERT_TRUE(st2.ok());
  EXPECT_EQ(st2->articles, 1u);
  EXPECT_FALSE(st2->snapshot);  // one article: journalled
  // A new process replays the journal (articles read back from the store) to
  // the state the streaming run had in memory.
  auto reopened = StoryAssigner::Open(*streamed);
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  std::string in_memory, replayed;
  (*again)->clusterer().Save(&in_memory);
  (*reopened)->clusterer().Save(&replayed);
  EXPECT_EQ(in_memory, replayed);
  std::map<std::string, std::string> got = Assignment(*streamed);
  EXPECT_EQ(got["q4"], got["q1"]);
  EXPECT_EQ(got.size(), all.size() + 1);
}

// A run that stops before its commit leaves its articles stored and
// unassigned; the next run assigns them first, from the last saved state.
TEST(StreamingIngest, AnInterruptedRunIsCompletedByTheNextOne) {
  std::vector<Article> all = Stream();
  auto one = OpenTemp("one_assign");
  ASSERT_TRUE(one->PutArticles(all).ok());
  ASSERT_TRUE((*StoryAssigner::Open(*one))->Assign().ok());

  auto store = OpenTemp("interrupted");
  IngestCounts counts;
  {
    Result<std::unique_ptr<StreamingIngest>> in = StreamingIngest::Start(*store);
    ASSERT_TRUE(in.ok());
    std::vector<Article> batch = all;
    ASSERT_TRUE((*in)->Add(&batch, &counts, {}).ok());
    // Destroyed without Finish(): clustered in memory, nothing committed.
  }
  EXPECT_TRUE(Assignment(*store).empty());
  Result<std::unique_ptr<StreamingIngest>> next = StreamingIngest::Start(*store);
  ASSERT_TRUE(next.ok());
  Result<AssignStats> st = (*next)->Finish();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->articles, all.size());
  EXPECT_EQ(Assignment(*store), Assignment(*one));
}

// Another assigner committed while this stream was clustering: the stream's
// work is redone from the store on top of the newer state, nothing is lost.
TEST(StreamingIngest, ANewerStateSavedMeanwhileIsNotOverwritten) {
  std::vector<Article> all = Stream();
  auto one = OpenTemp("one_pass");
  ASSERT_TRUE(one->PutArticles(all).ok());
  ASSERT_TRUE((*StoryAssigner::Open(*one))->Assign().ok());

  auto store = OpenTemp("raced");
  Result<std::unique_ptr<Store>> other = Store::Open(testing::TempDir() + "/assigner_raced.db", {});
  ASSERT_TRUE(other.ok());
  Result<std::unique_ptr<StreamingIngest>> in = StreamingIngest::Start(*store);
  ASSERT_TRUE(in.ok());
  std::vector<Article> first(all.begin(), all.begin() + 5);
  ASSERT_TRUE((**other).PutArticles(first).ok());
  ASSERT_TRUE((*StoryAssigner::Open(**other))->Assign().ok());  // commits first
  std::vector<Article> rest(all.begin() + 5, all.end());
  IngestCounts counts;
  ASSERT_TRUE((*in)->Add(&rest, &counts, {}).ok());
  Result<AssignStats> st = (*in)->Finish();
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(Assignment(*store), Assignment(*one));
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

// Small commits append the ids they clustered to a journal instead of
// rewriting the whole state; a new process replays the journal on the last
// snapshot and reaches exactly the state of the process that wrote it.
TEST(StoryAssigner, JournalledCommitsReplayToTheSameState) {
  std::vector<Article> all = Stream();
  auto store = OpenTemp("journal");
  auto writer = StoryAssigner::Open(*store);
  ASSERT_TRUE(writer.ok());
  for (size_t i = 0; i < all.size(); ++i) {
    ASSERT_TRUE(store->PutArticle(all[i]).ok());
    Result<AssignStats> st = (*writer)->Assign();
    ASSERT_TRUE(st.ok()) << st.status().message();
    EXPECT_EQ(st->snapshot, i == 0) << i;  // only the first commit writes a snapshot
    if (i > 0) {
      EXPECT_LT(st->state_bytes, 64u);  // one id, not the state
    }
    if (i == all.size() / 2) {
      auto midway = StoryAssigner::Open(*store);
      ASSERT_TRUE(midway.ok()) << midway.status().message();
      std::string a, b;
      (*writer)->clusterer().Save(&a);
      (*midway)->clusterer().Save(&b);
      EXPECT_EQ(a, b);
    }
  }
  auto reader = StoryAssigner::Open(*store);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  std::string a, b;
  (*writer)->clusterer().Save(&a);
  (*reader)->clusterer().Save(&b);
  EXPECT_EQ(a, b);

  auto one = OpenTemp("journal_one_run");
  ASSERT_TRUE(one->PutArticles(all).ok());
  ASSERT_TRUE((*StoryAssigner::Open(*one))->Assign().ok());
  EXPECT_EQ(Assignment(*store), Assignment(*one));

  // The reader continues where the writer stopped (it reloads nothing).
  Article late = Make("q4", "apnews.com", "2024-03-08", "Izmir earthquake survivors mourn",
                      {"Survivors of the earthquake near Izmir in western Turkey mourned as "
                       "rescuers ended the search of collapsed buildings.",
                       "The magnitude 6.4 earthquake damaged buildings across the city."});
  ASSERT_TRUE(store->PutArticle(late).ok());
  ASSERT_TRUE((*reader)->Assign().ok());
  std::map<std::string, std::string> got = Assignment(*store);
  EXPECT_EQ(got["q4"], got["q1"]);

  // A missing journal entry is corrupt state, not silently skipped.
  Result<std::optional<std::string>> g = store->GetState("cluster/state.generation");
  ASSERT_TRUE(g.ok() && g->has_value());
  ASSERT_TRUE(store->DeleteState("cluster/journal." + **g).ok());
  auto broken = StoryAssigner::Open(*store);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.status().code(), StatusCode::kInvalidInput);
}

TEST(StoryAssigner, CorruptStateIsReportedNotIgnored) {
  auto store = OpenTemp("corrupt");
  ASSERT_TRUE(store->PutState("cluster/state.chunks", "1").ok());
  ASSERT_TRUE(store->PutState("cluster/state.0", "not a clusterer").ok());
  auto assigner = StoryAssigner::Open(*store);
  ASSERT_FALSE(assigner.ok());
  EXPECT_EQ(assigner.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(assigner.status().message().find("cluster/state"), std::string::npos);
}

}  // namespace
}  // namespace parallax
