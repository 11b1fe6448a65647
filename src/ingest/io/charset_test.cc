#include "ingest/io/charset.h"

#include <gtest/gtest.h>

#include "ingest/io/encoding.h"

namespace parallax::io {
namespace {

TEST(Charset, LabelsNormaliseLikeBrowsers) {
  const std::pair<std::string_view, std::string_view> kCases[] = {
      {"ISO-8859-1", "windows-1252"}, {" latin1 ", "windows-1252"}, {"US-ASCII", "windows-1252"},
      {"\"utf8\"", "utf-8"},          {"UTF-8", "utf-8"},           {"gb2312", "gbk"},
      {"x-sjis", "shift_jis"},        {"EUC-KR", "windows-949"},    {"KOI8-R", "koi8-r"},
      {"iso-8859-9", "windows-1254"}, {"utf-16", "utf-16le"},       {"ISO-8859-2", "iso-8859-2"},
      {"", ""},
  };
  for (const auto& [label, expected] : kCases) {
    EXPECT_EQ(NormalizeCharsetLabel(label), expected) << label;
  }
}

TEST(Charset, ContentType) {
  EXPECT_EQ(CharsetFromContentType("text/html; charset=ISO-8859-1"), "windows-1252");
  EXPECT_EQ(CharsetFromContentType("text/html;charset=\"Shift_JIS\""), "shift_jis");
  EXPECT_EQ(CharsetFromContentType("text/html; Charset = koi8-r ; q=1"), "koi8-r");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(CharsetFromContentType(""), "");
}

TEST(Charset, Bom) {
  size_t len = 0;
  EXPECT_EQ(CharsetFromBom("\xEF\xBB\xBFx", &len), "utf-8");
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(CharsetFromBom("\xFF\xFEx\0", &len), "utf-16le");
  EXPECT_EQ(CharsetFromBom("\xFE\xFF\0x", &len), "utf-16be");
  EXPECT_EQ(CharsetFromBom("plain", &len), "");
  EXPECT_EQ(len, 0u);
}

TEST(Charset, XmlDeclaration) {
  EXPECT_EQ(CharsetFromXmlDeclaration("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>"),
            "windows-1252");
  EXPECT_EQ(CharsetFromXmlDeclaration("<?xml version='1.0' encoding = 'windows-1251' ?>"),
            "windows-1251");
  EXPECT_EQ(CharsetFromXmlDeclaration("<?xml version=\"1.0\"?>"), "");
  EXPECT_EQ(CharsetFromXmlDeclaration("<rss encoding=\"x\">"), "");
}

TEST(Charset, HtmlMeta) {
  const std::pair<std::string_view, std::string_view> kCases[] = {
      {"<html><head><meta charset=\"windows-1251\"></head>", "windows-1251"},
      {"<META CHARSET=latin1>", "windows-1252"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-jp\">", "euc-jp"},
      {"<meta content='text/html; charset=koi8-r' http-equiv='content-type'/>", "koi8-r"},
      {"<!-- <meta charset=\"big5\"> --><meta charset=\"utf-8\">", "utf-8"},
      {"<meta name=\"description\" content=\"charset=big5\"><meta charset=gbk>", "gbk"},
      {"<meta charset=\"utf-16\">", "utf-8"},  // WHATWG: utf-16 in ASCII bytes means utf-8
      {"<metadata charset=\"big5\">", ""},
      {"<meta charset=\"unterminated", ""},
      {"<p>no meta here</p>", ""},
  };
  for (const auto& [html, expected] : kCases) {
    EXPECT_EQ(CharsetFromHtmlMeta(html), expected) << html;
  }
}

TEST(Charset, AsciiIncompatible) {
  EXPECT_TRUE(IsAsciiIncompatible("utf-16le"));
  EXPECT_TRUE(IsAsciiIncompatible("iso-2022-jp"));
  EXPECT_FALSE(IsAsciiIncompatible("windows-1252"));
  EXPECT_FALSE(IsAsciiIncompatible(""));
}

}  // namespace
}  // namespace parallax::io
