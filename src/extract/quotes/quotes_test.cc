// Quote extraction on real news sentences (the seeds' and wire copy).
#include "parallax/quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "document.h"
#include "model.h"
#include "speakers.h"

namespace parallax::quotes {
namespace {

// Without a tagger names come from capitalisation; tests that need real
// entity types use the project's model when it is present.
std::vector<Quote> Quotes(const std::string& text) { return Extractor().Extract(text); }

const Extractor& Tagged() {
  static const Extractor* ex = [] {
    Result<ner::Tagger> t = ner::Tagger::LoadDefault();
    return t.ok() ? new Extractor(*t) : new Extractor();
  }();
  return *ex;
}

std::string At(const std::string& text, size_t b, size_t e) { return text.substr(b, e - b); }

TEST(QuotesTest, DirectQuoteWithTrailingAttribution) {
  std::string t =
      "“We have no way to defeat Hamas without entering Rafah,” Netanyahu said after meetings "
      "at the end of last week with US Secretary of State Antony Blinken.";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(q[0].text, "We have no way to defeat Hamas without entering Rafah");
  EXPECT_EQ(q[0].speaker, "Netanyahu");
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].begin, 0u);
  EXPECT_EQ(q[0].char_begin, 0u);
  EXPECT_EQ(At(t, q[0].speaker_begin, q[0].speaker_end), "Netanyahu");
}

TEST(QuotesTest, CharacterOffsetsCountCodePoints) {
  std::string t = "Überraschung: “We will do it alone,” Netanyahu said.";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(At(t, q[0].begin, q[0].end), "“We will do it alone,”");
  EXPECT_EQ(q[0].char_begin, 14u);  // "Ü" is two bytes, one character
  EXPECT_EQ(q[0].begin, 15u);
  EXPECT_EQ(q[0].char_end - q[0].char_begin, 22u);
}

TEST(QuotesTest, CueBeforeQuoteAndParticipleContinuation) {
  std::string t =
      "After meeting with Blinken, Netanyahu stated, \"There is no way to defeat Hamas without "
      "entering Rafah and eliminating its remaining battalions there,\" adding, \"I told him that I "
      "hope to do this with U.S. support, but if necessary, we will do it alone,\" according to "
      "AFP.";
  auto q = Tagged().Extract(t);
  int direct = 0;
  for (const Quote& x : q) {
    if (x.kind != QuoteKind::kDirect) continue;
    ++direct;
    EXPECT_EQ(x.speaker, "Netanyahu") << x.text;
  }
  EXPECT_EQ(direct, 2);
}

TEST(QuotesTest, SplitQuoteIsOneQuote) {
  std::string t =
      "\"This is a worldwide fight,\" Clinton said, \"and America must lead it.\"";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "This is a worldwide fight and America must lead it.");
  EXPECT_EQ(q[0].begin, 0u);
  EXPECT_EQ(q[0].end, t.size());
}

TEST(QuotesTest, QuoteRunningOverParagraphs) {
  std::string t =
      "Barkley said: “This is the United States of America, this is the greatest place in the "
      "world.\n\n“But to try to divide and conquer is just sad.”\n\nThe show went on.";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Barkley");
  EXPECT_NE(q[0].text.find("just sad"), std::string::npos);
  EXPECT_EQ(q[0].text.find("The show"), std::string::npos);
}

TEST(QuotesTest, FollowingQuoteContinuesTheSpeaker) {
  std::string t =
      "“CNN has done an awful job this election,” Barkley said. “They have followed ratings and "
      "sound bites this entire cycle.”\n\n“And it’s become sad that our company has sold its soul "
      "for ratings.”";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 1u) << "one statement in three parts";
  EXPECT_EQ(q[0].speaker, "Barkley");
  EXPECT_NE(q[0].text.find("sold its soul"), std::string::npos);
}

TEST(QuotesTest, NewYorkTimesDoubleApostrophes) {
  std::string t = "''Our jobs are being sucked out of our states,'' Mr. Trump said.";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "Our jobs are being sucked out of our states");
  EXPECT_EQ(q[0].speaker, "Trump");
}

TEST(QuotesTest, IndirectSpeechWithThat) {
  std::string t =
      "Netanyahu on Wednesday said his decision to cancel was meant to deliver a message to Hamas.";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(q[0].speaker, "Netanyahu");
  EXPECT_EQ(q[0].text, "his decision to cancel was meant to deliver a message to Hamas");
}

TEST(QuotesTest, ToldListenerIsNotContent) {
  std::string t = "A senior Israeli official told reporters that a second meeting is planned.";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "that a second meeting is planned");
  EXPECT_EQ(q[0].speaker, "A senior Israeli official");
  EXPECT_EQ(q[0].speaker_type, SpeakerType::kAnonymous);
}

TEST(QuotesTest, PostposedAndInvertedAttribution) {
  std::string t =
      "Netanyahu did not communicate directly with Biden over the decision, the official said. "
      "That would create a summer of agony for Clinton, said Brad Bannon, a Democratic pollster.";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "Netanyahu did not communicate directly with Biden over the decision");
  EXPECT_EQ(q[0].speaker, "the official");
  EXPECT_EQ(q[1].text, "That would create a summer of agony for Clinton");
  EXPECT_EQ(q[1].speaker, "Brad Bannon");
}

TEST(QuotesTest, AccordingTo) {
  std::string t =
      "Inside the White House, the move was viewed as an overreaction, according to a US "
      "official. According to the United Nations, the city is home to 1.5 million people.";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].cue, "according to");
  EXPECT_EQ(q[0].speaker, "a US official");
  EXPECT_EQ(q[0].text, "Inside the White House, the move was viewed as an overreaction");
  EXPECT_EQ(q[1].text, "the city is home to 1.5 million people");
}

TEST(QuotesTest, PronounAndTitleResolveToTheFullName) {
  std::string t =
      "Israeli Prime Minister Benjamin Netanyahu met the delegation on Monday. Netanyahu said the "
      "talks were useful. He added that Israel would act alone if necessary. The prime minister "
      "said the operation would begin soon.";
  auto q = Tagged().Extract(t);
  ASSERT_EQ(q.size(), 3u);
  for (const Quote& x : q) EXPECT_EQ(x.speaker, "Benjamin Netanyahu") << x.speaker_mention;
  EXPECT_EQ(q[1].speaker_mention, "He");
  EXPECT_EQ(q[2].speaker_mention, "The prime minister");
}

TEST(QuotesTest, PronounSkipsPersonOfOtherGender) {
  std::string t =
      "Hillary Clinton said she would campaign in Ohio. Donald Trump said he would attack the "
      "plan on Tuesday. She said the attacks were predictable.";
  auto q = Tagged().Extract(t);
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().speaker_mention, "She");
  EXPECT_EQ(q.back().speaker, "Hillary Clinton");
}

// "he" goes to the person the nearest sentence is about, not to a person
// it mentions as an object ("by Jones", "did not mention Brown").
TEST(QuotesTest, PronounSkipsObjectsOfEarlierSentences) {
  std::string t =
      "Senator Mark Wilson spoke to reporters in Denver on Tuesday. Asked by Peter Jones about the "
      "budget, Wilson said the plan would pass. Though he did not mention Robert Brown by name, he "
      "said the governor had misled voters. He said the vote would come next week.";
  // The rules alone: the test is about the resolver, not the trained cues.
  Result<ner::Tagger> tagger = ner::Tagger::LoadDefault();
  if (!tagger.ok()) GTEST_SKIP() << "no committed NER model";
  Options rules;
  rules.learned = false;
  auto q = Extractor(*tagger, rules).Extract(t);
  ASSERT_EQ(q.size(), 3u);
  for (const Quote& x : q) EXPECT_EQ(x.speaker, "Mark Wilson") << x.speaker_mention << ": " << x.text;
}

// Without "Mr."/"Ms." or an earlier pronoun, a first name says who "she"
// cannot be.
TEST(QuotesTest, PronounSkipsPersonWhoseFirstNameIsOfOtherGender) {
  std::string t =
      "Maria Lopez chaired the hearing on Monday. John Reed, the committee's counsel, said the "
      "report was late. She said the delay was unacceptable.";
  auto q = Tagged().Extract(t);
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q.back().speaker_mention, "She");
  EXPECT_EQ(q.back().speaker, "Maria Lopez");
}

// The tagger sometimes types a surname as a place ("Carson" is also a
// city): it is still the person the article names in full.
TEST(QuotesTest, SurnameTaggedAsPlaceIsThePerson) {
  std::string t =
      "Ben Carson spoke in Iowa on Sunday. Carson said the reports were false. He said he would "
      "release the records.";
  auto mention = [&](const std::string& s, size_t from, ner::EntityType type) {
    size_t b = t.find(s, from);
    return ner::Mention{b, b + s.size(), type, s};
  };
  std::vector<ner::Mention> mentions = {mention("Ben Carson", 0, ner::EntityType::kPerson),
                                        mention("Iowa", 0, ner::EntityType::kLocation),
                                        mention("Carson", 20, ner::EntityType::kLocation)};
  auto q = Extractor().Extract(t, mentions);
  ASSERT_EQ(q.size(), 2u);
  for (const Quote& x : q) {
    EXPECT_EQ(x.speaker, "Ben Carson") << x.speaker_mention;
    EXPECT_EQ(x.speaker_type, SpeakerType::kPerson) << x.speaker_mention;
  }
}

TEST(QuotesTest, HeadlineWithColon) {
  std::string t = "Lynch: No outside influence on FBI probe into Clinton emails\n\nThe attorney "
                  "general spoke on Tuesday.";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, ":");
  EXPECT_EQ(q[0].speaker, "Lynch");
  EXPECT_EQ(q[0].text, "No outside influence on FBI probe into Clinton emails");
}

// PolNeAR's contents stop before a participle clause that follows them,
// also after a quotation that ends on its comma.
TEST(QuotesTest, ContentStopsBeforeTrailingParticiple) {
  std::string t =
      "Sanders said he would release his returns on Friday, calling them boring. Cruz said that "
      "there is \"only one strong conservative in this race,\" adding that Trump attacks him.";
  std::vector<std::string> said;
  for (const Quote& x : Quotes(t)) {
    if (x.cue == "said") said.push_back(x.speaker + ": " + x.text);
  }
  ASSERT_EQ(said.size(), 2u);
  EXPECT_EQ(said[0], "Sanders: he would release his returns on Friday");
  EXPECT_EQ(said[1], "Cruz: that there is \"only one strong conservative in this race,\"");
}

// Breitbart's headlines end with a full stop; the first paragraph is still
// a headline, a later one-sentence paragraph with a full stop is not.
TEST(QuotesTest, FirstParagraphHeadlineWithFullStop) {
  std::string t = "Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket.\n\n"
                  "Critics: the gun lobby is stronger than ever.\n\nThe paper ran it on Monday.";
  auto q = Quotes(t);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].cue, ":");
  EXPECT_EQ(q[0].speaker, "Gingrich");
  EXPECT_EQ(q[0].text, "Trump Must Decide If He Wants a Two-Pirate Ticket");
}

TEST(QuotesTest, IntroductoryPhraseIsNotTheSpeaker) {
  std::string t =
      "On Sunday, Hillary Clinton, the Democratic front-runner, said tech companies must do more.";
  auto q = Tagged().Extract(t);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Hillary Clinton");
}

TEST(QuotesTest, ScareQuotesAndTitlesAreNotQuotes) {
  std::string t =
      "Blinken expressed opposition during what was described as a \"frank\" discussion. "
      "He starred in “The Art of the Deal” years ago.";
  auto q = Quotes(t);
  for (const Quote& x : q) EXPECT_EQ(x.kind, QuoteKind::kIndirect) << x.text;
}

TEST(QuotesTest, DirectOnlyOption) {
  Options o;
  o.indirect = false;
  std::string t = "Netanyahu said the talks were useful. “We will win,” he said.";
  auto q = Extractor(ner::Tagger(nullptr), o).Extract(t, {});
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, QuoteKind::kDirect);
}

// The trained cue detector and content-span model (models/quotes) find
// attributions whose cue is no speech verb.
TEST(QuotesTest, LearnedCuesBeyondSpeechVerbs) {
  Result<ner::Tagger> tagger = ner::Tagger::LoadDefault();
  if (!tagger.ok() || !internal::LoadModel(internal::DefaultModelPath()).ok()) {
    GTEST_SKIP() << "no committed NER or quotes model";
  }
  std::string t =
      "Republican senators plan to block the nomination until after the election.\n\n"
      "A new poll shows that most voters oppose the plan.\n\n"
      "The governor is expected to sign the bill next week.";
  auto q = Extractor(*tagger).Extract(t);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].cue, "plan");
  // Whether a trailing time adjunct belongs to the content is the span
  // model's call (PolNeAR's annotators differ; the first 2026-12-07 model
  // left "until after the election" out, the models before and after keep
  // it: what is planned is to block it until then). Pinned to the
  // committed model: a retrained model that moves it shows up here.
  EXPECT_EQ(q[0].text, "to block the nomination until after the election");
  EXPECT_EQ(q[0].speaker, "Republican senators");
  EXPECT_EQ(q[1].cue, "shows");
  EXPECT_EQ(q[1].text, "that most voters oppose the plan");
  EXPECT_EQ(q[2].cue, "is expected");
  EXPECT_EQ(q[2].text, "to sign the bill next week");
  EXPECT_EQ(q[2].speaker, "The governor");
  for (const Quote& x : q) EXPECT_EQ(x.kind, QuoteKind::kIndirect);

  // Rules alone know none of these cues.
  Options rules;
  rules.learned = false;
  auto r = Extractor(*tagger, rules).Extract(t);
  EXPECT_EQ(r.size(), 1u);  // "shows" is a rule cue verb
}

// A learned cue whose subject is a group named by a plural noun ("Abortion
// opponents") gets that group as speaker, not the previous speaker.
// Pinned to the committed model's cue for "hailed".
TEST(QuotesTest, LearnedCueWithGroupSubject) {
  Result<ner::Tagger> tagger = ner::Tagger::LoadDefault();
  if (!tagger.ok() || !internal::LoadModel(internal::DefaultModelPath()).ok()) {
    GTEST_SKIP() << "no committed NER or quotes model";
  }
  std::string t =
      "Governor Jane Smith said the ruling was a mistake.\n\n"
      "Abortion opponents hailed the decision as a victory for families.";
  auto q = Extractor(*tagger).Extract(t);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Jane Smith");
  EXPECT_EQ(q[1].cue, "hailed");
  EXPECT_EQ(q[1].speaker, "Abortion opponents");
  EXPECT_EQ(q[1].speaker_type, SpeakerType::kAnonymous);
}

// The rules with the project's tagger but without the trained model, so
// that a retrained model cannot move these expectations. Null when the
// tagger is not present.
const Extractor* RulesTagged() {
  static const Extractor* ex = [] {
    Result<ner::Tagger> t = ner::Tagger::LoadDefault();
    Options o;
    o.learned = false;
    return t.ok() ? new Extractor(*t, o) : nullptr;
  }();
  return ex;
}

const Quote* WithCue(const std::vector<Quote>& q, const std::string& cue) {
  for (const Quote& x : q) {
    if (x.cue == cue) return &x;
  }
  return nullptr;
}

// A poll's share of respondents is the speaker of what they said.
TEST(QuotesTest, ShareOfPolledGroupIsTheSpeaker) {
  std::string t =
      "The survey of 1,200 adults was taken over the weekend. Fifty-two percent said the economy "
      "was their main worry. Six in 10 say the country is on the wrong track.";
  auto q = Quotes(t);
  const Quote* said = WithCue(q, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->speaker, "Fifty-two percent");
  EXPECT_EQ(said->text, "the economy was their main worry");
  const Quote* say = WithCue(q, "say");
  ASSERT_NE(say, nullptr);
  EXPECT_EQ(say->speaker, "Six in 10");
}

// A lone word opening the sentence is no speaker when it is a function word
// or a participle; a lone name is.
TEST(QuotesTest, SentenceOpeningParticipleIsNoSpeaker) {
  for (auto [text, plausible] : std::vector<std::pair<std::string, bool>>{
           {"Speaking loudly, aides said it was over.", false},
           {"Or consider the budget.", false},
           {"Disillusioned voters left.", false},
           {"Okafor said it was over.", true},
           {"She said it was over.", true}}) {
    internal::Doc d = internal::BuildDoc(text, internal::GuessMentions(text));
    EXPECT_EQ(internal::PlausibleSpeaker(d, {0, 1}), plausible) << text;
  }
}

// A participle's subject is the description that opens the sentence, not
// the object of its verb, nor a news agency in the dateline.
TEST(QuotesTest, ParticipleSubjectIsTheOpeningDescription) {
  const Extractor* ex = RulesTagged();
  if (ex == nullptr) GTEST_SKIP() << "no committed NER model";
  std::string t =
      "The former governor has praised Vladimir Putin for years, saying he was a stronger "
      "leader than the president.";
  auto all = ex->Extract(t);
  const Quote* q = WithCue(all, "saying");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "The former governor");

  std::string wire =
      "WASHINGTON, June 24 (UPI) -- Senator Maria Okafor voted against the spending bill on "
      "Friday, saying it would add too much to the deficit.";
  auto from_wire = ex->Extract(wire);
  q = WithCue(from_wire, "saying");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Maria Okafor");
}

// "CONTENT, said X" inverts speech verbs only: after an appositive, a verb
// like "endorsed" has the name before it as its subject.
TEST(QuotesTest, AppositiveBeforeCueIsNotInvertedContent) {
  const Extractor* ex = RulesTagged();
  if (ex == nullptr) GTEST_SKIP() << "no committed NER model";
  std::string t =
      "Maria Okafor, a veteran labor organizer, endorsed the union's plan, saying the strike "
      "would go ahead.";
  auto q = ex->Extract(t);
  for (const Quote& x : q) EXPECT_NE(x.text, "Maria Okafor, a veteran labor organizer");
  const Quote* saying = WithCue(q, "saying");
  ASSERT_NE(saying, nullptr);
  EXPECT_EQ(saying->speaker, "Maria Okafor");
}

// The same when no subject precedes the comma: the name after "endorsed"
// is its object, and a later participle has the sentence's subject.
TEST(QuotesTest, ObjectAfterNonSpeechCueIsNoInvertedSpeaker) {
  const Extractor* ex = RulesTagged();
  if (ex == nullptr) GTEST_SKIP() << "no committed NER model";
  std::string t =
      "Ruth Mbeki stood at her pulpit on Sunday and, citing a verse from Exodus, endorsed "
      "Senator Tom Hartley of Iowa, urging her congregation to vote for him.";
  auto q = ex->Extract(t);
  for (const Quote& x : q) EXPECT_NE(x.speaker, "Tom Hartley") << x.text;
  const Quote* urging = WithCue(q, "urging");
  ASSERT_NE(urging, nullptr);
  EXPECT_EQ(urging->speaker, "Ruth Mbeki");
}

// "he" after "A is X, B argues" is B, the speaker, not A, the subject named
// before B in B's own sentence.
TEST(QuotesTest, PronounPrefersSpeakerOverSubjectBeforeIt) {
  const Extractor* ex = RulesTagged();
  if (ex == nullptr) GTEST_SKIP() << "no committed NER model";
  std::string t =
      "Senator Hartley is the most able candidate in the race, Okafor argues. “Hartley is our "
      "best debater,” he said.";
  auto q = ex->Extract(t);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Okafor");
  EXPECT_EQ(q[1].speaker_mention, "he");
  EXPECT_EQ(q[1].speaker, "Okafor");
}

// A surname shared by two full names goes to the one the article names in
// full more often, not to the one named last.
TEST(QuotesTest, SharedSurnameGoesToTheMoreNamedPerson) {
  const Extractor* ex = RulesTagged();
  if (ex == nullptr) GTEST_SKIP() << "no committed NER model";
  std::string t =
      "Senator Robert Hartley spoke first in Des Moines. Later, Robert Hartley thanked "
      "volunteers, and Robert Hartley took questions. His wife, Helen Hartley, spoke briefly.\n\n"
      "Hartley said the campaign would win Iowa.";
  auto all = ex->Extract(t);
  const Quote* q = WithCue(all, "said");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Robert Hartley");
}

// A quote standing alone after another speaker's goes to the person who
// has become the subject since, not to that earlier speaker.
TEST(QuotesTest, UnattributedQuoteGoesToTheNewSubject) {
  const Extractor* ex = RulesTagged();
  if (ex == nullptr) GTEST_SKIP() << "no committed NER model";
  std::string t =
      "Senator Maria Okafor said the bill was dead.\n\n"
      "Representative Tom Hartley was not so sure on Tuesday.\n\n"
      "“We have the votes, and we will pass it before the recess.”";
  auto q = ex->Extract(t);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Maria Okafor");
  EXPECT_EQ(q[1].kind, QuoteKind::kDirect);
  EXPECT_EQ(q[1].speaker, "Tom Hartley");
  EXPECT_EQ(At(t, q[1].speaker_begin, q[1].speaker_end), "Tom Hartley");
}

// A learned participle cue after a comma ("…, claiming …") has the main
// clause's subject as speaker, not the whole clause before the comma.
// Pinned to the committed model's cue for "claiming".
TEST(QuotesTest, LearnedParticipleTakesTheClauseSubject) {
  Result<ner::Tagger> tagger = ner::Tagger::LoadDefault();
  if (!tagger.ok() || !internal::LoadModel(internal::DefaultModelPath()).ok()) {
    GTEST_SKIP() << "no committed NER or quotes model";
  }
  std::string t = "The senator later sued the state, claiming she had been misled by its lawyers.";
  auto q = Extractor(*tagger).Extract(t);
  const Quote* claiming = WithCue(q, "claiming");
  ASSERT_NE(claiming, nullptr);
  EXPECT_EQ(claiming->text, "she had been misled by its lawyers");
  EXPECT_EQ(claiming->speaker, "The senator");
}

TEST(QuotesTest, MissingModelIsNotFound) {
  Result<internal::Model> m = internal::LoadModel(testing::TempDir() + "/no-such.model");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kNotFound);
  // An extractor pointed at a missing model runs the rules alone.
  Options o;
  o.model_path = testing::TempDir() + "/no-such.model";
  Result<ner::Tagger> tagger = ner::Tagger::LoadDefault();
  if (!tagger.ok()) GTEST_SKIP() << "no committed NER model";
  auto q = Extractor(*tagger, o).Extract("Republican senators plan to block the nomination.");
  EXPECT_TRUE(q.empty());
}

}  // namespace
}  // namespace parallax::quotes
