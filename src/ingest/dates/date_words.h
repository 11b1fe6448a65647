// Word tables for the date parser: month and weekday names (English,
// German, French, Spanish, Italian, Portuguese, Dutch, Scandinavian, Polish,
// Turkish, Russian, Ukrainian, Arabic), time
// zone abbreviations, and the small words that surround dates in bylines
// ("Published on", "le", "de", "um").
//
// Lookups take an already lowercased word (see date_parse.cc for how
// non-ASCII capitals are folded). Tables are immutable after first use;
// all functions are thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace parallax::dates {

// 1..12 for a month name or an unambiguous abbreviation of a Latin-script
// one (a prefix of three or more letters, "sept", "mrt", "mrz"); 0 otherwise.
int LookupMonth(std::string_view lower_word);

// True for weekday names and their usual abbreviations.
bool IsWeekday(std::string_view lower_word);

// How a named zone's UTC offset is found.
enum class ZoneRule {
  kFixed,      // always `offset_minutes`
  kUsDst,      // US zone: `offset_minutes` is standard time, +60 in daylight time
};
struct Zone {
  ZoneRule rule = ZoneRule::kFixed;
  int offset_minutes = 0;  // east of UTC
};
// Zone abbreviations ("gmt", "utc", "z", "est", "pdt", "et", "cest", "mez",
// "ist" = India, "cst" = US Central); nullopt when unknown.
std::optional<Zone> LookupZone(std::string_view lower_word);

// Words that may precede or follow a date in a date-only field without
// making it something else: "published", "updated", "on", "le", "am", ...
bool IsDateFiller(std::string_view lower_word);

// Words between a date and its time: "at", "um", "à", "às", "alle", "om".
bool IsTimeConnector(std::string_view lower_word);

// Words between a day and its month or a month and its year: "de", "of",
// "del", "di" ("25 de marzo de 2024", "25th of March").
bool IsDateJoiner(std::string_view lower_word);

}  // namespace parallax::dates
