// Internal: evidence gathered by DetectLanguage in one pass (letters per
// script, counts of telling letters, function-word hits per language) and
// the per-script decisions made from it.
#pragma once

#include <unicode/uscript.h>

#include <array>
#include <string>
#include <string_view>

namespace parallax::text::internal {

// Languages whose function words are counted. The first ones have stop
// lists in stopwords.cc; the tail ones are detection-only lists.
enum Lang : int {
  kEn, kDe, kFr, kEs, kIt, kPt, kNl, kSv, kDa, kNo, kFi, kPl, kCs, kTr, kRo, kHu, kId,
  kRu, kUk, kBg, kAr, kCa, kSk, kHi, kMr, kNe, kLangCount
};

inline constexpr std::array<const char*, kLangCount> kLangCodes = {
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs", "tr",
    "ro", "hu", "id", "ru", "uk", "bg", "ar", "ca", "sk", "hi", "mr", "ne"};

struct ScriptTally {
  int letters = 0;
  int words = 0;
  std::array<int, USCRIPT_CODE_LIMIT> scripts{};
  std::array<int, 0x250 - 0x80> latin{};   // lowercase U+0080..U+024F
  std::array<int, 0x100> cyrillic{};       // U+0400..U+04FF
  std::array<int, 0x100> arabic{};         // U+0600..U+06FF
  int vietnamese = 0;                      // U+1EA0..U+1EF9 and ơ ư đ
  std::array<double, kLangCount> hits{};  // function words and word endings

  void AddLetter(char32_t lower) {
    if (lower >= 0x80 && lower < 0x250) ++latin[lower - 0x80];
    else if (lower >= 0x400 && lower < 0x500) ++cyrillic[lower - 0x400];
    else if (lower >= 0x600 && lower < 0x700) ++arabic[lower - 0x600];
    else if (lower >= 0x1EA0 && lower <= 0x1EF9) ++vietnamese;
  }
  // A lowercase word: counts function-word hits. `elided` when an
  // apostrophe follows it ("l'", "qu'").
  void AddWord(std::string_view word, bool elided);

  int Latin(char32_t lower) const { return latin[lower - 0x80]; }
  int Cyr(char32_t lower) const { return cyrillic[lower - 0x400]; }
  int Arab(char32_t cp) const { return arabic[cp - 0x600]; }
};

std::string DecideLatin(const ScriptTally& t);
std::string DecideCyrillic(const ScriptTally& t);
std::string DecideArabic(const ScriptTally& t);
std::string DecideDevanagari(const ScriptTally& t);

}  // namespace parallax::text::internal
