// Training the quote model: reproducible output, and averaging of runs.
#include "train.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax::quotes::internal {
namespace {

// A made-up article with two attributions (cue "backs", "plans"), byte
// offsets found by text.
TrainDoc Doc() {
  TrainDoc d;
  d.text =
      "Mayor Ana Ruiz backs the new tram line. The council plans to vote on the budget in May. "
      "Critics said the fares were too high.";
  auto span = [&](const std::string& s) {
    size_t b = d.text.find(s);
    return ByteSpan{b, b + s.size()};
  };
  d.mentions = {{span("Ana Ruiz").first, span("Ana Ruiz").second, ner::EntityType::kPerson, "Ana Ruiz"}};
  d.attributions.push_back({{span("backs")}, {span("the new tram line")}});
  d.attributions.push_back({{span("plans")}, {span("to vote on the budget in May")}});
  d.attributions.push_back({{span("said")}, {span("the fares were too high")}});
  return d;
}

TEST(QuotesTrainTest, SameDataGivesTheSameModelText) {
  std::vector<TrainDoc> docs(3, Doc());
  TrainOptions options;
  std::string a = TrainModel(docs, options);
  std::string b = TrainModel(docs, options);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.rfind("parallax-quotes-model 1\nthreshold\t-2\n[cue]\n", 0), 0u) << a.substr(0, 80);
  EXPECT_NE(a.find("[span]\n"), std::string::npos);
}

TEST(QuotesTrainTest, RunsInOtherOrdersChangeTheWeights) {
  std::vector<TrainDoc> docs(3, Doc());
  TrainOptions one;
  one.runs = 1;
  one.shuffle = false;
  TrainOptions averaged;  // several shuffled runs
  ASSERT_GT(averaged.runs, 1);
  ASSERT_TRUE(averaged.shuffle);
  EXPECT_NE(TrainModel(docs, one), TrainModel(docs, averaged));
}

}  // namespace
}  // namespace parallax::quotes::internal
