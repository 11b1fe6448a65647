// Cues in plain news text: photo credits, datelines, bylines, headline and
// section-head shapes, leading metadata ("date 2024-03-31").
//
// Each predicate looks at one unit of text (a paragraph or line, spaces
// already canonicalised by SplitTextLines). The rules are about the shape of
// news text in general (wire datelines, agency credits, title-like lines),
// never about particular outlets or stories.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parallax::formats {

// A call to follow the outlet on social media: "Follow CBSMIAMI.COM:
// Facebook | Twitter", "Follow us on Twitter and Instagram".
bool IsSocialLine(std::string_view line);

// A photo credit or a caption carrying one: "Getty Images", "AFP via Getty
// Images", "Reuters/Jane Doe", "Photo: ...", "(Photo by ...)", "Credit: ...",
// "File photo", "Smoke rises over Gaza. Photograph: Jane Doe/Reuters".
bool IsCreditLine(std::string_view s);

// A wire-style dateline at the start of a paragraph.
struct Dateline {
  std::string place;   // "Washington", "Gaza City" (ALL-CAPS places title-cased)
  std::string outlet;  // "Reuters", "CNN", "" when none
  size_t length = 0;   // bytes of `s` the dateline and its dash take
};

// Recognises "WASHINGTON (Reuters) -", "LONDON, March 3 (AP) —",
// "Washington CNN —", "GAZA CITY —", "Paris (AFP) –", "NEW DELHI:".
// A title-case place with neither outlet nor date is accepted only when
// nothing follows the dash (`s` is the dateline alone), because "Netanyahu —
// who..." is prose.
std::optional<Dateline> ParseDateline(std::string_view s);

// "By Jane Doe", "By Jane Doe and John Roe, CNN" -> author (and outlet when
// an acronym follows a comma or bar). nullopt when `s` is not a byline.
struct Byline {
  std::string author;
  std::string outlet;
};
std::optional<Byline> ParseByline(std::string_view s);

// Shape of a headline: 3-30 words, starts with a capital, digit or quote,
// does not end like a clause (, ; :) nor with a full stop unless it is in
// Title Case, not a list item.
bool IsHeadlineShape(std::string_view s);

// True when at least 80% of the content words (function words and numbers
// aside, at least three) start with a capital: "Obama To Asians Worried
// About U.S. Election".
bool IsTitleCase(std::string_view s);

// Shape of a section head: 1-12 words, at most 100 characters, starts with a
// capital or digit, no sentence punctuation at the end (a question mark is
// allowed), and does not end with a function word ("and", "the").
bool IsHeadingShape(std::string_view s);

// Lines copied along with article text that are not part of it
// ("Advertisement", "Skip advertisement", "Story continues below").
bool IsBoilerplateLine(std::string_view s);

// A leading "date 2024-03-31" / "Date: 2024-03-31T10:00Z" / "Published:
// 2024-03-31": the ISO date text and how many bytes of `s` it takes
// (with following spaces). nullopt when `s` does not start so.
struct LeadingDate {
  std::string value;  // normalised ISO 8601
  size_t length = 0;
};
std::optional<LeadingDate> ParseLeadingDate(std::string_view s);

// A metadata header line at the top of a text file: "Title: ...",
// "Author: ...", "Source: ...", "URL: ...", "Language: ...", "Date: ...".
// `key` is lowercased and mapped to one of title, author, outlet, url,
// language, date.
struct HeaderField {
  std::string key;
  std::string value;
};
std::optional<HeaderField> ParseHeaderField(std::string_view s);

// Number of space-separated words.
size_t WordCount(std::string_view s);

}  // namespace parallax::formats
