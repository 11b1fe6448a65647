// Title-case headlines ("Lindsay Lohan Checks Into Betty Ford Rehab") give
// the tagger no capitalisation signal: the training text (Reuters) has
// sentence-case and all-caps headlines, never title case, so the whole line
// tends to come out as one name. Before tagging, a title-case sentence has
// its ordinary words lowercased: closed-class words ("Into", "Of", "She"),
// and words the same document writes in lowercase elsewhere ("rehab",
// "checked" for "Checks"). Names the document never writes in lowercase keep
// their capitals. Only the first letter changes, so byte offsets hold.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parallax::ner {

// True for a sentence at least 90% of whose words are capitalised, with at
// least four such words; short function words ("of", "for") and all-caps
// words ("US") are not counted either way. An all-caps line is not title
// case: the model learnt those from Reuters' headlines.
bool IsTitleCaseSentence(const std::vector<std::string_view>& words);

// Rewrites the title-case sentences of a document in place: each word that
// changes is copied into `storage` (which must outlive `sentences`) and its
// view repointed there. The first word of a sentence is left as is. Returns
// the number of words changed.
size_t TrueCaseTitleSentences(std::vector<std::vector<std::string_view>>* sentences,
                              std::vector<std::string>* storage);

}  // namespace parallax::ner
