#include "ingest/html/meta/metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/dates/calendar.h"

namespace parallax::html {
namespace {

// Fixed bounds so the tests do not depend on the clock.
MetadataOptions Bounds() {
  MetadataOptions o;
  o.min_day = dates::DaysFromCivil(1995, 1, 1);
  o.max_day = dates::DaysFromCivil(2030, 1, 1);
  return o;
}

PageMetadata Extract(const std::string& html, std::string_view url = "https://www.example.com/news/story") {
  return ExtractMetadata(HtmlDocument::Parse(html), url, Bounds());
}

TEST(MetadataTest, JsonLdGraphWithAuthorArrayAndPublisher) {
  const std::string html = R"(<html lang="en-GB"><head><title>Ignored | Example News</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","@id":"#site","name":"Example News"},
  {"@type":"Person","@id":"#jane","name":"Jane Doe"},
  {"@type":"NewsArticle","headline":"Floods close the old bridge",
   "author":[{"@id":"#jane"},{"@type":"Person","name":"John Roe"}],
   "datePublished":"2024-03-25T14:03:00+01:00","dateModified":"2024-03-26T09:00:00+01:00",
   "publisher":{"@type":"Organization","name":"Example News"}}]}
</script></head><body><h1>Floods close the old bridge</h1><p>Text.</p></body></html>)";
  PageMetadata m = Extract(html);
  EXPECT_EQ(m.title, "Floods close the old bridge");
  EXPECT_EQ(m.author, "Jane Doe, John Roe");
  EXPECT_EQ(m.published, "2024-03-25T14:03:00+01:00");
  EXPECT_EQ(m.published_source, DateSource::kMetadata);
  EXPECT_EQ(m.modified, "2024-03-26T09:00:00+01:00");
  EXPECT_EQ(m.outlet, "Example News");
  EXPECT_EQ(m.language, "en");
}

TEST(MetadataTest, JsonLdArrayOfBlocksPicksTheArticle) {
  const std::string html = R"(<head><script type="application/ld+json">
[{"@type":"BreadcrumbList","itemListElement":[]},
 {"@type":["NewsArticle"],"headline":"Main story","author":"Ann Smith","datePublished":"2021-05-04"}]
</script></head><body><p>x</p></body>)";
  PageMetadata m = Extract(html);
  EXPECT_EQ(m.title, "Main story");
  EXPECT_EQ(m.author, "Ann Smith");
  EXPECT_EQ(m.published, "2021-05-04");
}

TEST(MetadataTest, BrokenJsonLdFallsBackAndNeverThrows) {
  // Raw newline inside a string and a trailing comma: repaired.
  PageMetadata m = Extract(R"(<script type="application/ld+json">{"@type":"Article",
"headline":"Line
break","datePublished":"2022-01-02",}</script><p>x</p>)");
  EXPECT_EQ(m.published, "2022-01-02");
  EXPECT_EQ(m.title, "Line break");
  // Unrepairable: the tolerant key scan still finds the date.
  m = Extract(R"(<script type="application/ld+json">{"@type": "Article", "datePublished": "2022-01-03" {{{</script><p>x</p>)");
  EXPECT_EQ(m.published, "2022-01-03");
  // Garbage of all kinds.
  for (const char* junk : {"", "null", "[]", "{", "\"str\"", "{\"author\": 5, \"headline\": [1,2]}",
                           "{\"@type\": 7, \"datePublished\": {\"x\": 1}}",
                           "{\"@graph\": [null, 1, \"a\", {\"@type\": \"Article\", \"author\": {\"@id\": 3}}]}"}) {
    Extract(std::string("<script type=\"application/ld+json\">") + junk + "</script><p>x</p>");
  }
}

TEST(MetadataTest, OpenGraphAndMetaTags) {
  const std::string html = R"(<html><head>
<meta property="og:title" content="Council approves budget | The Daily Bugle">
<meta property="og:site_name" content="The Daily Bugle">
<meta property="og:locale" content="de_DE">
<meta name="author" content="By Peter Parker">
<meta property="article:modified_time" content="2020-06-09T10:00:00Z">
<meta property="article:published_time" content="2020-06-07T08:30:00-04:00">
<meta name="description" content="The council voted.">
</head><body><p>x</p></body></html>)";
  PageMetadata m = Extract(html);
  EXPECT_EQ(m.title, "Council approves budget");
  EXPECT_EQ(m.outlet, "The Daily Bugle");
  EXPECT_EQ(m.author, "Peter Parker");
  EXPECT_EQ(m.published, "2020-06-07T08:30:00-04:00");
  EXPECT_EQ(m.language, "de");
  EXPECT_EQ(m.description, "The council voted.");
}

TEST(MetadataTest, MetaDateVariantsAndUnixTimestamps) {
  EXPECT_EQ(Extract(R"(<meta name="parsely-pub-date" content="2019-11-05T09:00:00Z"><p>x</p>)").published,
            "2019-11-05T09:00:00+00:00");
  EXPECT_EQ(Extract(R"(<meta name="sailthru.date" content="Tue, 05 Nov 2019 09:00:00 -0500"><p>x</p>)").published,
            "2019-11-05T09:00:00-05:00");
  EXPECT_EQ(Extract(R"(<meta name="dc.date" content="05.11.2019"><p>x</p>)").published, "2019-11-05");
  EXPECT_EQ(Extract(R"(<meta name="pubdate" content="1572944400"><p>x</p>)").published,
            "2019-11-05T09:00:00+00:00");
  // Outside the plausible range: ignored.
  EXPECT_EQ(Extract(R"(<meta name="pubdate" content="1970-01-01"><p>x</p>)").published, "");
  EXPECT_EQ(Extract(R"(<meta name="pubdate" content="2099-01-01"><p>x</p>)").published, "");
}

TEST(MetadataTest, TimeElements) {
  // A <time pubdate> beats an earlier plain <time> in a sidebar.
  PageMetadata m = Extract(R"(<body><aside><time datetime="2018-01-01">old</time></aside>
<article><h1>Head</h1><time class="updated" datetime="2018-03-09">upd</time>
<time pubdate datetime="2018-03-05T10:00">March 5</time></article></body>)");
  EXPECT_EQ(m.published, "2018-03-05T10:00:00");
  // itemprop datePublished on a non-meta element.
  m = Extract(R"(<p>x</p><span itemprop="datePublished" content="2018-04-01">1 April</span>)");
  EXPECT_EQ(m.published, "2018-04-01");
  // A plain <time> in the article.
  m = Extract(R"(<footer><time datetime="2001-01-01">c</time></footer><article><time datetime="2018-04-02">2 April</time></article>)");
  EXPECT_EQ(m.published, "2018-04-02");
}

TEST(MetadataTest, UrlDates) {
  const std::string html = "<p>No dates here.</p>";
  EXPECT_EQ(Extract(html, "https://x.org/2020/06/07/some-story/").published, "2020-06-07");
  EXPECT_EQ(Extract(html, "https://x.org/news/20200607/story.html").published, "2020-06-07");
  EXPECT_EQ(Extract(html, "https://x.org/news/story-2020-06-07-abc").published, "2020-06-07");
  EXPECT_EQ(Extract(html, "https://x.org/2020/06/story").published, "");     // no day
  EXPECT_EQ(Extract(html, "https://x.org/item/12345678").published, "");     // not a date
  EXPECT_EQ(Extract(html, "https://x.org/2020/06/07/s").published_source, DateSource::kMetadata);
}

TEST(MetadataTest, VisibleTextDates) {
  PageMetadata m = Extract(R"(<h1>Big news</h1><div class="article-byline">By Jane Doe
<span class="date">Published 7 June 2020</span></div><p>Body text mentions 1 May 2019.</p>)");
  EXPECT_EQ(m.published, "2020-06-07");
  EXPECT_EQ(m.published_source, DateSource::kText);
  EXPECT_EQ(m.author, "Jane Doe");
  // Multilingual date lines near the headline.
  EXPECT_EQ(Extract("<h1>Nachricht</h1><p>25. März 2024, 14:03 Uhr</p><p>Text.</p>").published,
            "2024-03-25T14:03:00");
  EXPECT_EQ(Extract("<h1>Noticia</h1><p>25 de marzo de 2024</p><p>Texto.</p>").published, "2024-03-25");
}

TEST(MetadataTest, UtcTimestampCorrectedToTheLocalDay) {
  // 23:15Z is the 6th in Italy; the visible date line says so.
  PageMetadata m = Extract(R"(<meta property="article:published_time" content="2020-12-05T23:15:00Z">
<h1>Titolo</h1><p class="date">Domenica 06 Dicembre 2020 | 00:36</p>)");
  EXPECT_EQ(m.published.substr(0, 10), "2020-12-06");
  // At noon UTC no zone crosses midnight backwards: the stamp stands.
  m = Extract(R"(<meta property="article:published_time" content="2020-12-05T12:00:00Z">
<h1>T</h1><p class="date">4 December 2020</p>)");
  EXPECT_EQ(m.published, "2020-12-05T12:00:00+00:00");
}

TEST(MetadataTest, BylineElementsAndMicrodata) {
  EXPECT_EQ(Extract(R"(<p class="byline">By Jane Doe and John Roe | March 5, 2020</p>)").author,
            "Jane Doe and John Roe");
  EXPECT_EQ(Extract(R"(<a rel="author" href="/a/jd">Jane Doe</a>)").author, "Jane Doe");
  EXPECT_EQ(Extract(R"(<div itemprop="author" itemscope><span itemprop="name">Ann Lee</span>
<span itemprop="jobTitle">Reporter</span></div><span itemprop="author">Bo Ng</span>)").author,
            "Ann Lee, Bo Ng");
  EXPECT_EQ(Extract(R"(<span class="autor">Von Anna Muster</span>)").author, "Anna Muster");
  // Comment authors are not the byline.
  EXPECT_EQ(Extract(R"(<div class="comments"><span class="author">troll42</span></div>)").author, "");
  // An unmarked "Von ..." line after the headline.
  EXPECT_EQ(Extract("<h1>Streit ums Feuerholz</h1><p>Von <a href=/a>Roland Brockmann</a> und "
                    "<a href=/b>Sebastian Drescher</a></p><p>Text.</p>").author,
            "Roland Brockmann und Sebastian Drescher");
  EXPECT_EQ(Extract("<h1>Head line</h1><p>by the way, nothing here</p>").author, "");
  // A profile URL in article:author is skipped for the meta author.
  EXPECT_EQ(Extract(R"(<meta property="article:author" content="https://facebook.com/jd">
<meta name="author" content="Jane Doe">)").author, "Jane Doe");
}

TEST(MetadataTest, TitleFromTitleElementAndH1) {
  // Site suffix matched by host.
  EXPECT_EQ(Extract("<title>Storm hits coast - Aljazeera</title><p>x</p>",
                    "https://www.aljazeera.com/news/x").title, "Storm hits coast");
  // The <h1> equals a segment of the title.
  EXPECT_EQ(Extract("<title>World | Storm hits coast | Daily</title><h1>Storm hits coast</h1>").title,
            "Storm hits coast");
  // A short unknown trailing segment of a long <title> is dropped.
  EXPECT_EQ(Extract("<title>Why the storm hit the coast so hard - Ocean Blog</title><p>x</p>").title,
            "Why the storm hit the coast so hard");
  // Hyphens inside words are not delimiters; a colon title stays whole.
  EXPECT_EQ(Extract("<title>Covid-19: what we know</title><p>x</p>").title, "Covid-19: what we know");
  // No <title>: the <h1>.
  EXPECT_EQ(Extract("<h1>Only a heading</h1>").title, "Only a heading");
  // The site name of a stripped suffix becomes the outlet.
  EXPECT_EQ(Extract("<title>Storm hits coast - Aljazeera</title>", "https://www.aljazeera.com/x").outlet,
            "Aljazeera");
}

TEST(MetadataTest, UrlCanonicalAndOutletFallbacks) {
  PageMetadata m = Extract(R"(<link rel="canonical" href="/news/story-1?ref=x"><p>x</p>)",
                           "https://www.example.com/amp/news/story-1");
  EXPECT_EQ(m.url, "https://www.example.com/news/story-1?ref=x");
  EXPECT_EQ(m.outlet, "example.com");
  m = Extract(R"(<meta property="og:url" content="../b/c.html"><p>x</p>)", "https://ex.org/a/x/y.html");
  EXPECT_EQ(m.url, "https://ex.org/a/b/c.html");
  // A canonical that is the home page of a deeper page is ignored.
  m = Extract(R"(<link rel="canonical" href="https://ex.org/"><p>x</p>)", "https://ex.org/2020/a.html");
  EXPECT_EQ(m.url, "https://ex.org/2020/a.html");
  // No URL at all: relative canonicals are not usable.
  m = Extract(R"(<link rel="canonical" href="/x"><p>x</p>)", "");
  EXPECT_EQ(m.url, "");
}

TEST(MetadataTest, LanguageSources) {
  EXPECT_EQ(Extract(R"(<html lang="pt-BR"><p>x</p></html>)").language, "pt");
  EXPECT_EQ(Extract(R"(<meta http-equiv="content-language" content="fr, en"><p>x</p>)").language, "fr");
  EXPECT_EQ(Extract(R"(<html lang="x-klingon"><meta property="og:locale" content="es_ES"><p>x</p>)").language,
            "es");
  EXPECT_EQ(Extract("<p>x</p>").language, "");
}

TEST(MetadataTest, EmptyAndGarbageDocuments) {
  for (const char* html : {"", "<", "<<<>>>", "\xff\xfe\x00garbage", "<html><head></head></html>",
                           "<meta><meta name><meta content=x><time datetime></time><h1></h1>"}) {
    PageMetadata m = Extract(html);
    EXPECT_TRUE(m.published.empty()) << html;
  }
}

}  // namespace
}  // namespace parallax::html
