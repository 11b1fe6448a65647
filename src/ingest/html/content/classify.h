// Block classification, after jusText (Pomikálek 2011): each block is first
// judged alone from its length, link density, punctuation and boilerplate
// markers, then short and borderline blocks are re-judged from their
// neighbours inside the chosen container ("context smoothing").
// Internal to the content extractor.
#pragma once

#include <vector>

#include "ingest/html/content/blocks.h"

namespace parallax::html::content {

// Sets TextBlock::cls of every block from the block alone. `relaxed` (the
// recall fallback) demotes boilerplate markers to weak evidence, for pages
// whose template words hide the article from the normal pass.
void ClassifyBlocks(std::vector<TextBlock>* blocks, bool relaxed = false);

// Decides which blocks in [begin, end) to output: good and near-good blocks,
// short blocks and headings that sit between kept text, never bad ones.
// Returns one flag per block of the range.
std::vector<bool> SelectInRange(const std::vector<TextBlock>& blocks, size_t begin, size_t end);

}  // namespace parallax::html::content
