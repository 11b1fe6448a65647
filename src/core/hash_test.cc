#include "parallax/hash.h"

#include <gtest/gtest.h>

#include <set>

namespace parallax {
namespace {

TEST(HashTest, Deterministic) {
  EXPECT_EQ(Hash64("parallax"), Hash64("parallax"));
  EXPECT_NE(Hash64("parallax"), Hash64("parallaX"));
  EXPECT_NE(Hash64("a", 1), Hash64("a", 2));
  EXPECT_EQ(Fingerprint128("x").size(), 32u);
  EXPECT_EQ(ShortHashHex("x", 12).size(), 12u);
}

TEST(HashTest, FewCollisionsOnShortKeys) {
  std::set<uint64_t> seen;
  for (int i = 0; i < 100000; ++i) seen.insert(Hash64(std::to_string(i)));
  EXPECT_EQ(seen.size(), 100000u);
}

// Stored ids depend on these exact values: a change here is a data migration.
TEST(HashTest, FrozenValues) {
  EXPECT_EQ(ShortHashHex("", 16), "48218226ff3cd4bf");
  EXPECT_EQ(Fingerprint128("hello world"), "11fb211fb7b29247cc6a1751057b2f86");
}

}  // namespace
}  // namespace parallax
