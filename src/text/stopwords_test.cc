#include <gtest/gtest.h>

#include "parallax/text.h"
#include "text/lexicon.h"

namespace parallax::text {
namespace {

TEST(IsStopWord, English) {
  for (const char* w : {"the", "a", "of", "and", "don't", "don\xE2\x80\x99t", "would", "themselves",
                        "however"}) {
    EXPECT_TRUE(IsStopWord(w, "en")) << w;
  }
  for (const char* w : {"netanyahu", "meeting", "rafah", "said", "The"}) {
    EXPECT_FALSE(IsStopWord(w, "en")) << w;
  }
}

TEST(IsStopWord, OtherLanguages) {
  EXPECT_TRUE(IsStopWord("und", "de"));
  EXPECT_TRUE(IsStopWord("für", "de"));
  EXPECT_TRUE(IsStopWord("avec", "fr"));
  EXPECT_TRUE(IsStopWord("où", "fr"));
  EXPECT_TRUE(IsStopWord("también", "es"));
  EXPECT_TRUE(IsStopWord("perché", "it"));
  EXPECT_TRUE(IsStopWord("não", "pt"));
  EXPECT_TRUE(IsStopWord("zijn", "nl"));
  EXPECT_TRUE(IsStopWord("который", "ru"));
  EXPECT_TRUE(IsStopWord("في", "ar"));
  EXPECT_TRUE(IsStopWord("ikke", "da"));
  EXPECT_TRUE(IsStopWord("ikke", "nb"));  // Bokmål uses the Norwegian list
  EXPECT_FALSE(IsStopWord("und", "en"));
  EXPECT_FALSE(IsStopWord("haus", "de"));
}

TEST(IsStopWord, UnknownLanguageFallsBackToEnglish) {
  EXPECT_TRUE(IsStopWord("the", "xx"));
  EXPECT_TRUE(IsStopWord("the", ""));
}

TEST(IsStopWord, ListsAreFoldedAndNonTrivial) {
  for (const internal::StopList& l : internal::AllStopLists()) {
    EXPECT_GE(l.words->size(), 30u) << l.language;
    for (std::string_view w : *l.words) EXPECT_EQ(Fold(w), w) << l.language << ": " << w;
  }
  EXPECT_GE(internal::StopWordSet("en")->size(), 150u);
}

}  // namespace
}  // namespace parallax::text
