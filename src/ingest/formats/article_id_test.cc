#include <gtest/gtest.h>

#include "ingest/formats/url.h"
#include "parallax/ingest.h"

namespace parallax {
namespace {

using formats::NormalizeUrlForId;

TEST(ArticleIdTest, UrlNormalisation) {
  EXPECT_EQ(NormalizeUrlForId("HTTPS://WWW.Example.COM/World/Story/?utm_source=x&b=2&a=1#top"),
            "https://example.com/World/Story?a=1&b=2");
  EXPECT_EQ(NormalizeUrlForId("http://example.com:80/a?fbclid=1&gclid=2"), "https://example.com/a");
  EXPECT_EQ(NormalizeUrlForId("https://example.com:8443/a/"), "https://example.com:8443/a");
  EXPECT_EQ(NormalizeUrlForId("https://user@example.com/"), "https://example.com");
  EXPECT_EQ(NormalizeUrlForId("  "), "");
}

TEST(ArticleIdTest, SameArticleSameId) {
  std::string id = DeriveArticleId("https://www.example.com/world/story-1", "");
  EXPECT_EQ(id, DeriveArticleId("http://example.com/world/story-1/", "other content"));
  EXPECT_EQ(id, DeriveArticleId("https://EXAMPLE.com/world/story-1?utm_medium=rss#comments", ""));
  EXPECT_NE(id, DeriveArticleId("https://example.com/world/story-2", ""));
  EXPECT_NE(id, DeriveArticleId("https://example.com/World/story-1", ""));  // paths keep case
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id[0], 'u');
  for (char c : id) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) << id;
}

TEST(ArticleIdTest, ContentIds) {
  std::string id = DeriveArticleId("", "The  talks\nresumed.");
  EXPECT_EQ(id, DeriveArticleId("", "the talks resumed."));
  EXPECT_EQ(id, DeriveArticleId(" ", "The talks\xC2\xA0resumed.  "));
  EXPECT_NE(id, DeriveArticleId("", "The talks stalled."));
  EXPECT_EQ(id[0], 'c');
  EXPECT_EQ(id.size(), 16u);
}

TEST(ArticleIdTest, PinnedValues) {
  // Stored ids depend on these: changing them breaks existing databases.
  EXPECT_EQ(DeriveArticleId("https://example.com/a", ""), "ub04dc9b30010208");
  EXPECT_EQ(DeriveArticleId("", "Some text."), "ce7c4894a8522bf4");
}

}  // namespace
}  // namespace parallax
