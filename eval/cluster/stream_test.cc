#include <map>
#include <set>

#include <gtest/gtest.h>

#include "parallax/cluster.h"
#include "stream.h"

namespace parallax::eval {
namespace {

std::vector<EcbDoc> TinyBase() {
  std::vector<EcbDoc> docs;
  for (int e = 0; e < 3; ++e) {
    for (int d = 0; d < 3; ++d) {
      EcbDoc doc;
      doc.doc_id = std::to_string(e) + "_" + std::to_string(d);
      doc.topic = e;
      doc.event_cluster = "ev" + std::to_string(e);
      doc.text = "The Mayor of Springfield said a fire destroyed the Old Mill on Tuesday .\n"
                 "Firefighters from Shelbyville helped , officials said in event " +
                 std::to_string(e) + " .\nNo one was hurt .";
      docs.push_back(doc);
    }
  }
  return docs;
}

TEST(StreamTest, DeterministicDatedAndOrdered) {
  StreamOptions o;
  o.articles = 200;
  o.days = 5;
  StreamGenerator a(TinyBase(), o), b(TinyBase(), o);
  StreamItem x, y;
  std::string last;
  size_t n = 0, copies = 0;
  while (a.Next(&x)) {
    ASSERT_TRUE(b.Next(&y));
    EXPECT_EQ(x.article.Text(), y.article.Text());
    EXPECT_EQ(x.gold, y.gold);
    ASSERT_TRUE(ParseDay(x.article.published).has_value()) << x.article.published;
    EXPECT_GE(x.article.published, last);
    last = x.article.published;
    copies += x.is_copy;
    ++n;
  }
  EXPECT_EQ(n, 200u);
  EXPECT_GT(copies, 10u);
  EXPECT_FALSE(b.Next(&y));
}

TEST(StreamTest, IsoTimestampRoundTrips) {
  EXPECT_EQ(IsoTimestamp(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(IsoTimestamp(19723.5), "2024-01-01T12:00:00Z");
  EXPECT_DOUBLE_EQ(*ParseDay(IsoTimestamp(19800.25)), 19800.25);
}

}  // namespace
}  // namespace parallax::eval
