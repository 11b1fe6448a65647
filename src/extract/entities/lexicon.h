// Word lists for entity resolution: countries and demonyms (derived from a
// gazetteer, see make_countries.sh), titles, honorifics and pronouns.
// All lookups take folded words (text::Fold) and are thread-safe (tables are
// built once, on first use, and never change).
#pragma once

#include <string>
#include <string_view>

namespace parallax::entities::lexicon {

// Folded, with dots removed ("U.S." -> "us"): the key countries are looked up by.
std::string CountryKey(std::string_view name);

// A head noun of a title: "minister", "president", "adviser", "spokesman".
bool IsTitleHead(std::string_view folded);
// A word that may precede a head inside a title: "prime", "national",
// "security", "foreign", "former", "state" (as in "secretary of state").
bool IsTitleModifier(std::string_view folded);
// "mr", "mr.", "mrs", "ms", "dr", ...: sets *gender (0 unknown, 1 male, 2 female).
bool IsHonorific(std::string_view folded, int* gender);
// he/him/his/himself -> 1, she/her/hers/herself -> 2, else 0.
int PronounGender(std::string_view folded);
// Month and weekday names (never entities on their own).
bool IsCalendarWord(std::string_view folded);

}  // namespace parallax::entities::lexicon
