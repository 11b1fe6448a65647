#include "ingest/html/content/classify.h"

#include "ingest/html/content/patterns.h"

namespace parallax::html::content {
namespace {

bool IsText(BlockClass c) { return c == BlockClass::kGood || c == BlockClass::kNearGood; }

}  // namespace

void ClassifyBlocks(std::vector<TextBlock>* blocks, bool relaxed) {
  for (TextBlock& b : *blocks) {
    if (relaxed && (b.flags & kFlagBoiler) && !(b.flags & kFlagCaption)) {
      b.flags = static_cast<uint8_t>((b.flags & ~kFlagBoiler) | kFlagWeakBoiler);
    }
    uint32_t len = b.weighted_chars();
    double ld = b.link_density();
    if ((b.flags & (kFlagBoiler | kFlagCaption)) || ld > 0.5) {
      b.cls = BlockClass::kBad;
    } else if (!b.in_pre && len >= 200 && b.code_marks * 10 > b.chars) {
      b.cls = BlockClass::kBad;  // script or template text leaking into the page
    } else if (len < 120 && IsBoilerplatePhrase(b.text)) {
      b.cls = BlockClass::kBad;
    } else if (b.kind == BlockKind::kHeading) {
      b.cls = BlockClass::kShort;  // judged by what follows
    } else if (len >= 80 && ld <= 0.3 && (b.stops + b.commas > 0 || len >= 200)) {
      b.cls = BlockClass::kGood;
    } else if (len >= 30 && ld <= 0.4 && !(b.flags & kFlagWeakBoiler)) {
      b.cls = BlockClass::kNearGood;
    } else {
      b.cls = BlockClass::kShort;
    }
  }
}

std::vector<bool> SelectInRange(const std::vector<TextBlock>& blocks, size_t begin, size_t end) {
  size_t n = end - begin;
  std::vector<bool> keep(n, false);
  for (size_t i = 0; i < n; ++i) keep[i] = IsText(blocks[begin + i].cls);
  // Short blocks and headings: kept when text follows soon (a heading or a
  // one-line paragraph inside the article), dropped at the edges.
  for (size_t i = 0; i < n; ++i) {
    const TextBlock& b = blocks[begin + i];
    if (b.cls != BlockClass::kShort) continue;
    if (b.in_table) {  // rows of a data table inside the article
      keep[i] = b.link_density() < 0.5;
      continue;
    }
    // Look past runs of other short blocks (a list of short items, a
    // heading and its subheading) for text; bad blocks end the search.
    bool next_text = false;
    for (size_t j = i + 1; j < n; ++j) {
      BlockClass c = blocks[begin + j].cls;
      if (IsText(c)) {
        next_text = true;
        break;
      }
      if (c == BlockClass::kBad) break;
    }
    if (b.kind == BlockKind::kHeading) {
      keep[i] = next_text;
      continue;
    }
    bool prev_text = false;
    for (size_t j = i; j-- > 0;) {
      BlockClass c = blocks[begin + j].cls;
      if (IsText(c)) {
        prev_text = true;
        break;
      }
      if (c == BlockClass::kBad) break;
    }
    keep[i] = prev_text && next_text;
  }
  return keep;
}

}  // namespace parallax::html::content
