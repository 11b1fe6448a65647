// DedupIndex ageing (Expire) and the band table's deletion.
#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dedup/band_table.h"
#include "parallax/dedup.h"

namespace parallax {
namespace {

const char* kFlood =
    "Floodwaters rose through the old town overnight after three days of heavy rain, forcing "
    "hundreds of families to leave their homes, the regional government said on Sunday. "
    "Firefighters used boats to reach residents trapped on upper floors, and two bridges over "
    "the river were closed as a precaution. The mayor said the water level had reached its "
    "highest point in forty years and warned that more rain was expected later in the week. "
    "Schools will remain closed on Monday, and the army has been asked to help build barriers.";

const char* kStrike =
    "Train drivers walked out on Thursday in a dispute over pay and working hours, leaving "
    "commuters stranded across the country as only one service in five ran. The union said "
    "the strike would continue until the operator presented a new offer, while the transport "
    "minister called the action irresponsible and urged both sides to return to talks. Long "
    "queues formed at bus stations in the capital, and some employers told staff to work from "
    "home. Freight services were also disrupted, according to a spokesman for the operator.";

// The same text with a new last sentence: a near-duplicate, not an exact one.
std::string Edited(const char* text) {
  std::string s = text;
  return s.substr(0, s.rfind(". ") + 2) + "Officials will give an update tomorrow morning.";
}

TEST(DedupAgeingTest, KeepsDuplicatesInsideTheWindowAndDropsOlderOnes) {
  DedupIndex index;
  EXPECT_FALSE(index.Add("flood-1", kFlood, 100.0).has_value());
  EXPECT_FALSE(index.Add("strike-1", kStrike, 104.0).has_value());
  EXPECT_EQ(index.Expire(100.0), 0u);  // nothing published before day 100
  auto exact = index.Add("flood-2", kFlood, 105.0);
  ASSERT_TRUE(exact.has_value());
  EXPECT_EQ(exact->kind, DuplicateKind::kExact);
  EXPECT_EQ(exact->original_id, "flood-1");
  auto near = index.Add("flood-3", Edited(kFlood), 105.5);
  ASSERT_TRUE(near.has_value());
  EXPECT_EQ(near->kind, DuplicateKind::kNear);
  EXPECT_EQ(near->original_id, "flood-1");

  // flood-1 ages out; its later copies (days 105, 105.5) still answer, and
  // name the chain's original.
  EXPECT_EQ(index.Expire(102.0), 1u);
  EXPECT_EQ(index.size(), 4u);
  EXPECT_EQ(index.indexed(), 3u);
  auto again = index.Add("flood-4", kFlood, 106.0);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->original_id, "flood-1");
  EXPECT_EQ(again->matched_id, "flood-2");

  // Everything before day 107 ages out: copies are first-seen documents again.
  EXPECT_EQ(index.Expire(107.0), 4u);
  EXPECT_EQ(index.indexed(), 0u);
  EXPECT_FALSE(index.Add("flood-5", kFlood, 110.0).has_value());
  EXPECT_FALSE(index.Add("strike-2", Edited(kStrike), 110.0).has_value());
  auto fresh = index.Add("flood-6", Edited(kFlood), 111.0);
  ASSERT_TRUE(fresh.has_value());
  EXPECT_EQ(fresh->original_id, "flood-5");
}

TEST(DedupAgeingTest, UndatedDocumentsNeverAgeOut) {
  DedupIndex index;
  index.Add("undated", kStrike);
  EXPECT_EQ(index.Expire(1e9), 0u);
  auto m = index.Add("copy", kStrike, 5.0);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->original_id, "undated");
}

// Random prose-like texts: a long stream with a sliding window.
std::string RandomText(std::mt19937_64& rng, size_t words) {
  std::uniform_int_distribution<int> word(0, 4999);
  std::string s;
  for (size_t i = 0; i < words; ++i) s += (s.empty() ? "w" : " w") + std::to_string(word(rng));
  return s;
}

TEST(DedupAgeingTest, StateRoundTripsMidStreamAndContinuesTheSame) {
  std::mt19937_64 rng(17);
  std::vector<std::string> texts;
  for (int i = 0; i < 40; ++i) texts.push_back(RandomText(rng, 120));
  DedupIndex a;
  DedupIndex b;
  std::uniform_int_distribution<int> pick(0, 39);
  for (int step = 0; step < 400; ++step) {
    const double day = step / 20.0;
    const std::string& t = texts[pick(rng)];
    std::string text = step % 3 == 0 ? t.substr(0, t.size() * 2 / 3) : t;
    const std::string id = "a" + std::to_string(step);
    auto ma = a.Add(id, text, day);
    if (step == 150 || step == 290) {  // b restarts from a's saved state
      std::string blob;
      a.Save(&blob);
      ASSERT_TRUE(b.Load(blob).ok());
      continue;
    }
    if (step < 150) continue;
    auto mb = b.Add(id, text, day);
    ASSERT_EQ(ma.has_value(), mb.has_value()) << step;
    if (ma) {
      EXPECT_EQ(ma->original_id, mb->original_id) << step;
      EXPECT_EQ(ma->matched_id, mb->matched_id) << step;
      EXPECT_EQ(ma->kind, mb->kind) << step;
    }
    if (step % 10 == 0) {
      EXPECT_EQ(a.Expire(day - 2.0), b.Expire(day - 2.0)) << step;
      EXPECT_EQ(a.indexed(), b.indexed());
    } else if (step % 10 == 5) {
      a.Expire(day - 2.0);
      b.Expire(day - 2.0);
    }
  }
  EXPECT_LT(a.indexed(), a.size() / 4);  // only the last ~2 days stay indexed
  std::string blob_a, blob_b;
  a.Save(&blob_a);
  b.Save(&blob_b);
  EXPECT_EQ(blob_a, blob_b);
}

TEST(DedupAgeingTest, LoadRejectsAFingerprintEntryForAnAgedOutDocument) {
  DedupIndex a;
  a.Add("flood-1", kFlood, 1.0);
  a.Add("strike-1", kStrike, 9.0);
  a.Expire(5.0);
  std::string blob;
  a.Save(&blob);
  DedupIndex b;
  ASSERT_TRUE(b.Load(blob).ok());
  // The last entry's "first" field (a document number) points at flood-1 (0).
  std::string bad = blob;
  bad[bad.size() - 8] = 0;
  bad[bad.size() - 7] = 0;
  bad[bad.size() - 6] = 0;
  bad[bad.size() - 5] = 0;
  EXPECT_FALSE(b.Load(bad).ok());
}

TEST(BandTableTest, EraseKeepsEveryOtherEntryReachable) {
  std::mt19937 rng(3);
  dedup::BandTable table;
  std::multimap<uint32_t, uint32_t> reference;
  std::uniform_int_distribution<uint32_t> key(0, 300);  // many collisions and long runs
  for (uint32_t doc = 0; doc < 5000; ++doc) {
    uint32_t k = key(rng) * 1024;  // same home slot modulo the table size
    table.Insert(k, doc);
    reference.emplace(k, doc);
    if (doc % 3 == 2) {  // erase a random present entry
      auto it = std::next(reference.begin(), rng() % reference.size());
      ASSERT_TRUE(table.Erase(it->first, it->second));
      reference.erase(it);
    }
  }
  EXPECT_FALSE(table.Erase(7, 99999));
  EXPECT_EQ(table.size(), reference.size());
  for (uint32_t k = 0; k <= 300 * 1024; k += 1024) {
    std::vector<uint32_t> got, want;
    table.ForEach(k, [&](uint32_t d) { got.push_back(d); });
    for (auto [it, end] = reference.equal_range(k); it != end; ++it) want.push_back(it->second);
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    ASSERT_EQ(got, want) << k;
  }
}

}  // namespace
}  // namespace parallax
