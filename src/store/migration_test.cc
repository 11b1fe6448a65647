// Migrations: a schema-1 database written by hand (the frozen v1 DDL, as an
// old binary would have left it) opens, upgrades, and keeps its data.
#include <sqlite3.h>

#include "parallax/store.h"
#include "store/test_db.h"

namespace parallax {
namespace {

// Frozen copy of schema version 1 (src/store/schema.cc kSchemaV1) plus data.
constexpr const char* kVersion1Database = R"sql(
PRAGMA application_id = 1347570776;
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT NOT NULL DEFAULT '',
  outlet TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '', published_source TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '', place TEXT NOT NULL DEFAULT '',
  summary_only INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL, text TEXT NOT NULL DEFAULT '', blocks TEXT NOT NULL DEFAULT '[]',
  captions TEXT NOT NULL DEFAULT '[]', version INTEGER NOT NULL DEFAULT 1,
  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
  sort_date TEXT GENERATED ALWAYS AS (COALESCE(NULLIF(published, ''), first_seen)) VIRTUAL);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url <> '';
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_date ON articles(sort_date, seq);
CREATE TABLE article_versions (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE, version INTEGER NOT NULL,
  content_hash TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, blocks TEXT NOT NULL,
  fetched_at TEXT NOT NULL, PRIMARY KEY (article, version)) WITHOUT ROWID;
CREATE TABLE stories (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL DEFAULT '',
  state BLOB NOT NULL DEFAULT x'', closed INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL,
  updated TEXT NOT NULL, merged_into TEXT NOT NULL DEFAULT '');
CREATE TABLE story_articles (
  article INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  story INTEGER NOT NULL REFERENCES stories(seq) ON DELETE CASCADE, added TEXT NOT NULL);
CREATE INDEX story_articles_story ON story_articles(story);
CREATE TABLE duplicates (
  article INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  duplicate_of INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('exact', 'near')), similarity REAL NOT NULL,
  CHECK (article <> duplicate_of));
CREATE INDEX duplicates_of ON duplicates(duplicate_of);
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL, updated TEXT NOT NULL) WITHOUT ROWID;
PRAGMA user_version = 1;

INSERT INTO articles(seq, id, url, outlet, title, published, published_source, language,
  content_hash, text, blocks, version, first_seen, last_seen) VALUES
 (1, 'cnn-ceasefire', 'https://cnn.example/ceasefire', 'CNN', 'Security Council demands ceasefire',
  '2024-03-25', 'metadata', 'en', 'h1', 'The vote passed.' || char(10) || char(10) || 'Washington abstained.',
  '[["paragraph",16],["paragraph",21]]', 2, '2024-03-25T10:00:00Z', '2024-03-26T10:00:00Z'),
 (2, 'bbc-ceasefire', '', 'BBC', 'UN resolution on Gaza', '', '', 'en', 'h2',
  'Diplomats applauded the resolution.', '[["heading",35]]', 1, '2024-03-25T11:00:00Z',
  '2024-03-25T11:00:00Z');
INSERT INTO article_versions VALUES (1, 1, 'h0', 'Council to vote', 'Vote expected.',
  '[["paragraph",14]]', '2024-03-25T09:00:00Z');
INSERT INTO stories(seq, id, title, state, created, updated) VALUES
 (1, 'story-1', 'Gaza ceasefire vote', x'00ff', '2024-03-25T10:00:00Z', '2024-03-25T11:00:00Z');
INSERT INTO story_articles VALUES (1, 1, '2024-03-25T10:00:00Z'), (2, 1, '2024-03-25T11:00:00Z');
INSERT INTO duplicates VALUES (2, 1, 'near', 0.5);
INSERT INTO meta VALUES ('cluster/checkpoint', x'2a', '2024-03-25T11:00:00Z');
)sql";

TEST(StoreMigration, UpgradesVersion1WithDataIntact) {
  std::string path = store_testing::FreshDbPath("migrate_v1");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db, kVersion1Database, nullptr, nullptr, &err), SQLITE_OK) << err;
    sqlite3_close(db);
  }
  StoreOptions ro;
  ro.read_only = true;
  auto old = Store::Open(path, ro);  // a reader can't upgrade: clear refusal
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(old.status().message().find("schema 1 is older than this binary"), std::string::npos);

  auto opened = Store::Open(path);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Store& s = **opened;
  EXPECT_EQ(s.SchemaVersion(), Store::LatestSchemaVersion());
  EXPECT_TRUE(s.CheckIntegrity().ok()) << s.CheckIntegrity().ToString();

  auto a = s.GetArticle("cnn-ceasefire");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->article.title, "Security Council demands ceasefire");
  ASSERT_EQ(a->article.blocks.size(), 2u);
  EXPECT_EQ(a->article.blocks[1].text, "Washington abstained.");
  EXPECT_EQ(a->article.published_source, DateSource::kMetadata);
  EXPECT_EQ(a->version, 2);
  auto versions = s.GetArticleVersions("cnn-ceasefire");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].title, "Council to vote");
  EXPECT_EQ(s.GetArticle("bbc-ceasefire")->article.blocks[0].kind, BlockKind::kHeading);

  auto story = s.GetStorySummary("story-1");
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->article_ids, (std::vector<std::string>{"cnn-ceasefire", "bbc-ceasefire"}));
  // Version 3 computed the listing columns (bbc has no date: its first_seen counts).
  EXPECT_EQ(story->first_seen, "2024-03-25");
  EXPECT_EQ(story->last_seen, "2024-03-25T11:00:00Z");
  EXPECT_EQ(story->outlets, (std::vector<std::string>{"CNN", "BBC"}));
  EXPECT_EQ(s.GetStory("story-1")->state, std::string("\0\xff", 2));
  auto dups = s.ListDuplicates("story-1");
  ASSERT_TRUE(dups.ok());
  ASSERT_EQ(dups->size(), 1u);
  EXPECT_EQ((*dups)[0].kind, DuplicateKind::kNear);
  EXPECT_EQ(**s.GetState("cluster/checkpoint"), "*");

  // Version 2 built the search index over the rows already there.
  auto hits = s.Search("abstained");
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article_id, "cnn-ceasefire");
  EXPECT_EQ((*hits)[0].story_id, "story-1");
  EXPECT_EQ(s.Search("diplomats")->size(), 1u);
  // New rows after the upgrade are indexed and listed too.
  Article fresh;
  fresh.id = "dw-later";
  fresh.outlet = "DW";
  fresh.published = "2024-03-27";
  fresh.title = "Aid convoys wait at the border";
  fresh.blocks = {{BlockKind::kParagraph, "Trucks queued overnight."}};
  ASSERT_TRUE(s.PutArticle(fresh).ok());
  ASSERT_TRUE(s.AssignArticleToStory("dw-later", "story-1").ok());
  EXPECT_EQ(s.Search("convoys")->size(), 1u);
  EXPECT_EQ(s.GetStorySummary("story-1")->last_seen, "2024-03-27");
  EXPECT_TRUE(s.CheckIntegrity().ok()) << s.CheckIntegrity().ToString();

  // Reopening an up-to-date file migrates nothing and a reader may open it now.
  opened->reset();
  EXPECT_TRUE(Store::Open(path, ro).ok());
}

}  // namespace
}  // namespace parallax
