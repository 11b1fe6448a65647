// Type consistency over the mentions of one raw text (`Tagger::TagText`).
#pragma once

#include <vector>

#include "parallax/ner.h"

namespace parallax::ner {

// A one-word mention that is the last word of a person's full name in the
// same text is that person ("Tara Reid ... Reid"), whatever type the tagger
// gave it: web news writes surnames alone, and a lone surname often comes
// out ORG ("Reid", "Teixeira" on ECB+).
void SurnamesOfPersons(std::vector<Mention>* mentions);

// A "person" whose name ends with an institution's head word ("Wales
// Center", "Kyoto University", "Labour Party") is an organisation: no
// person's name ends so.
void InstitutionsAreNotPersons(std::vector<Mention>* mentions);

}  // namespace parallax::ner
