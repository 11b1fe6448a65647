#include "parallax/status.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidInput("odd number");
  return x / 2;
}

Status Chain(int x) {
  PARALLAX_RETURN_IF_ERROR(Half(x).status());
  return Status::Ok();
}

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = TooLarge("file exceeds 64 MiB");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kTooLarge);
  EXPECT_EQ(s.ToString(), "file exceeds 64 MiB");
}

TEST(StatusTest, ResultHoldsValueOrError) {
  auto good = Half(4);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 2);
  auto bad = Half(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "odd number");
  EXPECT_FALSE(Chain(3).ok());
  EXPECT_TRUE(Chain(2).ok());
}

}  // namespace
}  // namespace parallax
