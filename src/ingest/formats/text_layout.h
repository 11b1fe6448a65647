// Layout of plain text: lines with whitespace canonicalised, then "units"
// (one candidate block each) after undoing hard wrapping.
//
// Plain news text comes in three layouts: paragraphs separated by blank
// lines; one paragraph per line; and paragraphs hard-wrapped at a fixed
// width (~70-80 columns). We tell them apart from the lines themselves: a
// hard-wrapped document has a narrow maximum width, and most of its lines end
// mid-sentence at a point where the next word would not have fitted.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parallax::formats {

struct TextLine {
  std::string text;           // spaces canonicalised and collapsed, trimmed
  int indent = 0;             // leading spaces before trimming
  bool blank_before = false;  // a blank line (or the start) precedes it
  size_t width = 0;           // code points
};

// Splits UTF-8 text into non-blank lines. Unicode spaces (NBSP, thin space,
// ...) and tabs become ' ', zero-width spaces, BOMs and soft hyphens are
// dropped, CR/CRLF/U+2028/U+2029 end lines.
std::vector<TextLine> SplitTextLines(std::string_view utf8);

struct TextUnit {
  std::string text;
  bool chunk_start = false;  // first unit after a blank line (or the start)
  bool chunk_end = false;    // last unit before a blank line (or the end)
  bool bullet = false;       // starts with a list marker ("- ", "• ", "1. ")
};

// Joins hard-wrapped lines into units; otherwise one unit per line. Bullet
// lines start a unit; indented lines after a bullet continue it.
std::vector<TextUnit> FormTextUnits(const std::vector<TextLine>& lines);

// Code points in a UTF-8 string (continuation bytes not counted).
size_t CodePoints(std::string_view s);

// Length of a list marker at the start of `s` ("- ", "• ", "12. ", "3) "),
// including the following space; 0 when `s` does not start with one.
size_t BulletMarkerLength(std::string_view s);

// True for a line made of one repeated rule character (-, =, _, *, ~, ─),
// at least three of them, like the "-----" between headline and body.
bool IsRuleLine(std::string_view s);

// True when the text ends a sentence: its last character, after closing
// quotes and brackets, is one of . ! ? … : ;
bool EndsWithTerminalPunct(std::string_view s);

}  // namespace parallax::formats
