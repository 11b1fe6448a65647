#include "ingest/html/content/content.h"

#include "ingest/html/content/blocks.h"
#include "ingest/html/content/classify.h"
#include "ingest/html/content/container.h"
#include "ingest/html/content/jsonld.h"
#include "ingest/html/content/patterns.h"

namespace parallax::html {
namespace {

using content::BlockClass;
using content::TextBlock;

// Lowercased ASCII letters and digits plus all non-ASCII bytes: enough to
// compare a heading with the page title across punctuation and case.
std::string Fingerprint(std::string_view s) {
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool IsTitle(const TextBlock& b, const std::string& title_fp) {
  if (b.kind != BlockKind::kHeading) return false;
  std::string fp = Fingerprint(b.text);
  if (fp.empty()) return false;
  if (fp == title_fp) return true;
  return fp.size() >= 12 && title_fp.find(fp) != std::string::npos;
}

// Paragraphs of a plain-text articleBody: split on blank lines (or single
// newlines), whitespace collapsed.
std::vector<Block> TextToBlocks(std::string_view body) {
  std::vector<Block> out;
  std::string cur;
  bool pending = false;
  auto flush = [&] {
    if (!cur.empty()) out.push_back({BlockKind::kParagraph, std::move(cur)});
    cur.clear();
    pending = false;
  };
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\n' || c == '\r') {
      flush();
    } else if (c == ' ' || c == '\t') {
      pending = !cur.empty();
    } else {
      if (pending) cur.push_back(' ');
      pending = false;
      cur.push_back(c);
    }
  }
  flush();
  return out;
}

size_t TotalChars(const std::vector<Block>& blocks) {
  size_t n = 0;
  for (const Block& b : blocks) n += b.text.size();
  return n;
}

// Blocks of the chosen container that pass the in-range selection, without
// the headline repeated above the body (it belongs to the title field).
std::vector<Block> Assemble(uint32_t container, const std::vector<content::NodeInfo>& info,
                            const std::vector<TextBlock>* blocks, const std::string& title_fp) {
  std::vector<Block> out;
  if (container == 0) return out;
  uint32_t end = info[container].end;
  size_t begin = 0;
  while (begin < blocks->size() && (*blocks)[begin].first_node < container) ++begin;
  size_t stop = begin;
  while (stop < blocks->size() && (*blocks)[stop].first_node < end) ++stop;
  std::vector<bool> keep = content::SelectInRange(*blocks, begin, stop);
  bool seen_text = false;
  for (size_t i = begin; i < stop; ++i) {
    if (!keep[i - begin]) continue;
    const TextBlock& b = (*blocks)[i];
    if (!seen_text && b.kind == BlockKind::kHeading &&
        (b.heading_level == 1 || (!title_fp.empty() && IsTitle(b, title_fp)))) {
      continue;
    }
    if (b.cls == BlockClass::kGood) seen_text = true;
    out.push_back({b.kind, b.text});
  }
  return out;
}

}  // namespace

std::vector<Block> ExtractMainContent(const HtmlDocument& doc, const ContentHints& hints) {
  std::vector<content::NodeInfo> info = content::AnalyzeNodes(doc);
  std::vector<TextBlock> blocks = content::SegmentBlocks(doc, info);
  std::string title_fp = Fingerprint(hints.title);
  content::ClassifyBlocks(&blocks);
  uint32_t container = content::ChooseContainer(doc, info, blocks);
  std::vector<Block> out = Assemble(container, info, &blocks, title_fp);

  // Recall fallback (after trafilatura): when the precise pass found almost
  // nothing, boilerplate words may have hidden the article; rerun with them
  // as weak evidence and keep the result if it is clearly longer.
  if (TotalChars(out) < 250) {
    content::ClassifyBlocks(&blocks, /*relaxed=*/true);
    uint32_t relaxed = content::ChooseContainer(doc, info, blocks);
    std::vector<Block> again = Assemble(relaxed, info, &blocks, title_fp);
    if (TotalChars(again) > 2 * TotalChars(out) + 100) out = std::move(again);
  }

  // Fallback: a JSON-LD articleBody much longer than what the DOM gave.
  std::string body = content::JsonLdArticleBody(doc);
  if (body.size() >= 400 && TotalChars(out) * 2 < body.size()) {
    std::vector<Block> from_ld = TextToBlocks(body);
    if (!from_ld.empty()) return from_ld;
  }
  return out;
}

}  // namespace parallax::html
