// Stored briefs (schema v4): rendered briefs kept per story under a stamp.
#include <optional>
#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/store_impl.h"

namespace parallax {

using store_internal::Stmt;
using store_internal::StepDone;

// Must agree with the stamp StoriesNeedingBriefs computes in SQL.
std::string Store::BriefStamp(const StorySummary& story, std::string_view variant) {
  return std::to_string(story.revision) + "#" + std::string(variant);
}

Status Store::PutBrief(std::string_view story_id, std::string_view stamp, std::string_view json) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  Result<int64_t> story = impl_->StorySeq(story_id);
  if (!story.ok()) return story.status();
  Result<Stmt> q = impl_->Prepare(
      "INSERT INTO briefs(story, stamp, json, built) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT(story) DO UPDATE SET stamp = excluded.stamp, json = excluded.json, "
      "built = excluded.built");
  if (!q.ok()) return q.status();
  q->Bind(1, *story).Bind(2, stamp).BindBlob(3, json).Bind(4, impl_->Now());
  return StepDone(*impl_, *q, "cannot store a brief");
}

Result<std::optional<std::string>> Store::GetBrief(std::string_view story_id,
                                                   std::string_view stamp) {
  Result<Stmt> q = impl_->Prepare(
      "SELECT b.json FROM briefs b JOIN stories s ON s.seq = b.story "
      "WHERE s.id = ?1 AND b.stamp = ?2");
  if (!q.ok()) return q.status();
  q->Bind(1, story_id).Bind(2, stamp);
  int rc = q->Step();
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return impl_->Error(rc, "cannot read a brief");
  return std::optional<std::string>(q->Str(0));
}

Result<std::vector<std::string>> Store::StoriesNeedingBriefs(std::string_view variant,
                                                            size_t limit) {
  Result<Stmt> q = impl_->Prepare(
      "SELECT s.id FROM stories s LEFT JOIN briefs b ON b.story = s.seq "
      "WHERE s.merged_into = '' AND s.article_count > 0 AND (b.stamp IS NULL OR "
      "b.stamp <> s.revision || '#' || ?1) "
      "ORDER BY s.last_seen DESC, s.id LIMIT ?2");
  if (!q.ok()) return q.status();
  q->Bind(1, variant).Bind(2, limit == 0 ? int64_t{-1} : static_cast<int64_t>(limit));
  std::vector<std::string> ids;
  int rc;
  while ((rc = q->Step()) == SQLITE_ROW) ids.push_back(q->Str(0));
  if (rc != SQLITE_DONE) return impl_->Error(rc, "cannot list stories needing briefs");
  return ids;
}

}  // namespace parallax
