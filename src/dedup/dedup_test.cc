#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parallax/dedup.h"

namespace parallax {
namespace {

// Random prose-like text over a 5,000-word vocabulary (seeded: hermetic).
std::vector<std::string> RandomWords(std::mt19937_64& rng, size_t n) {
  std::uniform_int_distribution<int> word(0, 4999);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.push_back("w" + std::to_string(word(rng)));
  return out;
}

std::string Join(const std::vector<std::string>& words, size_t begin = 0, size_t end = SIZE_MAX) {
  std::string s;
  for (size_t i = begin; i < std::min(end, words.size()); ++i) {
    if (!s.empty()) s += (i % 17 == 0) ? ". " : " ";
    s += words[i];
  }
  return s;
}

const char* kWire =
    "Rescue teams searched through the night for survivors after a magnitude 6.4 earthquake "
    "struck the coastal province early on Tuesday, officials said. At least 42 people were "
    "killed and hundreds injured as buildings collapsed in three towns near the epicentre. "
    "The national disaster agency said electricity had been cut across much of the region and "
    "that roads into the mountains were blocked by landslides. Aftershocks continued through "
    "the morning, frightening residents who had spent the night outdoors. The president "
    "ordered the army to help with the rescue effort and promised aid to the families of the "
    "victims. Hospitals in the provincial capital were overwhelmed, a doctor told reporters.";

TEST(DedupTest, ExactCopyIgnoresSpacingPunctuationAndCase) {
  DedupIndex index;
  EXPECT_FALSE(index.Add("ap", kWire).has_value());
  std::string copy = std::string(kWire);
  for (char& c : copy) {
    if (c == ',') c = ' ';
  }
  auto m = index.Add("site1", "  " + copy + "  ");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->kind, DuplicateKind::kExact);
  EXPECT_EQ(m->original_id, "ap");
  EXPECT_EQ(m->original_seq, 0u);
  EXPECT_DOUBLE_EQ(m->similarity, 1.0);
}

TEST(DedupTest, EmptyTextsAreNeverDuplicates) {
  DedupIndex index;
  EXPECT_FALSE(index.Add("a", "").has_value());
  EXPECT_FALSE(index.Add("b", "  ").has_value());
}

TEST(DedupTest, LightEditIsNearDuplicate) {
  DedupIndex index;
  index.Add("ap", kWire);
  std::string edited = kWire;
  edited.replace(edited.find("42"), 2, "45");
  edited.replace(edited.find("a doctor"), 8, "one doctor");
  auto m = index.Add("site2", edited);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->kind, DuplicateKind::kNear);
  EXPECT_EQ(m->original_id, "ap");
  EXPECT_GT(m->jaccard, 0.6);
}

// A sketch made apart from the index (another thread, in the clusterer)
// gives the answers Add gives; one made with other options is only matched
// as an exact copy.
TEST(DedupTest, SketchMadeAheadGivesTheSameAnswers) {
  std::string edited = kWire;
  edited.replace(edited.find("42"), 2, "45");
  DedupIndex by_text, by_sketch;
  for (const char* id : {"ap", "copy", "edit"}) {
    const std::string text = std::string(id) == "edit" ? edited : kWire;
    auto a = by_text.Add(id, text);
    auto b = by_sketch.AddSketch(id, MakeDedupSketch(TokenHashes(text), by_sketch.options()));
    ASSERT_EQ(a.has_value(), b.has_value()) << id;
    if (a) {
      EXPECT_EQ(a->kind, b->kind);
      EXPECT_EQ(a->original_id, b->original_id);
      EXPECT_DOUBLE_EQ(a->jaccard, b->jaccard);
    }
  }
  DedupOptions other;
  other.bands = 7;
  DedupIndex index;
  index.Add("ap", kWire);
  EXPECT_FALSE(index.AddSketch("edit", MakeDedupSketch(TokenHashes(edited), other)).has_value());
  auto exact = index.AddSketch("copy", MakeDedupSketch(TokenHashes(kWire), other));
  ASSERT_TRUE(exact.has_value());
  EXPECT_EQ(exact->kind, DuplicateKind::kExact);
}

TEST(DedupTest, TruncatedCopyLinksToFullOne) {
  DedupIndex index;
  index.Add("ap", kWire);
  std::string wire = kWire;
  std::string shortened = wire.substr(0, wire.find("Aftershocks"));
  auto m = index.Add("short", shortened);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->original_id, "ap");
  EXPECT_GT(m->containment, 0.85);
}

TEST(DedupTest, ChainsReportTheFirstOriginal) {
  DedupIndex index;
  index.Add("ap", kWire);
  index.Add("copy1", std::string(kWire) + " Reporting by a staff writer.");
  auto m = index.Add("copy2", std::string(kWire) + " Reporting by a staff writer; editing.");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->original_id, "ap");
}

TEST(DedupTest, DifferentReportsOfOneEventAreNotDuplicates) {
  DedupIndex index;
  index.Add("ap", kWire);
  auto m = index.Add(
      "other",
      "A strong earthquake hit the coastal province on Tuesday morning, killing dozens. The "
      "quake, measured at 6.4, toppled homes in several towns and cut power. Soldiers were sent "
      "to dig through rubble while aftershocks rattled the area, and the president pledged help "
      "for the bereaved. Doctors said hospitals could not cope with the number of injured.");
  EXPECT_FALSE(m.has_value());
}

TEST(DedupTest, ShortTextsOnlyMatchExactly) {
  DedupIndex index;
  index.Add("a", "Breaking news from the capital tonight");
  EXPECT_FALSE(index.Add("b", "Breaking news from the capital this morning").has_value());
  EXPECT_TRUE(index.Add("c", "breaking NEWS from the capital, tonight!").has_value());
}

// The MinHash estimate against exact Jaccard on random set pairs with
// overlaps spread over [0, 1]. Stated tolerance: with n = 128 hash functions
// the standard error is sqrt(J(1-J)/128) <= 0.045; every pair must be within
// 4 standard errors (+0.01), and the mean absolute error below 0.03.
TEST(DedupTest, MinHashEstimatesExactJaccard) {
  std::mt19937_64 rng(42);
  const int kHashes = 128;
  double total_err = 0;
  const int kPairs = 300;
  for (int p = 0; p < kPairs; ++p) {
    std::vector<std::string> a = RandomWords(rng, 400);
    std::vector<std::string> b = a;
    // Replace a random fraction of b's words: overlap from ~0 to 1.
    double frac = std::uniform_real_distribution<double>(0, 1)(rng);
    std::vector<std::string> fresh = RandomWords(rng, b.size());
    std::bernoulli_distribution flip(frac);
    for (size_t i = 0; i < b.size(); ++i) {
      if (flip(rng)) b[i] = fresh[i];
    }
    auto sa = ShingleSet(TokenHashes(Join(a)), 5);
    auto sb = ShingleSet(TokenHashes(Join(b)), 5);
    double exact = ExactJaccard(sa, sb);
    double est = EstimateJaccard(MinHashSignature(sa, kHashes, 7), MinHashSignature(sb, kHashes, 7));
    double se = std::sqrt(exact * (1 - exact) / kHashes);
    EXPECT_NEAR(est, exact, 4 * se + 0.01) << "pair " << p;
    total_err += std::abs(est - exact);
  }
  EXPECT_LT(total_err / kPairs, 0.03);
}

TEST(DedupTest, ShingleSetEdgeCases) {
  std::vector<uint64_t> none;
  EXPECT_TRUE(ShingleSet(none, 5).empty());
  std::vector<uint64_t> two = {1, 2};
  EXPECT_EQ(ShingleSet(two, 5).size(), 1u);
  std::vector<uint64_t> rep = {1, 2, 1, 2, 1, 2, 1, 2};
  EXPECT_EQ(ShingleSet(rep, 2).size(), 2u);  // {1,2} and {2,1}
  EXPECT_DOUBLE_EQ(ExactJaccard(none, none), 1.0);
}

// LSH recall on generated near-duplicates: light edits (2% of words replaced)
// and truncations to 60% must be found; unrelated documents must not match.
TEST(DedupTest, LshRecallOnGeneratedNearDuplicates) {
  std::mt19937_64 rng(2024);
  DedupIndex index;
  const int kDocs = 300;
  std::vector<std::vector<std::string>> originals;
  for (int d = 0; d < kDocs; ++d) {
    originals.push_back(RandomWords(rng, 300));
    EXPECT_FALSE(index.Add("o" + std::to_string(d), Join(originals.back())).has_value());
  }
  int edits_found = 0, cuts_found = 0;
  std::bernoulli_distribution flip(0.02);
  for (int d = 0; d < kDocs; ++d) {
    std::vector<std::string> e = originals[d];
    std::vector<std::string> fresh = RandomWords(rng, e.size());
    for (size_t i = 0; i < e.size(); ++i) {
      if (flip(rng)) e[i] = fresh[i];
    }
    auto m = index.Add("e" + std::to_string(d), Join(e));
    edits_found += m && m->original_id == "o" + std::to_string(d);
    auto c = index.Add("c" + std::to_string(d), Join(originals[d], 0, 180));
    cuts_found += c && c->original_id == "o" + std::to_string(d);
  }
  EXPECT_GE(edits_found, kDocs * 98 / 100);
  EXPECT_GE(cuts_found, kDocs * 95 / 100);
  int false_hits = 0;
  for (int d = 0; d < kDocs; ++d) {
    false_hits += index.Find(Join(RandomWords(rng, 300))).has_value();
  }
  EXPECT_EQ(false_hits, 0);
}

TEST(DedupTest, SaveLoadRoundTripGivesSameAnswers) {
  std::mt19937_64 rng(9);
  DedupIndex a;
  std::vector<std::string> docs;
  for (int d = 0; d < 50; ++d) {
    docs.push_back(Join(RandomWords(rng, 200)));
    a.Add("d" + std::to_string(d), docs.back());
  }
  std::string blob;
  a.Save(&blob);
  DedupIndex b;
  ASSERT_TRUE(b.Load(blob).ok());
  EXPECT_EQ(b.size(), a.size());
  for (int d = 0; d < 50; d += 7) {
    std::string probe = docs[d].substr(0, docs[d].size() * 3 / 4);
    auto ma = a.Add("p" + std::to_string(d), probe);
    auto mb = b.Add("p" + std::to_string(d), probe);
    ASSERT_EQ(ma.has_value(), mb.has_value());
    if (ma) {
      EXPECT_EQ(ma->original_id, mb->original_id);
      EXPECT_DOUBLE_EQ(ma->similarity, mb->similarity);
    }
  }
  std::string blob_a, blob_b;
  a.Save(&blob_a);
  b.Save(&blob_b);
  EXPECT_EQ(blob_a, blob_b);
}

TEST(DedupTest, LoadRejectsCorruptState) {
  DedupIndex a;
  a.Add("x", kWire);
  std::string blob;
  a.Save(&blob);
  DedupIndex b;
  EXPECT_FALSE(b.Load(blob.substr(0, blob.size() - 3)).ok());
  EXPECT_FALSE(b.Load("garbage").ok());
  std::string bad = blob;
  bad[4] = 9;  // version
  EXPECT_FALSE(b.Load(bad).ok());
  EXPECT_EQ(b.size(), 0u);  // a failed Load leaves the index unchanged
}

}  // namespace
}  // namespace parallax
