#include "ingest/io/encoding.h"

#include <gtest/gtest.h>

#include "ingest/io/utf8.h"

namespace parallax::io {
namespace {

TEST(DecodeToUtf8, ValidUtf8IsCopied) {
  std::string s = "<html><body>caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve</body></html>";
  EXPECT_EQ(DecodeToUtf8(s, "", true), s);
  EXPECT_EQ(DecodeToUtf8(s, "utf-8", true), s);
}

TEST(DecodeToUtf8, Windows1252WithMetaCharset) {
  std::string page =
      "<html><head><meta charset=\"windows-1252\"></head>"
      "<body>\x93Quoted\x94 caf\xE9 \x80 5</body></html>";
  std::string out = DecodeToUtf8(page, "", true);
  EXPECT_NE(out.find("\xE2\x80\x9CQuoted\xE2\x80\x9D caf\xC3\xA9 \xE2\x82\xAC 5"),
            std::string::npos)
      << out;
}

TEST(DecodeToUtf8, Iso88591LabelMeansWindows1252) {
  // 0x93/0x94 are C1 controls in real ISO-8859-1 but curly quotes in browsers.
  std::string out = DecodeToUtf8("\x93hi\x94", "iso-8859-1", false);
  EXPECT_EQ(out, "\xE2\x80\x9Chi\xE2\x80\x9D");
}

TEST(DecodeToUtf8, Utf16WithBom) {
  const char le[] = "\xFF\xFE" "h\0i\0 \0\xE9\0";
  EXPECT_EQ(DecodeToUtf8(std::string_view(le, sizeof le - 1), "", false), "hi \xC3\xA9");
  const char be[] = "\xFE\xFF" "\0h\0i\x20\xAC";
  EXPECT_EQ(DecodeToUtf8(std::string_view(be, sizeof be - 1), "", false), "hi\xE2\x82\xAC");
  // The BOM wins over a contradicting header.
  EXPECT_EQ(DecodeToUtf8(std::string_view(le, sizeof le - 1), "windows-1252", false),
            "hi \xC3\xA9");
  EXPECT_EQ(DecodeToUtf8("\xEF\xBB\xBFok", "", false), "ok");
}

TEST(DecodeToUtf8, ShiftJisFromHeaderCharset) {
  // "日本語" in Shift_JIS.
  std::string out = DecodeToUtf8("<p>\x93\xFA\x96\x7B\x8C\xEA</p>", "Shift_JIS", true);
  EXPECT_EQ(out, "<p>\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E</p>");
}

TEST(DecodeToUtf8, Koi8rFromContentType) {
  // "Привет" in KOI8-R.
  std::string cs = CharsetFromContentType("text/html; charset=KOI8-R");
  std::string out = DecodeToUtf8("\xF0\xD2\xC9\xD7\xC5\xD4", cs, true);
  EXPECT_EQ(out, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
}

TEST(DecodeToUtf8, InvalidUtf8DeclaredUtf8IsRepaired) {
  EXPECT_EQ(DecodeToUtf8("a\xFF" "b", "utf-8", false), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(DecodeToUtf8("<meta charset=utf-8>\xC3", "", true),
            "<meta charset=utf-8>\xEF\xBF\xBD");
}

TEST(DecodeToUtf8, UndeclaredLatinTextIsDetected) {
  std::string text =
      "Le gouvernement fran\xE7" "ais a annonc\xE9 mercredi une r\xE9" "forme. "
      "\xC0 Paris, les d\xE9put\xE9s ont d\xE9" "battu toute la journ\xE9" "e.";
  std::string out = DecodeToUtf8(text, "", false);
  EXPECT_TRUE(IsValidUtf8(out));
  EXPECT_NE(out.find("fran\xC3\xA7" "ais"), std::string::npos) << out;
  EXPECT_NE(out.find("\xC3\x80 Paris"), std::string::npos) << out;
}

TEST(DecodeToUtf8, MislabelledUtf8StaysUtf8) {
  std::string s = "<p>caf\xC3\xA9 cr\xC3\xA8me</p>";
  EXPECT_EQ(DecodeToUtf8(s, "iso-8859-1", true), s);
}

TEST(DecodeToUtf8, UnknownLabelFallsBack) {
  std::string out = DecodeToUtf8("caf\xE9", "no-such-charset", false);
  EXPECT_TRUE(IsValidUtf8(out));
  EXPECT_EQ(out, "caf\xC3\xA9");
}

TEST(DecodeToUtf8, AsciiIncompatibleDeclarationIsConverted) {
  // "日本" in ISO-2022-JP is pure ASCII bytes with escapes.
  std::string out = DecodeToUtf8("\x1B$BF|K\\\x1B(B", "iso-2022-jp", false);
  EXPECT_EQ(out, "\xE6\x97\xA5\xE6\x9C\xAC");
}

TEST(DecodeToUtf8, OutputIsAlwaysValid) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 131 + 7) & 0xFF));
  for (std::string_view cs : {"", "utf-8", "shift_jis", "utf-16le", "gb18030", "iso-2022-jp",
                              "windows-1252", "big5"}) {
    EXPECT_TRUE(IsValidUtf8(DecodeToUtf8(junk, cs, true))) << cs;
    EXPECT_TRUE(IsValidUtf8(DecodeToUtf8(junk, cs, false))) << cs;
  }
}

}  // namespace
}  // namespace parallax::io
