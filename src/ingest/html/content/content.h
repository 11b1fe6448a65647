// Main-content extraction: the article body of an HTML page as blocks
// (paragraphs, headings, list items, block quotes) in reading order, without
// navigation, menus, headers/footers, ads, comments, related-links lists,
// cookie banners, newsletter boxes, share bars, bylines, captions.
//
// Algorithm (details and sources in README.md next to this file):
//  1. AnalyzeNodes (blocks.h): one pass over the flat node array classifies
//     each element by tag and class/id/role words (patterns.h: strong and
//     weak boilerplate evidence, article-body evidence, hidden elements), a
//     reverse pass sums text and link text per subtree, a forward pass
//     inherits flags (boilerplate words on a subtree holding half the page's
//     prose are ignored).
//  2. SegmentBlocks: the page's text as blocks between block-level
//     boundaries, with owner element, kind and statistics.
//  3. ClassifyBlocks (classify.h, after jusText): good / near-good / short /
//     bad from length, link density, punctuation, boilerplate phrases,
//     script-like text.
//  4. ChooseContainer (container.h, after Readability): decayed scores of
//     good text on paragraph ancestors pick a seed; climb while the parent
//     adds more good text than twice the boilerplate; cross-check with the
//     element of maximum good-minus-bad text.
//  5. SelectInRange: good blocks of the container, plus short blocks and
//     headings that sit between kept text (context smoothing); the headline
//     repeated above the body is dropped (`hints.title`).
//  6. Fallbacks: a relaxed pass when almost nothing was found, and the
//     JSON-LD articleBody when it is much longer than the DOM result.
//
// Cost: linear in the number of nodes (no quadratic walks); a few thousand
// pages per second per core on news pages, well under the cost of parsing.
//
// Pure function of the document; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/html/dom.h"
#include "parallax/article.h"

namespace parallax::html {

struct ContentHints {
  std::string_view title;  // the page's headline, to drop a repeated <h1> from the body
  std::string_view url;    // unused for now (no per-site rules)
};

// Blocks of the main content in reading order (text whitespace-collapsed).
// Empty when the page has no recognisable article text.
std::vector<Block> ExtractMainContent(const HtmlDocument& doc, const ContentHints& hints);

}  // namespace parallax::html
