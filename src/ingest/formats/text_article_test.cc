// Golden tests for ParseTextArticle on the seed articles (expectations
// written by hand from reading each text) and on generic conventions.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "parallax/ingest.h"

namespace parallax {
namespace {

std::string ReadExample(const std::string& name) {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Article MustParse(std::string_view text, DocContext ctx = {}) {
  Result<Article> r = ParseTextArticle(text, ctx);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : Article{};
}

std::vector<std::string> Texts(const Article& a, BlockKind kind) {
  std::vector<std::string> out;
  for (const Block& b : a.blocks) {
    if (b.kind == kind) out.push_back(b.text);
  }
  return out;
}

std::string FirstParagraph(const Article& a) {
  std::vector<std::string> p = Texts(a, BlockKind::kParagraph);
  return p.empty() ? "" : p.front();
}

std::string LastParagraph(const Article& a) {
  std::vector<std::string> p = Texts(a, BlockKind::kParagraph);
  return p.empty() ? "" : p.back();
}

using Strings = std::vector<std::string>;

TEST(SeedTest, CnnWithCreditCaptionDatelineAndSectionHeads) {
  std::string text = ReadExample("000_13c8aef171640ef1.txt");
  ASSERT_FALSE(text.empty());
  DocContext ctx;
  ctx.default_id = "000_13c8aef171640ef1";
  Article a = MustParse(text, ctx);
  EXPECT_EQ(a.id, "000_13c8aef171640ef1");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.outlet, "CNN");
  EXPECT_EQ(a.place, "Washington");
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.published_source, DateSource::kNone);
  EXPECT_EQ(a.captions,
            (Strings{"Getty Images",
                     "US President Joe Biden and Israel Prime Minister Benjamin Netanyahu."}));
  EXPECT_EQ(Texts(a, BlockKind::kHeading),
            (Strings{"A divide over Rafah", "Pressure builds on US and Israel",
                     "US sends warnings to Netanyahu"}));
  EXPECT_TRUE(FirstParagraph(a).starts_with(
      "Israeli Prime Minister Benjamin Netanyahu’s decision Monday to scrap a planned "
      "delegation to Washington"))
      << FirstParagraph(a);
  EXPECT_TRUE(LastParagraph(a).starts_with("American officials believe the hostage talks"));
  EXPECT_TRUE(
      LastParagraph(a).ends_with("lending even more urgency to their list of alternatives."));
  // The one-line quote paragraph is prose, not a head.
  Strings paragraphs = Texts(a, BlockKind::kParagraph);
  EXPECT_NE(
      std::find(paragraphs.begin(), paragraphs.end(), "“I am ruling out nothing,” she told ABC."),
      paragraphs.end());
  EXPECT_TRUE(Texts(a, BlockKind::kListItem).empty());
  for (const Block& b : a.blocks) EXPECT_EQ(b.text.find("Getty"), std::string::npos);
}

TEST(SeedTest, OneParagraphPerLineWithoutHeadline) {
  Article a = MustParse(ReadExample("001_d21e06c215a5d396.txt"));
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.outlet, "");
  EXPECT_EQ(a.place, "");
  EXPECT_TRUE(a.captions.empty());
  EXPECT_EQ(a.blocks.size(), 5u);
  EXPECT_TRUE(Texts(a, BlockKind::kHeading).empty());
  EXPECT_TRUE(FirstParagraph(a).starts_with("The United States and Israel will hold a virtual"));
  EXPECT_TRUE(
      FirstParagraph(a).ends_with("\"One day later, he sent quiet messages to the White "
                                  "House requesting to reschedule the meeting,\" Axios "
                                  "reported."));
  EXPECT_TRUE(LastParagraph(a).starts_with("On March 22, Netanyahu and Blinken expressed"));
  EXPECT_TRUE(LastParagraph(a).ends_with("during what was described as a \"frank\" discussion."));
}

TEST(SeedTest, HeadlineAboveRule) {
  Article a = MustParse(ReadExample("002_c0def981657421ef.txt"));
  EXPECT_EQ(a.title, "Israel seeks new date for cancelled US meeting on Rafah offensive plans");
  EXPECT_EQ(a.outlet, "");
  EXPECT_EQ(a.place, "");
  EXPECT_TRUE(a.captions.empty());
  EXPECT_TRUE(Texts(a, BlockKind::kHeading).empty());
  EXPECT_EQ(Texts(a, BlockKind::kParagraph).size(), 13u);
  EXPECT_EQ(FirstParagraph(a),
            "Israel has asked the United States to reschedule a meeting to discuss its military "
            "operation in Gaza’s Rafah days after Prime Minister Benjamin Netanyahu abruptly "
            "cancelled a planned visit to Washington.");
  EXPECT_TRUE(LastParagraph(a).starts_with("Netanyahu on Wednesday said his decision to cancel"));
  for (const Block& b : a.blocks) EXPECT_NE(b.text, "-----");
}

TEST(SeedTest, LeadingDateOnFirstLineAndSectionHeads) {
  Article a = MustParse(ReadExample("003_3b3853807bcc213d.txt"));
  EXPECT_EQ(a.published, "2024-03-31");
  EXPECT_EQ(a.published_source, DateSource::kMetadata);
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.place, "");
  EXPECT_EQ(
      Texts(a, BlockKind::kHeading),
      (Strings{"Strategic Deliberations Amidst Crisis", "Operational Plans and Diplomatic Stances",
               "Global Implications and Bilateral Relations"}));
  EXPECT_TRUE(FirstParagraph(a).starts_with("Amid rising tensions and international scrutiny"))
      << FirstParagraph(a);
  EXPECT_TRUE(LastParagraph(a).starts_with("The impending virtual summit between Netanyahu"));
  EXPECT_EQ(Texts(a, BlockKind::kParagraph).size(), 5u);
}

TEST(SeedTest, ForbesStyleHeadsWithoutBlankLines) {
  Article a = MustParse(ReadExample("004_5be7fbd37ca0da08.txt"));
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(Texts(a, BlockKind::kHeading), (Strings{"Topline", "Key Facts", "Key Background"}));
  ASSERT_FALSE(a.blocks.empty());
  EXPECT_EQ(a.blocks.front(), (Block{BlockKind::kHeading, "Topline"}));
  EXPECT_TRUE(FirstParagraph(a).starts_with("Officials from the U.S. and Israel will meet"));
  EXPECT_TRUE(LastParagraph(a).starts_with("Last Monday, the United Nations Security Council"));
  EXPECT_EQ(Texts(a, BlockKind::kParagraph).size(), 6u);
}

// ---- Generic conventions (texts composed for the tests) ---------------------

TEST(TextArticleTest, WireDatelineWithAgencyInParentheses) {
  Article a = MustParse(
      "Ceasefire talks resume in Cairo\n\n"
      "CAIRO (Reuters) - Negotiators returned to Cairo on Sunday for a new round of talks.\n\n"
      "Officials said progress was slow.\n");
  EXPECT_EQ(a.title, "Ceasefire talks resume in Cairo");
  EXPECT_EQ(a.place, "Cairo");
  EXPECT_EQ(a.outlet, "Reuters");
  EXPECT_EQ(FirstParagraph(a), "Negotiators returned to Cairo on Sunday for a new round of talks.");
}

TEST(TextArticleTest, DatelineWithDateAndRegion) {
  Article a = MustParse(
      "LONDON, March 3 (AP) — The British government said on Friday it would "
      "review the decision.\n\nMore to follow.\n");
  EXPECT_EQ(a.place, "London");
  EXPECT_EQ(a.outlet, "AP");
  EXPECT_TRUE(FirstParagraph(a).starts_with("The British government said"));
  Article b = MustParse("RAFAH, Gaza Strip — Families fled south again overnight.\n");
  EXPECT_EQ(b.place, "Rafah");
  EXPECT_EQ(b.outlet, "");
  EXPECT_EQ(FirstParagraph(b), "Families fled south again overnight.");
}

TEST(TextArticleTest, ShortLineAboveDatelineIsTheHeadline) {
  Article a = MustParse(
      "Clinton camp says rival threatens security.\n\n"
      "WASHINGTON (AP) — Aides to the candidate said on Tuesday that the remarks were "
      "dangerous.\n\nThe campaign did not respond.\n");
  EXPECT_EQ(a.title, "Clinton camp says rival threatens security.");
  EXPECT_EQ(a.place, "Washington");
  EXPECT_EQ(a.outlet, "AP");
  EXPECT_EQ(a.blocks.size(), 2u);
}

TEST(TextArticleTest, OneLineQuestionsAreParagraphsUnlessTheTextHasHeads) {
  Article a = MustParse(
      "The senator spoke for an hour about the bill and its chances in the House.\n\n"
      "Will it pass?\n\n"
      "Nobody in the room seemed to know, and the leadership would not say.\n");
  EXPECT_TRUE(Texts(a, BlockKind::kHeading).empty());
  Article b = MustParse(
      "The senator spoke for an hour about the bill and its chances in the House.\n\n"
      "The vote\n\n"
      "Leaders scheduled it for Thursday, aides said.\n\n"
      "Will it pass?\n\n"
      "Nobody in the room seemed to know, and the leadership would not say.\n");
  EXPECT_EQ(Texts(b, BlockKind::kHeading), (Strings{"The vote", "Will it pass?"}));
}

TEST(TextArticleTest, ProseWithDashIsNotADateline) {
  Article a = MustParse(
      "Netanyahu — who faces pressure at home — said the operation would go "
      "ahead.\n\nHe gave no date.\n");
  EXPECT_EQ(a.place, "");
  EXPECT_TRUE(FirstParagraph(a).starts_with("Netanyahu — who faces pressure"));
}

TEST(TextArticleTest, HardWrappedParagraphsAreJoined) {
  Article a = MustParse(
      "Aid convoy reaches northern Gaza\n"
      "\n"
      "A convoy of twenty trucks carrying flour and medical supplies reached\n"
      "northern Gaza on Tuesday, the first to do so in more than a week, the\n"
      "World Food Programme said in a statement.\n"
      "\n"
      "The agency said the trucks were stopped twice at checkpoints and that\n"
      "crowds gathered as soon as they arrived. It called for safe and regular\n"
      "access to the north.\n");
  EXPECT_EQ(a.title, "Aid convoy reaches northern Gaza");
  ASSERT_EQ(a.blocks.size(), 2u);
  EXPECT_EQ(a.blocks[0].text,
            "A convoy of twenty trucks carrying flour and medical supplies reached northern Gaza "
            "on Tuesday, the first to do so in more than a week, the World Food Programme said "
            "in a statement.");
}

TEST(TextArticleTest, HardWrappedWithoutBlankLinesSplitsAtShortLines) {
  Article a = MustParse(
      "The council met on Monday to vote on a resolution that had been drafted\n"
      "by ten elected members after weeks of negotiation among the parties.\n"
      "Diplomats said the vote would be close.\n"
      "The resolution demands an immediate ceasefire for the month of Ramadan\n"
      "and the release of all hostages held in the territory since October.\n");
  ASSERT_EQ(a.blocks.size(), 2u) << a.Text();
  EXPECT_TRUE(a.blocks[0].text.ends_with("Diplomats said the vote would be close."));
  EXPECT_TRUE(a.blocks[1].text.starts_with("The resolution demands"));
}

TEST(TextArticleTest, BulletsAndNumberedItems) {
  Article a = MustParse(
      "What we know so far\n\n"
      "Officials gave these figures on Monday:\n"
      "- 1.4 million people are sheltering in the city\n"
      "• Aid deliveries fell by half in March\n"
      "1. The crossing was closed twice\n"
      "2) Fuel ran out at two hospitals\n\n"
      "The figures could not be independently verified.\n");
  EXPECT_EQ(a.title, "What we know so far");
  EXPECT_EQ(Texts(a, BlockKind::kListItem),
            (Strings{"1.4 million people are sheltering in the city",
                     "Aid deliveries fell by half in March", "The crossing was closed twice",
                     "Fuel ran out at two hospitals"}));
}

TEST(TextArticleTest, BylineAndDateLinesAtTop) {
  Article a = MustParse(
      "Talks stall over hostage numbers\n"
      "By Jane Doe and John Roe, CNN\n"
      "2024-03-25\n\n"
      "Talks on a truce stalled on Monday over the number of hostages to be freed.\n");
  EXPECT_EQ(a.title, "Talks stall over hostage numbers");
  EXPECT_EQ(a.author, "Jane Doe and John Roe");
  EXPECT_EQ(a.outlet, "CNN");
  EXPECT_EQ(a.published, "2024-03-25");
  EXPECT_EQ(a.blocks.size(), 1u);
}

TEST(TextArticleTest, MetadataHeaderLines) {
  Article a = MustParse(
      "Title: Rafah offensive plans approved\n"
      "Source: Example News\n"
      "Date: 2024-03-15T09:30:00Z\n"
      "URL: https://news.example.com/world/rafah-plans\n\n"
      "The plans were approved on Friday, the prime minister's office said.\n");
  EXPECT_EQ(a.title, "Rafah offensive plans approved");
  EXPECT_EQ(a.outlet, "Example News");
  EXPECT_EQ(a.published, "2024-03-15T09:30:00+00:00");
  EXPECT_EQ(a.url, "https://news.example.com/world/rafah-plans");
  EXPECT_EQ(a.blocks.size(), 1u);
  EXPECT_EQ(a.id, DeriveArticleId("https://news.example.com/world/rafah-plans", ""));
}

TEST(TextArticleTest, CreditsInsideTheBody) {
  Article a = MustParse(
      "Residents inspect the damage after the strike.\n\n"
      "Smoke rises over Khan Younis on Monday. Photograph: Jane Doe/Reuters\n\n"
      "Officials said at least twelve people were killed in the strike.\n\n"
      "(Photo by Said Khatib/AFP via Getty Images)\n\n"
      "Rescue teams searched through the night.\n");
  EXPECT_EQ(a.captions,
            (Strings{"Smoke rises over Khan Younis on Monday. Photograph: Jane Doe/Reuters",
                     "(Photo by Said Khatib/AFP via Getty Images)"}));
  EXPECT_EQ(a.blocks.size(), 3u);
}

TEST(TextArticleTest, CaptionBeforeCredit) {
  Article a = MustParse(
      "Rescue teams search the rubble in Rafah.\n"
      "AFP via Getty Images\n\n"
      "Strikes hit the southern city overnight, health officials said on Tuesday morning.\n");
  EXPECT_EQ(a.captions,
            (Strings{"Rescue teams search the rubble in Rafah.", "AFP via Getty Images"}));
  EXPECT_EQ(a.blocks.size(), 1u);
}

TEST(TextArticleTest, ReportedAgencyInProseIsNotACredit) {
  Article a = MustParse("Reuters reported that the talks had stalled.\n\nAFP said the same.\n");
  EXPECT_TRUE(a.captions.empty());
  EXPECT_EQ(a.blocks.size(), 2u);
}

TEST(TextArticleTest, SingleLineIsBodyNotTitle) {
  Article a = MustParse("Israel and the United States will meet on Monday");
  EXPECT_EQ(a.title, "");
  ASSERT_EQ(a.blocks.size(), 1u);
  EXPECT_EQ(a.blocks[0].kind, BlockKind::kParagraph);
}

TEST(TextArticleTest, CrLfAndNbspAndBom) {
  Article a = MustParse(
      "\xEF\xBB\xBFHeadline words for the story\r\n\r\nFirst\xC2\xA0paragraph "
      "has text.\r\nSecond paragraph here.\r\n");
  EXPECT_EQ(a.title, "Headline words for the story");
  EXPECT_EQ(a.Paragraphs(), (Strings{"First paragraph has text.", "Second paragraph here."}));
}

TEST(TextArticleTest, BoilerplateLinesDropped) {
  Article a = MustParse("The first paragraph is here.\n\nAdvertisement\n\nThe second one.\n");
  EXPECT_EQ(a.Paragraphs(), (Strings{"The first paragraph is here.", "The second one."}));
}

TEST(TextArticleTest, BadInputIsAnError) {
  Result<Article> empty = ParseTextArticle("", {});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(empty.status().message(), "empty file");
  Result<Article> blank = ParseTextArticle(" \n\t\n\xC2\xA0\n", {});
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.status().message(), "no text found");
  Result<Article> binary = ParseTextArticle(std::string("PK\x03\x04\0\0abc", 9), {});
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.status().message(), "binary data (NUL bytes)");
  DocContext small;
  small.limits.max_document_bytes = 4;
  Result<Article> big = ParseTextArticle("too long", small);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kTooLarge);
}

TEST(TextArticleTest, IdFromUrlOrContent) {
  DocContext ctx;
  ctx.url = "https://example.com/a";
  ctx.source = "a.txt";
  Article a = MustParse("Some text here.", ctx);
  EXPECT_EQ(a.id, DeriveArticleId("https://example.com/a", ""));
  EXPECT_EQ(a.url, "https://example.com/a");
  EXPECT_EQ(a.source, "a.txt");
  Article b = MustParse("Some text here.");
  EXPECT_EQ(b.id, DeriveArticleId("", "Some text here."));
  EXPECT_EQ(b.id[0], 'c');
}

}  // namespace
}  // namespace parallax
