// Publication date of a page, in the spirit of htmldate (Barbaresi 2020):
// markup first, then the URL, then structural date elements, then visible
// text, each bounded to a plausible range. See NOTES.md in this folder.
//
// Order of evidence (first usable wins, with the cross-checks noted):
//   1. JSON-LD datePublished/dateCreated of the main work; <meta> published
//      tags (article:published_time, og:published_time, pubdate, dc.date,
//      sailthru.date, parsely-pub-date, ...); itemprop=datePublished;
//      <time pubdate>, <time> marked as published, <abbr class=published>.
//   2. A complete date in the URL (/2020/06/07/, /20200607/, -2020-06-07-).
//   3. The first <time datetime> in the article, outside boilerplate.
//   4. Dates in the text of elements whose class/id names a date, time or
//      byline, and just after the <h1> (source kText).
//   5. Modification dates (dateModified, article:modified_time).
// Markup and URL dates are DateSource::kMetadata; visible text is kText.
//
// Pure function of its inputs; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/html/dom.h"
#include "ingest/html/meta/jsonld.h"
#include "ingest/html/meta/signals.h"
#include "parallax/article.h"

namespace parallax::html::meta {

struct DateBounds {
  int64_t min_day = 0;  // days since 1970-01-01, inclusive
  int64_t max_day = 0;
};

// 1995-01-01 to tomorrow (by the system clock).
DateBounds DefaultDateBounds();

struct DateChoice {
  std::string iso;  // YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[±HH:MM]; "" when none
  DateSource source = DateSource::kNone;
  const char* evidence = "";  // which rule chose it (for evaluation dumps)
};

DateChoice FindPublicationDate(const HtmlDocument& doc, const PageSignals& signals,
                               const JsonLdInfo& json_ld, std::string_view url,
                               const DateBounds& bounds);

// A complete date in a URL's path ("" when none), as YYYY-MM-DD.
std::string DateFromUrl(std::string_view url);

}  // namespace parallax::html::meta
