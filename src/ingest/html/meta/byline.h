// Byline cleanup: turns what pages put in author fields and byline elements
// into names.
//
//   "By Jane Doe and John Roe"                    -> "Jane Doe and John Roe"
//   "Von Anna Muster | 25.03.2024, 14:03 Uhr"      -> "Anna Muster"
//   "Jane Doe, Staff Writer"                       -> "Jane Doe"
//   "Jane Doe (@jdoe) jane@example.com"            -> "Jane Doe"
//   "Updated March 25, 2024"                       -> "" (no name)
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parallax::html::meta {

// Cleaned byline, or "" when nothing name-like is left (too long, no
// letters, only a date or a label, a URL).
std::string CleanByline(std::string_view raw);

// Names joined with ", " after cleaning each and dropping duplicates and
// empties.
std::string JoinAuthors(const std::vector<std::string>& names);

}  // namespace parallax::html::meta
