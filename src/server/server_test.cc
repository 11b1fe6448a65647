// The HTTP API end to end, in process: a Server on an ephemeral loopback
// port, driven with httplib::Client.
#include "parallax/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <chrono>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "parallax/pipeline.h"
#include "parallax/store.h"
#include "parallax/store_ingest.h"

namespace parallax {
namespace {

using nlohmann::json;

Article Make(std::string id, std::string outlet, std::string title, std::string published,
             std::vector<std::string> paragraphs, std::string url = "") {
  Article a;
  a.id = std::move(id);
  a.outlet = std::move(outlet);
  a.title = std::move(title);
  a.published = std::move(published);
  a.url = std::move(url);
  for (auto& p : paragraphs) a.blocks.push_back({BlockKind::kParagraph, std::move(p)});
  return a;
}

const char* kHostileTitle = "<script>alert('t')</script> Netanyahu cancels Washington delegation";
const char* kHostileOutlet = "\"><img src=x onerror=alert(1)>";
const char* kHostileUrl = "javascript:alert(document.cookie)";

std::vector<Article> Corpus() {
  return {
      Make("cnn-1", "CNN", "Netanyahu cancels delegation to Washington after US abstains on UN vote",
           "2024-03-25",
           {"Israeli Prime Minister Benjamin Netanyahu scrapped a planned delegation to Washington "
            "on Monday after the US abstained from a United Nations Security Council vote.",
            "The resolution calling for an immediate ceasefire in Gaza passed after the US "
            "abstained, allowing it to pass."},
           "https://example.com/cnn-1"),
      Make("aj-1", "Al Jazeera", "UN Security Council demands immediate ceasefire in Gaza",
           "2024-03-25",
           {"The United Nations Security Council passed a resolution demanding an immediate "
            "ceasefire in Gaza on Monday after the US abstained from the vote.",
            "Netanyahu cancelled a planned delegation to Washington in response."},
           "https://example.com/aj-1"),
      Make("evil-1", kHostileOutlet, kHostileTitle, "2024-03-26",
           {"<script>alert('body')</script> Netanyahu cancelled the Washington delegation after "
            "the Security Council vote on a ceasefire in Gaza.",
            "<a href=\"javascript:alert(2)\">click</a> onerror=alert(3)"},
           kHostileUrl),
  };
}

class ServerTest : public testing::Test {
 protected:
  void Start(ServerOptions o) {
    db_ = (std::filesystem::path(testing::TempDir()) /
           ("server_test_" + std::to_string(::getpid()) + "_" +
            testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
              .string();
    std::filesystem::remove(db_);
    {
      auto store = Store::Open(db_);
      ASSERT_TRUE(store.ok()) << store.status().message();
      std::vector<Article> batch = Corpus();
      IngestCounts counts;
      ASSERT_TRUE(StoreArticles(**store, &batch, &counts, {}).ok());
      auto assigner = StoryAssigner::Open(**store);
      ASSERT_TRUE(assigner.ok()) << assigner.status().message();
      ASSERT_TRUE((*assigner)->Assign().ok());
    }
    Open(o);
  }
  // Serves the existing db_ (after Start, and after Restart's Stop).
  void Open(ServerOptions o) {
    o.db_path = db_;
    o.port = 0;
    auto s = Server::Create(o);
    ASSERT_TRUE(s.ok()) << s.status().message();
    server_ = std::move(s).value();
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().message();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_connection_timeout(5);
    // A first brief loads the tagger and quote models; on a loaded CI machine
    // that can pass httplib's 5 s default and fail a correct server.
    client_->set_read_timeout(60);
  }
  void Shut() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }
  void TearDown() override {
    Shut();
    std::filesystem::remove(db_);
    std::filesystem::remove(db_ + "-wal");
    std::filesystem::remove(db_ + "-shm");
  }
  json GetJson(const std::string& path, int expect = 200) {
    auto r = client_->Get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return json();
    EXPECT_EQ(r->status, expect) << path << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    return json::parse(r->body);
  }
  std::string FirstStoryId() {
    json j = GetJson("/api/stories");
    return j["stories"].empty() ? "" : j["stories"][0]["id"].get<std::string>();
  }

  std::string db_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, ListsStoriesWithPagingSortAndFilters) {
  Start({});
  json j = GetJson("/api/stories?limit=10");
  ASSERT_EQ(j["schema"], "parallax.stories/1");
  ASSERT_FALSE(j["stories"].empty());
  size_t total = 0;
  for (const auto& s : j["stories"]) total += s["article_count"].get<size_t>();
  EXPECT_EQ(total, 3u);
  EXPECT_EQ(GetJson("/api/stories?sort=coverage")["stories"].size(), j["stories"].size());
  json page = GetJson("/api/stories?limit=1");
  EXPECT_EQ(page["stories"].size(), 1u);
  if (j["stories"].size() > 1) {
    EXPECT_EQ(page["next_offset"], 1);
  }
  EXPECT_TRUE(GetJson("/api/stories?outlet=Nobody")["stories"].empty());
  EXPECT_FALSE(GetJson("/api/stories?outlet=CNN")["stories"].empty());
  EXPECT_FALSE(GetJson("/api/stories?entity=Netanyahu")["stories"].empty());
  EXPECT_TRUE(GetJson("/api/stories?entity=zzzxqy")["stories"].empty());
  EXPECT_FALSE(GetJson("/api/stories?entity=Benjamin%20Netanyahu")["stories"].empty());
  EXPECT_TRUE(GetJson("/api/stories?entity=Netanyahu%20Benjamin")["stories"].empty());  // a phrase
  EXPECT_EQ(GetJson("/api/stories?entity=%22")["stories"].size(), j["stories"].size());  // no filter
  EXPECT_TRUE(GetJson("/api/stories?from=2030-01-01")["stories"].empty());
  EXPECT_FALSE(GetJson("/api/stories?from=2024-03-01&to=2024-03-25")["stories"].empty());
  EXPECT_EQ(GetJson("/api/stories?limit=abc", 400)["error"]["status"], 400);
  EXPECT_EQ(GetJson("/api/stories?sort=best", 400)["error"]["status"], 400);
  EXPECT_EQ(GetJson("/api/stories?from=<x>", 400)["error"]["status"], 400);
}

TEST_F(ServerTest, StoryIsTheBriefJsonAndUnknownIdsAre404) {
  Start({});
  std::string id = FirstStoryId();
  ASSERT_FALSE(id.empty());
  json b = GetJson("/api/stories/" + id);
  EXPECT_EQ(b["schema"], "parallax.brief/1");
  ASSERT_EQ(b["stories"].size(), 1u);
  EXPECT_EQ(b["stories"][0]["id"], id);
  EXPECT_FALSE(b["articles"].empty());
  EXPECT_EQ(GetJson("/api/stories/" + id), b);  // cached copy is the same
  json e = GetJson("/api/stories/no-such-story", 404);
  EXPECT_EQ(e["error"]["status"], 404);
  EXPECT_EQ(GetJson("/api/articles/no-such-article", 404)["error"]["status"], 404);
  json a = GetJson("/api/articles/cnn-1");
  EXPECT_EQ(a["schema"], "parallax.article/1");
  EXPECT_EQ(a["outlet"], "CNN");
  EXPECT_FALSE(a["story"].get<std::string>().empty());
}

TEST_F(ServerTest, SearchHighlightsWithPrivateUseMarkers) {
  Start({});
  json j = GetJson("/api/search?q=ceasefire");
  ASSERT_FALSE(j["hits"].empty());
  std::string open = j["highlight"][0], close = j["highlight"][1];
  bool marked = false;
  for (const auto& h : j["hits"]) {
    std::string s = h["snippet"];
    marked |= s.find(open) != std::string::npos && s.find(close) != std::string::npos;
  }
  EXPECT_TRUE(marked);
  EXPECT_EQ(GetJson("/api/search", 400)["error"]["status"], 400);
  EXPECT_EQ(GetJson("/api/search?q=%22%22", 400)["error"]["status"], 400);
}

TEST_F(ServerTest, HostileTextComesBackAsInertJsonWithSecurityHeaders) {
  Start({});
  for (std::string path : {"/api/articles/evil-1", "/api/search?q=delegation", "/api/stories"}) {
    auto r = client_->Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"),
              std::string::npos);
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"),
              std::string::npos);
    EXPECT_EQ(r->get_header_value("Referrer-Policy"), "no-referrer");
  }
  // The data round-trips unchanged as JSON strings (the web app inserts it as text).
  json a = GetJson("/api/articles/evil-1");
  EXPECT_EQ(a["title"], kHostileTitle);
  EXPECT_EQ(a["outlet"], kHostileOutlet);
  // The brief of the hostile article's story renders too.
  std::string sid = a["story"];
  json b = GetJson("/api/stories/" + sid);
  EXPECT_EQ(b["schema"], "parallax.brief/1");
  // The page shell: no inline script, CSP on HTML too.
  auto page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(page->body.find("<script>"), std::string::npos);  // only <script src=...>
  EXPECT_EQ(page->body.find("onclick"), std::string::npos);
  // The client never parses data as HTML.
  auto js = client_->Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  for (const char* sink : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                           "eval(", "new Function"}) {
    EXPECT_EQ(js->body.find(sink), std::string::npos) << sink;
  }
}

TEST_F(ServerTest, OnlyEmbeddedAssetsAreServedNoPathTraversal) {
  Start({});
  for (std::string p : {"/app.css", "/app.js", "/index.html", "/icon.svg"}) {
    auto r = client_->Get(p);
    ASSERT_TRUE(r) << p;
    EXPECT_EQ(r->status, 200) << p;
  }
  for (std::string p : {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                        "/..%2f..%2f..%2fetc%2fpasswd", "/web/../CMakeLists.txt",
                        "/index.html/../../CMakeLists.txt", "/%2fetc%2fpasswd", "/app.js%00.txt",
                        "/api/../CMakeLists.txt", "/nope.html", "/api/nope"}) {
    auto r = client_->Get(p);
    ASSERT_TRUE(r) << p;
    EXPECT_TRUE(r->status == 404 || r->status == 400) << p << " -> " << r->status;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << p;
    EXPECT_EQ(r->body.find("cmake_minimum_required"), std::string::npos) << p;
  }
}

TEST_F(ServerTest, WrongMethodsAre405) {
  Start({});
  auto r = client_->Post("/api/stories", "x", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(json::parse(r->body)["error"]["status"], 405);
  r = client_->Get("/api/ingest");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "POST");
}

TEST_F(ServerTest, IngestNeedsTheTokenAndUpdatesStoriesAndBriefs) {
  ServerOptions o;
  o.ingest_token = "s3cret-token";
  Start(o);
  std::string line = json{{"id", "bbc-1"}, {"outlet", "BBC"}, {"url", "https://example.com/bbc-1"},
                          {"title", "Netanyahu scraps Washington trip after UN ceasefire vote"},
                          {"published", "2024-03-25"},
                          {"text", "Israeli Prime Minister Benjamin Netanyahu scrapped a planned "
                                   "delegation to Washington after the US abstained from the "
                                   "United Nations Security Council vote on a ceasefire in Gaza."}}
                         .dump() + "\n";
  auto r = client_->Post("/api/ingest", line, "application/x-ndjson");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(json::parse(r->body)["error"]["status"], 403);
  r = client_->Post("/api/ingest", {{"Authorization", "Bearer wrong"}}, line, "application/x-ndjson");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = client_->Post("/api/ingest", {{"Authorization", "Bearer s3cret-token"}}, line,
                    "application/x-ndjson");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["inserted"], 1);
  json a = GetJson("/api/articles/bbc-1");
  EXPECT_FALSE(a["story"].get<std::string>().empty());
  json b = GetJson("/api/stories/" + a["story"].get<std::string>());
  bool listed = false;
  for (const auto& art : b["articles"]) listed |= art["id"] == "bbc-1";
  EXPECT_TRUE(listed);
  // Garbage lines are 400 with the line numbers.
  r = client_->Post("/api/ingest", {{"Authorization", "Bearer s3cret-token"}}, "{not json\n",
                    "application/x-ndjson");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST_F(ServerTest, IngestDisabledWithoutTokenAndBodyLimitIs413) {
  ServerOptions o;
  o.max_body_bytes = 4096;
  o.ingest_token = "t";
  Start(o);
  std::string big(10000, 'x');
  auto r = client_->Post("/api/ingest", {{"Authorization", "Bearer t"}}, big, "application/x-ndjson");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(json::parse(r->body)["error"]["status"], 413);
}

TEST_F(ServerTest, RateLimitAnswers429WithRetryAfter) {
  ServerOptions o;
  o.rate_per_second = 0.5;
  o.rate_burst = 3;
  Start(o);
  int ok = 0, limited = 0;
  for (int i = 0; i < 6; ++i) {
    auto r = client_->Get("/api/stories");
    ASSERT_TRUE(r);
    if (r->status == 200) ++ok;
    if (r->status == 429) {
      ++limited;
      EXPECT_FALSE(r->get_header_value("Retry-After").empty());
      EXPECT_EQ(json::parse(r->body)["error"]["status"], 429);
    }
  }
  EXPECT_EQ(ok, 3);
  EXPECT_EQ(limited, 3);
}

// Waits (up to a minute: the machine may be loaded) until `done` holds.
bool Eventually(const std::function<bool()>& done) {
  for (int i = 0; i < 600; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

TEST_F(ServerTest, BriefsAreBuiltAheadKeptInTheStoreAndRebuiltAfterOtherWriters) {
  ServerOptions o;
  Start(o);
  const std::string variant = Server::BriefVariant(o);
  auto other = Store::Open(db_);  // another process's connection (`parallax watch`)
  ASSERT_TRUE(other.ok()) << other.status().message();
  auto stale = [&] {
    auto ids = (*other)->StoriesNeedingBriefs(variant, 0);
    EXPECT_TRUE(ids.ok());
    return ids.ok() ? ids->size() : size_t{999};
  };
  ASSERT_TRUE(Eventually([&] { return stale() == 0; })) << stale() << " stories without a brief";
  EXPECT_GE(server_->briefs_built_ahead(), 1u);

  // Another writer adds an article to the story: its brief is rebuilt.
  std::string story = FirstStoryId();
  ASSERT_FALSE(story.empty());
  std::vector<Article> batch = {
      Make("bbc-2", "BBC", "Netanyahu scraps Washington delegation after UN ceasefire vote",
           "2024-03-25",
           {"Israeli Prime Minister Benjamin Netanyahu scrapped a planned delegation to "
            "Washington after the US abstained from the United Nations Security Council vote on "
            "a ceasefire in Gaza."})};
  IngestCounts counts;
  ASSERT_TRUE(StoreArticles(**other, &batch, &counts, {}).ok());
  auto assigner = StoryAssigner::Open(**other);
  ASSERT_TRUE(assigner.ok());
  ASSERT_TRUE((*assigner)->Assign().ok());
  auto in_story = (*other)->StoryOfArticle("bbc-2");
  ASSERT_TRUE(in_story.ok());
  ASSERT_TRUE(Eventually([&] { return stale() == 0; }));
  auto summary = (*other)->GetStorySummary(*in_story);
  ASSERT_TRUE(summary.ok());
  auto kept = (*other)->GetBrief(*in_story, Store::BriefStamp(*summary, variant));
  ASSERT_TRUE(kept.ok());
  ASSERT_TRUE(kept->has_value());
  EXPECT_NE((*kept)->find("bbc-2"), std::string::npos);
  EXPECT_EQ(GetJson("/api/stories/" + *in_story), json::parse(**kept));

  // After a restart the story page comes from the store, not from a rebuild.
  Shut();
  ASSERT_TRUE((*other)->PutBrief(*in_story, Store::BriefStamp(*summary, variant),
                                 R"({"kept":"in the store"})").ok());
  o.warm_briefs = false;
  Open(o);
  EXPECT_EQ(GetJson("/api/stories/" + *in_story)["kept"], "in the store");
}

}  // namespace
}  // namespace parallax
