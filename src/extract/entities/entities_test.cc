#include "parallax/entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parallax/text.h"

namespace parallax::entities {
namespace {

const Extractor& Shared() {
  static const Extractor* x = [] {
    Result<Extractor> r = Extractor::LoadDefault();
    EXPECT_TRUE(r.ok()) << r.status().message();
    return new Extractor(std::move(*r));
  }();
  return *x;
}

const ArticleEntity* Find(const std::vector<ArticleEntity>& ents, const std::string& name) {
  for (const ArticleEntity& e : ents) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

const StoryEntity* FindStory(const std::vector<StoryEntity>& ents, const std::string& name) {
  for (const StoryEntity& e : ents) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::vector<std::string> MentionTexts(const ArticleEntity& e, MentionKind kind) {
  std::vector<std::string> out;
  for (const EntityMention& m : e.mentions) {
    if (m.kind == kind) out.push_back(m.text);
  }
  return out;
}

// The opening of a seed article (CNN, March 2024).
constexpr const char* kCnnOpening =
    "Israeli Prime Minister Benjamin Netanyahu’s decision Monday to scrap a planned delegation to "
    "Washington — a trip President Joe Biden personally requested a week ago, hoping to offer a "
    "constructive approach — amounts to a low point in the ever-deepening rift between the two men.\n\n"
    "Netanyahu threatened to pull the delegation if the US did not veto a United Nations Security "
    "Council resolution calling for an immediate ceasefire in Gaza on Monday. When the US abstained "
    "from the vote, allowing it to pass, the Israeli prime minister followed through, canceling "
    "meetings that already amounted to a political risk for Biden.";

TEST(Entities, TitleSurnameAndTitleNounJoinThePerson) {
  std::vector<ArticleEntity> ents = Shared().Extract(kCnnOpening);
  const ArticleEntity* bibi = Find(ents, "Benjamin Netanyahu");
  ASSERT_NE(bibi, nullptr);
  EXPECT_EQ(bibi->type, EntityType::kPerson);
  EXPECT_TRUE(Has(bibi->aliases, "Netanyahu"));
  EXPECT_TRUE(Has(bibi->roles, "Israeli prime minister"));
  EXPECT_TRUE(Has(MentionTexts(*bibi, MentionKind::kTitle), "the Israeli prime minister"));
  // The possessive is not part of the name.
  EXPECT_EQ(MentionTexts(*bibi, MentionKind::kName).front(), "Benjamin Netanyahu");

  const ArticleEntity* biden = Find(ents, "Joe Biden");
  ASSERT_NE(biden, nullptr);
  EXPECT_TRUE(Has(biden->aliases, "Biden"));
  EXPECT_TRUE(Has(biden->roles, "president"));

  const ArticleEntity* us = Find(ents, "United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->type, EntityType::kPlace);
  EXPECT_EQ(MentionTexts(*us, MentionKind::kName).size(), 2u);
  // "Israeli" is an adjective here, not an entity.
  EXPECT_EQ(Find(ents, "Israeli"), nullptr);
}

TEST(Entities, AppositionGivesARole) {
  std::vector<ArticleEntity> ents = Shared().Extract(
      "Jake Sullivan, the national security adviser, told reporters the delegation would still "
      "be welcome. Sullivan said Washington wanted to discuss alternatives to a ground operation.");
  const ArticleEntity* s = Find(ents, "Jake Sullivan");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(Has(s->roles, "national security adviser"));
  EXPECT_TRUE(Has(s->aliases, "Sullivan"));
  EXPECT_TRUE(Has(MentionTexts(*s, MentionKind::kTitle), "the national security adviser"));
}

TEST(Entities, TitleBeforeNameWithNamesInIt) {
  std::vector<ArticleEntity> ents = Shared().Extract(
      "Two days after Netanyahu canceled the meeting, White House press secretary Karine "
      "Jean-Pierre said officials were working to reschedule it.");
  const ArticleEntity* k = Find(ents, "Karine Jean-Pierre");
  ASSERT_NE(k, nullptr);
  ASSERT_FALSE(k->roles.empty());
  EXPECT_EQ(k->roles.front(), "White House press secretary");
}

TEST(Entities, PronounOnlyWhenOnePersonIsInView) {
  std::vector<ArticleEntity> one = Shared().Extract(
      "Netanyahu said on Monday that he would not send the delegation to Washington.");
  const ArticleEntity* n = Find(one, "Netanyahu");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(MentionTexts(*n, MentionKind::kPronoun), std::vector<std::string>{"he"});

  std::vector<ArticleEntity> two = Shared().Extract(
      "Biden spoke with Netanyahu by phone on Monday. He said the two men had a frank exchange.");
  for (const ArticleEntity& e : two) EXPECT_TRUE(MentionTexts(e, MentionKind::kPronoun).empty()) << e.name;
}

TEST(Entities, NoPronounInsideQuotations) {
  std::vector<ArticleEntity> ents = Shared().Extract(
      "Kamala Harris said: “He has to make sure that the humanitarian aid flows.”");
  const ArticleEntity* h = Find(ents, "Kamala Harris");
  ASSERT_NE(h, nullptr);
  EXPECT_TRUE(MentionTexts(*h, MentionKind::kPronoun).empty());
}

// Rules on given mentions (no tagger): the grouping alone.
TEST(ResolveArticle, AcronymsSuffixesAndCrossTypeNames) {
  const std::string text =
      "The United Nations Security Council passed the resolution, and the Security Council will "
      "meet again. The United Nations said aid was blocked; UN officials blamed the crossings. "
      "Tara Reid checked into rehab. Reid's rep confirmed it.";
  auto at = [&](const std::string& s, ner::EntityType t, size_t from = 0) {
    size_t b = text.find(s, from);
    return ner::Mention{b, b + s.size(), t, s};
  };
  std::vector<ner::Mention> ms = {
      at("United Nations Security Council", ner::EntityType::kOrganization),
      at("Security Council", ner::EntityType::kOrganization, 40),
      at("United Nations", ner::EntityType::kOrganization, 80),
      at("UN", ner::EntityType::kOrganization, 120),
      at("Tara Reid", ner::EntityType::kPerson),
      at("Reid's", ner::EntityType::kOrganization),
  };
  ASSERT_EQ(ms[3].text, "UN");
  ASSERT_GT(ms[3].begin, ms[2].begin);
  std::vector<ArticleEntity> ents = ResolveArticle(text, ms);
  ASSERT_EQ(ents.size(), 3u);
  EXPECT_EQ(ents[0].name, "United Nations Security Council");
  EXPECT_EQ(ents[0].mentions.size(), 2u);
  EXPECT_EQ(ents[1].name, "United Nations");
  EXPECT_TRUE(Has(ents[1].aliases, "UN"));
  EXPECT_EQ(ents[2].name, "Tara Reid");
  EXPECT_EQ(ents[2].type, EntityType::kPerson);
  EXPECT_TRUE(Has(ents[2].aliases, "Reid"));
}

TEST(ResolveArticle, PlaceNamedLikeAPersonStaysAPlace) {
  const std::string text =
      "A portrait of George Washington was unveiled on Monday. Officials in Washington said it "
      "would tour the country.";
  size_t p = text.find("George Washington"), w = text.find("Washington said");
  std::vector<ner::Mention> ms = {{p, p + 17, ner::EntityType::kPerson, "George Washington"},
                                  {w, w + 10, ner::EntityType::kLocation, "Washington"}};
  std::vector<ArticleEntity> ents = ResolveArticle(text, ms);
  ASSERT_EQ(ents.size(), 2u);
  EXPECT_EQ(ents[1].name, "Washington");
  EXPECT_EQ(ents[1].type, EntityType::kPlace);
}

// The tagger sometimes types the honorific alone ("Mr" of "Mr. Pettitt" at a
// paragraph start) as an organization: it names nobody.
TEST(ResolveArticle, LoneHonorificIsNoEntity) {
  const std::string text =
      "George Pettitt of Wales Center, N.Y., spoke on Monday.\n\nMr. Pettitt, 63, enlisted in the "
      "Army after dropping out of high school.";
  size_t g = text.find("George Pettitt"), mr = text.find("Mr."), p = text.find("Pettitt, 63");
  std::vector<ner::Mention> ms = {{g, g + 14, ner::EntityType::kPerson, "George Pettitt"},
                                  {mr, mr + 2, ner::EntityType::kOrganization, "Mr"},
                                  {p, p + 7, ner::EntityType::kPerson, "Pettitt"}};
  std::vector<ArticleEntity> ents = ResolveArticle(text, ms);
  ASSERT_EQ(ents.size(), 1u);
  EXPECT_EQ(ents[0].name, "George Pettitt");
  EXPECT_EQ(ents[0].mentions.size(), 2u);
}

// A pronoun with a contraction the tagger took into a name ("I’m" typed ORG
// in quoted speech, "I'm Megan" as a person) is not part of it.
TEST(ResolveArticle, PronounContractionIsNoName) {
  const std::string text = "\xE2\x80\x9CI\xE2\x80\x99m disappointed,\xE2\x80\x9D she said. I'm Megan Rapinoe, she added.";
  size_t a = text.find("I\xE2\x80\x99m"), b = text.find("I'm Megan");
  std::vector<ner::Mention> ms = {{a, a + 5, ner::EntityType::kOrganization, "I\xE2\x80\x99m"},
                                  {b, b + 17, ner::EntityType::kPerson, "I'm Megan Rapinoe"}};
  std::vector<ArticleEntity> ents = ResolveArticle(text, ms);
  ASSERT_EQ(ents.size(), 1u);
  EXPECT_EQ(ents[0].name, "Megan Rapinoe");
}

// An adjective made from a name ("Florida-based", "US-led") and a photo
// credit read as a name are no entities.
TEST(ResolveArticle, AdjectivesFromNamesAreNoEntities) {
  const std::string text =
      "Devon James, a Florida-based entertainer, spoke to a US-led panel. Getty Images White House Trump";
  size_t d = text.find("Devon James"), f = text.find("Florida-based"), u = text.find("US-led");
  size_t g = text.find("Getty");
  std::vector<ner::Mention> ms = {{d, d + 11, ner::EntityType::kPerson, "Devon James"},
                                  {f, f + 13, ner::EntityType::kMisc, "Florida-based"},
                                  {u, u + 6, ner::EntityType::kMisc, "US-led"},
                                  {g, text.size(), ner::EntityType::kOrganization, "Getty Images White House Trump"}};
  std::vector<ArticleEntity> ents = ResolveArticle(text, ms);
  ASSERT_EQ(ents.size(), 1u);
  EXPECT_EQ(ents[0].name, "Devon James");
}

// A lone "Jr" or "Blvd" is no entity; a name ending in "Jr." is a person's.
TEST(ResolveArticle, NameSuffixesAndStreetAbbreviations) {
  const std::string text =
      "Keith Fitzgerald Knowles Jr. robbed a store on Commercial Blvd. in Tamarac, police said. Jr was "
      "arrested. Knowles told detectives he was sorry.";
  size_t k = text.find("Keith"), b = text.find("Blvd"), j = text.find("Jr was"), n = text.find("Knowles told");
  std::vector<ner::Mention> ms = {{k, k + 28, ner::EntityType::kOrganization, "Keith Fitzgerald Knowles Jr."},
                                  {b, b + 4, ner::EntityType::kMisc, "Blvd"},
                                  {j, j + 2, ner::EntityType::kLocation, "Jr"},
                                  {n, n + 7, ner::EntityType::kPerson, "Knowles"}};
  std::vector<ArticleEntity> ents = ResolveArticle(text, ms);
  ASSERT_EQ(ents.size(), 1u);
  EXPECT_EQ(ents[0].type, EntityType::kPerson);
  int names = 0;
  for (const auto& m : ents[0].mentions) names += m.kind == MentionKind::kName;
  EXPECT_EQ(names, 2);  // "Keith Fitzgerald Knowles Jr." and "Knowles" ("he" may join)
}

TEST(ResolveArticle, AmbiguousSurnameGoesToTheMoreMentionedPerson) {
  const std::string text =
      "Joe Biden met Hunter Biden. Joe Biden spoke first. Then Biden left.";
  std::vector<ner::Mention> ms;
  for (const char* s : {"Joe Biden", "Hunter Biden"}) {
    size_t b = text.find(s);
    ms.push_back({b, b + std::string(s).size(), ner::EntityType::kPerson, s});
  }
  size_t b2 = text.find("Joe Biden", 20);
  ms.push_back({b2, b2 + 9, ner::EntityType::kPerson, "Joe Biden"});
  size_t b3 = text.rfind("Biden");
  ms.push_back({b3, b3 + 5, ner::EntityType::kPerson, "Biden"});
  std::sort(ms.begin(), ms.end(), [](const auto& x, const auto& y) { return x.begin < y.begin; });
  std::vector<ArticleEntity> ents = ResolveArticle(text, ms);
  ASSERT_EQ(ents.size(), 2u);
  EXPECT_EQ(ents[0].name, "Joe Biden");
  EXPECT_EQ(ents[0].mentions.size(), 3u);
  EXPECT_EQ(ents[1].name, "Hunter Biden");
  EXPECT_EQ(ents[1].mentions.size(), 1u);
}

TEST(MergeStoryEntities, SurnamesAcronymsAndCanonicalName) {
  std::vector<std::vector<ArticleEntity>> per(3);
  per[0] = Shared().Extract(
      "Israeli Prime Minister Benjamin Netanyahu canceled the visit after the United Nations "
      "Security Council passed a resolution calling for a ceasefire in Gaza.");
  per[1] = Shared().Extract(
      "Netanyahu said the U.N. Security Council resolution emboldened Hamas.");
  per[2] = Shared().Extract(
      "The United States abstained. Benjamin Netanyahu called it a retreat, and the U.S. said its "
      "policy had not changed.");
  std::vector<StoryEntity> story = MergeStoryEntities(per);
  const StoryEntity* bibi = FindStory(story, "Benjamin Netanyahu");
  ASSERT_NE(bibi, nullptr);
  EXPECT_EQ(bibi->articles, (std::vector<size_t>{0, 1, 2}));
  EXPECT_TRUE(Has(bibi->aliases, "Netanyahu"));
  EXPECT_EQ(bibi->roles.front(), "Israeli prime minister");
  EXPECT_EQ(story.front().name, "Benjamin Netanyahu");  // most articles first
  const StoryEntity* us = FindStory(story, "United States");
  ASSERT_NE(us, nullptr);
  EXPECT_TRUE(Has(us->aliases, "U.S."));
  for (const StoryEntity& e : story) {
    for (const auto& [a, i] : e.members) EXPECT_LT(i, per[a].size());
  }
}

TEST(MergeStoryEntities, SharedFirstNameDoesNotMerge) {
  std::vector<std::vector<ArticleEntity>> per(2);
  per[0] = Shared().Extract("Karine Jean-Pierre told reporters on Wednesday that a new date was being sought.");
  per[1] = Shared().Extract("Karine Smith, a spokeswoman for the charity, said aid trucks were waiting.");
  std::vector<StoryEntity> story = MergeStoryEntities(per);
  ASSERT_NE(FindStory(story, "Karine Jean-Pierre"), nullptr);
  ASSERT_NE(FindStory(story, "Karine Smith"), nullptr);
}

TEST(Lexicon, CountriesAndDemonyms) {
  EXPECT_EQ(CountryOf("U.S."), "United States");
  EXPECT_EQ(CountryOf("US"), "United States");
  EXPECT_EQ(CountryOf("the United States"), "United States");
  EXPECT_EQ(CountryOf("Britain"), "United Kingdom");
  EXPECT_EQ(CountryOf("Washington"), "");
  EXPECT_EQ(CountryOfDemonym("Israeli"), "Israel");
  EXPECT_EQ(CountryOfDemonym("Palestinians"), "Palestine");
  EXPECT_EQ(CountryOfDemonym("Biden"), "");
}

std::string ReadExample(const std::string& name) {
  std::ifstream f(std::string(PARALLAX_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// The five example articles as one story: the two leaders lead, in all five.
TEST(MergeStoryEntities, ExampleArticles) {
  std::vector<std::vector<ArticleEntity>> per;
  for (const char* f : {"000_13c8aef171640ef1.txt", "001_d21e06c215a5d396.txt", "002_c0def981657421ef.txt",
                        "003_3b3853807bcc213d.txt", "004_5be7fbd37ca0da08.txt"}) {
    std::string t = ReadExample(f);
    ASSERT_FALSE(t.empty()) << f;
    per.push_back(Shared().Extract(text::Normalize(t, true)));
  }
  std::vector<StoryEntity> story = MergeStoryEntities(per);
  const StoryEntity* bibi = FindStory(story, "Benjamin Netanyahu");
  const StoryEntity* biden = FindStory(story, "Joe Biden");
  ASSERT_NE(bibi, nullptr);
  ASSERT_NE(biden, nullptr);
  EXPECT_EQ(bibi->articles.size(), 5u);
  EXPECT_EQ(biden->articles.size(), 5u);
  EXPECT_EQ(bibi->type, EntityType::kPerson);
  EXPECT_EQ(FindStory(story, "Israeli"), nullptr);
  // Each article entity belongs to exactly one story entity.
  size_t members = 0, article_entities = 0;
  for (const StoryEntity& e : story) members += e.members.size();
  for (const auto& a : per) article_entities += a.size();
  EXPECT_EQ(members, article_entities);
}

}  // namespace
}  // namespace parallax::entities
