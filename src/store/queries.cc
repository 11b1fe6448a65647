// Filtered story listings (Store::FindStories) for the HTTP server: newest or
// most-covered first, by outlet, by date range and by full-text match.
#include <algorithm>
#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/fts_query.h"
#include "store/store_impl.h"

namespace parallax {

using store_internal::Stmt;

Result<std::vector<StorySummary>> Store::FindStories(const StoryQuery& query, bool* more) {
  if (more != nullptr) *more = false;
  std::string match;
  if (!query.text.empty()) {
    Result<std::string> m = store_internal::ToFtsQuery(query.text);
    if (!m.ok()) return m.status();
    match = std::move(m).value();
  }
  // Every filter is bound (an empty value disables it), so the statement text
  // depends on the sort only and stays in the statement cache.
  std::string sql =
      "SELECT s.id FROM stories s WHERE s.merged_into = '' "
      "AND (?1 = '' OR EXISTS (SELECT 1 FROM story_articles sa JOIN articles a "
      "ON a.seq = sa.article WHERE sa.story = s.seq AND a.outlet = ?1)) "
      "AND (?2 = '' OR s.last_seen >= ?2) "
      "AND (?3 = '' OR substr(s.first_seen, 1, length(?3)) <= ?3) "
      "AND (?4 = '' OR s.seq IN (SELECT sa.story FROM articles_fts f "
      "JOIN story_articles sa ON sa.article = f.rowid WHERE articles_fts MATCH ?4)) ";
  sql += query.sort == StoryQuery::Sort::kCoverage
             ? "ORDER BY s.article_count DESC, s.last_seen DESC, s.id "
             : "ORDER BY s.last_seen DESC, s.id ";
  sql += "LIMIT ?5 OFFSET ?6";
  const size_t limit = std::clamp<size_t>(query.limit, 1, 1000);
  std::vector<std::string> ids;
  {
    Result<Stmt> q = impl_->Prepare(sql);
    if (!q.ok()) return q.status();
    q->Bind(1, query.outlet).Bind(2, query.from).Bind(3, query.to).Bind(4, match);
    q->Bind(5, static_cast<int64_t>(limit + 1)).Bind(6, static_cast<int64_t>(query.offset));
    int rc;
    while ((rc = q->Step()) == SQLITE_ROW) ids.push_back(q->Str(0));
    if (rc != SQLITE_DONE) return impl_->Error(rc, "cannot list stories");
  }
  if (ids.size() > limit) {
    ids.resize(limit);
    if (more != nullptr) *more = true;
  }
  std::vector<StorySummary> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) {
    Result<StorySummary> s = GetStorySummary(id);
    if (!s.ok()) return s.status();
    out.push_back(std::move(s).value());
  }
  return out;
}

Result<int64_t> Store::LastArticleSeq() {
  Result<Stmt> q = impl_->Prepare("SELECT coalesce(max(seq), 0) FROM articles");
  if (!q.ok()) return q.status();
  int rc = q->Step();
  if (rc != SQLITE_ROW) return impl_->Error(rc, "cannot read the last article");
  return q->Int(0);
}

}  // namespace parallax
