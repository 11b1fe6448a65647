// HTML fragments (feed item content, descriptions, titles) to blocks.
//
// Feed content is a fragment of an article, already stripped of page chrome,
// so no main-content scoring is needed: block elements become blocks in
// order (p, h1-h6 -> heading, li -> list item, blockquote -> quote, <br>
// splits), <figure>/<figcaption> text goes to captions, and embedded media,
// forms and navigation are skipped.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"

namespace parallax::formats {

struct FragmentText {
  std::vector<Block> blocks;
  std::vector<std::string> captions;
};

// Blocks of an HTML fragment (UTF-8). Text is whitespace-collapsed and
// normalised (text::Normalize); empty blocks are dropped.
FragmentText HtmlFragmentToBlocks(std::string_view html);

// Text of an HTML or plain-text snippet on one line (titles, names): tags
// removed, entities decoded, whitespace collapsed, normalised.
std::string HtmlToPlainLine(std::string_view html);

// Plain text on one line: whitespace runs collapsed, normalised. No markup
// interpretation ("A < B" stays).
std::string CollapseToLine(std::string_view s);

// True when `s` contains markup or entity references worth parsing as HTML.
bool LooksLikeHtml(std::string_view s);

// Content that was HTML-escaped twice ("&lt;p&gt;...") decoded once, so it
// can be parsed as HTML; other content returned unchanged.
std::string UnescapeIfDoubleEscaped(std::string_view s);

}  // namespace parallax::formats
