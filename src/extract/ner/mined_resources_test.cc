// Tests of the resources mined from unlabeled text (round 4): corpus casing
// classes and pattern-mined gazetteer phrases.
#include <gtest/gtest.h>

#include "hashing.h"
#include "model.h"
#include "resources.h"
#include "token_features.h"

namespace parallax::ner {
namespace {

std::vector<std::string_view> Views(const std::vector<std::string>& v) {
  return {v.begin(), v.end()};
}

std::vector<uint8_t> CaseClasses(const Model& m, const std::vector<std::string>& norm) {
  std::vector<uint8_t> classes;
  GazetteerMarks(m, norm, &classes);
  return classes;
}

TEST(NerCorpusCase, ClassesFromRunningTextOnly) {
  const Corpus corpus = {
      {"The", "mayor", "of", "Paris", "met", "the", "officials", "in", "Paris", "and", "Paris",
       "."},
      {"The", "apple", "and", "the", "apple", "fell", ",", "said", "Apple", "and", "Apple", "."},
      {"Lyon", "is", "big", ".", "Lyon", "won", "."},  // sentence-initial only: not counted
      {"LYON", "AND", "NICE", "WIN", "BIG"},           // headline: not counted
      {"Nice", "weather", "in", "Nice", "."},
  };
  Model m;
  m.gazetteer_keys = {PhraseKey("paris")};
  m.gazetteer_masks = {1u << kGazCity};
  m.gazetteer_max_tokens = 1;
  AddCorpusCase(corpus, nullptr, &m);
  m.Finalize();
  EXPECT_TRUE(m.corpus_case);
  // Paris keeps its city bit and gains a class.
  EXPECT_EQ(m.GazetteerMask(PhraseKey("paris")),
            (1u << kGazCity) | (kCaseAlwaysCap << kGazCaseShift));
  EXPECT_EQ(CaseClasses(m, {"paris", "apple", "the", "lyon", "nice", "mayor", "zzz"}),
            (std::vector<uint8_t>{kCaseAlwaysCap, kCaseMixed, kCaseNeverCap, kCaseUnseen,
                                  kCaseUnseen, kCaseUnseen, kCaseUnseen}));
  // "Nice" once after "in": too rare alone.
  EXPECT_EQ(m.GazetteerMask(PhraseKey("nice")), 0);
}

TEST(NerCorpusCase, FeaturesOnlyWhenTheModelHasClasses) {
  const Corpus corpus = {{"met", "Paris", "in", "Paris", "to", "Paris", "."}};
  Model plain;
  plain.Finalize();
  Model cased;
  AddCorpusCase(corpus, nullptr, &cased);
  cased.Finalize();
  std::vector<std::string> s = {"Paris", "is", "big", "."};
  DocStats d = ComputeDocStats({Views(s)});
  FeatureList a, b;
  ExtractFeatures(plain, Views(s), d, &a);
  ExtractFeatures(cased, Views(s), d, &b);
  // The capitalised word gets the class and the class by position; the
  // lowercase words get nothing more.
  EXPECT_EQ(b.offsets[1] - b.offsets[0], a.offsets[1] - a.offsets[0] + 2);
  for (size_t i = 1; i < s.size(); ++i) {
    EXPECT_EQ(b.offsets[i + 1] - b.offsets[i], a.offsets[i + 1] - a.offsets[i]);
  }
}

TEST(NerMinedPhrases, OrganisationEndingsAndTitles) {
  const Corpus corpus = {
      {"shares", "of", "Acme", "Widget", "Corp", "rose", "."},
      {"The", "Labour", "Party", "said", "Mr", ".", "John", "Smith", "and", "Senator", "Jane",
       "Doe", "agreed", "."},
      {"ACME", "ROCKET", "CORP", "FALLS"},  // headline: not mined
      {"the", "party", "of", "Party"},      // no name word before the ending
  };
  Model m;
  AddMinedPhrases(corpus, nullptr, &m);
  m.Finalize();
  const uint16_t org = 1u << kGazMinedOrg, person = 1u << kGazMinedPerson;
  EXPECT_EQ(m.GazetteerMask(PhraseKey("acme widget corp")), org);
  EXPECT_EQ(m.GazetteerMask(PhraseKey("acme widget")), kGazPrefixBit);
  EXPECT_EQ(m.GazetteerMask(PhraseKey("labour party")), org);  // "The" left out
  EXPECT_EQ(m.GazetteerMask(PhraseKey("the labour party")), 0);
  EXPECT_EQ(m.GazetteerMask(PhraseKey("john smith")), person);  // "Mr" + split "."
  EXPECT_EQ(m.GazetteerMask(PhraseKey("jane doe")), person);
  EXPECT_EQ(m.GazetteerMask(PhraseKey("acme rocket corp")), 0);
  EXPECT_EQ(m.GazetteerMask(PhraseKey("party")), 0);
  EXPECT_EQ(m.gazetteer_max_tokens, 3);
  // Marks of the mined types sit above bit 31 (the marks are 64-bit).
  const std::vector<std::string> norm = {"at", "acme", "widget", "corp", "today"};
  const std::vector<uint64_t> marks = GazetteerMarks(m, norm);
  auto bit = [](int type, int role) { return uint64_t{1} << (4 * type + role); };
  EXPECT_EQ(marks, (std::vector<uint64_t>{0, bit(kGazMinedOrg, kRoleB), bit(kGazMinedOrg, kRoleI),
                                          bit(kGazMinedOrg, kRoleL), 0}));
}

}  // namespace
}  // namespace parallax::ner
