// The brief's quotes section on the seed articles and on real wire sentences.
#include "brief/quotes.h"

#include <gtest/gtest.h>

#include <set>

#include "parallax/ingest.h"

namespace parallax::brief {
namespace {

std::vector<Article> ReadSeeds() {
  std::vector<Article> out;
  ReadCallbacks cb;
  cb.on_article = [&](Article&& a) { out.push_back(std::move(a)); };
  ReadInputs({std::string(PARALLAX_SOURCE_DIR) + "/examples"}, {}, cb);
  return out;
}

StoryCluster AllOf(const std::vector<Article>& articles) {
  StoryCluster s;
  s.id = "s-test";
  for (size_t i = 0; i < articles.size(); ++i) s.articles.push_back(i);
  return s;
}

Article Make(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  a.blocks.push_back({BlockKind::kParagraph, text});
  return a;
}

const BriefQuote* FindQuote(const std::vector<BriefQuote>& qs, const std::string& needle) {
  for (const BriefQuote& q : qs) {
    if (q.text.find(needle) != std::string::npos) return &q;
  }
  return nullptr;
}

TEST(BriefQuotesTest, SeedStatementInTwoTranslationsIsOneQuote) {
  std::vector<Article> articles = ReadSeeds();
  ASSERT_EQ(articles.size(), 5u) << "examples/ holds the five seed articles";
  std::vector<BriefQuote> qs = StoryQuotes(articles, AllOf(articles));
  int carrying = 0;
  const BriefQuote* rafah = nullptr;
  for (const BriefQuote& q : qs) {
    for (const QuoteVariant& v : q.variants) {
      if (v.text.find("defeat Hamas") != std::string::npos) {
        rafah = &q;
        break;
      }
    }
    if (q.text.find("defeat Hamas") != std::string::npos) {
      ++carrying;
      rafah = &q;
    }
  }
  ASSERT_NE(rafah, nullptr);
  EXPECT_EQ(carrying, 1) << "the two wordings must be aligned into one quote";
  EXPECT_EQ(rafah->speaker, "Benjamin Netanyahu");
  EXPECT_GE(rafah->sources.size(), 2u);
  EXPECT_GE(rafah->variants.size(), 2u);
  std::set<std::string> variant_sources;
  for (const QuoteVariant& v : rafah->variants) variant_sources.insert(v.source);
  EXPECT_GE(variant_sources.size(), 2u);
}

TEST(BriefQuotesTest, PartialQuoteAndParaphraseAlignWithFullQuote) {
  std::vector<Article> articles = {
      Make("wire", "“You need a strategy that works,” Biden told Netanyahu in their first "
                   "conversation in more than a month. “And that strategy should not involve a "
                   "major military operation that puts thousands and thousands of lives at risk "
                   "in Rafah.”"),
      Make("paper", "US President Joe Biden warned Benjamin Netanyahu that the strategy "
                    "\"should not involve a major military operation\" that puts thousands of "
                    "lives at risk in Rafah."),
  };
  std::vector<BriefQuote> qs = StoryQuotes(articles, AllOf(articles));
  const BriefQuote* q = FindQuote(qs, "strategy that works");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Joe Biden");
  EXPECT_EQ(q->sources, (std::vector<std::string>{"wire", "paper"}));
  EXPECT_EQ(q->variants.size(), 2u);
}

TEST(BriefQuotesTest, DifferentSpeakersAreNotMerged) {
  std::vector<Article> articles = {
      Make("a", "“We will not allow Hamas to rebuild in Rafah,” Netanyahu said on Sunday."),
      Make("b", "“We will not allow Hamas to rebuild in Rafah,” Gallant said on Sunday."),
  };
  std::vector<BriefQuote> qs = StoryQuotes(articles, AllOf(articles));
  EXPECT_EQ(qs.size(), 2u);
}

// A quotation whose speaker is only an unresolved pronoun is not listed
// under "he"; the named speaker's quotation next to it is.
TEST(BriefQuotesTest, UnresolvedPronounSpeakerIsNotListedAsAName) {
  std::vector<Article> articles = {
      Make("a", "\xE2\x80\x9CShe told me she was pregnant, and I want to find out whether it is "
                "true,\xE2\x80\x9D he said.\n\n\xE2\x80\x9CWe are at an age now when we want "
                "to find out answers,\xE2\x80\x9D said Dennis Hall, a veteran from Kirkland."),
  };
  std::vector<BriefQuote> qs = StoryQuotes(articles, AllOf(articles));
  for (const BriefQuote& q : qs) EXPECT_NE(q.speaker, "he") << q.text;
  const BriefQuote* hall = FindQuote(qs, "find out answers");
  ASSERT_NE(hall, nullptr);
  EXPECT_EQ(hall->speaker, "Dennis Hall");
}

// An "anonymous" speaker must read as a description ("a senior US official",
// "Israeli officials"); a capitalised label the extractor took for one
// ("Hidden Message:" before a lyric) is no speaker.
TEST(BriefQuotesTest, AnonymousSpeakersAreDescriptions) {
  std::vector<Article> articles = {
      Make("a", "Fans have spent hours decoding the liner notes of the new album, song by song.\n\n"
                "Hidden Message: LOVE DOESN\xE2\x80\x99T COUNT AFTER GOOD-BYE\n\n"
                "\xE2\x80\x9C" "Each time you reach out, there\xE2\x80\x99s no reply.\xE2\x80\x9D Smart "
                "money\xE2\x80\x99s on the actor.\n\n"
                "\xE2\x80\x9CThey are weeks away from being ready,\xE2\x80\x9D a senior US official said.\n\n"
                "\xE2\x80\x9CWe will not stop the operation,\xE2\x80\x9D Israeli officials said on Monday."),
  };
  std::vector<BriefQuote> qs = StoryQuotes(articles, AllOf(articles));
  for (const BriefQuote& q : qs) EXPECT_NE(q.speaker, "Hidden Message") << q.text;
  // The extractor once took "said in a statement" for its speaker.
  quotes::Quote where;
  where.text = "This psychological damage does not just go away because a person grew up.";
  where.kind = quotes::QuoteKind::kDirect;
  where.speaker = where.speaker_mention = "in a statement";
  where.speaker_type = quotes::SpeakerType::kAnonymous;
  quotes::Quote who = where;
  who.text = "They are weeks away from being ready.";
  who.speaker = who.speaker_mention = "a senior US official";
  std::vector<BriefQuote> aligned = AlignQuotes({{"x", {where, who}}});
  ASSERT_EQ(aligned.size(), 1u);
  EXPECT_EQ(aligned[0].speaker, "a senior US official");
  const BriefQuote* official = FindQuote(qs, "weeks away");
  ASSERT_NE(official, nullptr);
  EXPECT_EQ(official->speaker, "a senior US official");
  const BriefQuote* israeli = FindQuote(qs, "will not stop");
  ASSERT_NE(israeli, nullptr);
  EXPECT_EQ(israeli->speaker, "Israeli officials");
}

// Two named speakers of one statement are not joined through an unnamed
// third version between them (the White House statement went to "Donald
// Trump" that way).
TEST(BriefQuotesTest, NamedSpeakersAreNotJoinedThroughAnUnnamedOne) {
  const std::string q =
      "\xE2\x80\x9CThe president has never asked anyone to end any investigation, including any "
      "investigation involving General Flynn,\xE2\x80\x9D ";
  std::vector<Article> articles = {
      Make("a", q + "the White House said in a statement on Tuesday."),
      Make("b", q + "a White House official said in a statement."),
      Make("c", q + "Donald Trump said on Tuesday."),
  };
  std::vector<BriefQuote> qs = StoryQuotes(articles, AllOf(articles));
  std::set<std::string> speakers;
  for (const BriefQuote& x : qs) speakers.insert(x.speaker);
  EXPECT_TRUE(speakers.count("White House")) << ::testing::PrintToString(speakers);
  EXPECT_TRUE(speakers.count("Donald Trump")) << ::testing::PrintToString(speakers);
}

TEST(BriefQuotesTest, ScareQuotesAreDropped) {
  std::vector<Article> articles = {
      Make("a", "Senior Israeli officials stated that holding a virtual meeting is a way for "
                "Netanyahu to \"save face\" and engage in discussions with the White House."),
  };
  std::vector<BriefQuote> qs = StoryQuotes(articles, AllOf(articles));
  EXPECT_EQ(FindQuote(qs, "save face"), nullptr);
}

}  // namespace
}  // namespace parallax::brief
