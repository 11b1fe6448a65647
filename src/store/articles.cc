// Articles: idempotent, versioned puts and reads (rules in store.h).
#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/codec.h"
#include "store/store_impl.h"

namespace parallax {

using store_internal::Stmt;
using store_internal::StepDone;

const char* PutOutcomeName(PutOutcome o) {
  switch (o) {
    case PutOutcome::kInserted: return "inserted";
    case PutOutcome::kUnchanged: return "unchanged";
    case PutOutcome::kUpdated: return "updated";
    case PutOutcome::kRejected: return "rejected";
  }
  return "rejected";
}

namespace {

// An article checked and encoded, ready to write (computed outside the
// write transaction to keep the lock short).
struct Prepared {
  const Article* article = nullptr;
  Status error;
  std::string text;
  std::string hash;
  std::string layout;
  std::string captions;
};

Prepared PrepareArticle(const Article& a, const StoreOptions& options) {
  Prepared p;
  p.article = &a;
  p.text = a.Text();
  p.error = store_internal::ValidateArticle(a, p.text, options);
  if (!p.error.ok()) return p;
  p.hash = store_internal::ContentHashOf(a.title, p.text);
  p.layout = store_internal::EncodeLayout(a.blocks);
  p.captions = store_internal::EncodeCaptions(a.captions);
  return p;
}

struct Existing {
  int64_t seq = 0;
  std::string id, url, hash;
  int version = 0;
};

// Looks a row up with a query whose only parameters are ?1 (and ?2).
Result<std::optional<Existing>> Find(Store::Impl& impl, const char* sql, std::string_view p1,
                                     std::string_view p2 = {}) {
  Result<Stmt> q = impl.Prepare(sql);
  if (!q.ok()) return q.status();
  q->Bind(1, p1);
  if (sqlite3_bind_parameter_count(q->get()) >= 2) q->Bind(2, p2);
  int rc = q->Step();
  if (rc == SQLITE_DONE) return std::optional<Existing>();
  if (rc != SQLITE_ROW) return impl.Error(rc, "cannot look up an article");
  Existing e{q->Int(0), q->Str(1), q->Str(2), q->Str(3), static_cast<int>(q->Int(4))};
  return std::optional<Existing>(std::move(e));
}

constexpr const char* kFindById =
    "SELECT seq, id, url, content_hash, version FROM articles WHERE id = ?1";
constexpr const char* kFindByUrl =
    "SELECT seq, id, url, content_hash, version FROM articles WHERE url = ?1 AND url <> ''";
constexpr const char* kFindByContent =
    "SELECT seq, id, url, content_hash, version FROM articles "
    "WHERE content_hash = ?1 AND outlet = ?2 AND url = '' ORDER BY seq LIMIT 1";

// Same content as the stored row? By hash, by bytes (a row hashed by an
// older text layer), or as one of its earlier versions.
enum class Sameness { kDifferent, kCurrent, kCurrentRehash, kOlderVersion };

Result<Sameness> Compare(Store::Impl& impl, const Existing& e, const Prepared& p) {
  if (e.hash == p.hash) return Sameness::kCurrent;
  {
    Result<Stmt> q = impl.Prepare("SELECT title = ?2 AND text = ?3 FROM articles WHERE seq = ?1");
    if (!q.ok()) return q.status();
    q->Bind(1, e.seq).Bind(2, p.article->title).Bind(3, p.text);
    int rc = q->Step();
    if (rc != SQLITE_ROW) return impl.Error(rc, "cannot compare an article");
    if (q->Int(0) != 0) return Sameness::kCurrentRehash;
  }
  Result<Stmt> q =
      impl.Prepare("SELECT 1 FROM article_versions WHERE article = ?1 AND content_hash = ?2");
  if (!q.ok()) return q.status();
  q->Bind(1, e.seq).Bind(2, p.hash);
  int rc = q->Step();
  if (rc == SQLITE_ROW) return Sameness::kOlderVersion;
  if (rc != SQLITE_DONE) return impl.Error(rc, "cannot read article versions");
  return Sameness::kDifferent;
}

Result<PutResult> Insert(Store::Impl& impl, const Prepared& p, const std::string& now) {
  const Article& a = *p.article;
  Result<Stmt> q = impl.Prepare(
      "INSERT INTO articles(id, url, outlet, title, author, published, published_source, "
      "language, place, summary_only, source, content_hash, text, blocks, captions, version, "
      "first_seen, last_seen) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 1, ?16, ?16)");
  if (!q.ok()) return q.status();
  q->Bind(1, a.id).Bind(2, a.url).Bind(3, a.outlet).Bind(4, a.title).Bind(5, a.author);
  q->Bind(6, a.published).Bind(7, std::string_view(DateSourceName(a.published_source)));
  q->Bind(8, a.language).Bind(9, a.place).Bind(10, int64_t{a.summary_only}).Bind(11, a.source);
  q->Bind(12, p.hash).Bind(13, p.text).Bind(14, p.layout).Bind(15, p.captions).Bind(16, now);
  PARALLAX_RETURN_IF_ERROR(StepDone(impl, *q, "cannot insert an article"));
  // Indexed here, not by a trigger (schema.cc, version 3, says why).
  Result<Stmt> fts =
      impl.Prepare("INSERT INTO articles_fts(rowid, title, text) VALUES (?1, ?2, ?3)");
  if (!fts.ok()) return fts.status();
  fts->Bind(1, static_cast<int64_t>(sqlite3_last_insert_rowid(impl.db))).Bind(2, a.title);
  fts->Bind(3, p.text);
  PARALLAX_RETURN_IF_ERROR(StepDone(impl, *fts, "cannot index an article"));
  return PutResult{PutOutcome::kInserted, a.id, 1, Status::Ok()};
}

// Metadata refresh shared by the unchanged and updated paths: a non-empty
// incoming value replaces the stored one, an empty one keeps it.
constexpr const char* kRefreshMeta =
    "url = CASE WHEN ?2 <> '' THEN ?2 ELSE url END, "
    "outlet = CASE WHEN ?3 <> '' THEN ?3 ELSE outlet END, "
    "author = CASE WHEN ?4 <> '' THEN ?4 ELSE author END, "
    "published_source = CASE WHEN ?5 <> '' THEN ?6 ELSE published_source END, "
    "published = CASE WHEN ?5 <> '' THEN ?5 ELSE published END, "
    "language = CASE WHEN ?7 <> '' THEN ?7 ELSE language END, "
    "place = CASE WHEN ?8 <> '' THEN ?8 ELSE place END, "
    "source = CASE WHEN ?9 <> '' THEN ?9 ELSE source END, "
    "captions = CASE WHEN ?10 <> '[]' THEN ?10 ELSE captions END, "
    "content_hash = ?11, last_seen = ?12";

void BindMeta(Stmt& q, int64_t seq, const Prepared& p, const std::string& now) {
  const Article& a = *p.article;
  q.Bind(1, seq).Bind(2, a.url).Bind(3, a.outlet).Bind(4, a.author).Bind(5, a.published);
  q.Bind(6, std::string_view(DateSourceName(a.published_source))).Bind(7, a.language);
  q.Bind(8, a.place).Bind(9, a.source).Bind(10, p.captions).Bind(11, p.hash).Bind(12, now);
}

Result<PutResult> PutOne(Store::Impl& impl, const Prepared& p, const std::string& now) {
  const Article& a = *p.article;
  Result<std::optional<Existing>> found = Find(impl, kFindById, a.id);
  if (found.ok() && !found->has_value() && !a.url.empty()) found = Find(impl, kFindByUrl, a.url);
  if (found.ok() && !found->has_value() && a.url.empty()) {
    found = Find(impl, kFindByContent, p.hash, a.outlet);
  }
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Insert(impl, p, now);
  const Existing& e = **found;

  if (!a.url.empty() && a.url != e.url) {
    Result<std::optional<Existing>> owner = Find(impl, kFindByUrl, a.url);
    if (!owner.ok()) return owner.status();
    if (owner->has_value()) {  // a rejection, not a storage failure
      return PutResult{PutOutcome::kRejected, a.id, 0,
                       InvalidInput("article '" + a.id + "': url '" + a.url +
                                    "' already belongs to stored article '" + (*owner)->id + "'")};
    }
  }
  Result<Sameness> same = Compare(impl, e, p);
  if (!same.ok()) return same.status();

  if (*same == Sameness::kOlderVersion) {
    Result<Stmt> q = impl.Prepare("UPDATE articles SET last_seen = ?2 WHERE seq = ?1");
    if (!q.ok()) return q.status();
    q->Bind(1, e.seq).Bind(2, now);
    PARALLAX_RETURN_IF_ERROR(StepDone(impl, *q, "cannot update an article"));
    return PutResult{PutOutcome::kUnchanged, e.id, e.version, Status::Ok()};
  }
  if (*same != Sameness::kDifferent) {
    Result<Stmt> q =
        impl.Prepare(std::string("UPDATE articles SET ") + kRefreshMeta + " WHERE seq = ?1");
    if (!q.ok()) return q.status();
    BindMeta(*q, e.seq, p, now);
    PARALLAX_RETURN_IF_ERROR(StepDone(impl, *q, "cannot update an article"));
    return PutResult{PutOutcome::kUnchanged, e.id, e.version, Status::Ok()};
  }

  Result<Stmt> keep = impl.Prepare(
      "INSERT INTO article_versions(article, version, content_hash, title, text, blocks, "
      "fetched_at) SELECT seq, version, content_hash, title, text, blocks, last_seen "
      "FROM articles WHERE seq = ?1");
  if (!keep.ok()) return keep.status();
  keep->Bind(1, e.seq);
  PARALLAX_RETURN_IF_ERROR(StepDone(impl, *keep, "cannot keep an article version"));
  Result<Stmt> q = impl.Prepare(std::string("UPDATE articles SET ") + kRefreshMeta +
                                ", title = ?13, text = ?14, blocks = ?15, summary_only = ?16, "
                                "version = version + 1 WHERE seq = ?1");
  if (!q.ok()) return q.status();
  BindMeta(*q, e.seq, p, now);
  q->Bind(13, a.title).Bind(14, p.text).Bind(15, p.layout).Bind(16, int64_t{a.summary_only});
  PARALLAX_RETURN_IF_ERROR(StepDone(impl, *q, "cannot update an article"));
  return PutResult{PutOutcome::kUpdated, e.id, e.version + 1, Status::Ok()};
}

constexpr const char* kColumns =
    "seq, id, url, outlet, title, author, published, published_source, language, place, "
    "summary_only, source, content_hash, text, blocks, captions, version, first_seen, last_seen";
constexpr const char* kColumnsNoContent =
    "seq, id, url, outlet, title, author, published, published_source, language, place, "
    "summary_only, source, content_hash, '', '[]', '[]', version, first_seen, last_seen";

Result<StoredArticle> ReadRow(const Stmt& q) {
  StoredArticle s;
  Article& a = s.article;
  s.seq = q.Int(0);
  a.id = q.Str(1);
  a.url = q.Str(2);
  a.outlet = q.Str(3);
  a.title = q.Str(4);
  a.author = q.Str(5);
  a.published = q.Str(6);
  a.published_source = store_internal::DateSourceFromName(q.Text(7));
  a.language = q.Str(8);
  a.place = q.Str(9);
  a.summary_only = q.Int(10) != 0;
  a.source = q.Str(11);
  s.content_hash = q.Str(12);
  Result<std::vector<Block>> blocks = store_internal::DecodeLayout(q.Text(14), q.Text(13));
  if (!blocks.ok()) return Status(blocks.status().code(), a.id + ": " + blocks.status().message());
  a.blocks = std::move(blocks).value();
  Result<std::vector<std::string>> captions = store_internal::DecodeCaptions(q.Text(15));
  if (!captions.ok()) return Status(captions.status().code(), a.id + ": " + captions.status().message());
  a.captions = std::move(captions).value();
  s.version = static_cast<int>(q.Int(16));
  s.first_seen = q.Str(17);
  s.last_seen = q.Str(18);
  return s;
}

}  // namespace

Result<PutResult> Store::PutArticle(const Article& article) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  Prepared p = PrepareArticle(article, impl_->options);
  if (!p.error.ok()) return p.error;
  std::string now = impl_->Now();
  PutResult out;
  Status st = WithTransaction([&]() -> Status {
    Result<PutResult> r = PutOne(*impl_, p, now);
    if (!r.ok()) return r.status();
    out = std::move(r).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (out.outcome == PutOutcome::kRejected) return out.error;
  return out;
}

Result<std::vector<PutResult>> Store::PutArticles(std::span<const Article> articles) {
  PARALLAX_RETURN_IF_ERROR(impl_->RequireWritable());
  std::vector<Prepared> prepared;
  prepared.reserve(articles.size());
  for (const Article& a : articles) prepared.push_back(PrepareArticle(a, impl_->options));
  std::string now = impl_->Now();
  std::vector<PutResult> out(articles.size());
  Status st = WithTransaction([&]() -> Status {
    for (size_t i = 0; i < prepared.size(); ++i) {
      if (!prepared[i].error.ok()) {
        out[i] = PutResult{PutOutcome::kRejected, articles[i].id, 0, prepared[i].error};
        continue;
      }
      // Rejections come back as results; a storage failure ends the batch.
      Result<PutResult> r = PutOne(*impl_, prepared[i], now);
      if (!r.ok()) return r.status();
      out[i] = std::move(r).value();
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<StoredArticle> Store::GetArticle(std::string_view id) {
  Result<Stmt> q = impl_->Prepare(std::string("SELECT ") + kColumns + " FROM articles WHERE id = ?1");
  if (!q.ok()) return q.status();
  q->Bind(1, id);
  int rc = q->Step();
  if (rc == SQLITE_DONE) return NotFound("no article with id '" + std::string(id) + "'");
  if (rc != SQLITE_ROW) return impl_->Error(rc, "cannot read an article");
  return ReadRow(*q);
}

Result<std::vector<ArticleVersion>> Store::GetArticleVersions(std::string_view id) {
  Result<int64_t> seq = impl_->ArticleSeq(id);
  if (!seq.ok()) return seq.status();
  Result<Stmt> q = impl_->Prepare(
      "SELECT version, content_hash, title, text, blocks, fetched_at FROM article_versions "
      "WHERE article = ?1 ORDER BY version");
  if (!q.ok()) return q.status();
  q->Bind(1, *seq);
  std::vector<ArticleVersion> out;
  int rc;
  while ((rc = q->Step()) == SQLITE_ROW) {
    Result<std::vector<Block>> blocks = store_internal::DecodeLayout(q->Text(4), q->Text(3));
    if (!blocks.ok()) return blocks.status();
    out.push_back({static_cast<int>(q->Int(0)), q->Str(1), q->Str(2), std::move(blocks).value(),
                   q->Str(5)});
  }
  if (rc != SQLITE_DONE) return impl_->Error(rc, "cannot read article versions");
  return out;
}

Status Store::ForEachArticle(const ArticleQuery& query,
                             const std::function<bool(StoredArticle&&)>& fn) {
  std::string sql = "SELECT ";
  sql += query.with_content ? kColumns : kColumnsNoContent;
  sql += " FROM articles a WHERE a.seq > ?1";
  if (query.only_unassigned) {
    sql += " AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article = a.seq)";
  }
  sql += query.order == ArticleQuery::Order::kSeq ? " ORDER BY a.seq" : " ORDER BY a.sort_date, a.seq";
  // Owned: the callback may call other Store methods, even ForEachArticle.
  Result<Stmt> q = impl_->PrepareOwned(sql);
  if (!q.ok()) return q.status();
  q->Bind(1, query.after_seq);
  int rc;
  while ((rc = q->Step()) == SQLITE_ROW) {
    Result<StoredArticle> row = ReadRow(*q);
    if (!row.ok()) return row.status();
    if (!fn(std::move(row).value())) return Status::Ok();
  }
  if (rc != SQLITE_DONE) return impl_->Error(rc, "cannot read articles");
  return Status::Ok();
}

Result<int64_t> Store::CountArticles() {
  Result<Stmt> q = impl_->Prepare("SELECT count(*) FROM articles");
  if (!q.ok()) return q.status();
  int rc = q->Step();
  if (rc != SQLITE_ROW) return impl_->Error(rc, "cannot count articles");
  return q->Int(0);
}

}  // namespace parallax
