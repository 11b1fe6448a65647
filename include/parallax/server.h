// `parallax serve`: the JSON API and the embedded web app over one store.
//
//   ServerOptions o;
//   o.db_path = "parallax.db";
//   Result<std::unique_ptr<Server>> s = Server::Create(o);   // opens the store
//   Result<int> port = (*s)->Bind();                         // 0 in o.port: ephemeral
//   (*s)->Run();                                             // blocks until Stop()
//
// API (all JSON; errors are {"error":{"status":N,"message":"..."}}):
//   GET  /api/stories?limit=&offset=&sort=newest|coverage&outlet=&from=&to=&entity=
//   GET  /api/stories/{id}      the story's brief (`parallax.brief/1`)
//   GET  /api/articles/{id}     one article (`parallax.article/1` + store fields)
//   GET  /api/search?q=&limit=&offset=   BM25 hits with highlighted snippets
//   POST /api/ingest            JSONL articles; needs `Authorization: Bearer TOKEN`
// Every other path is an embedded asset or 404; no file system access.
//
// Security: bound to loopback by default; request bodies are limited
// (413), requests per client address are rate limited (429), every response
// carries a strict Content-Security-Policy (no inline script), nosniff,
// frame-ancestors 'none' and a no-referrer policy. Ingest is refused (403)
// without the token, and from non-loopback peers unless allowed.
//
// Threads: httplib serves requests on a thread pool; each request borrows a
// read-only store connection from a pool (SQLite WAL: readers never block the
// writer). Ingest uses one writable connection under a mutex and keeps one
// StoryAssigner (pipeline.h) in memory: while the server runs, it should be
// the only process assigning stories in this store. Briefs are built
// ahead of requests (warm_briefs): once bound, one low-priority thread builds
// the brief of every new or changed story, most recently active first, and
// keeps it in the store (Store::PutBrief), so story pages are answered from
// the store even for stories another process (`parallax watch`) changed, and
// after a restart. Briefs are also cached in memory per story (keyed by the
// story's revision); search answers for search_cache_seconds or until an
// article is added.
// Stop() may be called from any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "parallax/status.h"

namespace parallax {

struct ServerOptions {
  std::string db_path = "parallax.db";
  std::string host = "127.0.0.1";
  int port = 8080;                     // 0: any free port (see Bind)
  std::string ingest_token;            // empty: POST /api/ingest always 403
  bool allow_remote_ingest = false;    // accept ingest from non-loopback peers
  size_t max_body_bytes = 8u << 20;    // larger request bodies get 413
  double rate_per_second = 50;         // sustained requests per client address (0: no limit)
  double rate_burst = 200;             // bucket size
  int threads = 8;                     // worker threads
  size_t brief_cache_entries = 512;    // briefs kept in memory
  int brief_max_words = 150;
  bool warm_briefs = true;             // build briefs ahead of requests (see above)
  // Search answers are reused for this long (and until an article is added);
  // 0 disables the cache.
  int search_cache_seconds = 30;
};

class Server {
 public:
  // Opens the store (creating it when missing, so ingest can fill it).
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port (useful with port 0).
  Result<int> Bind();
  // Serves until Stop(); Bind() first.
  Status Run();
  void Stop();
  // True once Run() is accepting connections.
  bool running() const;
  // Briefs built ahead of requests so far (warm_briefs).
  size_t briefs_built_ahead() const;
  // The variant (program version, word budget) under which this server keeps
  // briefs in the store: see Store::BriefStamp.
  static std::string BriefVariant(const ServerOptions& options);

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax
