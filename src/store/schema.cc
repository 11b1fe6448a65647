#include "store/schema.h"

#include <string>
#include <vector>

namespace parallax::store_internal {
namespace {

// Version 1: the tables. Frozen (tests/migration_test.cc keeps a copy).
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL DEFAULT '',
  outlet TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  published_source TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  summary_only INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  blocks TEXT NOT NULL DEFAULT '[]',
  captions TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL DEFAULT 1,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  sort_date TEXT GENERATED ALWAYS AS (COALESCE(NULLIF(published, ''), first_seen)) VIRTUAL
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url <> '';
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_date ON articles(sort_date, seq);

CREATE TABLE article_versions (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  blocks TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (article, version)
) WITHOUT ROWID;

CREATE TABLE stories (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  state BLOB NOT NULL DEFAULT x'',
  closed INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  merged_into TEXT NOT NULL DEFAULT ''
);

CREATE TABLE story_articles (
  article INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  story INTEGER NOT NULL REFERENCES stories(seq) ON DELETE CASCADE,
  added TEXT NOT NULL
);
CREATE INDEX story_articles_story ON story_articles(story);

CREATE TABLE duplicates (
  article INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  duplicate_of INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('exact', 'near')),
  similarity REAL NOT NULL,
  CHECK (article <> duplicate_of)
);
CREATE INDEX duplicates_of ON duplicates(duplicate_of);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value BLOB NOT NULL,
  updated TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 2: full-text search, an external-content FTS5 index over
// articles(title, text) kept in step by triggers, built from existing rows.
// The update trigger fires only when title or text change, so bumping
// last_seen on a re-ingest doesn't touch the index.
constexpr const char* kSchemaV2 = R"sql(
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='seq',
  tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
)sql";

// Version 3.
// (a) The FTS insert trigger goes; the store indexes new rows itself. FTS5
// flushes its pending terms to a new segment at every savepoint, and a
// trigger body runs inside one, so the trigger turned a bulk insert into one
// tiny segment per article (3x the CPU). The update and delete triggers stay:
// those paths are rare and must never be missed.
// (b) Story listings: first/last seen and the article count live on the
// story row, kept by triggers, so "newest first" is an index scan instead of
// an aggregate over every assigned article on each page.
constexpr const char* kSchemaV3 = R"sql(
DROP TRIGGER articles_fts_insert;

ALTER TABLE stories ADD COLUMN first_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN last_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET
  article_count = (SELECT count(*) FROM story_articles sa WHERE sa.story = stories.seq),
  first_seen = coalesce((SELECT min(a.sort_date) FROM story_articles sa
                         JOIN articles a ON a.seq = sa.article WHERE sa.story = stories.seq), ''),
  last_seen = coalesce((SELECT max(a.sort_date) FROM story_articles sa
                        JOIN articles a ON a.seq = sa.article WHERE sa.story = stories.seq), '');
CREATE INDEX stories_recent ON stories(merged_into, last_seen DESC, id);

CREATE TRIGGER story_articles_added AFTER INSERT ON story_articles BEGIN
  UPDATE stories SET
    article_count = article_count + 1,
    first_seen = (SELECT CASE WHEN stories.first_seen = '' THEN a.sort_date
                              ELSE min(stories.first_seen, a.sort_date) END
                  FROM articles a WHERE a.seq = new.article),
    last_seen = (SELECT max(stories.last_seen, a.sort_date) FROM articles a WHERE a.seq = new.article)
  WHERE seq = new.story;
END;
CREATE TRIGGER story_articles_removed AFTER DELETE ON story_articles BEGIN
  UPDATE stories SET
    article_count = article_count - 1,
    first_seen = coalesce((SELECT min(a.sort_date) FROM story_articles sa
                           JOIN articles a ON a.seq = sa.article WHERE sa.story = old.story), ''),
    last_seen = coalesce((SELECT max(a.sort_date) FROM story_articles sa
                          JOIN articles a ON a.seq = sa.article WHERE sa.story = old.story), '')
  WHERE seq = old.story;
END;
CREATE TRIGGER story_articles_moved AFTER UPDATE OF story ON story_articles
WHEN old.story <> new.story BEGIN
  UPDATE stories SET
    article_count = article_count - 1,
    first_seen = coalesce((SELECT min(a.sort_date) FROM story_articles sa
                           JOIN articles a ON a.seq = sa.article WHERE sa.story = old.story), ''),
    last_seen = coalesce((SELECT max(a.sort_date) FROM story_articles sa
                          JOIN articles a ON a.seq = sa.article WHERE sa.story = old.story), '')
  WHERE seq = old.story;
  UPDATE stories SET
    article_count = article_count + 1,
    first_seen = (SELECT CASE WHEN stories.first_seen = '' THEN a.sort_date
                              ELSE min(stories.first_seen, a.sort_date) END
                  FROM articles a WHERE a.seq = new.article),
    last_seen = (SELECT max(stories.last_seen, a.sort_date) FROM articles a WHERE a.seq = new.article)
  WHERE seq = new.story;
END;
CREATE TRIGGER articles_date_changed AFTER UPDATE OF published ON articles
WHEN old.published IS NOT new.published BEGIN
  UPDATE stories SET
    first_seen = coalesce((SELECT min(a.sort_date) FROM story_articles sa
                           JOIN articles a ON a.seq = sa.article WHERE sa.story = stories.seq), ''),
    last_seen = coalesce((SELECT max(a.sort_date) FROM story_articles sa
                          JOIN articles a ON a.seq = sa.article WHERE sa.story = stories.seq), '')
  WHERE seq = (SELECT story FROM story_articles WHERE article = new.seq);
END;
)sql";

// Version 4: rendered briefs kept with their story (Store::PutBrief), so a
// server answers a story page from the store instead of building it. A row
// is valid only for the stamp it was built under (see Store::BriefStamp),
// which holds the story's revision: a counter that triggers bump on every
// change to the story row, its membership, its articles' content and their
// duplicate links (update times have one-second resolution, too coarse).
// The membership triggers of version 3 are recreated to bump it in the same
// UPDATE they already make (a separate trigger would update the row twice).
constexpr const char* kSchemaV4 = R"sql(
ALTER TABLE stories ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER stories_revision AFTER UPDATE OF title, state, closed, merged_into ON stories
WHEN new.revision = old.revision BEGIN
  UPDATE stories SET revision = old.revision + 1 WHERE seq = new.seq;
END;
DROP TRIGGER story_articles_added;
DROP TRIGGER story_articles_removed;
DROP TRIGGER story_articles_moved;
CREATE TRIGGER story_articles_added AFTER INSERT ON story_articles BEGIN
  UPDATE stories SET
    revision = revision + 1,
    article_count = article_count + 1,
    first_seen = (SELECT CASE WHEN stories.first_seen = '' THEN a.sort_date
                              ELSE min(stories.first_seen, a.sort_date) END
                  FROM articles a WHERE a.seq = new.article),
    last_seen = (SELECT max(stories.last_seen, a.sort_date) FROM articles a WHERE a.seq = new.article)
  WHERE seq = new.story;
END;
CREATE TRIGGER story_articles_removed AFTER DELETE ON story_articles BEGIN
  UPDATE stories SET
    revision = revision + 1,
    article_count = article_count - 1,
    first_seen = coalesce((SELECT min(a.sort_date) FROM story_articles sa
                           JOIN articles a ON a.seq = sa.article WHERE sa.story = old.story), ''),
    last_seen = coalesce((SELECT max(a.sort_date) FROM story_articles sa
                          JOIN articles a ON a.seq = sa.article WHERE sa.story = old.story), '')
  WHERE seq = old.story;
END;
CREATE TRIGGER story_articles_moved AFTER UPDATE OF story ON story_articles
WHEN old.story <> new.story BEGIN
  UPDATE stories SET
    revision = revision + 1,
    article_count = article_count - 1,
    first_seen = coalesce((SELECT min(a.sort_date) FROM story_articles sa
                           JOIN articles a ON a.seq = sa.article WHERE sa.story = old.story), ''),
    last_seen = coalesce((SELECT max(a.sort_date) FROM story_articles sa
                          JOIN articles a ON a.seq = sa.article WHERE sa.story = old.story), '')
  WHERE seq = old.story;
  UPDATE stories SET
    revision = revision + 1,
    article_count = article_count + 1,
    first_seen = (SELECT CASE WHEN stories.first_seen = '' THEN a.sort_date
                              ELSE min(stories.first_seen, a.sort_date) END
                  FROM articles a WHERE a.seq = new.article),
    last_seen = (SELECT max(stories.last_seen, a.sort_date) FROM articles a WHERE a.seq = new.article)
  WHERE seq = new.story;
END;
CREATE TRIGGER articles_revision AFTER UPDATE OF title, text, blocks, outlet, published, url ON articles
BEGIN
  UPDATE stories SET revision = revision + 1
  WHERE seq = (SELECT story FROM story_articles WHERE article = new.seq);
END;
CREATE TRIGGER duplicates_added_revision AFTER INSERT ON duplicates BEGIN
  UPDATE stories SET revision = revision + 1
  WHERE seq = (SELECT story FROM story_articles WHERE article = new.article);
END;
CREATE TRIGGER duplicates_changed_revision AFTER UPDATE ON duplicates BEGIN
  UPDATE stories SET revision = revision + 1
  WHERE seq = (SELECT story FROM story_articles WHERE article = new.article);
END;
CREATE TRIGGER duplicates_removed_revision AFTER DELETE ON duplicates BEGIN
  UPDATE stories SET revision = revision + 1
  WHERE seq = (SELECT story FROM story_articles WHERE article = old.article);
END;
CREATE TABLE briefs (
  story INTEGER PRIMARY KEY REFERENCES stories(seq) ON DELETE CASCADE,
  stamp TEXT NOT NULL,
  json BLOB NOT NULL,
  built TEXT NOT NULL
);
)sql";

const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> steps = {kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4};
  return steps;
}

Result<int64_t> QueryInt(Store::Impl& impl, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(impl.db, sql, -1, &raw, nullptr);
  Stmt stmt(raw, /*owned=*/true);
  if (rc == SQLITE_OK) rc = stmt.Step();
  if (rc == SQLITE_ROW) return stmt.Int(0);
  if ((rc & 0xff) == SQLITE_NOTADB) return InvalidInput(impl.path + ": file is not a database");
  return impl.Error(rc, "cannot read the database header");
}

Status ApplyStep(Store::Impl& impl, int from) {
  PARALLAX_RETURN_IF_ERROR(impl.Exec("BEGIN IMMEDIATE"));
  // Another process may have migrated while we waited for the lock.
  Result<int64_t> now = QueryInt(impl, "PRAGMA user_version");
  Status st = now.ok() ? Status::Ok() : now.status();
  if (st.ok() && *now == from) {
    if (from == 0) {
      std::string id = "PRAGMA application_id = " + std::to_string(kApplicationId);
      st = impl.Exec(id.c_str());
    }
    if (st.ok()) st = impl.Exec(Migrations()[static_cast<size_t>(from)]);
    std::string bump = "PRAGMA user_version = " + std::to_string(from + 1);
    if (st.ok()) st = impl.Exec(bump.c_str());
  }
  if (!st.ok()) {
    impl.Exec("ROLLBACK");
    return Status(st.code(), st.message() + " (while migrating schema " + std::to_string(from) +
                                 " to " + std::to_string(from + 1) + ")");
  }
  return impl.Exec("COMMIT");
}

}  // namespace

int LatestSchema() { return static_cast<int>(Migrations().size()); }

Status CheckSchema(Store::Impl& impl) {
  Result<int64_t> app = QueryInt(impl, "PRAGMA application_id");
  if (!app.ok()) return app.status();
  Result<int64_t> version = QueryInt(impl, "PRAGMA user_version");
  if (!version.ok()) return version.status();
  Result<int64_t> objects = QueryInt(impl, "SELECT count(*) FROM sqlite_schema");
  if (!objects.ok()) return objects.status();

  const bool fresh = *app == 0 && *version == 0 && *objects == 0;
  if (!fresh && *app != kApplicationId) {
    return InvalidInput(impl.path + ": not a Parallax database (it has " +
                        std::to_string(*objects) + " schema objects of another application)");
  }
  const int latest = LatestSchema();
  if (*version > latest) {
    return Unsupported(impl.path + ": database is newer than this binary (schema " +
                       std::to_string(*version) + " > " + std::to_string(latest) + ")");
  }
  if (impl.options.read_only && *version < latest) {
    if (fresh) return InvalidInput(impl.path + ": not a Parallax database (empty file)");
    return Unsupported(impl.path + ": database schema " + std::to_string(*version) +
                       " is older than this binary (" + std::to_string(latest) +
                       "); open it once read-write to upgrade");
  }
  impl.schema_version = static_cast<int>(*version);
  return Status::Ok();
}

Status Migrate(Store::Impl& impl) {
  const int latest = LatestSchema();
  for (int v = impl.schema_version; v < latest; ++v) {
    PARALLAX_RETURN_IF_ERROR(ApplyStep(impl, v));
    impl.schema_version = v + 1;
  }
  return Status::Ok();
}

}  // namespace parallax::store_internal
