#include <gtest/gtest.h>

#include "parallax/text.h"

namespace parallax::text {
namespace {

struct NormCase {
  const char* in;
  bool keep_newlines;
  const char* want;
};

// xapian-style golden table: input -> expected output.
const NormCase kNormCases[] = {
    {"", false, ""},
    {"plain ascii", false, "plain ascii"},
    {"  leading and trailing  ", false, "leading and trailing"},
    {"runs   of \t spaces", false, "runs of spaces"},
    {"line one\nline two", false, "line one line two"},
    {"line one\nline two", true, "line one\nline two"},
    {"para one\n\n\n\npara two", true, "para one\n\npara two"},
    {"para one \n \n para two", true, "para one\n\npara two"},
    {"windows\r\nline\r\n\r\nend", true, "windows\nline\n\nend"},
    {"old mac\rline", true, "old mac\nline"},
    {"\n\n  trimmed newlines \n\n", true, "trimmed newlines"},
    {"nbsp\xC2\xA0here", false, "nbsp here"},                        // U+00A0
    {"thin\xE2\x80\x89space and\xE3\x80\x80ideo", false, "thin space and ideo"},
    {"zero\xE2\x80\x8Bwidth", false, "zerowidth"},                  // U+200B
    {"soft\xC2\xADhyphen", false, "softhyphen"},                    // U+00AD
    {"\xEF\xBB\xBF" "bom first", false, "bom first"},                // U+FEFF
    {"bidi\xE2\x80\x8Emark", false, "bidimark"},                    // U+200E
    {"ctrl\x01\x02" "chars\x7F", false, "ctrlchars"},
    {"bad \xFF byte", false, "bad \xEF\xBF\xBD byte"},               // -> U+FFFD
    {"truncated \xE2\x80", false, "truncated \xEF\xBF\xBD\xEF\xBF\xBD"},
    {"overlong \xC0\xAF", false, "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
    {"surrogate \xED\xA0\x80!", false, "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!"},
    {"cafe\xCC\x81", false, "caf\xC3\xA9"},                          // e + U+0301 -> é (NFC)
    {"caf\xC3\xA9", false, "caf\xC3\xA9"},                           // already NFC
    {"\xE2\x84\xAB", false, "\xC3\x85"},                             // U+212B -> U+00C5
    {"\xE1\x84\x80\xE1\x85\xA1", false, "\xEA\xB0\x80"},             // jamo -> 가
    {"cp1252 \xC2\x92quote\xC2\x94", false, "cp1252 \xE2\x80\x99quote\xE2\x80\x9D"},
    {"line\xE2\x80\xA8sep", true, "line\nsep"},                      // U+2028
    {"para\xE2\x80\xA9sep", true, "para\n\nsep"},                    // U+2029
    {"keep\xE2\x80\x8Cznj", false, "keep\xE2\x80\x8Cznj"},           // ZWNJ kept
    {"Netanyahu\xE2\x80\x99s \xE2\x80\x9Cquote\xE2\x80\x9D", false,
     "Netanyahu\xE2\x80\x99s \xE2\x80\x9Cquote\xE2\x80\x9D"},
};

TEST(Normalize, GoldenTable) {
  for (const NormCase& c : kNormCases) {
    EXPECT_EQ(Normalize(c.in, c.keep_newlines), c.want)
        << "input: \"" << c.in << "\" keep_newlines=" << c.keep_newlines;
  }
}

TEST(Normalize, IsIdempotent) {
  for (const NormCase& c : kNormCases) {
    std::string once = Normalize(c.in, c.keep_newlines);
    EXPECT_EQ(Normalize(once, c.keep_newlines), once) << c.in;
  }
}

TEST(Normalize, OutputIsAlwaysValidUtf8) {
  // Every byte value, alone and in pairs, must come out as valid UTF-8.
  std::string all;
  for (int i = 0; i < 256; ++i) {
    all.push_back(static_cast<char>(i));
    all.push_back(static_cast<char>(255 - i));
  }
  std::string out = Normalize(all, true);
  size_t i = 0;
  while (i < out.size()) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ASSERT_GE(c, 0x09) << "control byte left at " << i;
    ASSERT_LE(i + len, out.size());
    for (size_t k = 1; k < len; ++k) {
      ASSERT_EQ(static_cast<unsigned char>(out[i + k]) & 0xC0, 0x80) << "at " << i;
    }
    i += len;
  }
}

struct FoldCase {
  const char* in;
  const char* want;
};

const FoldCase kFoldCases[] = {
    {"Hello WORLD", "hello world"},
    {"U.S.", "u.s."},
    {"\xC3\x89T\xC3\x89", "\xC3\xA9t\xC3\xA9"},                 // ÉTÉ -> été
    {"Stra\xC3\x9F" "e", "strasse"},                              // ß -> ss (full folding)
    {"\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90", "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
    {"\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x9F\xCE\xA3", "\xCF\x83\xCE\xBF\xCF\x86\xCE\xBF\xCF\x83"},  // ΣΟΦΟΣ
    {"Netanyahu\xE2\x80\x99s", "netanyahu\xE2\x80\x99s"},
    {"\xE4\xB8\xAD\xE6\x96\x87", "\xE4\xB8\xAD\xE6\x96\x87"},     // CJK unchanged
    {"bad\xFF", "bad\xEF\xBF\xBD"},
};

TEST(Fold, GoldenTable) {
  for (const FoldCase& c : kFoldCases) EXPECT_EQ(Fold(c.in), c.want) << c.in;
}

}  // namespace
}  // namespace parallax::text
