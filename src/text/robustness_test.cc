// Every public function on deterministic pseudo-random inputs built from
// the characters the rules care about (terminators, quotes, dots, digits,
// newlines, multi-byte fragments, invalid bytes): no crash, and the basic
// invariants of each result hold. Run under PARALLAX_SANITIZE for UB checks.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "parallax/text.h"

namespace parallax::text {
namespace {

const char* const kPieces[] = {
    ".", "?", "!", " ", "\n", "\n\n", "\"", "'", "(", ")", "U.S.", "Mr.", "a", "B", "1", "1.5",
    "...", "\xE2\x80\xA6", "\xE2\x80\x9D", "\xE2\x80\x9C", "\xE2\x80\x99", "\xE3\x80\x82",
    "\xD8\x9F", "\xC2\xA0", "\xCC\x81", "\xE2\x80\x8B", "\xFF", "\xE2\x80", "\xF0\x9F\x98\x80",
    "the", "The", "www.x.com", "a@b.cd", "-", "\xE2\x80\x94", "\t", "\r\n", "p.m.", "No.",
    "\xD0\x92", "\xE4\xB8\xAD", "\xE0\xA5\xA4", "@", ",", ":", "\xEF\xBC\x9F"};

uint64_t Next(uint64_t* state) {  // xorshift64*, fixed seed: reproducible
  *state ^= *state >> 12;
  *state ^= *state << 25;
  *state ^= *state >> 27;
  return *state * 0x2545F4914F6CDD1DULL;
}

TEST(Robustness, RandomCompositions) {
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  Stemmer stemmer("en");
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int pieces = static_cast<int>(Next(&state) % 40);
    for (int k = 0; k < pieces; ++k) text += kPieces[Next(&state) % std::size(kPieces)];
    std::string norm = Normalize(text, round % 2 == 0);
    ASSERT_EQ(Normalize(norm, round % 2 == 0), norm) << "not idempotent: " << text;
    Fold(text);
    size_t prev = 0;
    for (const Span& s : SplitSentences(text, round % 3 == 0 ? "de" : "en")) {
      ASSERT_LE(prev, s.begin) << text;
      ASSERT_LT(s.begin, s.end) << text;
      ASSERT_LE(s.end, text.size()) << text;
      prev = s.end;
    }
    prev = 0;
    for (const Token& t : Tokenize(text)) {
      ASSERT_LE(prev, t.begin) << text;
      ASSERT_LT(t.begin, t.end) << text;
      ASSERT_LE(t.end, text.size()) << text;
      prev = t.end;
    }
    for (const std::string& w : Words(text)) {
      ASSERT_FALSE(w.empty());
      stemmer.Stem(w);
      IsStopWord(w, "fr");
    }
    DetectLanguage(text);
  }
}

}  // namespace
}  // namespace parallax::text
