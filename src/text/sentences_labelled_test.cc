// Boundary precision and recall of SplitSentences on a hand-labelled set of
// tricky English news prose, written for this test (not taken from any
// corpus). " | " marks a gold boundary (it becomes one space in the input),
// "|\n" a boundary at a line break (it becomes a newline), "||" a boundary
// with no space at all.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>

#include "parallax/text.h"

namespace parallax::text {
namespace {

const char* const kLabelled[] = {
    // Titles and ranks.
    "Mr. Obama met Mrs. Clinton on Tuesday. | Dr. Fauci was not there.",
    "Lt. Col. Alexander Vindman testified for hours. | Sgt. Maj. Ruiz sat behind him.",
    "Gen. Mark Milley, the chairman, spoke first. | Adm. Gilday followed.",
    "Sen. Joe Manchin, D-W.Va., opposed the bill. | Rep. Liz Cheney, R-Wyo., backed it.",
    "Gov. Gavin Newsom signed the order in Sacramento. | It takes effect Friday.",
    "Prof. Jane Doe of Yale disagreed. | \"The data are thin,\" she said.",
    "The Rev. Al Sharpton led the march. | Thousands joined him.",
    "She spoke with Ms. Rivera and Messrs. Lee and Park. | None of them commented.",
    "The procession passed St. Patrick's Cathedral at noon. | Police closed Fifth Avenue.",
    // Countries and organisations.
    "The U.S. and China resumed talks. | The U.K. stayed out.",
    "The U.N. Security Council met again. | Russia vetoed the draft.",
    "Officials in the E.U. were cautious. | Brussels said little.",
    "The company moved its headquarters to the U.S. | The shift cost millions.",
    "He grew up in Washington, D.C., and studied law. | Later he moved west.",
    "The rally was held in Washington, D.C. | About 5,000 people attended.",
    "The U.S.-led coalition struck at dawn. | No casualties were reported.",
    "Relations between the U.S. and Iran have worsened. | But talks continue.",
    "Most U.N. agencies rely on voluntary funding from U.S. taxpayers and others. | That may change.",
    // Months, days, dates.
    "The law passed on Jan. 15, 2021. | It was challenged in court.",
    "Hearings resume Sept. 9 in Boston. | The judge declined to comment.",
    "Sales peaked in Aug. | They fell sharply afterwards.",
    "The deadline is Feb. 28. | Extensions are unlikely.",
    "Voting ends Nov. 5 at 8 p.m. | Results are expected overnight.",
    "The storm hit on Oct. 29, 2012. | Damage topped $60 billion.",
    // Companies.
    "Apple Inc. reported record sales. | Its shares rose 3%.",
    "The lawsuit names Acme Corp. and two executives. | Both deny wrongdoing.",
    "The contract went to Smith & Sons Ltd. | The losing bidder appealed.",
    "Johnson & Johnson Co. recalled the product. | No injuries were reported.",
    "He joined Goldman Sachs Group Inc. in 2005 and left in 2019. | He now runs a fund.",
    "The deal values Twitter Inc. at $44 billion. | Investors cheered.",
    // Latin and other abbreviations.
    "Some fruits, e.g. apples and pears, keep well. | Others spoil quickly.",
    "The rule applies to all staff, i.e. full-time and part-time workers. | Contractors are exempt.",
    "They sold books, maps, prints, etc. | The shop closed in 2010.",
    "The case is known as Roe v. Wade. | It was decided in 1973.",
    "It was Brazil vs. Argentina in the final. | Brazil won 2-0.",
    "The trip takes approx. 3 hours by car. | Trains are faster.",
    "See No. 7 in the list. | It is the most popular.",
    "The report runs to 300 pp. and took two years. | Few have read it.",
    "The building is on Main St. near the river. | It was built in 1890.",
    // Initials.
    "J. K. Rowling published a new book. | Critics were divided.",
    "Donald J. Trump spoke for an hour. | Then he left.",
    "George W. Bush visited the troops. | Laura Bush stayed home.",
    "H.G. Wells wrote The Time Machine. | It appeared in 1895.",
    "The memo was signed by John F. Kennedy Jr. in 1998. | It surfaced last week.",
    "Michael J. Fox founded the charity in 2000. | It has raised over $1 billion.",
    "The team's new coach is Robert E. Lee IV. | He starts in June.",
    // Numbers, money, times.
    "The population grew by 1.4 million last year. | Most of the growth was in cities.",
    "Inflation rose 3.5% in March. | Economists had expected 3.2%.",
    "The company raised $2.5bn in new debt. | Analysts called it prudent.",
    "Prices fell to 1,234.56 points. | Traders blamed the Fed.",
    "The meeting starts at 10.30 a.m. on Monday. | Reporters may attend.",
    "The vote closes at 8 p.m. ET on Tuesday. | Polls open at 6 a.m.",
    "The vote ended at 8 p.m. | Officials began counting at once.",
    "The market opened at 9:30 a.m. | Stocks fell immediately.",
    "Version 2.0 of the app shipped in 2019. | Version 3.1 followed.",
    "About 60.5 percent of voters turned out. | That is a record.",
    "The fine was reduced to €1.2m. | The firm will not appeal.",
    "He finished 3rd in 2.05.30. | The winner set a record.",
    "The temperature hit 41.3C in Seville. | It was the hottest day on record.",
    "In 2020, deaths rose by 19.2%. | In 2021, they fell.",
    "Ticket sales reached 1.1 million. | 2024 could be even bigger.",
    // Ellipses.
    "He hesitated... | Then he said yes.",
    "The list goes on\xE2\x80\xA6 | Nobody wants to be next.",
    "She said she was \"not sure... maybe next year.\" | Her team declined to elaborate.",
    "The results were... disappointing, to say the least. | Investors fled.",
    // Quotes and attribution.
    "\"We will rebuild,\" the mayor said. | \"It will take years.\"",
    "\"Where is the money?\" she asked. | Nobody answered.",
    "\"Where is the money?\" Senator Warren asked. | The CEO said nothing.",
    "\"Get out!\" the officer shouted. | The crowd moved back.",
    "He called the plan \"a disaster.\" | His rival disagreed.",
    "\xE2\x80\x9CThis is not over,\xE2\x80\x9D she said. | \xE2\x80\x9CWe will appeal.\xE2\x80\x9D",
    "\xE2\x80\x9CIs this legal?\xE2\x80\x9D asked one resident. | Lawyers say it is.",
    "The sign read \"Closed.\" | Customers left.",
    "\"Why?\" | \"Because I said so.\"",
    "She asked, \"Are you coming?\" | He did not reply.",
    "He described it as 'a mess'. | Others were kinder.",
    // Brackets.
    "The figures (released on Monday) were grim. | Unemployment rose again.",
    "Several groups objected. | (The ministry did not respond.) | Talks continue.",
    "Sales rose [in Europe]. | Asia was flat.",
    // Multiple punctuation.
    "Can you believe it?! | The vote failed again.",
    "Incredible!!! | The team won in overtime.",
    "Did he resign? | No. | He was fired.",
    // Missing spaces and odd spacing.
    "The talks collapsed.||Officials blamed each other. | A new round is planned.",
    "It was over.  | The fans went home.",
    // URLs, e-mails, handles, files.
    "Details are at www.example.gov.uk today. | Registration is free.",
    "Write to press@example.org for a copy. | Responses take a week.",
    "The site example.com. was down for hours. | Engineers fixed it by noon.",
    "Download report_v2.pdf from the site. | It is 40 pages long.",
    "Follow @Reuters.World for updates. | The account is verified.",
    "Visit nytimes.com. | Subscriptions start at $4.",
    // Lines, headlines, bullets.
    "Storm batters coast|\nThousands without power as winds reach 100 mph.",
    "Key points|\n- Inflation slowed|\n- Rates held steady|\n- Jobs grew",
    "BREAKING|\nThe president has resigned.",
    "By Jane Smith|\nUpdated 5:30 p.m. ET|\nThe Senate passed the bill.",
    "What we know|\n1. The fire started at 2 a.m.|\n2. Three people were hurt.",
    // Lowercase starts and brand names.
    "Apple unveiled a new phone. | iPhone sales have slowed.",
    "The auction site grew fast. | eBay now has 130 million users.",
    // Sentences that must not split.
    "Mr. and Mrs. Smith arrived at 5 p.m. on Friday with their son.",
    "The U.S. Army Corps of Engineers built the dam in the 1930s.",
    "Dr. Martin Luther King Jr. Day is a federal holiday in the U.S. and in some states.",
    "The No. 2 official at the U.N. agency resigned on Aug. 3 after an inquiry.",
    "He earned a Ph.D. from MIT and an M.B.A. from Harvard before joining the firm.",
    "The fire at 123 Elm St. destroyed three homes and a shop owned by J. R. Smith.",
    "She paid $3.50 for coffee at 7 a.m. and $12.75 for lunch at noon.",
    "The bill, H.R. 1, passed the House 220-210 after a long debate.",
    "The S.E.C. fined the firm $1.5 million in 2019 for misleading investors.",
    "The film, \"Mr. Smith Goes to Washington,\" was released in 1939.",
    "Gen. Lloyd J. Austin III met Lt. Gen. Kurilla at Ft. Bragg on Wednesday.",
    "They flew from L.A. to N.Y.C. on a red-eye flight.",
    // Mixed.
    "The Dow fell 2.1%. | The S&P 500 lost 1.8%. | The Nasdaq was flat.",
    "Police arrested a man, 34, on Friday. | He was charged with arson.",
    "It rained. | It poured. | Then it stopped.",
    "Is the U.S. ready? | Experts are unsure.",
    "She moved to the U.K. in 2015. | There she met her husband.",
    "The summit ended at 4 p.m. | Leaders flew home.",
    "Three men were charged (one of them a minor). | A fourth is sought.",
    "The firm's revenue was $3.2 billion, up 4.5% from a year earlier. | Profit fell.",
    "A spokesman for Gov. Hochul declined to comment. | Her office issued a statement.",
    "Asked whether he would run again, Mr. Biden said: \"Watch me.\" | Aides were less certain.",
    "The club was founded in 1878. | Its first match was against St. Mary's.",
    "Jan. 6 changed everything. | The hearings lasted months.",
    "The measure passed 52-48. | Two Republicans voted yes.",
    "The unit costs about $1,200. | A cheaper model is planned.",
};

// Gold input and boundary offsets (end of each sentence except the last).
struct Gold {
  std::string text;
  std::set<size_t> ends;
};

Gold Parse(std::string_view labelled) {
  Gold g;
  size_t i = 0;
  while (i < labelled.size()) {
    if (labelled.compare(i, 3, " | ") == 0) {
      g.ends.insert(g.text.size());
      g.text += ' ';
      i += 3;
    } else if (labelled.compare(i, 2, "||") == 0) {
      g.ends.insert(g.text.size());
      i += 2;
    } else if (labelled.compare(i, 2, "|\n") == 0) {
      g.ends.insert(g.text.size());
      g.text += '\n';
      i += 2;
    } else {
      g.text += labelled[i++];
    }
  }
  // A boundary before a double space: the sentence ends before the spaces.
  std::set<size_t> trimmed;
  for (size_t e : g.ends) {
    while (e > 0 && g.text[e - 1] == ' ') --e;
    trimmed.insert(e);
  }
  g.ends = trimmed;
  return g;
}

TEST(SplitSentences, LabelledSetPrecisionRecall) {
  int tp = 0, fp = 0, fn = 0, sentences = 0;
  for (const char* item : kLabelled) {
    Gold g = Parse(item);
    sentences += static_cast<int>(g.ends.size()) + 1;
    std::vector<Span> spans = SplitSentences(g.text);
    std::set<size_t> got;
    for (size_t k = 0; k + 1 < spans.size(); ++k) got.insert(spans[k].end);
    for (size_t e : got) {
      if (g.ends.count(e)) {
        ++tp;
      } else {
        ++fp;
        ADD_FAILURE() << "false boundary at " << e << " in: " << g.text;
      }
    }
    for (size_t e : g.ends) {
      if (!got.count(e)) {
        ++fn;
        ADD_FAILURE() << "missed boundary at " << e << " in: " << g.text;
      }
    }
  }
  double p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0;
  double r = tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0;
  std::printf("labelled set: %zu items, %d sentences, %d boundaries; P=%.3f R=%.3f (tp=%d fp=%d fn=%d)\n",
              std::size(kLabelled), sentences, tp + fn, p, r, tp, fp, fn);
}

}  // namespace
}  // namespace parallax::text
