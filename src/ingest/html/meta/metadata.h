// Page metadata: headline, byline, publication date, outlet, language, URL
// and description, from <title>, <meta> (Open Graph, Twitter, Dublin Core,
// Parse.ly, Sailthru, ...), schema.org JSON-LD and microdata, <time>,
// byline elements, and the URL itself.
//
// How each field is chosen (details in NOTES.md in this folder):
//   title        og:title > JSON-LD headline > twitter:title > itemprop
//                headline > dc.title > <title>; a " | Site" segment that
//                names the site is dropped, and an <h1> equal to a segment
//                (or contained in the title) is preferred.
//   author       JSON-LD author(s) > <meta> author tags > itemprop=author >
//                rel=author > byline-classed elements; cleaned ("By ",
//                dates, e-mails, roles removed); several names ", "-joined.
//   published    see pubdate.h (markup > URL > <time> > visible date lines).
//   outlet       og:site_name > JSON-LD publisher > application-name >
//                the site segment of the title > the host without "www.".
//   url          <link rel=canonical> > og:url > JSON-LD url, resolved
//                against the given URL; the given URL when none (or when
//                the canonical is just the site's home page).
//   language     <html lang> > og:locale > content-language > JSON-LD
//                inLanguage, as a lowercase ISO 639-1 code.
//
// Cost: one pass over the node array plus a few short text reads; tens of
// microseconds on a typical news page.
//
// Pure function of the document and arguments; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/html/dom.h"
#include "parallax/article.h"

namespace parallax::html {

struct PageMetadata {
  std::string title;
  std::string author;
  std::string published;  // YYYY-MM-DD or full ISO 8601 timestamp
  DateSource published_source = DateSource::kNone;
  std::string outlet;     // site name, else a readable form of the host
  std::string url;        // canonical URL (og:url, <link rel=canonical>), else the given one
  std::string language;   // ISO 639-1 from <html lang> / og:locale / content-language
  std::string description;
  std::string modified;   // last-modified date when marked up, same format as `published`
  // Which rule produced `published` ("jsonld", "meta", "url", "date-line",
  // ...); for evaluation and debugging, not a stable interface.
  std::string published_evidence;
};

struct MetadataOptions {
  // Plausible publication dates, as days since 1970-01-01, inclusive. Zero
  // means the default: 1995-01-01 to tomorrow by the system clock. Set both
  // for reproducible results on archived pages.
  int64_t min_day = 0;
  int64_t max_day = 0;
};

PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view url);
PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view url,
                             const MetadataOptions& options);

}  // namespace parallax::html
