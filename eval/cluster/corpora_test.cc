#include "corpora.h"

#include <filesystem>
#include <set>

#include <gtest/gtest.h>

namespace parallax::eval {
namespace {

TEST(CorporaTest, SentencePerLineSplitsAndCollapsesWhitespace) {
  EXPECT_EQ(SentencePerLine("Headline here\n\nThe U.S. said 1.4 million  people fled.\tThen it rained. "),
            "Headline here\nThe U.S. said 1.4 million people fled.\nThen it rained.");
  EXPECT_EQ(SentencePerLine(" \n \n "), "");
}

TEST(CorporaTest, MixedCorpusHasEveryCorpusAndItsStories) {
  const std::string data = PARALLAX_SHARED_DATA;
  if (!std::filesystem::exists(data + "/clustering/ecbplus-dev/ecbplus_docs.jsonl")) {
    GTEST_SKIP() << data << " is absent: the mixed corpus is read from ../shared/data";
  }
  Result<std::vector<EcbDoc>> docs = LoadMixedCorpus(data);
  ASSERT_TRUE(docs.ok()) << docs.status().message();
  std::set<std::string> stories;
  std::set<std::string> kinds;
  for (const EcbDoc& d : *docs) {
    EXPECT_FALSE(d.text.empty()) << d.doc_id;
    stories.insert(d.event_cluster);
    kinds.insert(d.event_cluster.substr(0, d.event_cluster.find(':')));
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"as", "ecb", "mn", "pn"}));
  EXPECT_GT(docs->size(), 3000u);
  EXPECT_GT(stories.size(), 1300u);
}

}  // namespace
}  // namespace parallax::eval
