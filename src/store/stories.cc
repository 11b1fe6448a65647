// Stories, article assignment, merges and duplicate links.
#include <cmath>
#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/store_impl.h"

namespace parallax {

using store_internal::Stmt;
using store_internal::StepDone;

namespace {

Status CheckStoryId(std::string_view id) {
  if (id.empty()) return InvalidArgument("empty story id");
  return Status::Ok();
}

Status TouchStory(Store::Impl& impl, int64_t seq, const std::string& now) {
  Result<Stmt> q = impl.Prepare("UPDATE stories SET updated = ?2 WHERE seq = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, seq).Bind(2, now);
  return StepDone(impl, *q, "cannot update a story");
}

// Live story seq: kNotFound when unknown, kInvalidArgument when merged away.
Result<int64_t> LiveStorySeq(Store::Impl& impl, std::string_view id) {
  Result<Stmt> q = impl.Prepare("SELECT seq, merged_into FROM stories WHERE id = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, id);
  int rc = q->Step();
  if (rc == SQLITE_DONE) return NotFound("no story with id '" + std::string(id) + "'");
  if (rc != SQLITE_ROW) return impl.Error(rc, "cannot look up a story");
  if (!q->Text(1).empty()) {
    return InvalidArgument("story '" + std::string(id) + "' was merged into '" + q->Str(1) + "'");
  }
  return q->Int(0);
}

constexpr const char* kSummarySelect =
    "SELECT s.seq, s.id, s.title, s.closed, s.created, s.updated, s.merged_into, "
    "s.first_seen, s.last_seen, s.revision FROM stories s ";

// Reads a kSummarySelect row and then the story's articles.
Result<StorySummary> ReadSummary(Store::Impl& impl, const Stmt& row) {
  StorySummary s;
  int64_t seq = row.Int(0);
  s.story.id = row.Str(1);
  s.story.title = row.Str(2);
  s.story.closed = row.Int(3) != 0;
  s.story.created = row.Str(4);
  s.story.updated = row.Str(5);
  s.story.merged_into = row.Str(6);
  s.first_seen = row.Str(7);
  s.last_seen = row.Str(8);
  s.revision = row.Int(9);
  Result<Stmt> q = impl.Prepare(
      "SELECT a.id, a.outlet FROM story_articles sa JOIN articles a ON a.seq = sa.article "
      "WHERE sa.story = ?1 ORDER BY a.sort_date, a.seq");
  if (!q.ok()) return q.status();
  q->Bind(1, seq);
  int rc;
  while ((rc = q->Step()) == SQLITE_ROW) {
    s.article_ids.push_back(q->Str(0));
    std::string outlet = q->Str(1);
    if (outlet.empty()) continue;
    bool seen = false;
    for (const std::string& o : s.outlets) seen = seen || o == outlet;
    if (!seen) s.outlets.push_back(std::move(outlet));
  }
  if (rc != SQLITE_DONE) return impl.Error(rc, "cannot read a story's articles");
  return s;
}

}  // namespace

Status Store::PutStory(const StoryRecord& story) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  PARALLAX_RETURN_IF_ERROR(CheckStoryId(story.id));
  Result<Stmt> q = impl_->Prepare(
      "INSERT INTO stories(id, title, state, closed, created, updated) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT(id) DO UPDATE SET "
      "title = excluded.title, state = excluded.state, closed = excluded.closed, "
      "updated = excluded.updated, merged_into = ''");
  if (!q.ok()) return q.status();
  std::string now = impl_->Now();
  q->Bind(1, story.id).Bind(2, story.title).BindBlob(3, story.state);
  q->Bind(4, int64_t{story.closed}).Bind(5, now);
  return StepDone(*impl_, *q, "cannot write a story");
}

Status Store::UpdateStory(const StoryRecord& story) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  PARALLAX_RETURN_IF_ERROR(CheckStoryId(story.id));
  Result<Stmt> q = impl_->Prepare(
      "UPDATE stories SET title = ?2, state = ?3, closed = ?4, updated = ?5 WHERE id = ?1");
  if (!q.ok()) return q.status();
  std::string now = impl_->Now();
  q->Bind(1, story.id).Bind(2, story.title).BindBlob(3, story.state);
  q->Bind(4, int64_t{story.closed}).Bind(5, now);
  PARALLAX_RETURN_IF_ERROR(StepDone(*impl_, *q, "cannot update a story"));
  if (sqlite3_changes(impl_->db) == 0) return NotFound("no story with id '" + story.id + "'");
  return Status::Ok();
}

Result<StoryRecord> Store::GetStory(std::string_view id) {
  Result<Stmt> q = impl_->Prepare(
      "SELECT id, title, state, closed, created, updated, merged_into FROM stories WHERE id = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, id);
  int rc = q->Step();
  if (rc == SQLITE_DONE) return NotFound("no story with id '" + std::string(id) + "'");
  if (rc != SQLITE_ROW) return impl_->Error(rc, "cannot read a story");
  return StoryRecord{q->Str(0), q->Str(1), q->Str(2), q->Int(3) != 0,
                     q->Str(4), q->Str(5), q->Str(6)};
}

Result<StorySummary> Store::GetStorySummary(std::string_view id) {
  Result<Stmt> q = impl_->Prepare(std::string(kSummarySelect) + "WHERE s.id = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, id);
  int rc = q->Step();
  if (rc == SQLITE_DONE) return NotFound("no story with id '" + std::string(id) + "'");
  if (rc != SQLITE_ROW) return impl_->Error(rc, "cannot read a story");
  return ReadSummary(*impl_, *q);
}

Status Store::DeleteStory(std::string_view id) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  Result<Stmt> q = impl_->Prepare("DELETE FROM stories WHERE id = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, id);
  PARALLAX_RETURN_IF_ERROR(StepDone(*impl_, *q, "cannot delete a story"));
  if (sqlite3_changes(impl_->db) == 0) return NotFound("no story with id '" + std::string(id) + "'");
  return Status::Ok();
}

Status Store::AssignArticleToStory(std::string_view article_id, std::string_view story_id) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  return WithTransaction([&]() -> Status {
    Result<int64_t> article = impl_->ArticleSeq(article_id);
    if (!article.ok()) return article.status();
    Result<int64_t> story = LiveStorySeq(*impl_, story_id);
    if (!story.ok()) return story.status();
    std::string now = impl_->Now();
    Result<Stmt> q = impl_->Prepare(
        "INSERT INTO story_articles(article, story, added) VALUES (?1, ?2, ?3) "
        "ON CONFLICT(article) DO UPDATE SET story = excluded.story, added = excluded.added "
        "WHERE story <> excluded.story");
    if (!q.ok()) return q.status();
    q->Bind(1, *article).Bind(2, *story).Bind(3, now);
    PARALLAX_RETURN_IF_ERROR(StepDone(*impl_, *q, "cannot assign an article"));
    if (sqlite3_changes(impl_->db) == 0) return Status::Ok();  // already there
    return TouchStory(*impl_, *story, now);
  });
}

Status Store::UnassignArticle(std::string_view article_id) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  Result<int64_t> article = impl_->ArticleSeq(article_id);
  if (!article.ok()) return article.status();
  Result<Stmt> q = impl_->Prepare("DELETE FROM story_articles WHERE article = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, *article);
  return StepDone(*impl_, *q, "cannot unassign an article");
}

Result<std::string> Store::StoryOfArticle(std::string_view article_id) {
  Result<Stmt> q = impl_->Prepare(
      "SELECT a.seq, s.id FROM articles a LEFT JOIN story_articles sa ON sa.article = a.seq "
      "LEFT JOIN stories s ON s.seq = sa.story WHERE a.id = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, article_id);
  int rc = q->Step();
  if (rc == SQLITE_DONE) return NotFound("no article with id '" + std::string(article_id) + "'");
  if (rc != SQLITE_ROW) return impl_->Error(rc, "cannot look up an article's story");
  return q->Str(1);
}

Status Store::MergeStories(std::string_view from, std::string_view into) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  if (from == into) return InvalidArgument("cannot merge story '" + std::string(from) + "' into itself");
  return WithTransaction([&]() -> Status {
    Result<int64_t> src = LiveStorySeq(*impl_, from);
    if (!src.ok()) return src.status();
    Result<int64_t> dst = LiveStorySeq(*impl_, into);
    if (!dst.ok()) return dst.status();
    std::string now = impl_->Now();
    Result<Stmt> move = impl_->Prepare("UPDATE story_articles SET story = ?2 WHERE story = ?1");
    if (!move.ok()) return move.status();
    move->Bind(1, *src).Bind(2, *dst);
    PARALLAX_RETURN_IF_ERROR(StepDone(*impl_, *move, "cannot move a story's articles"));
    // Tombstones that pointed at `from` now point at `into`: one hop always.
    Result<Stmt> mark = impl_->Prepare(
        "UPDATE stories SET merged_into = ?2, updated = ?3 WHERE seq = ?1 OR merged_into = ?4");
    if (!mark.ok()) return mark.status();
    mark->Bind(1, *src).Bind(2, into).Bind(3, now).Bind(4, from);
    PARALLAX_RETURN_IF_ERROR(StepDone(*impl_, *mark, "cannot mark a merged story"));
    return TouchStory(*impl_, *dst, now);
  });
}

Result<std::vector<StorySummary>> Store::ListStories(const ListStoriesOptions& options) {
  std::string sql = std::string(kSummarySelect) + "WHERE s.merged_into = ''";
  if (!options.include_closed) sql += " AND s.closed = 0";
  sql += " ORDER BY s.last_seen DESC, s.id LIMIT ?1 OFFSET ?2";
  // Owned: ReadSummary runs another cached statement per row.
  Result<Stmt> q = impl_->PrepareOwned(sql);
  if (!q.ok()) return q.status();
  q->Bind(1, options.limit == 0 ? int64_t{-1} : static_cast<int64_t>(options.limit));
  q->Bind(2, static_cast<int64_t>(options.offset));
  std::vector<StorySummary> out;
  int rc;
  while ((rc = q->Step()) == SQLITE_ROW) {
    Result<StorySummary> s = ReadSummary(*impl_, *q);
    if (!s.ok()) return s.status();
    out.push_back(std::move(s).value());
  }
  if (rc != SQLITE_DONE) return impl_->Error(rc, "cannot list stories");
  return out;
}

Result<int64_t> Store::CountStories() {
  Result<Stmt> q = impl_->Prepare("SELECT count(*) FROM stories WHERE merged_into = ''");
  if (!q.ok()) return q.status();
  int rc = q->Step();
  if (rc != SQLITE_ROW) return impl_->Error(rc, "cannot count stories");
  return q->Int(0);
}

Status Store::LinkDuplicate(std::string_view article_id, std::string_view of_id,
                            DuplicateKind kind, double similarity) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  if (article_id == of_id) {
    return InvalidArgument("article '" + std::string(article_id) + "' can't duplicate itself");
  }
  if (!std::isfinite(similarity) || similarity < 0 || similarity > 1) {
    return InvalidArgument("duplicate similarity must be in [0, 1]");
  }
  return WithTransaction([&]() -> Status {
    Result<int64_t> copy = impl_->ArticleSeq(article_id);
    if (!copy.ok()) return copy.status();
    Result<int64_t> original = impl_->ArticleSeq(of_id);
    if (!original.ok()) return original.status();
    // Refuse links that would close a cycle (a -> b -> ... -> a).
    Result<Stmt> cycle = impl_->Prepare(
        "WITH RECURSIVE chain(x) AS (SELECT ?1 UNION SELECT d.duplicate_of FROM duplicates d "
        "JOIN chain ON d.article = chain.x) SELECT 1 FROM chain WHERE x = ?2");
    if (!cycle.ok()) return cycle.status();
    cycle->Bind(1, *original).Bind(2, *copy);
    int rc = cycle->Step();
    if (rc == SQLITE_ROW) {
      return InvalidArgument("linking '" + std::string(article_id) + "' to '" +
                             std::string(of_id) + "' would make a duplicate cycle");
    }
    if (rc != SQLITE_DONE) return impl_->Error(rc, "cannot read duplicate links");
    Result<Stmt> q = impl_->Prepare(
        "INSERT INTO duplicates(article, duplicate_of, kind, similarity) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(article) DO UPDATE SET duplicate_of = excluded.duplicate_of, "
        "kind = excluded.kind, similarity = excluded.similarity");
    if (!q.ok()) return q.status();
    q->Bind(1, *copy).Bind(2, *original).Bind(3, std::string_view(DuplicateKindName(kind)));
    q->Bind(4, similarity);
    return StepDone(*impl_, *q, "cannot link a duplicate");
  });
}

Result<std::vector<DuplicateLink>> Store::ListDuplicates(std::string_view story_id) {
  std::string sql =
      "SELECT a.id, b.id, d.kind, d.similarity FROM duplicates d "
      "JOIN articles a ON a.seq = d.article JOIN articles b ON b.seq = d.duplicate_of ";
  int64_t story = 0;
  if (!story_id.empty()) {
    Result<int64_t> seq = impl_->StorySeq(story_id);
    if (!seq.ok()) return seq.status();
    story = *seq;
    sql += "JOIN story_articles sa ON sa.article = d.article WHERE sa.story = ?1 ";
  }
  sql += "ORDER BY d.article";
  Result<Stmt> q = impl_->Prepare(sql);
  if (!q.ok()) return q.status();
  if (!story_id.empty()) q->Bind(1, story);
  std::vector<DuplicateLink> out;
  int rc;
  while ((rc = q->Step()) == SQLITE_ROW) {
    out.push_back({q->Str(0), q->Str(1),
                   q->Text(2) == "near" ? DuplicateKind::kNear : DuplicateKind::kExact,
                   q->Real(3)});
  }
  if (rc != SQLITE_DONE) return impl_->Error(rc, "cannot list duplicates");
  return out;
}

}  // namespace parallax
