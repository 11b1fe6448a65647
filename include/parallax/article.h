// Article: the one record every reader produces and every later stage consumes.
//
// Text fields are UTF-8 (NFC). An Article is a plain value: copy, move and
// compare freely; no internal sharing. Readers fill what they can; empty
// strings mean "unknown".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// Where the publication date came from (CONTRACT.md `published_source`).
enum class DateSource { kNone, kMetadata, kText };
const char* DateSourceName(DateSource s);  // "metadata", "text", or "" for kNone

// A block of main content, in reading order.
enum class BlockKind {
  kParagraph,  // body prose
  kHeading,    // section head ("Key Facts", "A divide over Rafah")
  kListItem,   // an item of a bulleted or numbered list in the body
  kQuote,      // a block quotation
};
const char* BlockKindName(BlockKind k);

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
  bool operator==(const Block&) const = default;
};

struct Article {
  std::string id;         // stable id (CONTRACT.md rules; see AssignArticleId)
  std::string url;        // canonical URL when known
  std::string outlet;     // "CNN", "Al Jazeera", site name or host
  std::string title;      // headline
  std::string author;     // byline, "A and B" for several
  std::string published;  // ISO 8601 date or timestamp, "" when unknown
  DateSource published_source = DateSource::kNone;
  std::string language;   // ISO 639-1 ("en"), "" when unknown
  std::string place;      // dateline place ("Washington"), "" when none
  std::vector<Block> blocks;          // main content
  std::vector<std::string> captions;  // photo credits and captions, kept out of the body
  bool summary_only = false;          // feed item that carried only a summary
  std::string source;     // where it was read: a path, "-", or "path#record" for containers

  // Body text: block texts joined by blank lines.
  std::string Text() const;
  // Block texts in order (CONTRACT.md `paragraphs`).
  std::vector<std::string> Paragraphs() const;

  bool operator==(const Article&) const = default;
};

}  // namespace parallax
