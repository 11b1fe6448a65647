// The gender a first name usually goes with, for resolving "he"/"she" to a
// person the article names but never calls "Mr."/"Ms." or refers back to
// with a pronoun. A small list (US legislators' first names and nicknames):
// names outside it are unknown.
#pragma once

#include <string_view>

namespace parallax::quotes::internal {

enum class Gender { kUnknown, kMale, kFemale };

// `folded`: the first name, lowercase ASCII ("hillary").
Gender FirstNameGender(std::string_view folded);

}  // namespace parallax::quotes::internal
