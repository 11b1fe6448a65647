// Tokens for the quantity scanner: a small tokenizer of its own because the
// shared one joins "30-40" and "2.5bn" into single tokens, and quantities need
// the pieces ("30", "-", "40"; "2.5", "bn") with their adjacency.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::quantity {

enum class Tok { kWord, kNumber, kSymbol, kPunct };

struct Token {
  size_t begin = 0, end = 0;  // bytes
  Tok kind = Tok::kWord;
  std::string lower;          // ASCII-lowercased text; symbols as written
  bool attached = false;      // no space between this token and the previous one
  bool capital = false;       // word starting with an uppercase ASCII letter
  bool has_colon = false;     // number with an internal ':' ("10:30")
  double value = 0;           // kNumber: parsed value
  int digits_before_point = 0;
  bool grouped = false;       // kNumber: had thousands separators
  bool decimal = false;       // kNumber: had a decimal point
};

std::vector<Token> Scan(std::string_view text);

// Word tables (lowercase). Each returns false / 0 when the word is not one.
int SmallNumber(std::string_view w);       // zero..nineteen -> 0..19, -1 if not
int TensNumber(std::string_view w);        // twenty..ninety -> 20..90, 0 if not
double ScaleWord(std::string_view w);      // hundred, thousand, million, bn, k, lakh...
int OrdinalWord(std::string_view w);       // first..twentieth, thirtieth.. -> n; plural too
bool OrdinalPlural(std::string_view w);    // "fifths", "thirds", "quarters", "halves"
int MonthWord(std::string_view w);         // january / jan / jan. -> 1..12
bool WeekdayWord(std::string_view w);
const char* CurrencySymbol(std::string_view sym);  // "$" -> USD
const char* CurrencyWord(std::string_view w);      // "dollars" -> USD, "usd" -> USD
bool IdentifierNoun(std::string_view w);   // resolution, flight, route, page, no...
bool PersonNoun(std::string_view w);       // people, civilians, residents, ...
double VulgarFraction(std::string_view sym);

}  // namespace parallax::quantity
