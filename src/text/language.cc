// DetectLanguage without a trained model: the writing system decides most
// languages outright (Greek, Hebrew, Thai, the Indic scripts, Hangul, kana);
// within a shared script, distinctive letters and function words decide
// (Cyrillic: і/ї/є for Ukrainian, ы/э for Russian, ъ for Bulgarian; Arabic
// script: ے/ں for Urdu, پ/گ/ی for Persian; Latin: the stop word lists of
// stopwords.cc plus letters such as ß, ñ, ã, ł, ř, ő, ş, ș). Returns "" when
// the text is short or two languages score too close to call.
#include <unicode/uscript.h>

#include <array>
#include <string>

#include "parallax/text.h"
#include "text/language_scores.h"
#include "text/lexicon.h"
#include "text/utf8.h"

namespace parallax::text {
namespace {

using internal::Decode;
using internal::kInvalid;

constexpr size_t kMaxBytes = 16 * 1024;  // enough evidence; keeps long texts cheap
constexpr int kMinLetters = 20;

struct ScriptName {
  UScriptCode script;
  const char* language;  // "" = needs a closer look
};

// Scripts that identify one language (in news text).
constexpr ScriptName kScriptLanguages[] = {
    {USCRIPT_GREEK, "el"},     {USCRIPT_HEBREW, "he"},    {USCRIPT_THAI, "th"},
    {USCRIPT_BENGALI, "bn"},   {USCRIPT_TAMIL, "ta"},     {USCRIPT_TELUGU, "te"},
    {USCRIPT_GUJARATI, "gu"},  {USCRIPT_GURMUKHI, "pa"},  {USCRIPT_KANNADA, "kn"},
    {USCRIPT_MALAYALAM, "ml"}, {USCRIPT_GEORGIAN, "ka"},  {USCRIPT_ARMENIAN, "hy"},
    {USCRIPT_ETHIOPIC, "am"},  {USCRIPT_KHMER, "km"},     {USCRIPT_LAO, "lo"},
    {USCRIPT_MYANMAR, "my"},   {USCRIPT_SINHALA, "si"},   {USCRIPT_HANGUL, "ko"},
    {USCRIPT_TIBETAN, "bo"},   {USCRIPT_ORIYA, "or"},
};

}  // namespace

std::string DetectLanguage(std::string_view text) {
  if (text.size() > kMaxBytes) {
    size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  internal::ScriptTally tally;
  std::string word;  // current lowercase word (any script)
  auto end_word = [&](bool elided = false) {
    if (!word.empty()) tally.AddWord(word, elided);
    word.clear();
  };
  size_t i = 0;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        ++tally.letters;
        ++tally.scripts[USCRIPT_LATIN];
        word.push_back(static_cast<char>(b | 0x20));
      } else {
        end_word(b == '\'');
      }
      continue;
    }
    size_t len = 0;
    char32_t cp = Decode(text, i, &len);
    i += len;
    if (cp == kInvalid) {
      end_word();
      continue;
    }
    auto cat = internal::Category(cp);
    if (internal::IsMarkCategory(cat)) {
      internal::Append(word, cp);  // combining marks belong to the word
      continue;
    }
    if (!internal::IsLetterCategory(cat)) {
      end_word(cp == 0x2019);
      continue;
    }
    char32_t lower = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
    if (U_FAILURE(err)) continue;
    ++tally.letters;
    if (sc >= 0 && sc < USCRIPT_CODE_LIMIT) ++tally.scripts[sc];
    tally.AddLetter(lower);
    if (internal::IsCjk(cp)) {
      end_word();  // ideographs and kana are not space-separated words
    } else {
      internal::Append(word, lower);
    }
  }
  end_word();

  if (tally.letters < kMinLetters) return "";
  int best = USCRIPT_LATIN;
  for (int s = 0; s < USCRIPT_CODE_LIMIT; ++s) {
    if (tally.scripts[s] > tally.scripts[best]) best = s;
  }
  const int han = tally.scripts[USCRIPT_HAN];
  const int kana = tally.scripts[USCRIPT_HIRAGANA] + tally.scripts[USCRIPT_KATAKANA];
  const int hangul = tally.scripts[USCRIPT_HANGUL];
  if (best == USCRIPT_HAN || best == USCRIPT_HIRAGANA || best == USCRIPT_KATAKANA ||
      (best == USCRIPT_HANGUL && hangul < han + kana)) {
    if (hangul > han + kana) return "ko";
    return kana * 10 >= han + kana ? "ja" : "zh";
  }
  for (const ScriptName& s : kScriptLanguages) {
    if (s.script == best) return s.language;
  }
  switch (best) {
    case USCRIPT_LATIN:
      return internal::DecideLatin(tally);
    case USCRIPT_CYRILLIC:
      return internal::DecideCyrillic(tally);
    case USCRIPT_ARABIC:
      return internal::DecideArabic(tally);
    case USCRIPT_DEVANAGARI:
      return internal::DecideDevanagari(tally);
    default:
      return "";
  }
}

}  // namespace parallax::text
