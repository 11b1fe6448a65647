#include "ingest/formats/text_layout.h"

#include <gtest/gtest.h>

namespace parallax::formats {
namespace {

std::vector<std::string> UnitTexts(std::string_view text) {
  std::vector<std::string> out;
  for (const TextUnit& u : FormTextUnits(SplitTextLines(text))) out.push_back(u.text);
  return out;
}

using Strings = std::vector<std::string>;

TEST(TextLayoutTest, LinesCanonicaliseSpaces) {
  std::vector<TextLine> lines = SplitTextLines(
      "  a\xC2\xA0\xC2\xA0"
      "b\t c\xE2\x80\x8B"
      "d \r\n\r\n\xE2\x80\xAF"
      "e\xC2\xAD"
      "f");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "a b cd");
  EXPECT_EQ(lines[0].indent, 2);
  EXPECT_TRUE(lines[0].blank_before);
  EXPECT_EQ(lines[1].text, "ef");
  EXPECT_TRUE(lines[1].blank_before);
  EXPECT_EQ(lines[1].indent, 1);
}

TEST(TextLayoutTest, UnicodeLineSeparators) {
  EXPECT_EQ(UnitTexts("One line.\xE2\x80\xA8Two line."), (Strings{"One line.", "Two line."}));
}

TEST(TextLayoutTest, OneParagraphPerLineIsNotJoined) {
  EXPECT_EQ(UnitTexts("Short first paragraph.\nAnother short one here.\nAnd a third one.\n"),
            (Strings{"Short first paragraph.", "Another short one here.", "And a third one."}));
}

TEST(TextLayoutTest, HyphenAtWrapIsKept) {
  Strings u = UnitTexts(
      "The minister described the meeting as constructive and said a follow-\n"
      "up session would be held next week in the capital after consultations\n"
      "with the other members of the coalition government and the opposition\n"
      "parties, which have yet to say whether they will attend the session.\n");
  ASSERT_EQ(u.size(), 1u);
  EXPECT_NE(u[0].find("follow-up session"), std::string::npos);
}

TEST(TextLayoutTest, IndentedBulletContinuation) {
  EXPECT_EQ(UnitTexts("- first item that is long\n  and continues here\n- second item\nAfter.\n"),
            (Strings{"- first item that is long and continues here", "- second item", "After."}));
}

TEST(TextLayoutTest, BulletMarkers) {
  EXPECT_EQ(BulletMarkerLength("- item"), 2u);
  EXPECT_EQ(BulletMarkerLength("• item"), 4u);
  EXPECT_EQ(BulletMarkerLength("12. item"), 4u);
  EXPECT_EQ(BulletMarkerLength("3) item"), 3u);
  EXPECT_EQ(BulletMarkerLength("2024. The year"), 0u);
  EXPECT_EQ(BulletMarkerLength("-5 degrees"), 0u);
  EXPECT_EQ(BulletMarkerLength("1.4 million"), 0u);
}

TEST(TextLayoutTest, Rules) {
  EXPECT_TRUE(IsRuleLine("-----"));
  EXPECT_TRUE(IsRuleLine("= = ="));
  EXPECT_TRUE(IsRuleLine("───"));
  EXPECT_FALSE(IsRuleLine("--"));
  EXPECT_FALSE(IsRuleLine("-=-"));
  EXPECT_FALSE(IsRuleLine("--- a"));
}

TEST(TextLayoutTest, TerminalPunctuation) {
  EXPECT_TRUE(EndsWithTerminalPunct("He said.”"));
  EXPECT_TRUE(EndsWithTerminalPunct("Really?"));
  EXPECT_TRUE(EndsWithTerminalPunct("(AP)."));
  EXPECT_TRUE(EndsWithTerminalPunct("Wait…"));
  EXPECT_FALSE(EndsWithTerminalPunct("A divide over Rafah"));
  EXPECT_FALSE(EndsWithTerminalPunct("“quoted”"));
}

}  // namespace
}  // namespace parallax::formats
