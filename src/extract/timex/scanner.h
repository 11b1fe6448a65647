// The time-expression scanner (internal): a token stream and the rules that
// match time expressions in it. Rules live in rules_*.cc, pieces (numbers,
// months, years) in pieces.cc, the driver in find.cc.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/timex/tokens.h"
#include "parallax/timex.h"

namespace parallax::timex::internal {

using Kind = TimexMeaning::Kind;
constexpr int kUnset = TimexMeaning::kUnset;

struct Match {
  size_t begin = 0;  // token range [begin, end)
  size_t end = 0;
  TimexType type = TimexType::kDate;
  TimexMeaning meaning;
};

TimexMeaning Fixed(std::string v);
TimexMeaning Shift(Granularity unit, int n, Granularity shown);
TimexMeaning Calendar(Granularity shown);
// A match of tokens [begin, end) with that meaning.
Match Simple(size_t begin, size_t end, TimexMeaning meaning, TimexType type = TimexType::kDate);

// "P3Y", "PT2H", "PXD" (n < 0: vague).
std::string DurationValue(int n, const Word& unit);

class Scanner {
 public:
  Scanner(std::string_view text, const TimexOptions& options)
      : text_(text), options_(options), toks_(internal::Tokenize(text)) {}

  std::vector<TimeExpression> Run();

 private:
  // Token helpers.
  size_t size() const { return toks_.size(); }
  bool Is(size_t i, std::string_view w) const { return i < size() && toks_[i].low == w; }
  bool IsWord(size_t i) const { return i < size() && toks_[i].kind == TokKind::kWord; }
  bool IsNum(size_t i) const { return i < size() && toks_[i].kind == TokKind::kNumber; }
  bool Adjacent(size_t i) const { return i < size() && !toks_[i].space_before; }
  const Word* W(size_t i) const { return i < size() ? toks_[i].word : nullptr; }
  bool IsAnyOf(size_t i, std::initializer_list<std::string_view> ws) const {
    if (i >= size()) return false;
    for (auto w : ws) if (toks_[i].low == w) return true;
    return false;
  }
  // Skips an optional '.' right after an abbreviation.
  size_t SkipDot(size_t i) const { return Is(i, ".") && Adjacent(i) ? i + 1 : i; }
  size_t SkipHyphen(size_t i) const { return Is(i, "-") ? i + 1 : i; }

  // Pieces.
  std::optional<size_t> Month(size_t i, int* month) const;
  std::optional<size_t> Weekday(size_t i, int* weekday) const;
  std::optional<size_t> DayNumber(size_t i, int* day) const;
  std::optional<size_t> Year(size_t i, int* year, bool loose) const;
  std::optional<size_t> Cardinal(size_t i, int* n) const;
  std::optional<size_t> Ordinal(size_t i, int* n) const;
  std::optional<size_t> AmPm(size_t i, bool* pm) const;
  std::optional<size_t> Zone(size_t i) const;
  // "quarter" in the sentence around [begin, end) (company results).
  bool QuarterContext(size_t begin, size_t end) const;

  // Rules; each returns a match starting at token i.
  std::optional<Match> NumericDate(size_t i) const;
  std::optional<Match> MonthDate(size_t i) const;
  std::optional<Match> DayMonthDate(size_t i) const;
  std::optional<Match> YearLike(size_t i) const;
  std::optional<Match> QuarterHalf(size_t i) const;
  std::optional<Match> Deictic(size_t i) const;
  std::optional<Match> WeekdayExpr(size_t i) const;
  std::optional<Match> SeasonExpr(size_t i) const;
  std::optional<Match> UnitExpr(size_t i) const;
  std::optional<Match> TimeOfDay(size_t i) const;
  std::optional<Match> Reference(size_t i) const;
  std::optional<Match> SetExpr(size_t i) const;
  std::optional<Match> HolidayExpr(size_t i) const;  // holidays.cc
  std::optional<Match> WeekOfExpr(size_t i) const;   // rules_week.cc

  std::optional<Match> Best(size_t i) const;
  std::optional<Match> WithModifiers(size_t i) const;
  std::optional<Match> Extend(Match m) const;
  // Context tense around tokens [begin, end): -1 past, +1 future, 0 unknown.
  int Tense(size_t begin, size_t end) const;
  // A date of day precision starting at i (for "3 p.m. Monday").
  std::optional<Match> DayAt(size_t i) const;
  // A programme or book title in quotes ("This Week", ''60 Minutes'').
  bool QuotedTitle(const Match& m) const;
  // The second day of a day range after `first` ("March 3 to 5").
  std::optional<Match> RangeEnd(const Match& first) const;

  std::string_view text_;
  const TimexOptions& options_;
  std::vector<Tok> toks_;
};

}  // namespace parallax::timex::internal
