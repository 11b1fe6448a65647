// The JSON API handlers (include/parallax/server.h lists the routes).
#include <algorithm>
#include <charconv>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "parallax/brief.h"
#include "parallax/ingest.h"
#include "parallax/render.h"
#include "parallax/store_ingest.h"
#include "server/server_impl.h"

namespace parallax::server_internal {
namespace {

using nlohmann::json;

// Search highlight markers: Unicode private-use characters, which the client
// turns into <mark> elements after inserting the text as text.
constexpr const char* kMarkOpen = "\xEE\x80\x80";   // U+E000
constexpr const char* kMarkClose = "\xEE\x80\x81";  // U+E001

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

int HttpStatusFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kNotFound: return 404;
    case StatusCode::kInvalidArgument:
    case StatusCode::kInvalidInput: return 400;
    case StatusCode::kTooLarge: return 413;
    default: return 500;
  }
}

void SendStatus(httplib::Response& res, const Status& s) {
  int code = HttpStatusFor(s);
  // Storage failures carry file paths: keep them in the server log only.
  SendError(res, code, code == 500 ? "internal error" : s.message());
}

// Parses an optional non-negative integer parameter; false (and a 400) when bad.
bool SizeParam(const httplib::Request& req, httplib::Response& res, const char* name,
               size_t max, size_t* out) {
  if (!req.has_param(name)) return true;
  std::string v = req.get_param_value(name);
  size_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size() || n > max) {
    SendError(res, 400, std::string("parameter '") + name + "' must be an integer in 0.." +
                            std::to_string(max));
    return false;
  }
  *out = n;
  return true;
}

bool DateParam(const httplib::Request& req, httplib::Response& res, const char* name,
               std::string* out) {
  std::string v = req.get_param_value(name);
  bool ok = v.size() <= 32 && std::all_of(v.begin(), v.end(), [](char c) {
              return (c >= '0' && c <= '9') || c == '-' || c == ':' || c == 'T' || c == 'Z' ||
                     c == '+' || c == '.';
            });
  if (!ok) {
    SendError(res, 400, std::string("parameter '") + name + "' must be an ISO 8601 date");
    return false;
  }
  *out = v;
  return true;
}

Result<StorePool::Lease> Borrow(ApiContext& ctx, httplib::Response& res) {
  Result<StorePool::Lease> lease = ctx.pool->Acquire();
  if (!lease.ok()) SendStatus(res, lease.status());
  return lease;
}

}  // namespace

void HandleStories(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  StoryQuery q;
  if (!SizeParam(req, res, "limit", 100, &q.limit)) return;
  if (!SizeParam(req, res, "offset", 1000000, &q.offset)) return;
  if (q.limit == 0) q.limit = 20;
  std::string sort = req.has_param("sort") ? req.get_param_value("sort") : "newest";
  if (sort == "coverage") {
    q.sort = StoryQuery::Sort::kCoverage;
  } else if (sort != "newest") {
    return SendError(res, 400, "parameter 'sort' must be 'newest' or 'coverage'");
  }
  q.outlet = req.get_param_value("outlet");
  // An entity name is matched as a phrase ("Benjamin Netanyahu"), not as loose words.
  std::string entity = req.get_param_value("entity");
  if (q.outlet.size() > 1000 || entity.size() > 900) return SendError(res, 400, "parameter too long");
  std::erase(entity, '"');
  if (entity.find_first_not_of(" \t") != std::string::npos) q.text = "\"" + entity + "\"";
  if (!DateParam(req, res, "from", &q.from) || !DateParam(req, res, "to", &q.to)) return;
  auto store = Borrow(ctx, res);
  if (!store.ok()) return;
  bool more = false;
  Result<std::vector<StorySummary>> stories = (*store)->FindStories(q, &more);
  if (!stories.ok()) return SendStatus(res, stories.status());
  json j;
  j["schema"] = "parallax.stories/1";
  j["offset"] = q.offset;
  j["limit"] = q.limit;
  j["next_offset"] = more ? json(q.offset + stories->size()) : json(nullptr);
  j["stories"] = json::array();
  for (const StorySummary& s : *stories) {
    j["stories"].push_back({{"id", s.story.id},
                            {"title", s.story.title},
                            {"article_count", s.article_ids.size()},
                            {"outlets", s.outlets},
                            {"first_seen", s.first_seen},
                            {"last_seen", s.last_seen},
                            {"updated", s.story.updated}});
  }
  SendJson(res, Dump(j));
}

void HandleStory(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto store = Borrow(ctx, res);
  if (!store.ok()) return;
  Result<StorySummary> summary = ResolveStory(**store, req.matches[1]);
  if (!summary.ok()) return SendStatus(res, summary.status());
  const std::string& id = summary->story.id;
  std::string stamp = Store::BriefStamp(*summary, Server::BriefVariant(*ctx.options));
  if (auto cached = ctx.briefs->Get(id, stamp)) return SendJson(res, *cached);
  Result<std::optional<std::string>> stored = (*store)->GetBrief(id, stamp);
  if (!stored.ok()) return SendStatus(res, stored.status());
  if (stored->has_value()) {
    auto json = std::make_shared<const std::string>(std::move(**stored));
    ctx.briefs->Put(id, stamp, json);
    return SendJson(res, *json);
  }
  Result<std::string> built = RenderStoryBrief(**store, *summary, *ctx.options);
  if (!built.ok()) return SendStatus(res, built.status());
  Status kept = KeepBrief(ctx, id, stamp, *built, /*wait_for_writer=*/false);
  if (!kept.ok()) std::cerr << "parallax: serve: cannot keep a brief: " << kept.ToString() << "\n";
  auto json = std::make_shared<const std::string>(std::move(*built));
  ctx.briefs->Put(id, stamp, json);
  SendJson(res, *json);
}

void HandleArticle(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string id = req.matches[1];
  auto store = Borrow(ctx, res);
  if (!store.ok()) return;
  Result<StoredArticle> a = (*store)->GetArticle(id);
  if (!a.ok()) return SendStatus(res, a.status());
  Result<std::string> story = (*store)->StoryOfArticle(id);
  if (!story.ok()) return SendStatus(res, story.status());
  json j = json::parse(RenderArticleJson(a->article, false), nullptr, false);
  if (j.is_discarded()) return SendError(res, 500, "internal error");
  j["story"] = *story;
  j["version"] = a->version;
  j["first_seen"] = a->first_seen;
  j["last_seen"] = a->last_seen;
  SendJson(res, Dump(j));
}

void HandleSearch(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string q = req.get_param_value("q");
  if (q.empty()) return SendError(res, 400, "parameter 'q' is required");
  SearchOptions o;
  if (!SizeParam(req, res, "limit", 100, &o.limit)) return;
  if (!SizeParam(req, res, "offset", 10000, &o.offset)) return;
  if (o.limit == 0) o.limit = 20;
  o.highlight_open = kMarkOpen;
  o.highlight_close = kMarkClose;
  o.snippet_tokens = 32;
  auto store = Borrow(ctx, res);
  if (!store.ok()) return;
  std::string key, version;
  if (ctx.options->search_cache_seconds > 0) {
    Result<int64_t> last = (*store)->LastArticleSeq();
    if (!last.ok()) return SendStatus(res, last.status());
    auto bucket = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::steady_clock::now().time_since_epoch()).count() /
                  ctx.options->search_cache_seconds;
    key = std::to_string(o.limit) + "/" + std::to_string(o.offset) + "/" + q;
    version = std::to_string(*last) + "#" + std::to_string(bucket);
    if (auto cached = ctx.searches->Get(key, version)) return SendJson(res, *cached);
  }
  SearchOptions probe = o;
  probe.limit = o.limit + 1;
  Result<std::vector<SearchHit>> hits = (*store)->Search(q, probe);
  if (!hits.ok()) return SendStatus(res, hits.status());
  bool more = hits->size() > o.limit;
  if (more) hits->resize(o.limit);
  json j;
  j["schema"] = "parallax.search/1";
  j["query"] = q;
  j["highlight"] = {kMarkOpen, kMarkClose};
  j["offset"] = o.offset;
  j["next_offset"] = more ? json(o.offset + hits->size()) : json(nullptr);
  j["hits"] = json::array();
  for (const SearchHit& h : *hits) {
    j["hits"].push_back({{"article", h.article_id}, {"title", h.title}, {"outlet", h.outlet},
                         {"published", h.published}, {"story", h.story_id},
                         {"score", h.score}, {"snippet", h.snippet}});
  }
  auto body = std::make_shared<const std::string>(Dump(j));
  if (!key.empty()) ctx.searches->Put(key, version, body);
  SendJson(res, *body);
}

void HandleIngest(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const ServerOptions& o = *ctx.options;
  if (!o.allow_remote_ingest && !IsLoopback(req.remote_addr)) {
    return SendError(res, 403, "ingest is only accepted from loopback");
  }
  if (o.ingest_token.empty()) return SendError(res, 403, "ingest is disabled (no --ingest-token)");
  std::string expected = "Bearer " + o.ingest_token;
  std::string got = req.get_header_value("Authorization");
  // Constant-time comparison: the token must not leak through timing.
  unsigned diff = got.size() != expected.size();
  for (size_t i = 0; i < expected.size(); ++i) {
    diff |= static_cast<unsigned char>(expected[i]) ^
            static_cast<unsigned char>(i < got.size() ? got[i] : 0);
  }
  if (diff != 0) return SendError(res, 403, "missing or wrong ingest token");

  std::vector<Article> batch;
  json errors = json::array();
  size_t line_no = 0, start = 0;
  const std::string& body = req.body;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string_view line(body.data() + start, end - start);
    start = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    DocContext dc;
    dc.source = "api#" + std::to_string(line_no);
    Result<Article> a = ArticleFromJsonRecord(line, dc);
    if (!a.ok()) {
      errors.push_back({{"line", line_no}, {"message", a.status().message()}});
      continue;
    }
    batch.push_back(std::move(a).value());
  }
  if (batch.empty()) {
    if (errors.empty()) return SendError(res, 400, "no articles in the request body");
    res.status = 400;
    json j = {{"error", {{"status", 400}, {"message", "no valid articles"}, {"lines", errors}}}};
    return res.set_content(Dump(j), "application/json; charset=utf-8");
  }
  IngestCounts counts;
  counts.read = batch.size();
  Status st;
  AssignStats assigned;
  {
    std::lock_guard<std::mutex> lock(*ctx.writer_mu);
    st = StoreArticles(*ctx.writer, &batch, &counts, [&](const Article& a, const Status& why) {
      errors.push_back({{"article", a.id}, {"message", why.message()}});
    });
    if (st.ok() && *ctx.assigner == nullptr) {
      Result<std::unique_ptr<StoryAssigner>> a = StoryAssigner::Open(*ctx.writer);
      if (a.ok()) {
        *ctx.assigner = std::move(a).value();
      } else {
        st = a.status();
      }
    }
    if (st.ok()) {
      Result<AssignStats> r = (*ctx.assigner)->Assign();
      if (r.ok()) {
        assigned = *r;
      } else {
        st = r.status();
        ctx.assigner->reset();  // reload the committed state next time
      }
    }
  }
  if (!st.ok()) return SendStatus(res, st);
  if (ctx.warmer != nullptr) ctx.warmer->Poke();
  json j = {{"read", counts.read},
            {"inserted", counts.inserted},
            {"updated", counts.updated},
            {"unchanged", counts.unchanged},
            {"rejected", counts.rejected},
            {"clustered", assigned.articles},
            {"duplicates", assigned.duplicates},
            {"new_stories", assigned.new_stories},
            {"merged_stories", assigned.merged_stories},
            {"errors", errors}};
  SendJson(res, Dump(j));
}

}  // namespace parallax::server_internal
