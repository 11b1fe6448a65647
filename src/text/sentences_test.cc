#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "parallax/text.h"

namespace parallax::text {
namespace {

// Compact printed form: sentences joined by " | ".
std::string Show(std::string_view text, std::string_view language = "en") {
  std::string out;
  for (const Span& s : SplitSentences(text, language)) {
    if (!out.empty()) out += " | ";
    out += text.substr(s.begin, s.end - s.begin);
  }
  return out;
}

struct SplitCase {
  const char* language;
  const char* in;
  const char* want;
};

const SplitCase kCases[] = {
    {"en", "", ""},
    {"en", "   \n\n  ", ""},
    {"en", "One sentence without a stop", "One sentence without a stop"},
    {"en", "First one. Second one.", "First one. | Second one."},
    {"en", "  Padded.   Text.  ", "Padded. | Text."},
    {"en", "Is it? Yes! Really?! Sure.", "Is it? | Yes! | Really?! | Sure."},
    // Abbreviations.
    {"en", "Mr. Smith met Dr. Jones and Gen. Lloyd Austin.",
     "Mr. Smith met Dr. Jones and Gen. Lloyd Austin."},
    {"en", "Sen. Warren and Rep. Ocasio-Cortez spoke. Gov. Newsom did not.",
     "Sen. Warren and Rep. Ocasio-Cortez spoke. | Gov. Newsom did not."},
    {"en", "The U.S. and the U.K. agreed. The U.N. did not.",
     "The U.S. and the U.K. agreed. | The U.N. did not."},
    {"en", "He moved to the U.S. The move was hard.", "He moved to the U.S. | The move was hard."},
    {"en", "U.S. President Joe Biden spoke.", "U.S. President Joe Biden spoke."},
    {"en", "It happened in Washington, D.C., on Monday.", "It happened in Washington, D.C., on Monday."},
    {"en", "They met in Washington, D.C. The talks failed.",
     "They met in Washington, D.C. | The talks failed."},
    {"en", "Apple Inc. reported results. Shares rose.", "Apple Inc. reported results. | Shares rose."},
    {"en", "It was founded by Apple Inc. The company grew.",
     "It was founded by Apple Inc. | The company grew."},
    {"en", "The vote is at 10 p.m. ET on Monday.", "The vote is at 10 p.m. ET on Monday."},
    {"en", "The vote ended at 10 p.m. Officials then left.",
     "The vote ended at 10 p.m. | Officials then left."},
    {"en", "We bought apples, pears, etc. The shop was busy.",
     "We bought apples, pears, etc. | The shop was busy."},
    {"en", "Fruit, e.g. apples, is healthy.", "Fruit, e.g. apples, is healthy."},
    {"en", "It was signed on Jan. 6 in St. Louis.", "It was signed on Jan. 6 in St. Louis."},
    {"en", "See No. 10 and pp. 4-5 for details.", "See No. 10 and pp. 4-5 for details."},
    {"en", "The answer was no. Then he left.", "The answer was no. | Then he left."},
    {"en", "Martin Luther King Jr. was born in 1929.", "Martin Luther King Jr. was born in 1929."},
    {"en", "The fire started about 9:40 p.m. Friday and spread.",
     "The fire started about 9:40 p.m. Friday and spread."},
    {"en", "He is charged in case No. VA089897 in Los Angeles.",
     "He is charged in case No. VA089897 in Los Angeles."},
    {"en", "Said Nick Rahall II (D-W. Va.), who chairs it.", "Said Nick Rahall II (D-W. Va.), who chairs it."},
    {"en", "It resembles the Wittman/P.J. Carlesimo pile.", "It resembles the Wittman/P.J. Carlesimo pile."},
    {"en", "Police Const. Tim Fanning spoke. Dist. Atty. Steve Cooley did not.",
     "Police Const. Tim Fanning spoke. | Dist. Atty. Steve Cooley did not."},
    {"en", "He sat in the rear. Then he left.", "He sat in the rear. | Then he left."},
    {"en", "He lived in Jackson, Miss. Fred LaRue was his son.",
     "He lived in Jackson, Miss. | Fred LaRue was his son."},
    {"en", "He lived in Jackson, Miss., for years. Pasadena, Calif.-based firms grew.",
     "He lived in Jackson, Miss., for years. | Pasadena, Calif.-based firms grew."},
    {"en", "The Ill. Supreme Court ruled.", "The Ill. Supreme Court ruled."},
    {"en", "Apple Inc. CEO Tim Cook spoke. Sales rose.", "Apple Inc. CEO Tim Cook spoke. | Sales rose."},
    // Initials.
    {"en", "J. K. Rowling wrote it. Donald J. Trump read it.",
     "J. K. Rowling wrote it. | Donald J. Trump read it."},
    {"en", "J.R.R. Tolkien wrote it.", "J.R.R. Tolkien wrote it."},
    {"en", "They chose Plan B. The others agreed.", "They chose Plan B. | The others agreed."},
    // Numbers.
    {"en", "About 1.5 million people live there. Prices rose 3.5% in March.",
     "About 1.5 million people live there. | Prices rose 3.5% in March."},
    {"en", "It cost $2.5bn. The deal closed at 10.30 a.m. on Friday.",
     "It cost $2.5bn. | The deal closed at 10.30 a.m. on Friday."},
    {"en", "It ended in 2024. 2025 will be different.", "It ended in 2024. | 2025 will be different."},
    // Ellipses.
    {"en", "Well... I think so. Wait\xE2\x80\xA6 What?", "Well... | I think so. | Wait\xE2\x80\xA6 | What?"},
    {"en", "He said he would... maybe later.", "He said he would... maybe later."},
    // Quotes and brackets.
    {"en", "\"We will win.\" The crowd cheered.", "\"We will win.\" | The crowd cheered."},
    {"en", "\xE2\x80\x9CWhere are they?\xE2\x80\x9D she asked. Nobody knew.",
     "\xE2\x80\x9CWhere are they?\xE2\x80\x9D she asked. | Nobody knew."},
    {"en", "\"Why now?\" Biden asked reporters. They laughed.",
     "\"Why now?\" Biden asked reporters. | They laughed."},
    {"en", "\"Go home!\" The crowd dispersed.", "\"Go home!\" | The crowd dispersed."},
    {"en", "He said \"no comment...\" and walked off.", "He said \"no comment...\" and walked off."},
    {"en", "The plan (announced Monday.) Then nothing.", "The plan (announced Monday.) | Then nothing."},
    {"en", "It was called \xE2\x80\x9C" "a slaughter\xE2\x80\x9D. Others agreed.",
     "It was called \xE2\x80\x9C" "a slaughter\xE2\x80\x9D. | Others agreed."},
    {"en", "They said: \"It is over.\" \"Really?\" he asked.",
     "They said: \"It is over.\" | \"Really?\" he asked."},
    // Missing spaces, URLs, e-mails.
    {"en", "It ended.The next day began.", "It ended. | The next day began."},
    {"en", "Visit www.cnn.com or mail a.b@example.org today.",
     "Visit www.cnn.com or mail a.b@example.org today."},
    {"en", "Read it at https://example.com/News.Html now.",
     "Read it at https://example.com/News.Html now."},
    {"en", "Visit cnn.com. The site is free.", "Visit cnn.com. | The site is free."},
    // Lines, headlines and bullets.
    {"en", "Getty Images\nUS President Joe Biden.\nWashington CNN \xE2\x80\x94 \n\nIsraeli officials said.",
     "Getty Images | US President Joe Biden. | Washington CNN \xE2\x80\x94 | Israeli officials said."},
    {"en", "Key Facts\nThe meeting is Monday.", "Key Facts | The meeting is Monday."},
    {"en", "The talks with\nNetanyahu failed.", "The talks with\nNetanyahu failed."},
    {"en", "a line that wraps\nin the middle.", "a line that wraps\nin the middle."},
    {"en", "Options:\n- talk\n- wait\n- act", "Options: | - talk | - wait | - act"},
    {"en", "Steps\n1. Plan\n2. Act", "Steps | 1. Plan | 2. Act"},
    {"en", "Headline\n\n-----\n\nBody text.", "Headline | Body text."},
    {"en", "Points \xE2\x80\xA2 one \xE2\x80\xA2 two", "Points | \xE2\x80\xA2 one | \xE2\x80\xA2 two"},
    // Other languages.
    {"de", "Er kam am 3. Oktober an. Dann ging er.", "Er kam am 3. Oktober an. | Dann ging er."},
    {"de", "Das ist z.B. gut. Die Frau ging bzw. lief.", "Das ist z.B. gut. | Die Frau ging bzw. lief."},
    {"de", "Sie lebte im 19. Jahrhundert. Der Krieg kam.",
     "Sie lebte im 19. Jahrhundert. | Der Krieg kam."},
    {"fr", "M. Macron a parl\xC3\xA9. Mme Dupont aussi.", "M. Macron a parl\xC3\xA9. | Mme Dupont aussi."},
    {"fr", "\xC2\xAB Vous venez ? \xC2\xBB a-t-il demand\xC3\xA9. Elle n'a pas r\xC3\xA9pondu.",
     "\xC2\xAB Vous venez ? \xC2\xBB a-t-il demand\xC3\xA9. | Elle n'a pas r\xC3\xA9pondu."},
    {"fr", "Il a dit : \xC2\xAB Oui. \xC2\xBB Puis il est parti, etc. Fin.",
     "Il a dit : \xC2\xAB Oui. \xC2\xBB | Puis il est parti, etc. | Fin."},
    {"es", "El Sr. García lleg\xC3\xB3 a EE.UU. el lunes. Luego se fue.",
     "El Sr. García lleg\xC3\xB3 a EE.UU. el lunes. | Luego se fue."},
    {"it", "Il Sig. Rossi e il Dott. Bianchi sono arrivati. Poi si parte.",
     "Il Sig. Rossi e il Dott. Bianchi sono arrivati. | Poi si parte."},
    {"pt", "O Sr. Silva e a Dra. Costa chegaram. Depois saiu.",
     "O Sr. Silva e a Dra. Costa chegaram. | Depois saiu."},
    {"nl", "Dhr. Jansen kwam aan. Het kost bijv. 5 euro.", "Dhr. Jansen kwam aan. | Het kost bijv. 5 euro."},
    {"de", "Der Umsatz stieg um 3,5 Mio. Euro. Das ist ein Rekord.",
     "Der Umsatz stieg um 3,5 Mio. Euro. | Das ist ein Rekord."},
    {"es", "\xC2\xBF" "D\xC3\xB3nde est\xC3\xA1? \xC2\xA1" "Aqu\xC3\xAD! El Sr. P\xC3\xA9rez lleg\xC3\xB3.",
     "\xC2\xBF" "D\xC3\xB3nde est\xC3\xA1? | \xC2\xA1" "Aqu\xC3\xAD! | El Sr. P\xC3\xA9rez lleg\xC3\xB3."},
    {"es", "Viajaron a EE.UU. por trabajo.", "Viajaron a EE.UU. por trabajo."},
    {"ru", "\xD0\x92. \xD0\x92. \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD0\xB2\xD1\x8B\xD1\x81\xD1\x82\xD1\x83\xD0\xBF\xD0\xB8\xD0\xBB. \xD0\x9E\xD0\xBD \xD1\x83\xD1\x88\xD1\x91\xD0\xBB.",
     "\xD0\x92. \xD0\x92. \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD0\xB2\xD1\x8B\xD1\x81\xD1\x82\xD1\x83\xD0\xBF\xD0\xB8\xD0\xBB. | \xD0\x9E\xD0\xBD \xD1\x83\xD1\x88\xD1\x91\xD0\xBB."},
    {"zh", "\xE4\xBB\x8A\xE5\xA4\xA9\xE4\xB8\x8B\xE9\x9B\xA8\xE3\x80\x82\xE6\x98\x8E\xE5\xA4\xA9\xE5\x91\xA2\xEF\xBC\x9F\xE5\xA5\xBD\xEF\xBC\x81",
     "\xE4\xBB\x8A\xE5\xA4\xA9\xE4\xB8\x8B\xE9\x9B\xA8\xE3\x80\x82 | \xE6\x98\x8E\xE5\xA4\xA9\xE5\x91\xA2\xEF\xBC\x9F | \xE5\xA5\xBD\xEF\xBC\x81"},
    {"ja", "\xE3\x80\x8C\xE3\x81\xAF\xE3\x81\x84\xE3\x80\x82\xE3\x80\x8D\xE3\x81\xA8\xE8\xA8\x80\xE3\x81\xA3\xE3\x81\x9F\xE3\x80\x82",
     "\xE3\x80\x8C\xE3\x81\xAF\xE3\x81\x84\xE3\x80\x82\xE3\x80\x8D\xE3\x81\xA8\xE8\xA8\x80\xE3\x81\xA3\xE3\x81\x9F\xE3\x80\x82"},
    {"ar", "\xD9\x87\xD9\x84 \xD8\xAA\xD8\xA3\xD8\xAA\xD9\x8A\xD8\x9F \xD9\x86\xD8\xB9\xD9\x85.",
     "\xD9\x87\xD9\x84 \xD8\xAA\xD8\xA3\xD8\xAA\xD9\x8A\xD8\x9F | \xD9\x86\xD8\xB9\xD9\x85."},
    {"hi", "\xE0\xA4\xB5\xE0\xA4\xB9 \xE0\xA4\x86\xE0\xA4\xAF\xE0\xA4\xBE\xE0\xA5\xA4 \xE0\xA4\xB5\xE0\xA4\xB9 \xE0\xA4\x97\xE0\xA4\xAF\xE0\xA4\xBE\xE0\xA5\xA4",
     "\xE0\xA4\xB5\xE0\xA4\xB9 \xE0\xA4\x86\xE0\xA4\xAF\xE0\xA4\xBE\xE0\xA5\xA4 | \xE0\xA4\xB5\xE0\xA4\xB9 \xE0\xA4\x97\xE0\xA4\xAF\xE0\xA4\xBE\xE0\xA5\xA4"},
    {"el", "\xCE\xA4\xCE\xB9 \xCE\xBA\xCE\xAC\xCE\xBD\xCE\xB5\xCE\xB9\xCF\x82; \xCE\x9A\xCE\xB1\xCE\xBB\xCE\xAC.",
     "\xCE\xA4\xCE\xB9 \xCE\xBA\xCE\xAC\xCE\xBD\xCE\xB5\xCE\xB9\xCF\x82; | \xCE\x9A\xCE\xB1\xCE\xBB\xCE\xAC."},
    {"xx", "Unknown language. Uses English rules.", "Unknown language. | Uses English rules."},
};

TEST(SplitSentences, GoldenTable) {
  for (const SplitCase& c : kCases) {
    EXPECT_EQ(Show(c.in, c.language), c.want) << "[" << c.language << "] " << c.in;
  }
}

TEST(SplitSentences, SpansAreTrimmedNonEmptyAndOrdered) {
  std::string text = " A. B? \n\n C! \xE2\x80\x9C" "D.\xE2\x80\x9D  \xFF E ";
  size_t prev = 0;
  for (const Span& s : SplitSentences(text)) {
    ASSERT_LE(prev, s.begin);
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    EXPECT_NE(text[s.begin], ' ');
    EXPECT_NE(text[s.end - 1], ' ');
    prev = s.end;
  }
}

TEST(SplitSentences, PathologicalInputsStayLinear) {
  // Each is ~400 KB; a quadratic scan would take minutes.
  const char* units[] = {"a.", "A.", "...", "\n", "\n\n", "U.S.", "ab.Cd", "x? ", "a. ", "\xE3\x80\x82",
                         "Mr. ", "- ", "\xFF", "1.1"};
  for (const char* unit : units) {
    std::string text;
    while (text.size() < 400000) text += unit;
    std::vector<Span> spans = SplitSentences(text);
    for (const Span& s : spans) ASSERT_LT(s.begin, s.end);
    std::vector<Token> tokens = Tokenize(text);
    EXPECT_LE(tokens.size(), text.size());
    EXPECT_LE(Normalize(text).size(), text.size() * 3);
  }
}

std::string ReadSeed(const std::string& name) {
  std::ifstream f(std::string(PARALLAX_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST(SplitSentences, SeedsNeverSplitInsideProtectedPhrases) {
  const char* seeds[] = {"000_13c8aef171640ef1.txt", "001_d21e06c215a5d396.txt",
                         "002_c0def981657421ef.txt", "003_3b3853807bcc213d.txt",
                         "004_5be7fbd37ca0da08.txt"};
  const char* protected_phrases[] = {"U.S.", "U.N.", "D.C.", "1.5 million", "U.S.-Israel",
                                     "U.S.'s", "Washington, D.C., but", "Washington, D.C., if",
                                     "U.S. President", "U.N. Security", "U.S. officials"};
  for (const char* seed : seeds) {
    std::string text = ReadSeed(seed);
    ASSERT_FALSE(text.empty()) << seed;
    std::vector<Span> spans = SplitSentences(text);
    for (const char* phrase : protected_phrases) {
      for (size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
        size_t end = at + std::string_view(phrase).size();
        bool inside = false;
        for (const Span& s : spans) inside |= s.begin <= at && end <= s.end;
        EXPECT_TRUE(inside) << seed << ": split inside \"" << phrase << "\" at " << at;
      }
    }
  }
}

// Every sentence of the seed articles, frozen after checking the splits by
// hand: the seed file and the first words of each sentence in order.
struct SeedGolden {
  const char* file;
  std::vector<const char*> starts;
};

const SeedGolden kSeedGolden[] = {
    {"000_13c8aef171640ef1.txt",
     {"Getty Images", "US President Joe", "Washington CNN  —", "Israeli Prime Minister", "Netanyahu threatened to", "When the US", "American officials had", "Those alternatives will", "But the public", "American officials said", "Inside the White", "Hours after the", "Netanyahu did not", "The talks in", "Biden’s patience with Netanyahu has been", "In the United", "Even former President", "Now, Biden finds", "If the Israeli prime", "A divide over", "Over the weekend,", "That led American", "Biden’s aides viewed", "For more than", "Such a campaign", "Still, despite such", "The beginning of", "“They are weeks", "Pressure builds on", "With Ramadan set", "But even as", "They have bluntly", "And if there", "“I’ve looked at the", "Later, in an", "“I am ruling", "Indeed, Biden’s advisers", "Officials declined to", "In their meetings", "The more surgical", "Aside from the", "The city has", "There is also", "US sends warnings", "Biden administration officials", "When Biden proposed", "“You need a", "“And that strategy", "“Send your team", "Let’s talk about", "“We’ll lay out", "Inside the White", "Ahead of the", "“We have no", "“I told him", "Blinken departed the", "At the same", "Those negotiations appeared", "American officials believe"}},
    {"001_d21e06c215a5d396.txt",
     {"The United States", "The meeting was", "\"One day later,", "The Biden administration", "Israeli Strategic Affairs", "Senior Israeli officials", "The meeting will", "National Security Advisor", "Dermer and Netanyahu’s", "A senior Israeli", "After initially expressing", "The large city", "On March 22,", "During a roughly", "After meeting with", "Besides emphasizing the"}},
    {"002_c0def981657421ef.txt",
     {"Israel seeks new", "Israel has asked", "White House spokeswoman", "Netanyahu was angry", "He reacted by", "US officials said", "No date has", "The Israeli team", "Netanyahu has approved", "The United Nations", "Last week, Netanyahu", "Al Jazeera’s senior", "The Israeli prime", "He thinks America", "Netanyahu on Wednesday"}},
    {"003_3b3853807bcc213d.txt",
     {"date 2024-03-31 Amid", "This comes after", "Strategic Deliberations Amidst", "Initially scheduled for", "The resolution's passage", "Netanyahu's decision to", "Operational Plans and", "Netanyahu's public endorsement", "His statement, emphasizing", "This announcement, coupled", "Global Implications and", "The meeting's outcome", "As the international", "The strategic dialogue", "The impending virtual", "As both leaders", "The discussions may"}},
    {"004_5be7fbd37ca0da08.txt",
     {"Topline", "Officials from the", "Key Facts", "Secretary of State", "The U.S. officials", "The meeting between", "Two days after", "Key Background", "Last Monday, the", "The resolution—which was", "Just minutes after", "The delegation was", "Netanyahu has continued", "Before Netanyahu canceled", "French President Emmanuel"}},
};

TEST(SplitSentences, SeedArticlesGolden) {
  for (const SeedGolden& g : kSeedGolden) {
    std::string text = ReadSeed(g.file);
    ASSERT_FALSE(text.empty()) << g.file;
    std::vector<Span> spans = SplitSentences(text);
    ASSERT_EQ(spans.size(), g.starts.size()) << g.file;
    for (size_t k = 0; k < spans.size(); ++k) {
      std::string_view sentence(text.data() + spans[k].begin, spans[k].end - spans[k].begin);
      EXPECT_EQ(sentence.substr(0, std::string_view(g.starts[k]).size()), g.starts[k])
          << g.file << " sentence " << k;
    }
  }
}

}  // namespace
}  // namespace parallax::text
