// Store: opening, pragmas, statement cache, transactions, component state and
// integrity checks. Articles, stories and search live in their own files.
#include <filesystem>
#include <string>
#include <system_error>

#include "parallax/store.h"
#include "store/schema.h"
#include "store/store_impl.h"

namespace parallax {

using store_internal::Stmt;

// ---- Impl --------------------------------------------------------------

Store::Impl::~Impl() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  if (db != nullptr) {
    // Keeps the planner's statistics fresh; cheap when nothing changed.
    if (!options.read_only && schema_version > 0) sqlite3_exec(db, "PRAGMA optimize", nullptr, nullptr, nullptr);
    sqlite3_close_v2(db);
  }
}

Result<Stmt> Store::Impl::Prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) return Stmt(it->second, /*owned=*/false);
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "cannot prepare a statement");
  cache_.emplace(std::string(sql), raw);
  return Stmt(raw, /*owned=*/false);
}

Result<Stmt> Store::Impl::PrepareOwned(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "cannot prepare a statement");
  return Stmt(raw, /*owned=*/true);
}

Status Store::Impl::Exec(const char* sql) {
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "statement failed");
  return Status::Ok();
}

Status Store::Impl::Error(int rc, std::string_view what) const {
  if ((rc & 0xff) == SQLITE_NOTADB) return InvalidInput(path + ": file is not a database");
  std::string msg = path + ": " + std::string(what) + ": ";
  msg += (db != nullptr && sqlite3_errcode(db) == rc) ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if ((rc & 0xff) == SQLITE_BUSY) {
    msg += " (another writer held the lock for " + std::to_string(options.busy_timeout_ms) + " ms)";
  }
  return Status(store_internal::CodeForSqlite(rc), std::move(msg));
}

std::string Store::Impl::Now() const {
  return options.clock ? options.clock() : store_internal::UtcNow();
}

Status Store::Impl::RequireWritable() const {
  if (options.read_only) return InvalidArgument(path + ": the store was opened read-only");
  return Status::Ok();
}

Result<int64_t> Store::Impl::ArticleSeq(std::string_view id) {
  Result<Stmt> q = Prepare("SELECT seq FROM articles WHERE id = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, id);
  int rc = q->Step();
  if (rc == SQLITE_ROW) return q->Int(0);
  if (rc == SQLITE_DONE) return NotFound("no article with id '" + std::string(id) + "'");
  return Error(rc, "cannot look up an article");
}

Result<int64_t> Store::Impl::StorySeq(std::string_view id) {
  Result<Stmt> q = Prepare("SELECT seq FROM stories WHERE id = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, id);
  int rc = q->Step();
  if (rc == SQLITE_ROW) return q->Int(0);
  if (rc == SQLITE_DONE) return NotFound("no story with id '" + std::string(id) + "'");
  return Error(rc, "cannot look up a story");
}

namespace store_internal {

Status StepDone(Store::Impl& impl, Stmt& stmt, std::string_view what) {
  int rc = stmt.Step();
  if (rc == SQLITE_DONE || rc == SQLITE_ROW) return Status::Ok();
  return impl.Error(rc, what);
}

}  // namespace store_internal

// ---- Open --------------------------------------------------------------

namespace {

Status Pragma(Store::Impl& impl, const std::string& sql) { return impl.Exec(sql.c_str()); }

Status ConfigureWritable(Store::Impl& impl) {
  // journal_mode answers with the mode in force; ":memory:" stays "memory".
  Result<Stmt> q = impl.PrepareOwned("PRAGMA journal_mode = WAL");
  if (!q.ok()) return q.status();
  int rc = q->Step();
  if (rc != SQLITE_ROW) {
    if ((rc & 0xff) == SQLITE_NOTADB) return InvalidInput(impl.path + ": file is not a database");
    return impl.Error(rc, "cannot switch to WAL journal mode");
  }
  std::string mode = q->Str(0);
  if (mode != "wal" && mode != "memory") {
    return IoError(impl.path + ": cannot switch to WAL journal mode (still '" + mode + "')");
  }
  PARALLAX_RETURN_IF_ERROR(
      Pragma(impl, impl.options.durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL"));
  // The library is built with SECURE_DELETE; zeroing freed pages only costs
  // time here (the file is not a secrets store).
  PARALLAX_RETURN_IF_ERROR(Pragma(impl, "PRAGMA secure_delete = OFF"));
  return Status::Ok();
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  if (path.empty()) return InvalidArgument("empty database path");
  const bool memory = path == ":memory:";
  std::error_code ec;
  if (!memory && !std::filesystem::exists(path, ec)) {
    if (options.read_only || !options.create) return NotFound(path + ": no such database file");
  } else if (!memory && std::filesystem::is_directory(path, ec)) {
    return InvalidArgument(path + ": is a directory, not a database file");
  }

  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  if (impl->options.busy_timeout_ms < 0) impl->options.busy_timeout_ms = 0;
  int flags = SQLITE_OPEN_NOMUTEX;  // one Store per thread (see store.h)
  flags |= options.read_only ? SQLITE_OPEN_READONLY
                             : (SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0));
  int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr);
  if (rc != SQLITE_OK) return impl->Error(rc, "cannot open the database");
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, impl->options.busy_timeout_ms);

  PARALLAX_RETURN_IF_ERROR(Pragma(*impl, "PRAGMA foreign_keys = ON"));
  PARALLAX_RETURN_IF_ERROR(Pragma(*impl, "PRAGMA cache_size = -16384"));  // 16 MiB
  // Check before configuring: a foreign file must be left exactly as it was.
  PARALLAX_RETURN_IF_ERROR(store_internal::CheckSchema(*impl));
  if (options.read_only) {
    PARALLAX_RETURN_IF_ERROR(Pragma(*impl, "PRAGMA query_only = ON"));
  } else {
    // A new file gets 8 KiB pages (FTS5 segments and ~1 KB article rows pack
    // better: ~12% less CPU on bulk ingest); only possible before WAL is on.
    if (impl->schema_version == 0) PARALLAX_RETURN_IF_ERROR(Pragma(*impl, "PRAGMA page_size = 8192"));
    PARALLAX_RETURN_IF_ERROR(ConfigureWritable(*impl));
    PARALLAX_RETURN_IF_ERROR(store_internal::Migrate(*impl));
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

int Store::LatestSchemaVersion() { return store_internal::LatestSchema(); }
int Store::SchemaVersion() const { return impl_->schema_version; }
const std::string& Store::path() const { return impl_->path; }

// ---- Transactions ------------------------------------------------------

Status Store::WithTransaction(const std::function<Status()>& fn) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  Impl& impl = *impl_;
  const std::string savepoint = "sp" + std::to_string(impl.tx_depth);
  if (impl.tx_depth == 0) {
    // IMMEDIATE takes the write lock now, so a busy writer is waited for here
    // (busy_timeout) instead of failing mid-transaction.
    PARALLAX_RETURN_IF_ERROR(impl.Exec("BEGIN IMMEDIATE"));
  } else {
    PARALLAX_RETURN_IF_ERROR(Pragma(impl, "SAVEPOINT " + savepoint));
  }
  ++impl.tx_depth;
  Status st = fn();
  --impl.tx_depth;
  if (impl.tx_depth == 0) {
    if (st.ok()) {
      st = impl.Exec("COMMIT");
      if (st.ok()) return st;
    }
    if (!sqlite3_get_autocommit(impl.db)) impl.Exec("ROLLBACK");
    return st;
  }
  if (st.ok()) return Pragma(impl, "RELEASE " + savepoint);
  Pragma(impl, "ROLLBACK TO " + savepoint);
  Pragma(impl, "RELEASE " + savepoint);
  return st;
}

// ---- Component state ---------------------------------------------------

Status Store::PutState(std::string_view key, std::string_view value) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  if (key.empty()) return InvalidArgument("empty state key");
  Result<Stmt> q = impl_->Prepare(
      "INSERT INTO meta(key, value, updated) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated = excluded.updated");
  if (!q.ok()) return q.status();
  std::string now = impl_->Now();
  q->Bind(1, key).BindBlob(2, value).Bind(3, now);
  return store_internal::StepDone(*impl_, *q, "cannot write state");
}

Result<std::optional<std::string>> Store::GetState(std::string_view key) {
  Result<Stmt> q = impl_->Prepare("SELECT value FROM meta WHERE key = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, key);
  int rc = q->Step();
  if (rc == SQLITE_ROW) return std::optional<std::string>(q->Str(0));
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  return impl_->Error(rc, "cannot read state");
}

Status Store::DeleteState(std::string_view key) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  Result<Stmt> q = impl_->Prepare("DELETE FROM meta WHERE key = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, key);
  return store_internal::StepDone(*impl_, *q, "cannot delete state");
}

}  // namespace parallax
