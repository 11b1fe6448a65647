// Several connections on one file: a reader thread reads while a writer
// writes, and always sees whole transactions (WAL snapshots).
#include <atomic>
#include <thread>

#include "parallax/store.h"
#include "store/test_db.h"
#include "store/test_util.h"

namespace parallax {
namespace {

using store_testing::ArticleGenerator;

TEST(StoreConcurrency, ReaderSeesWholeTransactionsWhileWriterWrites) {
  const std::string path = store_testing::FreshDbPath("concurrency");
  constexpr int kBatches = 30;
  constexpr int kBatch = 100;
  auto writer = Store::Open(path);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  std::atomic<int64_t> committed{0};
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::string reader_error;

  std::thread reader([&] {
    StoreOptions ro;
    ro.read_only = true;
    auto db = Store::Open(path, ro);  // one Store per thread
    if (!db.ok()) {
      reader_error = db.status().ToString();
      return;
    }
    int64_t last = 0;
    while (!done.load()) {
      const int64_t floor = committed.load();
      auto n = (*db)->CountArticles();
      if (!n.ok()) {
        reader_error = n.status().ToString();
        return;
      }
      if (*n % kBatch != 0 || *n < floor || *n < last) {
        reader_error = "saw " + std::to_string(*n) + " articles after " + std::to_string(last) +
                       " with " + std::to_string(floor) + " committed";
        return;
      }
      if (*n > 0) {  // the newest article is searchable in the same snapshot
        auto hits = (*db)->Search(ArticleGenerator::UniqueWord(*n - 1));
        if (!hits.ok() || hits->size() != 1) {
          reader_error = "newest article not searchable at " + std::to_string(*n);
          return;
        }
      }
      last = *n;
      reads.fetch_add(1);
    }
  });

  ArticleGenerator gen(5);
  for (int b = 0; b < kBatches; ++b) {
    auto r = (*writer)->PutArticles(gen.MakeRange(b * kBatch, (b + 1) * kBatch));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    committed.store((b + 1) * kBatch);
    // Let the reader in between commits at least sometimes, without sleeping.
    const int seen = reads.load();
    for (int spin = 0; spin < 1000 && reads.load() == seen; ++spin) std::this_thread::yield();
  }
  done.store(true);
  reader.join();
  EXPECT_EQ(reader_error, "");
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(*(*writer)->CountArticles(), kBatches * kBatch);
}

TEST(StoreConcurrency, TwoWritersSerialise) {
  const std::string path = store_testing::FreshDbPath("twowriters");
  ASSERT_TRUE(Store::Open(path).ok());
  ArticleGenerator gen(9);
  std::atomic<int> failures{0};
  auto work = [&](int64_t begin) {
    auto db = Store::Open(path);
    if (!db.ok()) {
      failures.fetch_add(1);
      return;
    }
    for (int64_t b = begin; b < begin + 1000; b += 100) {
      if (!(*db)->PutArticles(gen.MakeRange(b, b + 100)).ok()) failures.fetch_add(1);
    }
  };
  std::thread a(work, 0);
  std::thread b(work, 500);  // overlapping ranges: one inserts, the other finds them unchanged
  a.join();
  b.join();
  EXPECT_EQ(failures.load(), 0);
  auto db = Store::Open(path);
  EXPECT_EQ(*(*db)->CountArticles(), 1500);
  EXPECT_TRUE((*db)->CheckIntegrity().ok());
}

}  // namespace
}  // namespace parallax
