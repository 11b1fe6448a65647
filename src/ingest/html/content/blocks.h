// The two linear passes under main-content extraction.
//
// AnalyzeNodes: per-node facts in O(n) over the flat node array. Node ids are
// in document order and a subtree is a contiguous id range, so subtree sums
// (text, link text) are one reverse loop adding each node into its parent,
// and inherited flags one forward loop reading the parent.
//
// SegmentBlocks: the page's text as blocks, the units later passes classify:
// a block is the text between two block-level boundaries (p, div, li, h2,
// td, <br><br>, ...). Each remembers the innermost block element holding it
// (its owner), its kind (heading / list item / quote / paragraph) and simple
// statistics. Internal to the content extractor.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/html/dom.h"
#include "parallax/article.h"

namespace parallax::html::content {

struct NodeInfo {
  uint32_t end = 0;         // one past the last descendant id
  uint32_t chars = 0;       // visible non-space code points in the subtree
  uint32_t link_chars = 0;  // of which inside <a>
  uint8_t own = 0;          // ClassifyElement() of this element
  uint8_t flags = 0;        // own | ancestors' flags (boilerplate vetoed on big subtrees)
  bool has_block = false;   // some descendant element is block-level
};

std::vector<NodeInfo> AnalyzeNodes(const HtmlDocument& doc);

enum class BlockClass : uint8_t { kBad, kShort, kNearGood, kGood };

struct TextBlock {
  uint32_t owner = 0;       // innermost block-level element holding the text
  uint32_t first_node = 0;  // first text node (document order)
  BlockKind kind = BlockKind::kParagraph;
  uint8_t heading_level = 0;  // 1-6 for headings
  uint8_t flags = 0;          // NodeInfo::flags of the owner
  std::string text;           // whitespace-collapsed
  uint32_t chars = 0;         // non-space code points
  uint32_t link_chars = 0;
  uint32_t cjk = 0;           // CJK / kana / hangul code points (dense scripts)
  uint32_t words = 0;
  uint16_t commas = 0;
  uint16_t stops = 0;         // sentence-ending punctuation
  uint32_t code_marks = 0;    // { } [ ] = ; < > | \ $ : markers of script text
  bool in_pre = false;        // inside <pre> / <code>
  bool in_table = false;      // a row of a data table (cells joined)
  BlockClass cls = BlockClass::kShort;

  double link_density() const { return chars ? static_cast<double>(link_chars) / chars : 0; }
  // Length in "Latin-equivalent" characters: a CJK character carries about
  // as much text as three Latin ones.
  uint32_t weighted_chars() const { return chars + 2 * cjk; }
};

// Blocks in document order. Text under kDrop/kHidden elements is skipped;
// text under boilerplate elements is kept (flags tell) for scoring.
std::vector<TextBlock> SegmentBlocks(const HtmlDocument& doc, const std::vector<NodeInfo>& info);

}  // namespace parallax::html::content
