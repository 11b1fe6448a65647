// Rules for vague references ("now", "recently", "the coming days", "the
// quarter") and sets ("every week", "daily", "on Sundays", "each July").
#include <cstdio>

#include "extract/timex/scanner.h"

namespace parallax::timex::internal {

std::optional<Match> Scanner::Reference(size_t i) const {
  if (!IsWord(i)) return std::nullopt;
  const std::string& w = toks_[i].low;
  if (w == "now" || w == "currently" || w == "nowadays" || w == "presently") {
    return Simple(i, i + 1, Fixed("PRESENT_REF"));
  }
  if (w == "right" && Is(i + 1, "now")) return Simple(i, i + 2, Fixed("PRESENT_REF"));
  if ((w == "these" && Is(i + 1, "days")) || (w == "at" && Is(i + 1, "present"))) {
    return Simple(i, i + 2, Fixed("PRESENT_REF"));
  }
  if (w == "recently" || w == "lately") {
    return Simple(i, i + 1, Fixed("PAST_REF"));
  }
  // "soon" ahead of the anchor ("may soon seek"); not "was soon released",
  // "soon became a flood" (soon after a past event), "soon after the
  // attack" or the conjunction "as soon as".
  if (w == "soon" && !IsAnyOf(i + 1, {"after", "afterward", "afterwards", "thereafter"}) &&
      !(i > 0 && Is(i - 1, "as") && Is(i + 1, "as")) &&
      ((i > 0 && IsAnyOf(i - 1, {"will", "ll", "would", "may", "might", "could", "should", "can", "must"})) ||
       Tense(i, i + 1) >= 0)) {
    return Simple(i, i + 1, Fixed("FUTURE_REF"));
  }
  if (w == "as" && Is(i + 1, "soon") && Is(i + 2, "as") && IsAnyOf(i + 3, {"possible", "practicable"})) {
    return Simple(i, i + 4, Fixed("FUTURE_REF"));
  }
  // "recent days/weeks/months/years"
  if (w == "recent" && W(i + 1) != nullptr && W(i + 1)->plural && W(i + 1)->unit != Granularity::kNone) {
    return Simple(i, i + 2, Fixed(DurationValue(-1, *W(i + 1))), TimexType::kDuration);
  }
  // "years ago", "decades earlier"
  if (W(i) != nullptr && W(i)->plural && W(i)->unit != Granularity::kNone && Is(i + 1, "ago")) {
    return Simple(i, i + 2, Fixed("PAST_REF"));
  }
  if (w == "the") {
    // "the past", "the future", "the near future", "the coming days", "the weeks ahead"
    if (Is(i + 1, "past") && !(W(i + 2) != nullptr && (W(i + 2)->unit != Granularity::kNone ||
                                                       W(i + 2)->cardinal != -1))) {
      if (IsWord(i + 2) && !IsAnyOf(i + 2, {"and", "or", "but", "is", "was", "the", "as", "in", "when"})) {
        return std::nullopt;  // "the past president"
      }
      return Simple(i, i + 2, Fixed("PAST_REF"));
    }
    if (Is(i + 1, "future")) return Simple(i, i + 2, Fixed("FUTURE_REF"));
    if (IsAnyOf(i + 1, {"near", "foreseeable", "distant"}) && Is(i + 2, "future")) {
      return Simple(i, i + 3, Fixed("FUTURE_REF"));
    }
    const Word* u = W(i + 2);
    if (Is(i + 1, "coming") && u != nullptr && u->plural && u->unit != Granularity::kNone) {
      return Simple(i, i + 3, Fixed("FUTURE_REF"));
    }
    u = W(i + 1);
    if (u != nullptr && u->plural && u->unit != Granularity::kNone && Is(i + 2, "ahead")) {
      return Simple(i, i + 3, Fixed(DurationValue(-1, *u)), TimexType::kDuration);
    }
    // "the quarter", "the latest quarter": in company news, the one just reported.
    size_t q = IsAnyOf(i + 1, {"latest", "recent"}) ? i + 2 : i + 1;
    if ((Is(q, "quarter") || (q == i + 2 && Is(q, "period"))) && !IsAnyOf(q + 1, {"-", "of"})) {
      return Simple(i, q + 1, Shift(Granularity::kQuarter, -1, Granularity::kQuarter));
    }
    if (Is(i + 1, "weekend")) {
      TimexMeaning m = Shift(Granularity::kWeekend, 0, Granularity::kWeekend);
      m.direction = -1;  // "the weekend": the one just past unless the sentence looks ahead
      return Simple(i, i + 2, m);
    }
  }
  if (w == "coming" && W(i + 1) != nullptr && W(i + 1)->plural && W(i + 1)->unit != Granularity::kNone &&
      i > 0 && IsAnyOf(i - 1, {"in", "over", "within"})) {
    return Simple(i, i + 2, Fixed("FUTURE_REF"));
  }
  // "for years", "for decades": a vague duration.
  if (W(i) != nullptr && W(i)->plural && W(i)->unit != Granularity::kNone && i > 0 &&
      IsAnyOf(i - 1, {"for", "within"}) && !IsAnyOf(i + 1, {"of", "to", "-"})) {
    return Simple(i, i + 1, Fixed(DurationValue(-1, *W(i))), TimexType::kDuration);
  }
  return std::nullopt;
}

std::optional<Match> Scanner::SetExpr(size_t i) const {
  if (!IsWord(i)) return std::nullopt;
  const std::string& w = toks_[i].low;
  static constexpr std::pair<const char*, const char*> kAdverbs[] = {
      {"daily", "P1D"}, {"weekly", "P1W"}, {"monthly", "P1M"}, {"annually", "P1Y"},
      {"yearly", "P1Y"}, {"hourly", "PT1H"}, {"nightly", "P1D"}};
  for (auto [word, value] : kAdverbs) {
    if (w == word) return Simple(i, i + 1, Fixed(value), TimexType::kSet);
  }
  // "on Mondays", "Tuesday nights": a weekday that recurs.
  if (toks_[i].cap && w.size() > 6 && w.back() == 's' && !Is(i + 1, "'")) {
    const Word* day = LookUp(std::string_view(w).substr(0, w.size() - 1));
    if (day != nullptr && day->weekday != 0 && !day->weekday_abbr) {
      return Simple(i, i + 1, Fixed("XXXX-WXX-" + std::to_string(day->weekday)), TimexType::kSet);
    }
  }
  if (toks_[i].cap && W(i) != nullptr && W(i)->weekday != 0 && !W(i)->weekday_abbr && Is(i + 1, "nights")) {
    return Simple(i, i + 2, Fixed("XXXX-WXX-" + std::to_string(W(i)->weekday) + "TNI"), TimexType::kSet);
  }
  if (w == "every" || w == "each" || w == "per") {
    size_t j = i + 1;
    if (Is(j, "other")) ++j;
    int weekday = 0;
    if (auto e = Weekday(j, &weekday)) {
      return Simple(i, *e, Fixed("XXXX-WXX-" + std::to_string(weekday)), TimexType::kSet);
    }
    // "each July", "every summer"
    int month = 0;
    if (auto e = Month(j, &month); e && !IsNum(*e)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-%02d", month);
      return Simple(i, *e, Fixed(buf), TimexType::kSet);
    }
    if (W(j) != nullptr && !W(j)->season.empty()) {
      return Simple(i, j + 1, Fixed("XXXX-" + W(j)->season), TimexType::kSet);
    }
    const Word* u = W(j);
    if (u != nullptr && !u->plural && (u->unit != Granularity::kNone || u->time_unit != 0) &&
        u->unit != Granularity::kWeekend) {
      return Simple(i, j + 1, Fixed(DurationValue(Is(i + 1, "other") ? 2 : 1, *u)), TimexType::kSet);
    }
  }
  return std::nullopt;
}

}  // namespace parallax::timex::internal
