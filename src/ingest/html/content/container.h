// Choosing the element that holds the article (after Readability's
// candidate scoring, with a bottom-up expansion for bodies split over
// several sibling elements). Internal to the content extractor.
//
// 1. Seed: every good block adds its text length to the element around its
//    paragraph and, decaying (1, 1/2, 1/6, 1/9, 1/12), to four ancestors
//    above; each element's total is scaled by (1 - its link density) and
//    by its class/id evidence; the best element is the seed.
// 2. Expansion: from the seed, climb to the parent while what the parent
//    adds (text of good blocks outside the current element) outweighs
//    twice the boilerplate it adds (link text, boilerplate-marked text).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/html/content/blocks.h"

namespace parallax::html::content {

// Returns the chosen element (the document node when the page has no good
// block). Blocks must be classified.
// `trace`, when given, receives a line per decision (for error analysis).
uint32_t ChooseContainer(const HtmlDocument& doc, const std::vector<NodeInfo>& info,
                         const std::vector<TextBlock>& blocks, std::string* trace = nullptr);

}  // namespace parallax::html::content
