// Steps TagText applies to raw text around the model: title-case headlines
// (truecase.h) and type consistency (consistency.h).
#include "consistency.h"
#include "truecase.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "parallax/ner.h"

namespace parallax::ner {
namespace {

using Doc = std::vector<std::vector<std::string_view>>;

std::string Join(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) out += (out.empty() ? "" : " ") + std::string(w);
  return out;
}

TEST(TrueCase, DetectsTitleCaseHeadlines) {
  EXPECT_TRUE(IsTitleCaseSentence({"Lindsay", "Lohan", "Checks", "Into", "Betty", "Ford", "Rehab"}));
  EXPECT_TRUE(IsTitleCaseSentence({"Israel", "Seeks", "New", "Date", "for", "Cancelled", "US", "Meeting"}));
  EXPECT_FALSE(IsTitleCaseSentence({"Lindsay", "Lohan", "checked", "into", "a", "rehab", "facility", "."}));
  EXPECT_FALSE(IsTitleCaseSentence({"Biden", "Meets", "Netanyahu"}));  // too short to tell
  EXPECT_FALSE(IsTitleCaseSentence({"NETANYAHU", "CANCELS", "WASHINGTON", "VISIT"}));  // all caps: the model knows those
}

// Words the document writes in lowercase elsewhere (or a stem of them) and
// closed-class words are lowercased; names never written in lowercase keep
// their capitals, and so does the first word.
TEST(TrueCase, LowercasesOrdinaryWordsOfTheHeadlineOnly) {
  Doc doc = {{"Lindsay", "Lohan", "Checks", "Into", "Betty", "Ford", "Rehab"},
             {"Lindsay", "Lohan", "checked", "into", "a", "rehab", "facility", "on", "Thursday", "."}};
  std::vector<std::string> storage;
  EXPECT_EQ(TrueCaseTitleSentences(&doc, &storage), 3u);
  EXPECT_EQ(Join(doc[0]), "Lindsay Lohan checks into Betty Ford rehab");
  EXPECT_EQ(Join(doc[1]), "Lindsay Lohan checked into a rehab facility on Thursday .");
}

// A URL split into tokens writes names in lowercase ("lindsay - lohan"):
// that is no evidence that "Lohan" is an ordinary word.
TEST(TrueCase, UrlSlugsAreNoEvidence) {
  Doc doc = {{"http", ":", "/", "/", "example", ".", "com", "/", "lindsay", "-", "lohan", "-", "rehab"},
             {"Lindsay", "Lohan", "Enters", "Rehab", "After", "Court", "Hearing"},
             {"The", "actress", "went", "to", "rehab", "after", "a", "hearing", "."}};
  std::vector<std::string> storage;
  TrueCaseTitleSentences(&doc, &storage);
  EXPECT_EQ(Join(doc[1]), "Lindsay Lohan Enters rehab after Court hearing");
}

TEST(TrueCase, NoTitleCaseNoChange) {
  Doc doc = {{"Biden", "spoke", "with", "Netanyahu", "."}};
  std::vector<std::string> storage;
  EXPECT_EQ(TrueCaseTitleSentences(&doc, &storage), 0u);
  EXPECT_TRUE(storage.empty());
}

Mention M(std::string text, EntityType type) {
  Mention m;
  m.text = std::move(text);
  m.type = type;
  return m;
}

TEST(Consistency, LoneSurnameOfANamedPersonIsThatPerson) {
  std::vector<Mention> ms = {M("Tara Reid", EntityType::kPerson), M("Reid", EntityType::kOrganization),
                             M("Promises", EntityType::kOrganization), M("Ford", EntityType::kOrganization),
                             M("Reid Hoffman", EntityType::kOrganization)};
  SurnamesOfPersons(&ms);
  EXPECT_EQ(ms[1].type, EntityType::kPerson);
  EXPECT_EQ(ms[2].type, EntityType::kOrganization);  // no person of that surname
  EXPECT_EQ(ms[3].type, EntityType::kOrganization);
  EXPECT_EQ(ms[4].type, EntityType::kOrganization);  // full names keep their type
  std::vector<Mention> none = {M("Reid", EntityType::kOrganization)};
  SurnamesOfPersons(&none);
  EXPECT_EQ(none[0].type, EntityType::kOrganization);
}

TEST(Consistency, InstitutionsAreNotPersons) {
  std::vector<Mention> ms = {M("Wales Center", EntityType::kPerson), M("George Pettitt", EntityType::kPerson),
                             M("Kyoto University", EntityType::kPerson), M("Gabrielle Union", EntityType::kPerson),
                             M("Scott Free Productions", EntityType::kPerson)};
  InstitutionsAreNotPersons(&ms);
  EXPECT_EQ(ms[0].type, EntityType::kOrganization);
  EXPECT_EQ(ms[1].type, EntityType::kPerson);
  EXPECT_EQ(ms[2].type, EntityType::kOrganization);
  EXPECT_EQ(ms[3].type, EntityType::kPerson);
  EXPECT_EQ(ms[4].type, EntityType::kOrganization);
}

// With the committed model: a title-case headline above the story no longer
// comes out as one long name (it gave "Lindsay Lohan Checks Into Betty Ford
// Rehab" as ORG before).
TEST(NerCommittedModel, TitleCaseHeadline) {
  std::string path = std::string(PARALLAX_SOURCE_DIR) + "/models/ner/ner.model";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no committed model at " << path;
  Result<Tagger> t = Tagger::Load(path);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  std::string text =
      "Lindsay Lohan Checks Into Betty Ford Rehab\n\nLindsay Lohan checked into a rehab facility on "
      "Thursday, her lawyer told a judge in Los Angeles.";
  std::vector<Mention> ms = t->TagText(text);
  ASSERT_FALSE(ms.empty());
  EXPECT_EQ(ms[0].text, "Lindsay Lohan");
  EXPECT_EQ(ms[0].type, EntityType::kPerson);
  for (const Mention& m : ms) EXPECT_EQ(m.text.find("Checks"), std::string::npos) << m.text;
}

}  // namespace
}  // namespace parallax::ner
