// The plain-text reader behind ParseTextArticle, reusable for other text
// content (JSONL `text`, JSON Feed `content_text`, text-only feed items).
//
// It reads the conventions of news text copied out of a page or a wire:
// headline lines (optionally above a "-----" rule), a leading "date
// YYYY-MM-DD" or "Key: value" header, bylines, datelines ("WASHINGTON
// (Reuters) -"), photo credits and their captions, section heads, bullet
// lists, and paragraphs whether blank-line separated, one per line, or hard
// wrapped. See README.md in this folder for the rules and their reasons.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax::formats {

struct PlainTextOptions {
  // Look for a headline at the top. Off for content whose title is known
  // elsewhere (feed items); the top line then stays in the body.
  bool detect_headline = true;
  // A headline known from elsewhere (a JSONL `title`): a first line equal to
  // it is dropped from the body.
  std::string_view known_title;
};

struct PlainText {
  std::string title;
  std::string author;
  std::string outlet;
  std::string place;
  std::string url;
  std::string language;
  std::string published;  // ISO 8601
  std::vector<Block> blocks;
  std::vector<std::string> captions;
};

// Reads UTF-8 text. Never fails; the result may have no blocks.
PlainText ReadPlainText(std::string_view utf8, const PlainTextOptions& options);

// InvalidInput when `bytes` cannot be article text: empty, whitespace only,
// or binary (NUL bytes, many control characters). OK otherwise.
Status CheckTextInput(std::string_view bytes);

}  // namespace parallax::formats
