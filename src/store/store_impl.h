// Store::Impl: the connection and its statement cache, shared by the store's
// source files (store.cc, articles.cc, stories.cc, search.cc). Private.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "parallax/store.h"
#include "store/sqlite_util.h"

namespace parallax {

struct Store::Impl {
  ~Impl();

  sqlite3* db = nullptr;
  std::string path;
  StoreOptions options;
  int schema_version = 0;
  int tx_depth = 0;  // nesting depth of WithTransaction

  // A cached prepared statement, reset when the returned Stmt is destroyed.
  // Don't hold two Stmts for the same SQL at once (use PrepareOwned).
  Result<store_internal::Stmt> Prepare(std::string_view sql);
  // A fresh statement finalized with the Stmt (for long-lived iteration).
  Result<store_internal::Stmt> PrepareOwned(std::string_view sql);
  // Runs one or more statements without results.
  Status Exec(const char* sql);
  // "PATH: what: sqlite message", coded by the SQLite result code
  // ("PATH: file is not a database" for SQLITE_NOTADB).
  Status Error(int rc, std::string_view what) const;
  std::string Now() const;
  Status RequireWritable() const;

  // seq of the article / story with this id; kNotFound names the id.
  Result<int64_t> ArticleSeq(std::string_view id);
  Result<int64_t> StorySeq(std::string_view id);

 private:
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

namespace store_internal {

// Steps a statement that must finish without rows (INSERT/UPDATE/DELETE).
Status StepDone(Store::Impl& impl, Stmt& stmt, std::string_view what);

}  // namespace store_internal

}  // namespace parallax
