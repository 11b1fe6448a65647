// Thin RAII helpers over the SQLite C API, private to the store.
//
// Stmt wraps a prepared statement. A cached statement (borrowed from the
// connection's cache) is reset and its bindings cleared when the Stmt goes out
// of scope; an owned one is finalized. Text is bound with SQLITE_STATIC, so
// bound strings must outlive the Stmt's use (they always do in our scoped
// call sites). Not thread-safe, like the connection it belongs to.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax::store_internal {

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3_stmt* stmt, bool owned) : stmt_(stmt), owned_(owned) {}
  ~Stmt() { Release(); }
  Stmt(Stmt&& other) noexcept : stmt_(other.stmt_), owned_(other.owned_) { other.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Parameters are 1-based, like sqlite3_bind_*.
  Stmt& Bind(int index, std::string_view text);  // never binds NULL, even for ""
  Stmt& BindBlob(int index, std::string_view bytes);
  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, double value);
  Stmt& BindNull(int index);

  // sqlite3_step: SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }

  // Columns are 0-based. Views are valid until the next Step/reset.
  std::string_view Text(int col) const;
  std::string Str(int col) const { return std::string(Text(col)); }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

  sqlite3_stmt* get() const { return stmt_; }

 private:
  void Release();
  sqlite3_stmt* stmt_ = nullptr;
  bool owned_ = false;
};

// Maps an SQLite result code to a Status code (NOTADB/CORRUPT -> invalid
// input, FULL/IOERR/BUSY/CANTOPEN/READONLY -> io error, others internal).
StatusCode CodeForSqlite(int rc);

// ISO 8601 UTC now, second precision: "2026-11-23T11:17:25Z".
std::string UtcNow();

}  // namespace parallax::store_internal
