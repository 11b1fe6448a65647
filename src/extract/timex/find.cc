// The scanner driver: picks the longest rule match at each token, adds
// modifiers ("early", "about"), reads the tense around the expression and
// produces values.
#include <algorithm>

#include "extract/timex/scanner.h"

namespace parallax::timex {
namespace internal {
namespace {

bool Longer(const std::optional<Match>& a, const std::optional<Match>& b) {
  if (!a) return false;
  if (!b) return true;
  return a->end > b->end;
}

bool IsPointDate(const Match& m) {
  return m.type == TimexType::kDate && m.meaning.granularity != Granularity::kNone;
}

// The day a resolved point value starts on, at the value's granularity
// (year, quarter, month or day), for anchoring narrative expressions.
std::optional<CivilDate> ReferenceDay(const TimeExpression& e) {
  const std::string& v = e.value;
  auto num = [&](size_t at, size_t n) {
    int x = 0;
    for (size_t k = at; k < at + n; ++k) {
      if (k >= v.size() || v[k] < '0' || v[k] > '9') return -1;
      x = x * 10 + (v[k] - '0');
    }
    return x;
  };
  int year = num(0, 4);
  if (year < 0 || (v.size() > 4 && v[4] != '-')) return std::nullopt;
  switch (e.meaning.granularity) {
    case Granularity::kYear: return CivilDate{year, 1, 1};
    case Granularity::kQuarter: {
      int q = v.size() == 7 && v[5] == 'Q' ? num(6, 1) : -1;
      if (q < 1 || q > 4) return std::nullopt;
      return CivilDate{year, 3 * q - 2, 1};
    }
    case Granularity::kMonth: {
      int mo = num(5, 2);
      if (mo < 1 || mo > 12) return std::nullopt;
      return CivilDate{year, mo, 1};
    }
    case Granularity::kDay:
    case Granularity::kPartOfDay:
    case Granularity::kTime: return ParseIsoDate(v);
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<Match> Scanner::DayAt(size_t i) const {
  std::optional<Match> best;
  for (auto m : {MonthDate(i), DayMonthDate(i), WeekdayExpr(i), Deictic(i), NumericDate(i), HolidayExpr(i)}) {
    if (m && m->meaning.granularity == Granularity::kDay && Longer(m, best)) best = m;
  }
  return best;
}

std::optional<Match> Scanner::Best(size_t i) const {
  std::optional<Match> best;
  for (auto m : {NumericDate(i), MonthDate(i), DayMonthDate(i), YearLike(i), QuarterHalf(i),
                 Deictic(i), WeekdayExpr(i), SeasonExpr(i), UnitExpr(i), TimeOfDay(i), Reference(i), SetExpr(i),
                 HolidayExpr(i), WeekOfExpr(i)}) {
    if (Longer(m, best)) best = m;
  }
  return best;
}

std::optional<Match> Scanner::WithModifiers(size_t i) const {
  // Position modifiers keep the value: "early next year", "mid-1990s",
  // "the end of March", "late yesterday".
  size_t j = i;
  bool part_of = false;  // "the end of", "the beginning of"
  if (Is(j, "the") && IsAnyOf(j + 1, {"early", "late", "mid"})) {  // "the mid-1990s"
    j = SkipHyphen(j + 2);
  } else if (IsAnyOf(j, {"early", "late", "mid"})) {
    j = SkipHyphen(j + 1);
  } else if ((Is(j, "the") && IsAnyOf(j + 1, {"end", "beginning", "start", "middle"}) && Is(j + 2, "of"))) {
    j += 3;
    part_of = true;
  } else if (Is(j, "end") && Is(j + 1, "of")) {
    j += 2;
    part_of = true;
  }
  if (j != i) {
    auto m = Best(j);
    if (m && IsPointDate(*m)) {
      m->begin = i;
      return Extend(*m);
    }
    // "the end of the year", "end of the month", "the end of year": the current one.
    size_t u = Is(j, "the") ? j + 1 : j;
    if (part_of && IsAnyOf(u, {"year", "month", "week"}) &&
        !IsAnyOf(u + 1, {"ended", "ending", "-", "'", "before", "after"})) {
      Granularity unit = W(u)->unit;
      Match e;
      e.begin = i;
      e.end = u + 1;
      e.meaning = Shift(unit, 0, unit);
      return e;
    }
    // "mid-afternoon yesterday", "late Monday night" is handled by the
    // weekday; "by mid afternoon": that part of the anchor's day.
    const Word* pod = W(j);
    if (pod != nullptr && !pod->part_of_day.empty() && toks_[j].low != "overnight" && !Is(i, "the")) {
      Match e;
      e.begin = i;
      e.type = TimexType::kTime;
      if (auto day = DayAt(j + 1)) {
        e.meaning = day->meaning;
        e.end = day->end;
      } else if (i > 0 && IsAnyOf(i - 1, {"by", "in", "at", "until", "since", "before", "after", "around"})) {
        e.meaning = Shift(Granularity::kDay, 0, Granularity::kDay);
        e.end = j + 1;
      } else {
        e.end = 0;
      }
      if (e.end != 0 && !(e.meaning.hour != kUnset)) {
        e.meaning.part_of_day = pod->part_of_day;
        e.meaning.granularity = Granularity::kPartOfDay;
        return e;
      }
    }
  }
  // Approximations keep the value of durations and distances: "about two
  // years ago", "nearly three years", "at least 10 days".
  j = i;
  if (IsAnyOf(j, {"about", "around", "nearly", "almost", "approximately", "roughly", "over", "under",
                  "within", "only"})) {
    j += 1;
  } else if ((IsAnyOf(j, {"more", "less", "fewer"}) && Is(j + 1, "than")) ||
             (Is(j, "at") && IsAnyOf(j + 1, {"least", "most"})) || (Is(j, "up") && Is(j + 1, "to")) ||
             (Is(j, "just") && IsAnyOf(j + 1, {"over", "under"}))) {
    j += 2;
  } else if (Is(j, "no") && Is(j + 1, "more") && Is(j + 2, "than")) {
    j += 3;
  }
  if (j != i) {
    auto m = Best(j);
    int n = 0;
    bool counted = m && m->begin == j && (Cardinal(j, &n) || Is(j, "the"));
    // TimeML leaves "within", "over" and "only" outside the expression.
    bool ok = m && (m->type == TimexType::kDuration || m->meaning.kind == Kind::kShift) && counted &&
              !IsAnyOf(i, {"over", "under", "within", "only"});
    // "around noon Friday", but not "get around Wednesday's ruling" (a
    // possessive date modifies the noun, "around" belongs to the verb).
    if (m && Is(i, "around") && (IsPointDate(*m) || m->type == TimexType::kTime) &&
        !(Is(m->end, "'") && Is(m->end + 1, "s"))) {
      ok = true;
    }
    if (ok) {
      m->begin = i;
      return Extend(*m);
    }
  }
  auto m = Best(i);
  if (!m) return std::nullopt;
  return Extend(*m);
}

std::optional<Match> Scanner::Extend(Match m) const {
  // "March 25 at 10 a.m.", "Monday, 3 p.m.": a day followed by its time.
  if (m.meaning.granularity == Granularity::kDay && m.type == TimexType::kDate &&
      (Is(m.end, "at") || Is(m.end, ","))) {
    auto t = TimeOfDay(m.end + 1);
    if (t && t->meaning.kind == Kind::kShift && t->meaning.shift == 0) {
      m.meaning.hour = t->meaning.hour;
      m.meaning.minute = t->meaning.minute;
      m.meaning.granularity = Granularity::kTime;
      m.type = TimexType::kTime;
      m.end = t->end;
    }
  }
  return m;
}

bool Scanner::QuotedTitle(const Match& m) const {
  // A title in quotes, every word capitalised: ABC's "This Week With David
  // Brinkley", CBS's ''60 Minutes'' are programmes, not times.
  auto quote = [&](size_t k) { return IsAnyOf(k, {"\"", "'", "`"}); };
  if (m.begin == 0 || !quote(m.begin - 1) || m.end - m.begin < 2) return false;
  // A capitalised unit ("Week", "Minutes") is the sign; month and weekday
  // names are capitalised anyway ("Monday, March 5").
  bool unit = false;
  for (size_t k = m.begin; k < m.end; ++k) {
    if (toks_[k].kind == TokKind::kWord && !toks_[k].cap) return false;
    if (W(k) != nullptr && (W(k)->unit != Granularity::kNone || W(k)->time_unit != 0)) unit = true;
  }
  if (!unit) return false;
  size_t after = IsAnyOf(m.end, {",", "."}) ? m.end + 1 : m.end;
  return quote(after) || (IsWord(m.end) && toks_[m.end].cap);
}

std::optional<Match> Scanner::RangeEnd(const Match& first) const {
  const TimexMeaning& f = first.meaning;
  if (first.type != TimexType::kDate || f.kind != Kind::kCalendar || f.granularity != Granularity::kDay ||
      f.month == kUnset || f.day == kUnset || f.holiday != kUnset) {
    return std::nullopt;
  }
  size_t j = first.end;
  if (!IsAnyOf(j, {"-", "to", "through", "and", "until", "till"})) return std::nullopt;
  ++j;
  if (!IsNum(j) || toks_[j].digits > 2 || toks_[j].value <= f.day || toks_[j].value > 31) return std::nullopt;
  // Not a time, an amount or the start of another date ("March 3 to 5 p.m.", "to 5%", "to 5 April").
  size_t after = j + 1;
  int month = 0;
  bool pm = false;
  if (IsAnyOf(after, {":", "%", "/"}) || (Is(after, ".") && Adjacent(after) && IsNum(after + 1)) ||
      Month(after, &month) || AmPm(after, &pm) || (W(after) != nullptr && (W(after)->unit != Granularity::kNone ||
                                                                           W(after)->time_unit != 0))) {
    return std::nullopt;
  }
  Match m;
  m.begin = j;
  m.end = j + 1;
  m.meaning = Calendar(Granularity::kDay);
  m.meaning.month = f.month;
  m.meaning.day = toks_[j].value;
  m.meaning.year = f.year;
  int year = 0;
  size_t y_at = Is(after, ",") ? after + 1 : after;
  if (auto y = Year(y_at, &year, false)) {
    m.meaning.year = year;
    m.end = *y;
  }
  return m;
}

std::vector<TimeExpression> Scanner::Run() {
  std::vector<TimeExpression> out;
  size_t chars = 0, counted_to = 0;
  auto char_at = [&](size_t byte) {
    for (; counted_to < byte; ++counted_to) {
      if ((static_cast<unsigned char>(text_[counted_to]) & 0xC0) != 0x80) ++chars;
    }
    return chars;
  };
  // The last date mentioned and its granularity: narrative expressions
  // ("the following year", "that day") are resolved against it.
  std::optional<CivilDate> reference;
  Granularity reference_granularity = Granularity::kNone;
  auto emit = [&](Match& m) {
    TimeExpression e;
    e.begin = toks_[m.begin].begin;
    e.end = toks_[m.end - 1].end;
    e.text.assign(text_.substr(e.begin, e.end - e.begin));
    e.type = m.type;
    e.meaning = std::move(m.meaning);
    if (e.meaning.granularity == Granularity::kTime || e.meaning.granularity == Granularity::kPartOfDay) {
      e.type = TimexType::kTime;
    }
    if (e.meaning.kind == Kind::kCalendar || e.meaning.kind == Kind::kWeekday ||
        e.meaning.granularity == Granularity::kWeekend) {
      e.meaning.tense = Tense(m.begin, m.end);
    }
    if (options_.anchor) {
      ResolveTimex(&e, *options_.anchor);
    } else {
      e.value = UnanchoredValue(e.meaning, &e.anchored);
    }
    if (e.meaning.narrative && reference && reference_granularity >= e.meaning.granularity) {
      e.value = ResolveValue(e.meaning, *reference);
      e.anchored = true;
    }
    if (e.anchored && e.type != TimexType::kDuration && e.type != TimexType::kSet) {
      if (auto day = ReferenceDay(e)) {
        reference = day;
        reference_granularity = std::min(e.meaning.granularity, Granularity::kDay);
      }
    }
    e.char_begin = char_at(e.begin);
    e.char_end = char_at(e.end);
    out.push_back(std::move(e));
  };
  for (size_t i = 0; i < size();) {
    auto m = WithModifiers(i);
    if (!m || m->end <= i) {
      ++i;
      continue;
    }
    if (QuotedTitle(*m)) {
      i = m->end;
      continue;
    }
    // "March 3 to 5", "Nov. 7-9, 2024": the second day is its own expression
    // in the same month; a year after it belongs to both.
    auto second = RangeEnd(*m);
    if (second && second->meaning.year != kUnset) m->meaning.year = second->meaning.year;
    i = second ? second->end : m->end;
    emit(*m);
    if (second) {
      if (second->meaning.year == kUnset && out.back().anchored) {
        if (auto first_day = ParseIsoDate(out.back().value)) second->meaning.year = first_day->year;
      }
      emit(*second);
    }
  }
  return out;
}

}  // namespace internal

std::vector<TimeExpression> FindTimexes(std::string_view text, const TimexOptions& options) {
  internal::Scanner scanner(text, options);
  return scanner.Run();
}

}  // namespace parallax::timex
