#include "ingest/formats/html_blocks.h"

#include <gtest/gtest.h>

namespace parallax::formats {
namespace {

TEST(HtmlBlocksTest, BlockElements) {
  FragmentText f = HtmlFragmentToBlocks(
      "Lead text<br>second line<h2>Head</h2><ul><li>One</li><li>Two <b>bold</b></li></ul>"
      "<blockquote>Quoted</blockquote><p>Last &amp; final</p><figure><img src=x>"
      "<figcaption>Cap</figcaption></figure><video>no</video><form>no</form>");
  std::vector<Block> expected = {
      {BlockKind::kParagraph, "Lead text"},   {BlockKind::kParagraph, "second line"},
      {BlockKind::kHeading, "Head"},          {BlockKind::kListItem, "One"},
      {BlockKind::kListItem, "Two bold"},     {BlockKind::kQuote, "Quoted"},
      {BlockKind::kParagraph, "Last & final"}};
  EXPECT_EQ(f.blocks, expected);
  EXPECT_EQ(f.captions, std::vector<std::string>{"Cap"});
}

TEST(HtmlBlocksTest, DoubleEscaped) {
  EXPECT_EQ(UnescapeIfDoubleEscaped("&lt;p&gt;Hi &amp;amp; bye&lt;/p&gt;"), "<p>Hi &amp; bye</p>");
  EXPECT_EQ(UnescapeIfDoubleEscaped("<p>1 &lt; 2</p>"), "<p>1 &lt; 2</p>");
  EXPECT_EQ(UnescapeIfDoubleEscaped("a &lt; b"), "a &lt; b");
  FragmentText f = HtmlFragmentToBlocks("&lt;p&gt;Hi &amp;amp; bye&lt;/p&gt;");
  ASSERT_EQ(f.blocks.size(), 1u);
  EXPECT_EQ(f.blocks[0].text, "Hi & bye");
}

TEST(HtmlBlocksTest, PlainLines) {
  EXPECT_EQ(HtmlToPlainLine("Talks &lt;em&gt;resume&lt;/em&gt;"), "Talks resume");
  EXPECT_EQ(HtmlToPlainLine("A <b>bold</b>\n move"), "A bold move");
  EXPECT_EQ(HtmlToPlainLine("AT&T profits"), "AT&T profits");
  EXPECT_EQ(CollapseToLine(" A < B \n C "), "A < B C");
  EXPECT_TRUE(LooksLikeHtml("x <p>"));
  EXPECT_TRUE(LooksLikeHtml("x &amp; y"));
  EXPECT_FALSE(LooksLikeHtml("1 < 2 & 3"));
}

}  // namespace
}  // namespace parallax::formats
