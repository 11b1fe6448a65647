// Article identity, idempotency, versioning and round trips.
#include "parallax/store.h"
#include "store/test_db.h"
#include "store/test_util.h"

namespace parallax {
namespace {

using store_testing::ArticleGenerator;
using store_testing::FreshDbPath;

std::unique_ptr<Store> OpenFresh(const std::string& name) {
  StoreOptions opt;
  int tick = 0;
  opt.clock = [tick]() mutable { return "2026-01-01T00:00:" + std::to_string(10 + tick++) + "Z"; };
  auto db = Store::Open(FreshDbPath(name), opt);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

Article Sample() {
  Article a;
  a.id = "cnn-1";
  a.url = "https://cnn.example/2024/03/25/ceasefire";
  a.outlet = "CNN";
  a.title = "Security Council demands ceasefire";
  a.author = "Jane Doe";
  a.published = "2024-03-25";
  a.published_source = DateSource::kMetadata;
  a.language = "en";
  a.place = "United Nations";
  a.source = "cnn.html";
  a.blocks = {{BlockKind::kParagraph, "The vote passed 14-0.\n\nIt was a first."},
              {BlockKind::kHeading, "Key Facts"},
              {BlockKind::kListItem, ""},
              {BlockKind::kQuote, "“We welcome it,” she said."}};
  a.captions = {"Photo: AP / \"quoted\""};
  return a;
}

TEST(StoreArticles, RoundTripsEveryField) {
  auto s = OpenFresh("roundtrip");
  Article a = Sample();
  auto put = s->PutArticle(a);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(put->outcome, PutOutcome::kInserted);
  EXPECT_EQ(put->id, "cnn-1");
  EXPECT_EQ(put->version, 1);
  auto got = s->GetArticle("cnn-1");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->article, a);  // blocks with blank lines and empty blocks survive
  EXPECT_EQ(got->seq, 1);
  EXPECT_EQ(got->version, 1);
  EXPECT_EQ(got->content_hash, ContentHash(a));
  EXPECT_EQ(got->first_seen, got->last_seen);
  EXPECT_EQ(s->GetArticle("nope").status().code(), StatusCode::kNotFound);
}

TEST(StoreArticles, ContentHashIgnoresSpacingAndCase) {
  Article a = Sample();
  Article b = a;
  b.title = "  SECURITY council\tdemands   ceasefire ";
  b.blocks[0].text = "The vote passed 14-0. It   was a first.";
  EXPECT_EQ(ContentHash(a), ContentHash(b));
  b.title = "Security Council demands";  // the title/body boundary counts
  b.blocks[0].text = "ceasefire " + a.blocks[0].text;
  EXPECT_NE(ContentHash(a), ContentHash(b));
}

TEST(StoreArticles, SameIdSameContentIsUnchangedAndRefreshesMetadata) {
  auto s = OpenFresh("unchanged");
  ASSERT_TRUE(s->PutArticle(Sample()).ok());
  Article again = Sample();
  again.author = "";  // unknown this time: keeps the stored author
  again.published = "2024-03-25T14:00:00Z";
  again.blocks[0].text = "The  vote passed 14-0. It was a first.";  // same content hash
  auto put = s->PutArticle(again);
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(put->version, 1);
  auto got = s->GetArticle("cnn-1");
  EXPECT_EQ(got->article.author, "Jane Doe");
  EXPECT_EQ(got->article.published, "2024-03-25T14:00:00Z");
  EXPECT_EQ(got->article.blocks, Sample().blocks);  // content kept as first stored
  EXPECT_NE(got->first_seen, got->last_seen);
  EXPECT_TRUE(s->GetArticleVersions("cnn-1")->empty());
}

TEST(StoreArticles, ChangedContentIsVersioned) {
  auto s = OpenFresh("versions");
  Article v1 = Sample();
  ASSERT_TRUE(s->PutArticle(v1).ok());
  Article v2 = v1;
  v2.title = "Security Council demands immediate ceasefire";
  auto put = s->PutArticle(v2);
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->outcome, PutOutcome::kUpdated);
  EXPECT_EQ(put->version, 2);
  Article v3 = v2;
  v3.blocks.push_back({BlockKind::kParagraph, "Updated at 3pm."});
  EXPECT_EQ(s->PutArticle(v3)->version, 3);
  auto got = s->GetArticle("cnn-1");
  EXPECT_EQ(got->article, v3);
  EXPECT_EQ(got->version, 3);
  auto versions = s->GetArticleVersions("cnn-1");
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version, 1);
  EXPECT_EQ((*versions)[0].title, v1.title);
  EXPECT_EQ((*versions)[0].blocks, v1.blocks);
  EXPECT_EQ((*versions)[1].title, v2.title);
  // Seeing an old version again doesn't roll back; re-runs converge.
  for (const Article& old : {v1, v2, v3}) {
    auto r = s->PutArticle(old);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->outcome, PutOutcome::kUnchanged);
    EXPECT_EQ(r->version, 3);
  }
  EXPECT_EQ(s->GetArticle("cnn-1")->article, v3);
  EXPECT_TRUE(s->CheckIntegrity().ok()) << s->CheckIntegrity().ToString();
  // The search index follows the current text only.
  EXPECT_EQ(s->Search("3pm")->size(), 1u);
  EXPECT_EQ(s->Search("immediate")->size(), 1u);
}

TEST(StoreArticles, SameUrlDifferentIdIsTheSameArticle) {
  auto s = OpenFresh("byurl");
  ASSERT_TRUE(s->PutArticle(Sample()).ok());
  Article other = Sample();
  other.id = "derived-id-from-another-reader";
  auto put = s->PutArticle(other);
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(put->id, "cnn-1");
  other.title = "Changed headline";
  put = s->PutArticle(other);
  EXPECT_EQ(put->outcome, PutOutcome::kUpdated);
  EXPECT_EQ(put->id, "cnn-1");
  EXPECT_EQ(*s->CountArticles(), 1);
}

TEST(StoreArticles, UrlLessArticlesMatchByOutletAndContent) {
  auto s = OpenFresh("bycontent");
  Article a = Sample();
  a.url.clear();
  ASSERT_TRUE(s->PutArticle(a).ok());
  Article copy = a;
  copy.id = "other-name.txt";
  auto put = s->PutArticle(copy);
  EXPECT_EQ(put->outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(put->id, "cnn-1");
  Article syndicated = copy;  // same text, another outlet: another article
  syndicated.outlet = "WRAL";
  EXPECT_EQ(s->PutArticle(syndicated)->outcome, PutOutcome::kInserted);
  Article with_url = copy;  // same text with a URL: another article
  with_url.id = "with-url";
  with_url.url = "https://cnn.example/x";
  EXPECT_EQ(s->PutArticle(with_url)->outcome, PutOutcome::kInserted);
  EXPECT_EQ(*s->CountArticles(), 3);
}

TEST(StoreArticles, UrlOwnedByAnotherArticleIsRejected) {
  auto s = OpenFresh("urlconflict");
  Article a = Sample();
  Article b = Sample();
  b.id = "bbc-1";
  b.url = "https://bbc.example/1";
  ASSERT_TRUE(s->PutArticle(a).ok());
  ASSERT_TRUE(s->PutArticle(b).ok());
  b.url = a.url;  // bbc-1 now claims cnn-1's URL
  auto put = s->PutArticle(b);
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(put.status().message().find("already belongs to stored article 'cnn-1'"),
            std::string::npos);
}

TEST(StoreArticles, BatchIsIdempotent) {
  auto s = OpenFresh("batch");
  ArticleGenerator gen(7);
  std::vector<Article> batch = gen.MakeRange(0, 500);
  batch.push_back(batch[3]);  // a repeat inside the batch
  auto first = s->PutArticles(batch);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->size(), 501u);
  for (size_t i = 0; i < 500; ++i) EXPECT_EQ((*first)[i].outcome, PutOutcome::kInserted);
  EXPECT_EQ((*first)[500].outcome, PutOutcome::kUnchanged);
  auto second = s->PutArticles(batch);
  ASSERT_TRUE(second.ok());
  for (const PutResult& r : *second) EXPECT_EQ(r.outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(*s->CountArticles(), 500);
  EXPECT_TRUE(s->CheckIntegrity().ok());
}

TEST(StoreArticles, ForEachOrdersFiltersAndResumes) {
  auto s = OpenFresh("foreach");
  ArticleGenerator gen(3);
  std::vector<Article> batch = gen.MakeRange(0, 40);
  batch[5].published.clear();  // falls back to first_seen (2026-...): sorts last
  ASSERT_TRUE(s->PutArticles(batch).ok());
  std::vector<std::string> dates;
  std::vector<int64_t> seqs;
  ASSERT_TRUE(s->ForEachArticle({}, [&](StoredArticle&& a) {
                 dates.push_back(a.article.published.empty() ? a.first_seen : a.article.published);
                 seqs.push_back(a.seq);
                 return true;
               }).ok());
  ASSERT_EQ(dates.size(), 40u);
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end()));
  EXPECT_EQ(seqs.back(), 6);  // batch[5]

  ArticleQuery q;
  q.order = ArticleQuery::Order::kSeq;
  q.after_seq = 30;
  q.with_content = false;
  std::vector<int64_t> tail;
  ASSERT_TRUE(s->ForEachArticle(q, [&](StoredArticle&& a) {
                 EXPECT_TRUE(a.article.blocks.empty());
                 tail.push_back(a.seq);
                 return tail.size() < 5;  // stop early
               }).ok());
  EXPECT_EQ(tail, (std::vector<int64_t>{31, 32, 33, 34, 35}));

  ASSERT_TRUE(s->PutStory(store_testing::MakeStory("s1")).ok());
  ASSERT_TRUE(s->AssignArticleToStory("gen-0", "s1").ok());
  ArticleQuery unassigned;
  unassigned.only_unassigned = true;
  int n = 0;
  ASSERT_TRUE(s->ForEachArticle(unassigned, [&](StoredArticle&& a) {
                 EXPECT_NE(a.article.id, "gen-0");
                 ++n;
                 return true;
               }).ok());
  EXPECT_EQ(n, 39);
}

}  // namespace
}  // namespace parallax
