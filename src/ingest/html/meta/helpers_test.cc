// Table tests for the metadata helpers: byline cleanup, title splitting and
// site matching, URL resolution, language tags.
#include <gtest/gtest.h>

#include <string>

#include "ingest/html/meta/byline.h"
#include "ingest/html/meta/pubdate.h"
#include "ingest/html/meta/text_util.h"
#include "ingest/html/meta/title.h"

namespace parallax::html::meta {
namespace {

struct Pair {
  const char* input;
  const char* want;
};

TEST(BylineTest, CleanByline) {
  constexpr Pair kCases[] = {
      {"By Jane Doe and John Roe", "Jane Doe and John Roe"},
      {"by JANE DOE", "JANE DOE"},
      {"Written by Jane Doe", "Jane Doe"},
      {"Von Anna Muster | 25.03.2024, 14:03 Uhr", "Anna Muster"},
      {"Par Sébastien Farcis", "Sébastien Farcis"},
      {"Por María López", "María López"},
      {"Jane Doe, Staff Writer", "Jane Doe"},
      {"Jane Doe (@jdoe) jane@example.com", "Jane Doe"},
      {"Jane Doe https://example.com/jane", "Jane Doe"},
      {"By Jane Doe Updated March 25, 2024 2:03 p.m. ET", "Jane Doe"},
      {"Jane Doe on March 25, 2024", "Jane Doe"},
      {"By Lucas Nolan22 Dec 2016651", "Lucas Nolan"},
      {"Published: March 25, 2024 | By Jane Doe", "Jane Doe"},
      {"John C.", "John C."},
      {"Updated March 25, 2024", ""},
      {"Staff", ""},
      {"By", ""},
      {"", ""},
      {"12:30", ""},
      {"Podium Staff", "Podium Staff"},
  };
  for (const Pair& c : kCases) EXPECT_EQ(CleanByline(c.input), c.want) << c.input;
}

TEST(BylineTest, JoinAuthors) {
  EXPECT_EQ(JoinAuthors({"Jane Doe", "By John Roe", "Jane Doe", ""}), "Jane Doe, John Roe");
  EXPECT_EQ(JoinAuthors({}), "");
}

TEST(TitleTest, SplitAndMatchSite) {
  EXPECT_EQ(SplitTitle("A | B - C").size(), 3u);
  EXPECT_EQ(SplitTitle("Covid-19 rises").size(), 1u);
  EXPECT_EQ(SplitTitle("A \xE2\x80\x94 B")[1], "B");  // em dash
  EXPECT_TRUE(MatchesSite("Al Jazeera", "", "aljazeera.com"));
  EXPECT_TRUE(MatchesSite("BBC News", "", "bbc.co.uk"));
  EXPECT_TRUE(MatchesSite("The Guardian", "the Guardian", ""));
  EXPECT_TRUE(MatchesSite("CNN.com", "", "edition.cnn.com"));
  EXPECT_FALSE(MatchesSite("Storm hits coast", "Daily Bugle", "bugle.com"));
}

TEST(TitleTest, ChooseTitlePrefersMetadataAndStripsSite) {
  TitleInputs in;
  in.metadata_titles = {"Storm hits coast | Daily Bugle"};
  in.html_title = "Storm hits coast | Daily Bugle | News";
  in.site_name = "Daily Bugle";
  TitleChoice c = ChooseTitle(in);
  EXPECT_EQ(c.title, "Storm hits coast");
  EXPECT_EQ(c.site_segment, "Daily Bugle");
  // A site-name prefix.
  in.metadata_titles = {"Daily Bugle - Storm hits coast"};
  EXPECT_EQ(ChooseTitle(in).title, "Storm hits coast");
  // An h1 contained in the title wins over a kicker-prefixed title.
  in = {};
  in.html_title = "Weather: Storm hits the coast overnight";
  in.h1s = {"Storm hits the coast overnight"};
  EXPECT_EQ(ChooseTitle(in).title, "Storm hits the coast overnight");
}

// Regression (fuzz_html, UBSan): no metadata titles, an <h1> that matches
// nothing stepped a pointer past the end of an empty vector.
TEST(TitleTest, H1WithoutMetadataTitles) {
  TitleInputs in;
  in.h1s = {"Completely different words here"};
  in.html_title = "Some page title";
  EXPECT_FALSE(ChooseTitle(in).title.empty());
}

TEST(TextUtilTest, ResolveUrl) {
  constexpr struct {
    const char* base;
    const char* ref;
    const char* want;
  } kCases[] = {
      {"https://a.com/x/y.html", "/p", "https://a.com/p"},
      {"https://a.com/x/y.html", "p.html", "https://a.com/x/p.html"},
      {"https://a.com/x/y.html", "../p", "https://a.com/p"},
      {"https://a.com/x/y/z.html", "./../p?q=1#f", "https://a.com/x/p?q=1#f"},
      {"https://a.com/x/y.html", "//cdn.b.com/p", "https://cdn.b.com/p"},
      {"https://a.com/x/y.html", "http://c.com/p", "http://c.com/p"},
      {"https://a.com/x/y.html?z", "?q", "https://a.com/x/y.html?q"},
      {"https://a.com", "p", "https://a.com/p"},
      {"https://a.com/x", "javascript:void(0)", ""},
      {"https://a.com/x", "mailto:a@b.c", ""},
      {"", "/p", "/p"},
      {"https://a.com/x", "", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(ResolveUrl(c.base, c.ref), c.want) << c.base << " + " << c.ref;
}

TEST(TextUtilTest, HostPathAndLanguage) {
  EXPECT_EQ(HostOf("https://WWW.Example.COM:8080/a"), "example.com");
  EXPECT_EQ(HostOf("https://user@news.example.com"), "news.example.com");
  EXPECT_EQ(HostOf("/relative"), "");
  EXPECT_EQ(PathOf("https://a.com/x/y?q#f"), "/x/y");
  EXPECT_EQ(PathOf("https://a.com"), "/");
  EXPECT_EQ(NormalizeLanguage("en-US"), "en");
  EXPECT_EQ(NormalizeLanguage(" EN_gb "), "en");
  EXPECT_EQ(NormalizeLanguage("deu"), "de");
  EXPECT_EQ(NormalizeLanguage("x-klingon"), "");
  EXPECT_EQ(NormalizeLanguage("english"), "");
  EXPECT_EQ(CollapseSpaces("  a \xC2\xA0 b\n"), "a b");
  EXPECT_EQ(Squash("Al Jazeera!"), "aljazeera");
}

TEST(PubdateTest, DateFromUrl) {
  constexpr Pair kCases[] = {
      {"https://x.com/2020/06/07/story", "2020-06-07"},
      {"https://x.com/2020/6/7/story", "2020-06-07"},
      {"https://x.com/news/2020-06-07-story", "2020-06-07"},
      {"https://x.com/news/story_20200607.html", "2020-06-07"},
      {"https://x.com/p?date=2020.06.07", "2020-06-07"},
      {"https://x.com/2020/06/story", ""},
      {"https://x.com/2020/13/07/story", ""},
      {"https://x.com/item/123456789", ""},
      {"https://x.com/1990/01/01/old", ""},
      {"https://2020-06-07.x.com/story", ""},  // the host is not the path
      {"not a url", ""},
  };
  for (const Pair& c : kCases) EXPECT_EQ(DateFromUrl(c.input), c.want) << c.input;
}

}  // namespace
}  // namespace parallax::html::meta
