// Full-text search over the FTS5 index, and the store's integrity check.
#include <algorithm>
#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/fts_query.h"
#include "store/store_impl.h"

namespace parallax {

using store_internal::Stmt;

// ORDER BY rank lets FTS5 sort (rowid, score) pairs itself, so the joins and
// snippet() run only for the rows returned, not for every match.
Result<std::vector<SearchHit>> Store::Search(std::string_view query, const SearchOptions& options) {
  Result<std::string> match = store_internal::ToFtsQuery(query);
  if (!match.ok()) return match.status();
  std::vector<SearchHit> out;
  const size_t limit = std::min<size_t>(options.limit, 1000);
  if (limit == 0) return out;
  // The rank window: the rowid of the rank_window-th newest match (rowids
  // grow with insertion), found by walking the index in rowid order, which
  // FTS5 does without scoring.
  int64_t min_rowid = 0;
  if (options.rank_window > 0) {
    Result<Stmt> cut = impl_->Prepare(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 "
        "ORDER BY rowid DESC LIMIT 1 OFFSET ?2");
    if (!cut.ok()) return cut.status();
    cut->Bind(1, *match).Bind(2, static_cast<int64_t>(options.rank_window - 1));
    int rc = cut->Step();
    if (rc == SQLITE_ROW) {
      min_rowid = cut->Int(0);
    } else if (rc != SQLITE_DONE) {
      std::string msg = sqlite3_errmsg(impl_->db);
      if (msg.rfind("fts5", 0) == 0) {
        return InvalidArgument("search query '" + std::string(query) + "': " + msg);
      }
      return impl_->Error(rc, "search failed");
    }
  }
  Result<Stmt> q = impl_->Prepare(
      "SELECT a.id, a.title, a.outlet, a.published, COALESCE(s.id, ''), "
      "-articles_fts.rank, snippet(articles_fts, 1, ?2, ?3, '…', ?4) "
      "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
      "LEFT JOIN story_articles sa ON sa.article = a.seq "
      "LEFT JOIN stories s ON s.seq = sa.story "
      "WHERE articles_fts MATCH ?1 AND articles_fts.rowid >= ?7 "
      "AND articles_fts.rank MATCH 'bm25(4.0, 1.0)' "
      "ORDER BY articles_fts.rank LIMIT ?5 OFFSET ?6");
  if (!q.ok()) return q.status();
  q->Bind(7, min_rowid);
  q->Bind(1, *match).Bind(2, options.highlight_open).Bind(3, options.highlight_close);
  q->Bind(4, int64_t{std::clamp(options.snippet_tokens, 1, 64)});
  q->Bind(5, static_cast<int64_t>(limit)).Bind(6, static_cast<int64_t>(options.offset));
  int rc;
  while ((rc = q->Step()) == SQLITE_ROW) {
    out.push_back({q->Str(0), q->Str(1), q->Str(2), q->Str(3), q->Str(4), q->Real(5), q->Str(6)});
  }
  if (rc != SQLITE_DONE) {
    // The sanitiser should make this unreachable; if FTS5 still objects, it's
    // the query's fault, not the database's.
    std::string msg = sqlite3_errmsg(impl_->db);
    if (msg.rfind("fts5", 0) == 0) {
      return InvalidArgument("search query '" + std::string(query) + "': " + msg);
    }
    return impl_->Error(rc, "search failed");
  }
  return out;
}

namespace {

// Runs a query whose rows describe problems; appends up to a few of them.
Status CollectProblems(Store::Impl& impl, const char* what, const char* sql,
                       std::vector<std::string>* problems) {
  Result<Stmt> q = impl.PrepareOwned(sql);
  if (!q.ok()) return q.status();
  int rc;
  int shown = 0;
  while ((rc = q->Step()) == SQLITE_ROW) {
    std::string row = q->Str(0);
    if (row == "ok") continue;
    if (shown++ < 5) problems->push_back(std::string(what) + ": " + row);
  }
  if (rc != SQLITE_DONE) {
    if ((rc & 0xff) == SQLITE_CORRUPT) {
      problems->push_back(std::string(what) + ": " + sqlite3_errmsg(impl.db));
      return Status::Ok();
    }
    return impl.Error(rc, std::string("cannot run ") + what);
  }
  return Status::Ok();
}

}  // namespace

Status Store::CheckIntegrity() {
  std::vector<std::string> problems;
  Impl& impl = *impl_;
  PARALLAX_RETURN_IF_ERROR(
      CollectProblems(impl, "integrity_check", "PRAGMA integrity_check", &problems));
  PARALLAX_RETURN_IF_ERROR(CollectProblems(
      impl, "foreign_key_check",
      "SELECT \"table\" || ' row ' || rowid || ' -> ' || parent FROM pragma_foreign_key_check",
      &problems));
  // FTS5 checks its index against the articles table (rank = 1: content too).
  if (!impl.options.read_only) {
    Status st = impl.Exec("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)");
    if (!st.ok()) problems.push_back("fts index: " + st.message());
  }
  PARALLAX_RETURN_IF_ERROR(CollectProblems(
      impl, "fts index",
      "SELECT 'indexed ' || (SELECT count(*) FROM articles_fts_docsize) || ' documents for ' || "
      "(SELECT count(*) FROM articles) || ' articles' WHERE (SELECT count(*) FROM "
      "articles_fts_docsize) <> (SELECT count(*) FROM articles)",
      &problems));
  PARALLAX_RETURN_IF_ERROR(CollectProblems(
      impl, "stories",
      "SELECT 'article ' || a.id || ' is in merged story ' || s.id FROM story_articles sa "
      "JOIN stories s ON s.seq = sa.story JOIN articles a ON a.seq = sa.article "
      "WHERE s.merged_into <> ''",
      &problems));
  PARALLAX_RETURN_IF_ERROR(CollectProblems(
      impl, "story summary",
      "SELECT 'story ' || s.id || ' records ' || s.article_count || ' articles, ' || "
      "s.first_seen || '..' || s.last_seen || ' but has ' || count(a.seq) || ', ' || "
      "coalesce(min(a.sort_date), '') || '..' || coalesce(max(a.sort_date), '') "
      "FROM stories s LEFT JOIN story_articles sa ON sa.story = s.seq "
      "LEFT JOIN articles a ON a.seq = sa.article GROUP BY s.seq "
      "HAVING s.article_count <> count(a.seq) OR s.first_seen <> coalesce(min(a.sort_date), '') "
      "OR s.last_seen <> coalesce(max(a.sort_date), '')",
      &problems));
  PARALLAX_RETURN_IF_ERROR(CollectProblems(
      impl, "articles",
      "SELECT 'article ' || id || ' has content hash ' || content_hash || ' but version ' || "
      "version || ' with ' || (SELECT count(*) FROM article_versions v WHERE v.article = seq) || "
      "' earlier versions' FROM articles WHERE version <> 1 + (SELECT count(*) FROM "
      "article_versions v WHERE v.article = seq)",
      &problems));
  if (problems.empty()) return Status::Ok();
  std::string msg = impl.path + ": integrity check failed: ";
  for (size_t i = 0; i < problems.size(); ++i) msg += (i ? "; " : "") + problems[i];
  return Internal(std::move(msg));
}

}  // namespace parallax
