// Reading schema.org JSON-LD blocks: the page's main creative work
// (NewsArticle, BlogPosting, ... or failing that a WebPage) with its
// headline, authors, dates, publisher and language.
//
// Blocks may be objects, arrays, or {"@graph": [...]}; author and publisher
// may be strings, objects, arrays, or {"@id"} references into the graph.
// Invalid JSON (common: raw newlines in strings, trailing commas, HTML
// comments) falls back to a tolerant scan for "datePublished"-style keys.
// Never throws. Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace parallax::html::meta {

struct JsonLdInfo {
  std::string type;            // @type of the chosen object ("NewsArticle")
  bool is_article = false;     // the chosen object is an Article subtype
  std::string headline;        // headline, else name
  std::string name;            // name (some sites put the title here and a summary in headline)
  std::vector<std::string> authors;  // author / creator names, in order, deduplicated
  std::string date_published;  // raw strings as given
  std::string date_created;
  std::string date_modified;
  std::string publisher;       // publisher.name
  std::string url;             // url or mainEntityOfPage(@id)
  std::string language;        // inLanguage
  std::string description;
  std::string site_name;       // name of a WebSite object in the blocks
};

JsonLdInfo ReadJsonLd(const std::vector<std::string>& blocks);

}  // namespace parallax::html::meta
