// RSS 2.0, RSS 1.0 and Atom through ParseFeed, on fixtures composed for the
// tests (tests/data/formats) and on generated hostile input.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "parallax/ingest.h"

namespace parallax {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/tests/data/formats/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct FeedRun {
  Status status;
  std::vector<Article> articles;
  std::vector<std::string> errors;
};

FeedRun RunFeed(std::string_view bytes, DocContext ctx = {}) {
  FeedRun run;
  if (ctx.source.empty()) ctx.source = "feed.xml";
  ReadCallbacks cb;
  cb.on_article = [&](Article&& a) { run.articles.push_back(std::move(a)); };
  cb.on_error = [&](const InputError& e) {
    EXPECT_EQ(e.input, ctx.source);
    run.errors.push_back(e.problem);
  };
  run.status = ParseFeed(bytes, ctx, cb);
  return run;
}

using Strings = std::vector<std::string>;

TEST(RssTest, FullContentItem) {
  FeedRun run = RunFeed(ReadFixture("rss2_news.xml"));
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ASSERT_EQ(run.articles.size(), 3u);
  const Article& a = run.articles[0];
  EXPECT_EQ(a.title, "Talks on Rafah rescheduled after row over UN vote");
  EXPECT_EQ(a.url,
            "https://www.dailymeridian.example/world/2024/mar/26/"
            "rafah-talks-rescheduled?utm_source=rss&utm_medium=feed");
  EXPECT_EQ(a.id,
            DeriveArticleId(
                "https://dailymeridian.example/world/2024/mar/26/rafah-talks-rescheduled", ""));
  EXPECT_EQ(a.author, "Jane Doe and Omar Haddad");
  EXPECT_EQ(a.published, "2024-03-26T14:05:00+00:00");
  EXPECT_EQ(a.published_source, DateSource::kMetadata);
  EXPECT_EQ(a.outlet, "The Daily Meridian");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.place, "Jerusalem");
  EXPECT_FALSE(a.summary_only);
  EXPECT_EQ(a.source, "feed.xml#1");
  std::vector<Block> expected = {
      {BlockKind::kParagraph,
       "Israeli and US officials agreed on Tuesday to reschedule talks on a planned offensive in "
       "Rafah."},
      {BlockKind::kHeading, "A week of tension"},
      {BlockKind::kParagraph,
       "The meeting had been called off after the United States abstained in a Security Council "
       "vote."},
      {BlockKind::kParagraph, "Diplomats said a new date was close."},
      {BlockKind::kListItem, "The delegation will be led by the strategic affairs minister."},
      {BlockKind::kListItem, "A second meeting is planned in person."},
      {BlockKind::kQuote, "“We are working to find a date,” a spokesperson said."},
  };
  EXPECT_EQ(a.blocks, expected);
  EXPECT_EQ(a.captions,
            (Strings{"Displaced families in Rafah. Photograph: Omar Haddad",
                     "Displaced families in Rafah.", "Omar Haddad/The Daily Meridian"}));
}

TEST(RssTest, RelativeLinkDoubleEscapedSummaryGuidOnly) {
  FeedRun run = RunFeed(ReadFixture("rss2_news.xml"));
  ASSERT_EQ(run.articles.size(), 3u);
  const Article& b = run.articles[1];
  EXPECT_EQ(b.url, "https://www.dailymeridian.example/world/2024/mar/26/aid-trucks-north-gaza");
  EXPECT_EQ(b.author, "Sam Rivera");
  EXPECT_EQ(b.published, "2024-03-26T09:30:00+00:00");
  EXPECT_TRUE(b.summary_only);
  EXPECT_EQ(b.Paragraphs(), (Strings{"A convoy of twenty trucks arrived on Tuesday."}));

  const Article& c = run.articles[2];
  EXPECT_EQ(c.title, "");
  EXPECT_EQ(c.url, "");
  EXPECT_EQ(c.id[0], 'g');
  EXPECT_EQ(c.published, "2024-03-25T17:45:00+00:00");
  EXPECT_TRUE(c.summary_only);
  EXPECT_EQ(c.Paragraphs(), (Strings{"Brief: the Security Council passed a ceasefire resolution "
                                     "on Monday.",
                                     "The United States abstained."}));
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0], "item 4: no title, link or text");
}

TEST(RssTest, IdsAreStableAcrossFetches) {
  std::string feed = ReadFixture("rss2_news.xml");
  FeedRun first = RunFeed(feed);
  // A re-fetch: new build date, reordered items, other tracking parameters.
  std::string refetch = feed;
  size_t at = refetch.find("utm_source=rss&amp;utm_medium=feed");
  ASSERT_NE(at, std::string::npos);
  refetch.replace(at, 34, "utm_source=twitter");
  FeedRun second = RunFeed(refetch);
  ASSERT_EQ(first.articles.size(), second.articles.size());
  for (size_t i = 0; i < first.articles.size(); ++i) {
    EXPECT_EQ(first.articles[i].id, second.articles[i].id) << i;
  }
  EXPECT_NE(first.articles[0].id, first.articles[1].id);
}

TEST(RssTest, Rss1RdfInLatin1) {
  FeedRun run = RunFeed(ReadFixture("rss1_rdf.xml"));
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ASSERT_EQ(run.articles.size(), 1u);
  const Article& a = run.articles[0];
  EXPECT_EQ(a.title, "Gespräche über Rafah verschoben");
  EXPECT_EQ(a.url, "https://nordpost.example/a/1");
  EXPECT_EQ(a.outlet, "Nordpost");
  EXPECT_EQ(a.language, "de");
  EXPECT_EQ(a.author, "Klara Weiss");
  EXPECT_EQ(a.published, "2024-03-27T08:00:00+01:00");
  EXPECT_TRUE(a.summary_only);
  EXPECT_EQ(a.Paragraphs(), (Strings{"Die Gespräche sollen nächste Woche stattfinden. Straße, "
                                     "Müller: ÄÖÜ äöü ß."}));
  EXPECT_TRUE(run.errors.empty());
}

TEST(AtomTest, EntriesWithXmlBaseXhtmlAndInheritedAuthor) {
  FeedRun run = RunFeed(ReadFixture("atom_news.xml"));
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ASSERT_EQ(run.articles.size(), 3u);
  const Article& a = run.articles[0];
  EXPECT_EQ(a.title, "Netanyahu & Biden: a widening rift");
  EXPECT_EQ(a.url, "https://harbornews.example/world/2024/03/26/widening-rift");
  EXPECT_EQ(a.author, "Lena Park");
  EXPECT_EQ(a.published, "2024-03-26T12:00:00-04:00");
  EXPECT_EQ(a.outlet, "Harbor News");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.place, "Washington");
  EXPECT_FALSE(a.summary_only);
  std::vector<Block> expected = {
      {BlockKind::kParagraph,
       "The cancelled visit marks a low point in relations between the two leaders."},
      {BlockKind::kHeading, "What comes next?"},
      {BlockKind::kParagraph, "Officials said alternatives would still be shared."}};
  EXPECT_EQ(a.blocks, expected);

  const Article& b = run.articles[1];
  EXPECT_EQ(b.author, "Harbor News Staff");
  EXPECT_EQ(b.published, "2024-03-25T16:00:00+00:00");  // from <updated>
  EXPECT_TRUE(b.summary_only);
  EXPECT_EQ(b.Paragraphs(), (Strings{"The council voted 14-0."}));

  const Article& c = run.articles[2];
  EXPECT_EQ(c.url, "");
  EXPECT_EQ(c.id[0], 'g');
  EXPECT_FALSE(c.summary_only);
  EXPECT_EQ(c.Paragraphs(),
            (Strings{"First line of a plain text body.", "Second paragraph of it."}));
  EXPECT_TRUE(run.errors.empty());
}

TEST(FeedErrorsTest, EmptyFeedIsNotAnError) {
  FeedRun run = RunFeed(ReadFixture("empty_feed.xml"));
  EXPECT_TRUE(run.status.ok());
  EXPECT_TRUE(run.articles.empty());
  EXPECT_TRUE(run.errors.empty());
}

TEST(FeedErrorsTest, TruncatedFeedKeepsItemsAndReports) {
  FeedRun run = RunFeed(ReadFixture("truncated.xml"));
  EXPECT_TRUE(run.status.ok());
  ASSERT_EQ(run.articles.size(), 2u);
  EXPECT_EQ(run.articles[0].title, "First complete item");
  EXPECT_EQ(run.articles[1].title, "Second item is cut");
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_TRUE(run.errors[0].starts_with("malformed XML at line ")) << run.errors[0];
}

TEST(FeedErrorsTest, WrongRootAndNonXml) {
  FeedRun wrong = RunFeed(ReadFixture("wrong_root.xml"));
  EXPECT_EQ(wrong.status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(wrong.status.message(), "not a feed: root element <note>");
  FeedRun html = RunFeed("<!DOCTYPE html><html><body><p>Hi</p></body></html>");
  EXPECT_EQ(html.status.code(), StatusCode::kInvalidInput);
  FeedRun empty = RunFeed("  \n");
  EXPECT_EQ(empty.status.message(), "empty feed");
  FeedRun text = RunFeed("just some words, not XML at all");
  EXPECT_EQ(text.status.code(), StatusCode::kInvalidInput);
  EXPECT_TRUE(text.status.message().starts_with("invalid XML")) << text.status.message();
}

TEST(FeedErrorsTest, GarbageBytesNeverCrash) {
  uint64_t x = 88172645463325252ull;  // xorshift, fixed seed
  for (int round = 0; round < 50; ++round) {
    std::string junk;
    for (int i = 0; i < 4096; ++i) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      junk.push_back(static_cast<char>(x & 0xFF));
    }
    if (round % 2 == 0) junk = "<?xml version=\"1.0\"?><rss><channel><item><title>" + junk;
    FeedRun run = RunFeed(junk);
    EXPECT_TRUE(run.status.ok() || run.status.code() == StatusCode::kInvalidInput);
  }
}

TEST(FeedErrorsTest, BillionLaughsIsNotExpanded) {
  FeedRun run = RunFeed(ReadFixture("billion_laughs.xml"));
  // Whatever libxml2 recovers, no entity is expanded and nothing external is read.
  for (const Article& a : run.articles) {
    EXPECT_EQ(a.title.find("lollol"), std::string::npos);
    EXPECT_EQ(a.Text().find("lollol"), std::string::npos);
    EXPECT_EQ(a.Text().find("root:"), std::string::npos);
    EXPECT_LT(a.Text().size(), 1000u);
  }
}

TEST(FeedErrorsTest, DeeplyNestedElements) {
  std::string deep = "<rss><channel><title>Deep</title><item><title>T</title><description>";
  for (int i = 0; i < 100000; ++i) deep += "<x>";
  deep += "</description></item></channel></rss>";
  FeedRun run = RunFeed(deep);
  EXPECT_TRUE(run.status.ok() || run.status.code() == StatusCode::kInvalidInput);

  // Deep HTML inside CDATA content goes through the HTML DOM's depth cap.
  std::string html = "<rss><channel><item><title>T</title><description><![CDATA[";
  for (int i = 0; i < 50000; ++i) html += "<div>";
  html += "deep text";
  html += "]]></description></item></channel></rss>";
  FeedRun run2 = RunFeed(html);
  ASSERT_TRUE(run2.status.ok()) << run2.status.ToString();
  ASSERT_EQ(run2.articles.size(), 1u);
  EXPECT_EQ(run2.articles[0].Paragraphs(), (Strings{"deep text"}));
}

TEST(FeedErrorsTest, ManyItems) {
  std::string feed =
      "<rss version=\"2.0\"><channel><title>Many</title>"
      "<link>https://many.example/</link>";
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    feed += "<item><title>Item " + std::to_string(i) + "</title><link>/a/" + std::to_string(i) +
            "</link><description>Text " + std::to_string(i) + ".</description></item>";
  }
  feed += "</channel></rss>";
  FeedRun run = RunFeed(feed);
  ASSERT_TRUE(run.status.ok());
  ASSERT_EQ(run.articles.size(), static_cast<size_t>(n));
  EXPECT_EQ(run.articles[n - 1].url, "https://many.example/a/" + std::to_string(n - 1));
}

TEST(FeedErrorsTest, SizeLimit) {
  DocContext ctx;
  ctx.limits.max_document_bytes = 10;
  FeedRun run = RunFeed(ReadFixture("empty_feed.xml"), ctx);
  EXPECT_EQ(run.status.code(), StatusCode::kTooLarge);
}

TEST(FeedHelpersTest, Utf16WithByteOrderMarkAndUndeclaredLatin1) {
  std::string ascii =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><channel><title>Wide</title><item>"
      "<title>Sixteen bits</title><link>https://w.example/1</link></item></channel></rss>";
  std::string wide = "\xFF\xFE";
  for (char c : ascii) {
    wide.push_back(c);
    wide.push_back('\0');
  }
  FeedRun run = RunFeed(wide);
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ASSERT_EQ(run.articles.size(), 1u);
  EXPECT_EQ(run.articles[0].title, "Sixteen bits");

  // No declaration, not UTF-8: decoded as Windows-1252 rather than rejected.
  FeedRun latin = RunFeed("<rss><channel><item><title>Caf\xE9 talks</title>"
                          "<link>https://l.example/1</link></item></channel></rss>");
  ASSERT_EQ(latin.articles.size(), 1u);
  EXPECT_EQ(latin.articles[0].title, "Café talks");
}

TEST(FeedHelpersTest, HtmlEntitiesUndeclaredInXml) {
  FeedRun run = RunFeed(
      "<rss><channel><title>A&nbsp;B</title><item><title>Biden&rsquo;s "
      "call &mdash; now</title><link>https://x.example/1</link></item>"
      "</channel></rss>");
  ASSERT_EQ(run.articles.size(), 1u);
  EXPECT_EQ(run.articles[0].title, "Biden’s call — now");
  EXPECT_TRUE(run.articles[0].summary_only);
  EXPECT_TRUE(run.errors.empty());
}

}  // namespace
}  // namespace parallax
