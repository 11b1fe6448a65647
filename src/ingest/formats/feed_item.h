// One feed entry as found in RSS, Atom or JSON Feed, and its conversion to an
// Article. The format parsers fill FeedItem/FeedInfo; everything about what
// an item means (which text is the body, the id rule, outlet names) lives in
// ArticleFromFeedItem so the three formats agree.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/ingest.h"
#include "parallax/status.h"

namespace parallax::formats {

enum class ContentKind { kHtml, kText };

struct FeedInfo {
  std::string title;                 // channel / feed title (may hold HTML)
  std::string link;                  // site URL
  std::string language;              // as given ("en-us")
  std::vector<std::string> authors;  // feed-level authors (Atom inherits them)
};

struct FeedItem {
  std::string title;
  ContentKind title_kind = ContentKind::kHtml;
  std::string link;  // absolute when the feed allowed resolving it
  std::string guid;
  std::vector<std::string> authors;  // names or RSS "email (Name)"
  std::string published;             // raw date text
  std::string updated;               // raw date text, used when published is absent
  std::string content;               // full text
  ContentKind content_kind = ContentKind::kHtml;
  std::string summary;
  ContentKind summary_kind = ContentKind::kHtml;
  std::string language;
  std::vector<std::string> captions;  // media descriptions and credits
};

// The Article for item number `index` (0-based) of a feed. InvalidInput when
// the item has no title, link or text at all.
Result<Article> ArticleFromFeedItem(const FeedItem& item, const FeedInfo& feed,
                                    const DocContext& ctx, size_t index);

// Outlet name from a feed title and a URL of the site: the title segment
// that matches the host ("World News | Reuters" -> "Reuters"), else the first
// segment ("BBC News - World" -> "BBC News"), else the host.
std::string OutletFromFeed(std::string_view feed_title, std::string_view site_url);

// "en-US" -> "en"; "" when it does not look like a language tag.
std::string PrimaryLanguage(std::string_view tag);

// Author name from RSS forms: "jane@example.com (Jane Doe)" -> "Jane Doe";
// a bare e-mail address -> "".
std::string CleanAuthor(std::string_view author);

// The format parsers behind ParseFeed (same contract): RSS 2.0, RSS 1.0 and
// Atom through libxml2 (feed_xml.cc); JSON Feed 1.0/1.1 (json_feed.cc).
Status ParseXmlFeed(std::string_view bytes, const DocContext& ctx, const ReadCallbacks& callbacks);
Status ParseJsonFeed(std::string_view bytes, const DocContext& ctx, const ReadCallbacks& callbacks);

}  // namespace parallax::formats
