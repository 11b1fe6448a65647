// Summary text compression and shared NER tagging of a story's duplicates.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "brief/alignment.h"
#include "brief/mentions.h"
#include "brief/sources.h"
#include "brief/summary.h"
#include "brief/test_util.h"

namespace parallax::brief {
namespace {

TEST(SummaryTextTest, DropsOpeningDatelines) {
  // Real news leads in the styles of the wires and broadcasters.
  EXPECT_EQ(SummaryText("DENVER (AP) \xE2\x80\x94 Troy Tulowitzki has a tough name to spell, even at his own ballpark."),
            "Troy Tulowitzki has a tough name to spell, even at his own ballpark.");
  EXPECT_EQ(SummaryText("PITTSBURGH (KDKA) \xE2\x80\x94 A former Pittsburgh Public School teacher is now in police custody."),
            "A former Pittsburgh Public School teacher is now in police custody.");
  EXPECT_EQ(SummaryText("ST. PAUL, Minn. (Reuters) - Minnesota lawmakers approved the budget on Friday."),
            "Minnesota lawmakers approved the budget on Friday.");
  EXPECT_EQ(SummaryText("WASHINGTON \xE2\x80\x94 The Senate passed the bill late on Tuesday night."),
            "The Senate passed the bill late on Tuesday night.");
  EXPECT_EQ(SummaryText("(CNN) The White House said on Monday that talks would resume."),
            "The White House said on Monday that talks would resume.");
  EXPECT_EQ(SummaryText("(Reuters) - Oil prices rose on Tuesday after the report."),
            "Oil prices rose on Tuesday after the report.");
}

TEST(SummaryTextTest, KeepsSentencesThatOnlyLookLikeDatelines) {
  for (const char* s : {
           "The deal \xE2\x80\x94 signed on Friday \xE2\x80\x94 ends a year of talks.",
           "US - China talks resumed in Geneva on Monday.",
           "EU \xE2\x80\x94 the bloc's executive said the rules would apply from 2026.",
           "Israel \xE2\x80\x94 which denies the claim \xE2\x80\x94 said the strike hit a depot.",
           "Police said the man, 34, was arrested at 10 a.m. \xE2\x80\x94 two hours later.",
           "(laughs) that is what he said.",
       }) {
    EXPECT_EQ(SummaryText(s), s) << s;
  }
}

// One story of all `articles`, through the summary's inputs (the order
// BuildBrief makes them in).
struct ScoredStory {
  explicit ScoredStory(const std::vector<Article>& articles)
      : story(brief_testing::AllOf(articles)),
        sources(articles, story),
        model(articles, story.articles),
        alignment(AlignSentences(model, sources)),
        salience(Salience(model, alignment, sources.group_count())) {}
  StoryCluster story;
  SourceGroups sources;
  SentenceModel model;
  Alignment alignment;
  std::vector<double> salience;
};

// Sentences of one article from the same part of it are printed in the
// article's order, whatever order the greedy chose them in: a sentence that
// answers the one before it ("But despite years of attempts, ...") must not
// come first.
TEST(SummarizeTest, OneArticlesSentencesKeepTheirOrder) {
  std::vector<Article> articles = {brief_testing::MakeArticle(
      "lab", "Lab-grown sperm",
      {"Scientists have long wanted to produce sperm and eggs in the laboratory to understand "
       "reproduction and to help infertile couples conceive.",
       "Several teams using embryonic stem cells made progress in recent years but could not "
       "produce viable sperm or eggs in the laboratory.",
       "Researchers hoped that epiblast stem cells grown in a dish could produce germ cells and "
       "ultimately fertile sperm and eggs.",
       "But despite years of attempts with stem cells, no laboratory succeeded in producing "
       "fertile sperm.",
       "Now a Kyoto University group has turned mouse stem cells into sperm precursor cells and "
       "used the sperm to produce normal mouse pups.",
       "The Kyoto group transplanted the precursor cells into the testes of infertile mice, "
       "where they developed into sperm.",
       "The resulting sperm fertilised eggs in the laboratory, and the embryos grew into healthy "
       "pups that later had offspring of their own.",
       "A stem cell biologist in Los Angeles called the work a critical advance for "
       "understanding germ cell development.",
       "Another researcher in Australia said the result was a breakthrough for fertility "
       "research on stem cells.",
       "The group now plans to try the method with human stem cells, which will take years.",
       "Ethicists said producing human sperm in a laboratory would raise new questions.",
       "The study was published on Thursday in the journal Cell."})};
  const ScoredStory scored(articles);
  const SentenceModel& model = scored.model;
  std::vector<uint32_t> chosen = Summarize(model, scored.salience, scored.sources, {400, false});
  ASSERT_GE(chosen.size(), 6u);
  for (size_t k = 1; k < chosen.size(); ++k) {
    const Sentence& a = model.sentences()[chosen[k - 1]];
    const Sentence& b = model.sentences()[chosen[k]];
    if (static_cast<int>(a.position * 4) == static_cast<int>(b.position * 4)) {
      EXPECT_LT(a.ordinal, b.ordinal) << a.text << " | " << b.text;
    }
  }
}

// Pieces of a quotation that runs over several sentences are never summary
// material; whole quotations and plain sentences are.
TEST(SalienceTest, PiecesOfMultiSentenceQuotesAreNotSummaryMaterial) {
  std::vector<Article> articles = {brief_testing::MakeArticle(
      "g", "Graham on Benghazi",
      {"\xE2\x80\x9CThis is going to be a case study, studied for years, of a breakdown of national "
       "security at every level. Failed presidential leadership, senior members of the Obama "
       "administration failed miserably.\xE2\x80\x9D Graham said on Sunday.",
       "\"The consulate was becoming a death trap,\" the senator told Fox News on Sunday.",
       "The senator said the administration should have closed the consulate long before the "
       "attack."})};
  const ScoredStory scored(articles);
  const SentenceModel& model = scored.model;
  const std::vector<double>& salience = scored.salience;
  size_t fragments = 0;
  for (size_t i = 0; i < model.sentences().size(); ++i) {
    const std::string& t = model.sentences()[i].text;
    if (t.find("case study") != std::string::npos || t.find("Failed presidential") != std::string::npos) {
      EXPECT_LE(salience[i], 0) << t;
      ++fragments;
    } else if (t.find("death trap") != std::string::npos || t.find("closed the consulate") != std::string::npos) {
      EXPECT_GT(salience[i], 0) << t;
    }
  }
  EXPECT_EQ(fragments, 2u);  // the quotation was split into two sentences
}

// A reporter's contact line, a video embed, a tweet's signature, an error
// page's apology and photo captions left in the body are no summary material.
TEST(SalienceTest, ContactLinesAreBoilerplate) {
  std::vector<Article> articles = {brief_testing::MakeArticle(
      "k", "Mercury",
      {"The county coroner said an autopsy was performed on Monday but the cause of death might not "
       "be known for months.",
       "Contact Jane Roe at 408-555-0100.", "Contact the writer at jroe@example.com.",
       "JUST WATCHED Chaffetz: I'm ready to subpoena for Comey memo Replay More Videos ...",
       "I have my subpoena pen ready \u2014 Jason Chaffetz (@jasoninthehouse) May 16, 2017.",
       "Sorry, the page you requested could not be found.",
       "French President Francois Hollande (R) speaks with Prime Minister Manuel Valls in Paris, April 22, "
       "2015.",
       "Aurelie Chatelain, in this photograph provided by the Caudry City Hall, is seen in Caudry.",
       "French soldiers patrol outside the Notre Dame Cathedral in Paris, April 22, 2015.",
       "The suspect was arrested at his home in the city on April 19, 2015.",
       "The survey asked brides married between January 1 and December 31, 2014.",
       "You can add location information to your Tweets, such as your city or precise location.",
       "You can unsubscribe at any time."})};
  const ScoredStory scored(articles);
  for (size_t i = 0; i < scored.model.sentences().size(); ++i) {
    const std::string& t = scored.model.sentences()[i].text;
    if (t.starts_with("Contact") || t.starts_with("JUST") || t.starts_with("I have") || t.starts_with("Sorry") ||
        t.starts_with("French President") || t.starts_with("Aurelie") || t.starts_with("French soldiers") ||
        t.starts_with("You can")) {
      EXPECT_LE(scored.salience[i], 0) << t;
    } else {
      EXPECT_GT(scored.salience[i], 0) << t;
    }
  }
}

TEST(TagStoryTest, DuplicatesReuseTheirOriginalsMentions) {
  std::vector<Article> articles = {
      brief_testing::MakeArticle("a", "Alpha", {"Prime Minister Benjamin Netanyahu met Antony Blinken in Jerusalem on Monday."}),
      brief_testing::MakeArticle("b", "Beta", {"Prime Minister Benjamin Netanyahu met Antony Blinken in Jerusalem on Monday."}),
      brief_testing::MakeArticle("c", "Gamma", {"Secretary of State Antony Blinken met Prime Minister Benjamin Netanyahu in Jerusalem."}),
  };
  StoryCluster story = brief_testing::AllOf(articles);
  story.duplicates.push_back({2, 0});  // c is a (reworded) syndicated copy of a
  StoryMentions m = TagStory(articles, story);
  if (!m.tagged) GTEST_SKIP() << "NER model not available";
  ASSERT_EQ(m.texts.size(), 3u);
  EXPECT_FALSE(m.mentions[0].empty());
  EXPECT_EQ(m.mentions[1], m.mentions[0]);  // identical text: tagged once
  EXPECT_EQ(m.texts[2], m.texts[0]);        // linked copy: the original's text and mentions
  EXPECT_EQ(m.mentions[2], m.mentions[0]);
  for (size_t k = 0; k < 3; ++k) {
    for (const ner::Mention& x : m.mentions[k]) EXPECT_EQ(m.texts[k].substr(x.begin, x.end - x.begin), x.text);
  }
}

// Two threads sharing the tagging give what one gives.
TEST(TagStoryTest, SharedTaggingMatchesOneThread) {
  std::vector<Article> articles;
  for (int i = 0; i < 24; ++i) {
    articles.push_back(brief_testing::MakeArticle(
        "a" + std::to_string(i), "T",
        {"Prime Minister Benjamin Netanyahu met Antony Blinken in Jerusalem on day " +
         std::to_string(i) + ".", i % 3 == 0 ? "Kamala Harris spoke in Washington." : "Hamas said nothing."}));
  }
  StoryCluster story = brief_testing::AllOf(articles);
  story.duplicates.push_back({5, 1});
  const StoryMentions one = TagStory(articles, story);
  if (!one.tagged) GTEST_SKIP() << "NER model not available";
  StoryTagging shared(articles, story);
  std::thread other([&shared] { shared.Work(); });
  shared.Work();
  other.join();
  const StoryMentions two = shared.Finish();
  EXPECT_EQ(two.texts, one.texts);
  EXPECT_EQ(two.mentions, one.mentions);
}

}  // namespace
}  // namespace parallax::brief
