// Crash safety: a child process ingests in transactions and is SIGKILLed at
// seeded points (learned through a pipe, no sleeps). After each kill the file
// must be intact, hold only whole transactions, with the search index in step;
// re-running the ingest must then converge to exactly the distinct articles.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>

#include "parallax/store.h"
#include "store/test_db.h"
#include "store/test_util.h"

namespace parallax {
namespace {

using store_testing::ArticleGenerator;

constexpr int64_t kTotal = 3000;
constexpr int64_t kBatch = 250;
constexpr uint64_t kSeed = 20261123;

// The child: ingests [0, kTotal) in batches, one transaction each, and
// reports the count committed so far after every commit. Never returns.
[[noreturn]] void IngestChild(const std::string& path, int fd) {
  auto db = Store::Open(path);
  if (!db.ok()) _exit(2);
  ArticleGenerator gen(kSeed);
  for (int64_t b = 0; b < kTotal; b += kBatch) {
    auto r = (*db)->PutArticles(gen.MakeRange(b, std::min(b + kBatch, kTotal)));
    if (!r.ok()) _exit(3);
    int64_t done = std::min(b + kBatch, kTotal);
    if (write(fd, &done, sizeof done) != sizeof done) _exit(4);
  }
  _exit(0);
}

// Runs a child until it reports at least `kill_at` committed articles, then
// SIGKILLs it. Returns the last count it reported.
int64_t RunAndKill(const std::string& path, int64_t kill_at) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    IngestChild(path, fds[1]);
  }
  close(fds[1]);
  int64_t reported = 0;
  int64_t value = 0;
  while (reported < kill_at && read(fds[0], &value, sizeof value) == sizeof value) reported = value;
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  close(fds[0]);
  EXPECT_TRUE(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0))
      << "child failed with exit code " << WEXITSTATUS(status);
  return reported;
}

void ExpectConsistent(const std::string& path, int64_t at_least) {
  auto db = Store::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  Store& s = **db;
  Status integrity = s.CheckIntegrity();  // integrity_check, foreign keys, FTS vs rows
  EXPECT_TRUE(integrity.ok()) << integrity.ToString();
  int64_t n = *s.CountArticles();
  EXPECT_GE(n, at_least);
  EXPECT_TRUE(n % kBatch == 0 || n == kTotal) << n << ": a transaction was torn";
  // Exactly gen-0 .. gen-(n-1), each once, in commit order.
  int64_t expected = 0;
  ArticleQuery q;
  q.order = ArticleQuery::Order::kSeq;
  q.with_content = false;
  ASSERT_TRUE(s.ForEachArticle(q, [&](StoredArticle&& a) {
                 EXPECT_EQ(a.article.id, "gen-" + std::to_string(expected));
                 ++expected;
                 return true;
               }).ok());
  EXPECT_EQ(expected, n);
  // Search agrees: present articles are found once, missing ones not at all.
  for (int64_t i : {int64_t{0}, n / 2, n - 1, n, n + kBatch - 1}) {
    if (i < 0 || i >= kTotal) continue;
    auto hits = s.Search(ArticleGenerator::UniqueWord(i));
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    if (i < n) {
      ASSERT_EQ(hits->size(), 1u) << "article " << i;
      EXPECT_EQ((*hits)[0].article_id, "gen-" + std::to_string(i));
    } else {
      EXPECT_TRUE(hits->empty()) << "article " << i;
    }
  }
}

TEST(StoreCrash, KilledIngestLeavesConsistentStoreAndRerunConverges) {
  const std::string path = store_testing::FreshDbPath("crash");
  std::mt19937_64 rng(kSeed);
  // A kill right after the first commit, then seeded points across the run.
  std::vector<int64_t> kill_points = {1};
  for (int i = 0; i < 3; ++i) {
    kill_points.push_back(std::uniform_int_distribution<int64_t>(kBatch, kTotal - kBatch)(rng));
  }
  for (int64_t kill_at : kill_points) {
    SCOPED_TRACE("kill after " + std::to_string(kill_at) + " articles");
    int64_t reported = RunAndKill(path, kill_at);
    ExpectConsistent(path, reported);
    if (HasFatalFailure()) return;
  }

  // Recovery: re-run the whole ingest, then once more.
  auto db = Store::Open(path);
  ASSERT_TRUE(db.ok());
  ArticleGenerator gen(kSeed);
  for (int64_t b = 0; b < kTotal; b += kBatch) {
    ASSERT_TRUE((*db)->PutArticles(gen.MakeRange(b, b + kBatch)).ok());
  }
  EXPECT_EQ(*(*db)->CountArticles(), kTotal);
  int64_t unchanged = 0;
  for (int64_t b = 0; b < kTotal; b += kBatch) {
    auto r = (*db)->PutArticles(gen.MakeRange(b, b + kBatch));
    ASSERT_TRUE(r.ok());
    for (const PutResult& p : *r) unchanged += p.outcome == PutOutcome::kUnchanged;
  }
  EXPECT_EQ(unchanged, kTotal);
  EXPECT_EQ(*(*db)->CountArticles(), kTotal);
  db->reset();
  ExpectConsistent(path, kTotal);
}

}  // namespace
}  // namespace parallax
