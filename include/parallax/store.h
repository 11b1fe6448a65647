// Store: the durable home of articles, stories, duplicate links and component
// state, in one SQLite file (WAL mode, versioned schema, FTS5 search).
//
//   StoreOptions opt;
//   Result<std::unique_ptr<Store>> db = Store::Open("parallax.db", opt);
//   if (!db.ok()) return db.status();          // "parallax.db: not a Parallax database"
//   Result<PutResult> put = (*db)->PutArticle(article);
//   // put->outcome: kInserted, kUnchanged or kUpdated; put->id: the stored id
//
// Identity, idempotency and versioning
// -------------------------------------
// An article is identified by its `id` (required, non-empty) and, when it has
// one, its `url` (unique among stored articles). Its content hash is
// ContentHash(): Fingerprint128 of title + body text after text::Normalize,
// whitespace collapsing and text::Fold. PutArticle(a) then decides:
//   - no stored article has a.id or a.url, and (when a.url is empty) none from
//     the same outlet without URL has the same content hash  -> kInserted;
//   - the matching stored article (found by id, else by url, else by
//     outlet + hash for URL-less articles) has the same content hash, or one of
//     its earlier versions has it  -> kUnchanged: content is kept, last_seen is
//     bumped and non-empty metadata (author, published, language, place,
//     outlet, source, captions, url) is refreshed in place;
//   - it has different content  -> kUpdated: the old title/text/blocks move to
//     the version history, `version` increments.
// The returned id is always the stored one, which differs from a.id when the
// match was by url or content. Articles with the same content but different
// URLs or outlets are different articles (syndication); the dedup stage links
// them with LinkDuplicate(). Re-running an ingest is therefore idempotent: the
// second run reports every article kUnchanged and changes nothing but
// last_seen. Seeing an older version again does not roll the article back.
//
// Input rules: every text field must be valid UTF-8 without NUL bytes
// (readers guarantee UTF-8, so anything else is a bug upstream and is rejected
// with kInvalidInput naming the article and field); the body text is limited
// to StoreOptions::max_text_bytes and other fields to max_field_bytes
// (kTooLarge). All SQL uses bound parameters: any string is safe to store.
//
// Durability
// ----------
// Writes happen in transactions (each Put/Assign/... call is one; group calls
// with WithTransaction). The journal is WAL with synchronous=NORMAL by
// default: a crash of the process never loses a committed transaction, and a
// power loss or OS crash may lose the last few committed transactions but
// never corrupts the file. Set StoreOptions::durable for synchronous=FULL
// (every commit survives power loss, at the cost of an fsync per commit).
//
// Thread-safety and processes
// ---------------------------
// A Store is a connection: use one Store object per thread (it is not safe to
// call one Store from two threads at once). Any number of Stores, in any
// number of threads or processes, may open the same file: readers never block
// the writer and see a consistent snapshot per call; writers serialise (a
// writer waits up to busy_timeout_ms for another writer, then fails with
// kIoError "database is locked"). Read-only Stores (the server) can't write.
//
// Errors: Open() errors name the path ("PATH: file is not a database",
// "PATH: database is newer than this binary (schema 7 > 3)"); storage
// failures later name the path too; input problems name the article id.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/duplicate.h"
#include "parallax/status.h"

namespace parallax {

struct StoreOptions {
  bool read_only = false;       // open for reading only; never creates or migrates
  bool create = true;           // create the file when missing (read-write only)
  bool durable = false;         // synchronous=FULL instead of NORMAL (see Durability)
  int busy_timeout_ms = 5000;   // how long to wait for another writer's lock
  uint64_t max_text_bytes = 16ull << 20;  // body text limit
  uint64_t max_field_bytes = 64ull << 10;  // limit for title, url, author, ... each
  // Timestamps for first_seen/last_seen/created/updated, ISO 8601 UTC
  // ("2026-11-23T11:17:25Z"). Empty: the system clock. Tests inject a fake.
  std::function<std::string()> clock;
};

enum class PutOutcome { kInserted, kUnchanged, kUpdated, kRejected };
const char* PutOutcomeName(PutOutcome o);  // "inserted", "unchanged", "updated", "rejected"

struct PutResult {
  PutOutcome outcome = PutOutcome::kRejected;
  std::string id;     // the stored article's id (see Identity above)
  int version = 0;    // the stored version after the call (1 for a new article)
  Status error;       // why, when outcome == kRejected (batch calls only)
};

// An article as stored, with its bookkeeping.
struct StoredArticle {
  Article article;
  int64_t seq = 0;           // insertion order (1, 2, ...); stable, never reused
  std::string content_hash;  // ContentHash(article)
  int version = 1;           // 1 + number of content changes seen
  std::string first_seen;    // when first stored (StoreOptions::clock)
  std::string last_seen;     // when last put
};

// An earlier content version of an article (GetArticleVersions).
struct ArticleVersion {
  int version = 0;
  std::string content_hash;
  std::string title;
  std::vector<Block> blocks;
  std::string fetched_at;  // last_seen of that version
};

// Which articles ForEachArticle visits, and in what order.
struct ArticleQuery {
  enum class Order {
    kPublished,  // by published date (first_seen when unknown), then seq
    kSeq,        // insertion order
  };
  Order order = Order::kPublished;
  int64_t after_seq = 0;         // only articles with seq > after_seq (resume points)
  bool only_unassigned = false;  // only articles in no story
  bool with_content = true;      // false: leave title/blocks/captions empty (faster)
};

// Story rows are written by the clusterer; the store keeps them opaque.
struct StoryRecord {
  std::string id;           // caller-chosen, non-empty, unique
  std::string title;
  std::string state;        // opaque bytes for the clusterer (centroid, ...)
  bool closed = false;      // no longer accepts articles (clusterer's choice)
  std::string created;      // set by the store
  std::string updated;      // set by the store on every change
  std::string merged_into;  // set by MergeStories on the source story
};

// A story with its articles, for listings.
struct StorySummary {
  StoryRecord story;  // without `state` (often large): GetStory() has it
  std::vector<std::string> article_ids;  // ordered by article date, then seq
  std::vector<std::string> outlets;      // distinct, in order of first article
  std::string first_seen;  // earliest article date (published, else first_seen)
  std::string last_seen;   // latest article date
  int64_t revision = 0;    // bumped by every change to the story (see BriefStamp)
};

struct ListStoriesOptions {
  size_t limit = 100;     // page size (0: no limit)
  size_t offset = 0;      // stories to skip
  bool include_closed = true;
};

// Filtered story listings for the server (Store::FindStories, queries.cc).
struct StoryQuery {
  enum class Sort { kNewest, kCoverage };  // last_seen DESC / article count DESC
  Sort sort = Sort::kNewest;
  size_t limit = 20;     // 1..1000
  size_t offset = 0;
  std::string outlet;    // only stories with an article from this outlet (exact)
  std::string from;      // only stories whose last article is on/after this date
  std::string to;        // only stories whose first article is on/before this date (inclusive day)
  std::string text;      // user search text (Search syntax): stories with a matching article
};


struct DuplicateLink {
  std::string article_id;       // the copy
  std::string duplicate_of_id;  // the article it copies
  DuplicateKind kind = DuplicateKind::kExact;
  double similarity = 1.0;
};

struct SearchOptions {
  size_t limit = 20;
  size_t offset = 0;
  // Markers around matched terms in SearchHit::snippet. The snippet is plain
  // text: a HTML front end should pick markers that can't occur in text,
  // escape the snippet, then replace the markers with tags.
  std::string highlight_open = "[";
  std::string highlight_close = "]";
  int snippet_tokens = 24;  // approximate snippet length in tokens (1..64)
  // BM25 ranks only the newest `rank_window` matching articles (0: all).
  // FTS5 scores every match before sorting, so a common word in a large
  // store cost ~80 ms; news search favours recent articles anyway.
  size_t rank_window = 5000;
};

struct SearchHit {
  std::string article_id;
  std::string title;
  std::string outlet;
  std::string published;
  std::string story_id;  // "" when the article is in no story
  double score = 0;      // -bm25 (title weighted 4x): higher is better
  std::string snippet;   // body excerpt with highlighted matches
};

// The normalised content hash used for identity (see above).
std::string ContentHash(const Article& article);

class Store {
 public:
  // Opens (creating it when allowed) and migrates the database at `path`.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Schema version this binary writes, and the opened file's version.
  static int LatestSchemaVersion();
  int SchemaVersion() const;
  const std::string& path() const;

  // Runs `fn` in one transaction: committed when it returns OK, rolled back
  // otherwise (its Status is returned). Nests (inner calls use savepoints).
  // Writes inside see each other; readers elsewhere see all or nothing.
  Status WithTransaction(const std::function<Status()>& fn);

  // ---- Articles ----------------------------------------------------------
  // Stores one article (see Identity). Invalid input -> kInvalidInput/kTooLarge.
  Result<PutResult> PutArticle(const Article& article);
  // Stores many in one transaction (the fast path for ingest). A bad article
  // gets outcome kRejected with its error and the others are stored; a storage
  // failure rolls back the whole batch and is returned.
  Result<std::vector<PutResult>> PutArticles(std::span<const Article> articles);

  Result<StoredArticle> GetArticle(std::string_view id);  // kNotFound when absent
  Result<std::vector<ArticleVersion>> GetArticleVersions(std::string_view id);  // oldest first
  // Visits articles; `fn` returns false to stop early. Don't change articles
  // from inside `fn` (story and duplicate writes are fine).
  Status ForEachArticle(const ArticleQuery& query,
                        const std::function<bool(StoredArticle&&)>& fn);
  Result<int64_t> CountArticles();

  // ---- Stories -----------------------------------------------------------
  // Insert, or replace title/state/closed; a merged (tombstoned) story is live again.
  Status PutStory(const StoryRecord& story);
  Status UpdateStory(const StoryRecord& story);  // kNotFound when the id is unknown
  Result<StoryRecord> GetStory(std::string_view id);
  Result<StorySummary> GetStorySummary(std::string_view id);
  Status DeleteStory(std::string_view id);  // its articles become unassigned
  // Puts the article in the story, moving it out of any other story.
  Status AssignArticleToStory(std::string_view article_id, std::string_view story_id);
  Status UnassignArticle(std::string_view article_id);
  // Story id of an article, "" when unassigned.
  Result<std::string> StoryOfArticle(std::string_view article_id);
  // Moves every article of `from` into `into`; `from` stays as a tombstone
  // with merged_into set (so old links resolve) and is no longer listed.
  Status MergeStories(std::string_view from, std::string_view into);
  // Live (not merged) stories, newest first (by last_seen, then id).
  Result<std::vector<StorySummary>> ListStories(const ListStoriesOptions& options = {});
  Result<int64_t> CountStories();  // live stories
  // Live stories matching `query`, in its order; `*more` (optional) is set
  // when further pages exist. Invalid text -> kInvalidArgument.
  Result<std::vector<StorySummary>> FindStories(const StoryQuery& query, bool* more = nullptr);
  // Highest article seq (0 when empty): changes whenever an article is added.
  Result<int64_t> LastArticleSeq();

  // ---- Duplicates --------------------------------------------------------
  // Records that `article_id` copies `of_id` (replacing an earlier link of
  // `article_id`). An article can't duplicate itself.
  Status LinkDuplicate(std::string_view article_id, std::string_view of_id, DuplicateKind kind,
                       double similarity);
  // Links whose copy is in the story (all links when `story_id` is empty).
  Result<std::vector<DuplicateLink>> ListDuplicates(std::string_view story_id);

  // ---- Component state ---------------------------------------------------
  // Opaque bytes under a key ("cluster/idf", "cluster/checkpoint", ...).
  // Components should prefix keys with their name.
  Status PutState(std::string_view key, std::string_view value);
  Result<std::optional<std::string>> GetState(std::string_view key);
  Status DeleteState(std::string_view key);

  // ---- Stored briefs -----------------------------------------------------
  // A rendered brief (any bytes, typically the brief JSON) kept per story.
  // It is valid for one stamp: BriefStamp() of the story summary it was built
  // from (its revision) plus a `variant` naming how it was built (program
  // version, options). Any change to the story (title, an article added,
  // moved, merged in or edited, a duplicate link) bumps the revision, so an
  // outdated brief is never returned. Read the summary before the articles:
  // a brief then never claims a newer revision than its content.
  static std::string BriefStamp(const StorySummary& story, std::string_view variant);
  // Keeps `json` for the story under `stamp` (replacing any earlier brief).
  // kNotFound for an unknown story.
  Status PutBrief(std::string_view story_id, std::string_view stamp, std::string_view json);
  // The story's brief when one is stored under exactly `stamp`, else nullopt.
  Result<std::optional<std::string>> GetBrief(std::string_view story_id, std::string_view stamp);
  // Live, non-empty stories whose stored brief is missing or not for their
  // current stamp under `variant`, most recently active first.
  Result<std::vector<std::string>> StoriesNeedingBriefs(std::string_view variant, size_t limit);

  // ---- Search ------------------------------------------------------------
  // Full-text search over titles and bodies (Porter-stemmed, diacritics
  // folded), best first. The query is user text, never FTS syntax: words are
  // ANDed, "quoted phrases" match in order, `a OR b` either, `-word`
  // excludes, `word*` is a prefix. A query with nothing to search for, or
  // longer than 1000 bytes, is kInvalidArgument.
  Result<std::vector<SearchHit>> Search(std::string_view query, const SearchOptions& options = {});

  // ---- Maintenance -------------------------------------------------------
  // PRAGMA integrity_check, foreign_key_check, the FTS index against the
  // articles and the story/duplicate invariants. OK or kInternal with the
  // first problems found.
  Status CheckIntegrity();

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax
