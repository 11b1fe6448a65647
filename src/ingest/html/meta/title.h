// Headline choice: the page's title candidates (Open Graph, JSON-LD,
// Twitter, microdata, Dublin Core, <title>, <h1>) reduced to the article's
// headline without the " | Site Name" decoration.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parallax::html::meta {

struct TitleInputs {
  // Metadata titles, best first (og:title, JSON-LD headline, twitter:title,
  // itemprop headline, dc.title); empties are skipped.
  std::vector<std::string> metadata_titles;
  std::string html_title;        // <title>
  std::vector<std::string> h1s;  // <h1> texts outside boilerplate, in order
  std::string site_name;         // known outlet name, may be empty
  std::string host;              // "aljazeera.com", may be empty
};

struct TitleChoice {
  std::string title;
  // The segment removed from a title as the site's name ("Al Jazeera" from
  // "Headline | Al Jazeera"); empty when none was removed.
  std::string site_segment;
};

TitleChoice ChooseTitle(const TitleInputs& in);

// Splits a title at decorating delimiters (" | ", " - ", " — ", " :: ", " · ",
// " » ", ...). One segment when there is none.
std::vector<std::string> SplitTitle(std::string_view title);

// True when `segment` names the site: equals or contains the site name or
// the host's main label, ignoring case, spaces and punctuation.
bool MatchesSite(std::string_view segment, std::string_view site_name, std::string_view host);

}  // namespace parallax::html::meta
