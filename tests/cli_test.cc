// End-to-end tests of the `parallax` binary on the example articles:
// contract shapes, exit codes, and error reporting.
#include <algorithm>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs the binary with `args` (already shell-quoted), capturing stdout and stderr.
CliRun Parallax(const std::string& args) {
  // Tests run as parallel processes: one stderr file per process.
  std::string err_path = testing::TempDir() + "/cli_stderr_" + std::to_string(getpid()) + ".txt";
  std::string cmd = std::string(PARALLAX_BIN) + " " + args + " 2>" + err_path;
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream e(err_path);
  r.err.assign(std::istreambuf_iterator<char>(e), {});
  return r;
}

std::string Examples() { return std::string(PARALLAX_SOURCE_DIR) + "/examples/*.txt"; }

int CountWords(const std::string& s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\n';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

TEST(CliTest, BriefJsonOnExamples) {
  CliRun r = Parallax("brief --format json --max-words 120 " + Examples());
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "parallax.brief/1");
  EXPECT_EQ(j["articles"].size(), 5u);
  ASSERT_GE(j["stories"].size(), 1u);
  int words = 0;
  std::set<std::string> ids;
  for (const auto& a : j["articles"]) ids.insert(a["id"].get<std::string>());
  for (const auto& story : j["stories"]) {
    for (const auto& s : story["summary"]) {
      ASSERT_FALSE(s["sources"].empty());
      for (const auto& src : s["sources"]) EXPECT_TRUE(ids.count(src.get<std::string>())) << src;
      words += CountWords(s["text"].get<std::string>());
    }
  }
  EXPECT_GT(words, 0);
  EXPECT_LE(words, 120 * static_cast<int>(j["stories"].size()));
}

TEST(CliTest, BriefMarkdownAndHtml) {
  CliRun md = Parallax("brief " + Examples());
  ASSERT_EQ(md.status, 0) << md.err;
  EXPECT_NE(md.out.find("## Summary"), std::string::npos);
  CliRun html = Parallax("brief --format html " + Examples());
  ASSERT_EQ(html.status, 0) << html.err;
  EXPECT_EQ(html.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.out.find("<script"), std::string::npos);
}

TEST(CliTest, ExtractJsonl) {
  CliRun r = Parallax("extract " + Examples());
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["schema"], "parallax.article/1");
    for (const char* k : {"id", "url", "outlet", "title", "author", "published",
                          "published_source", "language", "text", "paragraphs"}) {
      EXPECT_TRUE(j.contains(k)) << k;
    }
    ++n;
  }
  EXPECT_EQ(n, 5);
}

TEST(CliTest, ClusterPutsEveryArticleInOneStory) {
  CliRun r = Parallax("cluster " + Examples());
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "parallax.clusters/1");
  std::multiset<std::string> seen;
  for (const auto& s : j["stories"]) {
    for (const auto& a : s["articles"]) seen.insert(a.get<std::string>());
  }
  EXPECT_EQ(seen.size(), 5u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 5u);
}

TEST(CliTest, BadInputIsReportedAndTheRestProcessed) {
  std::string missing = testing::TempDir() + "/no-such-file.txt";
  CliRun r = Parallax("extract " + missing + " " + Examples());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("parallax: " + missing + ": "), std::string::npos) << r.err;
  int lines = 0;
  for (char c : r.out) lines += c == '\n';
  EXPECT_EQ(lines, 5);
}

TEST(CliTest, BadUsageExitsTwo) {
  EXPECT_EQ(Parallax("brief --format pdf " + Examples()).status, 2);
  EXPECT_EQ(Parallax("no-such-command").status, 2);
  EXPECT_EQ(Parallax("").status, 2);
}

}  // namespace

namespace {

TEST(CliTest, IngestIsIdempotentAndStoriesCoverEveryArticle) {
  std::string db = testing::TempDir() + "/cli_ingest_" + std::to_string(getpid()) + ".db";
  std::remove(db.c_str());
  CliRun first = Parallax("ingest --db " + db + " " + Examples());
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("5 inserted"), std::string::npos) << first.err;
  CliRun again = Parallax("ingest --db " + db + " " + Examples());
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("0 inserted, 0 updated, 5 unchanged"), std::string::npos) << again.err;
  CliRun stories = Parallax("stories --db " + db);
  ASSERT_EQ(stories.status, 0) << stories.err;
  auto j = nlohmann::json::parse(stories.out);
  EXPECT_EQ(j["schema"], "parallax.stories/1");
  std::multiset<std::string> ids;
  for (const auto& s : j["stories"]) {
    for (const auto& a : s["articles"]) ids.insert(a.get<std::string>());
  }
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 5u);
  CliRun search = Parallax("search --db " + db + " --format json Rafah");
  ASSERT_EQ(search.status, 0) << search.err;
  EXPECT_FALSE(nlohmann::json::parse(search.out)["hits"].empty());
  std::remove(db.c_str());
}

// Stories persist between runs: articles ingested one run at a time join the
// story the earlier runs built (the seeds are one event).
TEST(CliTest, IngestRunsJoinStoredStories) {
  std::string db = testing::TempDir() + "/cli_ingest_runs_" + std::to_string(getpid()) + ".db";
  std::remove(db.c_str());
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(PARALLAX_SOURCE_DIR) + "/examples")) {
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 3u);
  for (const std::string& f : files) {
    CliRun r = Parallax("ingest --db " + db + " " + f);
    ASSERT_EQ(r.status, 0) << r.err;
  }
  auto j = nlohmann::json::parse(Parallax("stories --db " + db).out);
  ASSERT_EQ(j["stories"].size(), 1u) << j.dump(1);
  EXPECT_EQ(j["stories"][0]["articles"].size(), files.size());
  std::remove(db.c_str());
}

// CONTRACT.md: timex and quotes print JSON lines with character offsets
// into the article text.
TEST(CliTest, TimexAndQuotesFollowTheContract) {
  const std::string path = testing::TempDir() + "/cli_timex_" + std::to_string(getpid()) + ".txt";
  const std::string text =
      "Officials said on Monday that the meeting would be held next week. "
      "\xE2\x80\x9CWe will not stop,\xE2\x80\x9D the minister said.";
  {
    std::ofstream out(path, std::ios::binary);
    out << text << "\n";
  }
  CliRun timex = Parallax("timex --dct 2024-03-25 " + path);
  ASSERT_EQ(timex.status, 0) << timex.err;
  std::istringstream lines(timex.out);
  std::string line;
  std::set<std::string> values;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    for (const char* key : {"text", "start", "end", "type", "value"}) EXPECT_TRUE(j.contains(key)) << line;
    values.insert(j["text"].get<std::string>() + "=" + j["value"].get<std::string>());
  }
  EXPECT_TRUE(values.count("Monday=2024-03-25")) << timex.out;
  EXPECT_TRUE(values.count("next week=2024-W14")) << timex.out;
  EXPECT_EQ(Parallax("timex --dct 2024-13-45 " + path).status, 2);

  CliRun quotes = Parallax("quotes " + path);
  ASSERT_EQ(quotes.status, 0) << quotes.err;
  bool direct = false;
  std::istringstream qlines(quotes.out);
  while (std::getline(qlines, line)) {
    auto j = nlohmann::json::parse(line);
    for (const char* key : {"article", "speaker", "text", "start", "end", "kind"}) {
      EXPECT_TRUE(j.contains(key)) << line;
    }
    if (j["kind"] == "direct") {
      direct = true;
      EXPECT_EQ(j["text"], "We will not stop");
      // Character offsets (a curly mark is one character, three bytes); a
      // direct quote's span includes its marks (include/parallax/quotes.h).
      EXPECT_EQ(j["start"].get<int>(), 67) << line;
      EXPECT_EQ(j["end"].get<int>(), 86) << line;
    }
  }
  EXPECT_TRUE(direct) << quotes.out;
  std::remove(path.c_str());
}

TEST(CliTest, TagFollowsTheContract) {
  CliRun r = Parallax("tag < " + std::string(PARALLAX_SOURCE_DIR) + "/tests/data/tag_input.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Netanyahu\tI-PER"), std::string::npos) << r.out;
}

}  // namespace

namespace {

TEST(CliTest, ServeRefusesAnUnreadableTokenFileNamingIt) {
  std::string missing = testing::TempDir() + "/no-such-token.txt";
  std::string db = testing::TempDir() + "/serve_token_" + std::to_string(getpid()) + ".db";
  CliRun r = Parallax("serve --db " + db + " --port 0 --ingest-token-file " + missing);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ingest token"), std::string::npos) << r.err;
}

// SIGTERM stops the server cleanly (exit 0) while it builds briefs ahead.
TEST(CliTest, ServeStopsOnSigterm) {
  std::string dir = testing::TempDir() + "/serve_sig_" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::string db = dir + "/s.db", out = dir + "/out.txt";
  ASSERT_EQ(Parallax("ingest --db " + db + " " + Examples()).status, 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    FILE* f = std::freopen(out.c_str(), "w", stdout);
    if (f == nullptr) _exit(127);
    execl(PARALLAX_BIN, PARALLAX_BIN, "serve", "--db", db.c_str(), "--port", "0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  bool serving = false;
  for (int i = 0; i < 600 && !serving; ++i) {
    std::ifstream in(out);
    std::string line;
    serving = std::getline(in, line) && line.find("serving") != std::string::npos;
    if (!serving) usleep(100000);
  }
  EXPECT_TRUE(serving);
  kill(pid, SIGTERM);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
