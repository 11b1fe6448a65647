// Opening, pragmas, error messages, transactions and component state.
#include <sqlite3.h>

#include <fstream>

#include "parallax/store.h"
#include "store/test_db.h"
#include "store/test_util.h"

namespace parallax {
namespace {

using store_testing::FreshDbPath;

std::string Pragma(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

void RunSql(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

TEST(StoreOpen, CreatesWalDatabaseAtLatestSchema) {
  std::string path = FreshDbPath("create");
  auto db = Store::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ((*db)->SchemaVersion(), Store::LatestSchemaVersion());
  EXPECT_EQ((*db)->path(), path);
  EXPECT_EQ(Pragma(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(Pragma(path, "PRAGMA application_id"), std::to_string(0x50524C58));
  EXPECT_EQ(Pragma(path, "PRAGMA user_version"), std::to_string(Store::LatestSchemaVersion()));
  EXPECT_TRUE((*db)->CheckIntegrity().ok());
  db->reset();
  auto again = Store::Open(path);  // reopening is a no-op
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*(*again)->CountArticles(), 0);
}

TEST(StoreOpen, MissingFileWithoutCreateOrReadOnly) {
  std::string path = FreshDbPath("missing");
  StoreOptions ro;
  ro.read_only = true;
  auto r = Store::Open(path, ro);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().message(), path + ": no such database file");
  StoreOptions no_create;
  no_create.create = false;
  EXPECT_EQ(Store::Open(path, no_create).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Store::Open("").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Store::Open(testing::TempDir()).status().code(), StatusCode::kInvalidArgument);
}

TEST(StoreOpen, RejectsFileThatIsNotADatabase) {
  std::string path = FreshDbPath("garbage");
  std::ofstream(path) << "this is plain text, certainly not an SQLite file, padded out to be long "
                         "enough that SQLite reads a header from it ...........................";
  for (bool read_only : {false, true}) {
    StoreOptions opt;
    opt.read_only = read_only;
    auto r = Store::Open(path, opt);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(r.status().message(), path + ": file is not a database");
  }
}

TEST(StoreOpen, RejectsForeignSqliteDatabaseAndLeavesItAlone) {
  std::string path = FreshDbPath("foreign");
  RunSql(path, "CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('soup');");
  auto r = Store::Open(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(r.status().message().find(path + ": not a Parallax database"), std::string::npos)
      << r.status().message();
  EXPECT_EQ(Pragma(path, "PRAGMA journal_mode"), "delete");  // not switched to WAL
  EXPECT_EQ(Pragma(path, "SELECT count(*) FROM sqlite_schema"), "1");
}

TEST(StoreOpen, RefusesNewerSchema) {
  std::string path = FreshDbPath("newer");
  ASSERT_TRUE(Store::Open(path).ok());
  RunSql(path, "PRAGMA user_version = 7");
  auto r = Store::Open(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(r.status().message(), path + ": database is newer than this binary (schema 7 > " +
                                      std::to_string(Store::LatestSchemaVersion()) + ")");
}

TEST(StoreOpen, ReadOnlyCanReadButNotWrite) {
  std::string path = FreshDbPath("readonly");
  {
    auto w = Store::Open(path);
    ASSERT_TRUE(w.ok());
    store_testing::ArticleGenerator gen(1);
    ASSERT_TRUE((*w)->PutArticle(gen.Make(0)).ok());
  }
  StoreOptions ro;
  ro.read_only = true;
  auto r = Store::Open(path, ro);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*(*r)->CountArticles(), 1);
  EXPECT_TRUE((*r)->GetArticle("gen-0").ok());
  store_testing::ArticleGenerator gen(1);
  auto put = (*r)->PutArticle(gen.Make(1));
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(put.status().message().find("read-only"), std::string::npos);
  EXPECT_FALSE((*r)->PutState("k", "v").ok());
  EXPECT_TRUE((*r)->CheckIntegrity().ok());
}

TEST(StoreOpen, EmptyFileReadOnlyIsNotParallax) {
  std::string path = FreshDbPath("emptyro");
  std::ofstream(path).flush();  // zero bytes: SQLite treats it as a new database
  StoreOptions ro;
  ro.read_only = true;
  auto r = Store::Open(path, ro);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), path + ": not a Parallax database (empty file)");
  EXPECT_TRUE(Store::Open(path).ok());  // read-write initialises it
}

TEST(StoreState, PutGetDelete) {
  auto db = Store::Open(FreshDbPath("state"));
  ASSERT_TRUE(db.ok());
  Store& s = **db;
  auto missing = s.GetState("cluster/idf");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  std::string blob("\0\x01\xff binary", 10);
  ASSERT_TRUE(s.PutState("cluster/idf", blob).ok());
  EXPECT_EQ(**s.GetState("cluster/idf"), blob);
  ASSERT_TRUE(s.PutState("cluster/idf", "v2").ok());
  EXPECT_EQ(**s.GetState("cluster/idf"), "v2");
  ASSERT_TRUE(s.DeleteState("cluster/idf").ok());
  EXPECT_FALSE(s.GetState("cluster/idf")->has_value());
  EXPECT_EQ(s.PutState("", "x").code(), StatusCode::kInvalidArgument);
}

TEST(StoreTransaction, CommitsRollsBackAndNests) {
  auto db = Store::Open(FreshDbPath("tx"));
  ASSERT_TRUE(db.ok());
  Store& s = **db;
  ASSERT_TRUE(s.WithTransaction([&] { return s.PutState("a", "1"); }).ok());
  Status failed = s.WithTransaction([&]() -> Status {
    PARALLAX_RETURN_IF_ERROR(s.PutState("b", "1"));
    return InvalidInput("caller gave up");
  });
  EXPECT_EQ(failed.code(), StatusCode::kInvalidInput);
  EXPECT_FALSE(s.GetState("b")->has_value());  // rolled back
  // An inner failure undoes only the inner part.
  Status outer = s.WithTransaction([&]() -> Status {
    PARALLAX_RETURN_IF_ERROR(s.PutState("c", "1"));
    Status inner = s.WithTransaction([&]() -> Status {
      PARALLAX_RETURN_IF_ERROR(s.PutState("d", "1"));
      return Internal("inner failure");
    });
    EXPECT_FALSE(inner.ok());
    return s.PutState("e", "1");
  });
  ASSERT_TRUE(outer.ok()) << outer.ToString();
  EXPECT_TRUE(s.GetState("c")->has_value());
  EXPECT_FALSE(s.GetState("d")->has_value());
  EXPECT_TRUE(s.GetState("e")->has_value());
  EXPECT_TRUE(s.GetState("a")->has_value());
}

}  // namespace
}  // namespace parallax
