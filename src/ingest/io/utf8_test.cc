#include "ingest/io/utf8.h"

#include <gtest/gtest.h>

namespace parallax::io {
namespace {

struct Case {
  std::string_view input;
  bool valid;
  std::string_view repaired;
};

// Unicode Table 3-7 edges, and the U+FFFD-per-maximal-subpart rule
// (Unicode 15 section 3.9, "U+FFFD Substitution of Maximal Subparts").
const Case kCases[] = {
    {"", true, ""},
    {"plain ascii", true, "plain ascii"},
    {"caf\xC3\xA9", true, "caf\xC3\xA9"},
    {"\xE2\x82\xAC", true, "\xE2\x82\xAC"},          // U+20AC
    {"\xF0\x9F\x98\x80", true, "\xF0\x9F\x98\x80"},  // U+1F600
    {"\xF4\x8F\xBF\xBF", true, "\xF4\x8F\xBF\xBF"},  // U+10FFFF
    {"\xC0\xAF", false, "\xEF\xBF\xBD\xEF\xBF\xBD"},  // overlong '/'
    {"\xC1\xBF", false, "\xEF\xBF\xBD\xEF\xBF\xBD"},
    {"\xE0\x80\xAF", false, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // overlong
    {"\xED\xA0\x80", false, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // surrogate
    {"\xF4\x90\x80\x80", false,
     "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // > U+10FFFF
    {"\xF5", false, "\xEF\xBF\xBD"},
    {"a\x80z", false, "a\xEF\xBF\xBDz"},                 // lone continuation
    {"\xE2\x82z", false, "\xEF\xBF\xBDz"},               // truncated 3-byte: one U+FFFD
    {"\xF0\x9F\x98", false, "\xEF\xBF\xBD"},             // truncated at end
    {"\xE9t\xE9", false, "\xEF\xBF\xBDt\xEF\xBF\xBD"},  // Latin-1 bytes
};

TEST(Utf8, ValidationAndRepair) {
  for (const Case& c : kCases) {
    EXPECT_EQ(IsValidUtf8(c.input), c.valid) << c.input;
    std::string out;
    AppendRepairedUtf8(c.input, &out);
    EXPECT_EQ(out, c.repaired) << c.input;
    EXPECT_TRUE(IsValidUtf8(out));
  }
}

TEST(Utf8, InvalidByteFoundPastTheAsciiFastPath) {
  for (size_t pos : {0, 7, 8, 31, 32, 33, 63, 64, 100}) {
    std::string s(128, 'a');
    s[pos] = static_cast<char>(0xFF);
    EXPECT_EQ(ValidUtf8Prefix(s), pos);
  }
}

TEST(Utf8, Utf16ToUtf8) {
  std::string out;
  AppendUtf16AsUtf8(u"A\u00e9\u20ac\U0001F600", &out);
  EXPECT_EQ(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  out.clear();
  const char16_t lone[] = {u'x', 0xD800, u'y', 0xDC00};
  AppendUtf16AsUtf8(std::u16string_view(lone, 4), &out);
  EXPECT_EQ(out, "x\xEF\xBF\xBDy\xEF\xBF\xBD");
}

}  // namespace
}  // namespace parallax::io
