// Quote extraction on real news sentences (the seeds' and wire copy).
#include <gtest/gtest.h>

#include <string>

#include "parallax/quotes.h"

namespace parallax::quotes {
namespace {

// Without a tagger names come from capitalisation; the tagger-backed path is
// exercised by the data-labelled tests and eval/quotes.
std::vector<Quote> Quotes(const std::string& text) { return Extractor().Extract(text); }

TEST(QuotesTest, DirectQuoteWithTrailingAttribution) {
  std::string t =
      "“We have no way to defeat Hamas without entering Rafah,” Netanyahu said after meetings "
      "at the end of last week with US Secretary of State Antony Blinken.";
  auto q = Quotes(t);
  ASSERT_FALSE(q.empty());
  EXPECT_EQ(q[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(q[0].text, "We have no way to defeat Hamas without entering Rafah");
  EXPECT_EQ(q[0].speaker, "Netanyahu");
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].begin, 0u);
  EXPECT_EQ(q[0].char_begin, 0u);
  EXPECT_EQ(t.substr(q[0].speaker_begin, q[0].speaker_end - q[0].speaker_begin), "Netanyahu");
}

}  // namespace
}  // namespace parallax::quotes
