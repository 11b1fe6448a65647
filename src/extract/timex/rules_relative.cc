// Rules for expressions relative to the anchor ("yesterday", "last week",
// "two years ago"), durations and times of day. Vague references and sets:
// rules_vague.cc.
#include "extract/timex/scanner.h"

namespace parallax::timex::internal {
namespace {

int Direction(std::string_view w) {
  if (w == "last" || w == "past" || w == "previous") return -1;
  if (w == "next" || w == "coming" || w == "following") return 1;
  return 0;  // this, current
}

// n and a half units: "P2Y6M", "PT5H30M", "PT1M30S", "P3DT12H"; nullopt
// for units whose half is not a whole smaller unit.
std::optional<std::string> HalfDurationValue(int n, const Word& u) {
  std::string c = std::to_string(n);
  if (u.time_unit == 'H') return "PT" + c + "H30M";
  if (u.time_unit == 'M') return "PT" + c + "M30S";
  if (u.unit == Granularity::kYear) return "P" + c + "Y6M";
  if (u.unit == Granularity::kDay) return "P" + c + "DT12H";
  return std::nullopt;
}

}  // namespace

std::optional<Match> Scanner::Deictic(size_t i) const {
  if (!IsWord(i)) return std::nullopt;
  const std::string& w = toks_[i].low;
  int day = kUnset;
  size_t j = i + 1;
  if (w == "today") day = 0;
  if (w == "yesterday") day = -1;
  if (w == "tomorrow") day = 1;
  if (w == "tonight") {
    TimexMeaning m = Shift(Granularity::kDay, 0, Granularity::kPartOfDay);
    m.part_of_day = "NI";
    return Simple(i, j, m, TimexType::kTime);
  }
  if (Is(i, "the") && Is(i + 1, "day") && IsAnyOf(i + 2, {"before", "after"}) &&
      IsAnyOf(i + 3, {"yesterday", "tomorrow"})) {
    day = Is(i + 3, "yesterday") ? -2 : 2;
    j = i + 4;
  }
  if (day != kUnset) {
    TimexMeaning m = Shift(Granularity::kDay, day, Granularity::kDay);
    const Word* pod = W(j);
    if (pod != nullptr && !pod->part_of_day.empty() && toks_[j].low != "overnight") {
      m.part_of_day = pod->part_of_day;
      m.granularity = Granularity::kPartOfDay;
      return Simple(i, j + 1, m, TimexType::kTime);
    }
    return Simple(i, j, m);
  }
  // "that year", "that quarter", "that month": the period of the last date
  // mentioned ("that day" is too often generic: "redemptions that day").
  if (w == "that" && IsAnyOf(i + 1, {"year", "quarter", "month"}) && !IsAnyOf(i + 2, {"-", "'"})) {
    TimexMeaning m = Shift(W(i + 1)->unit, 0, W(i + 1)->unit);
    m.narrative = true;
    return Simple(i, i + 2, m);
  }
  // "by year-end", "around year end", "by year's end": the anchor's year.
  if (w == "year" && i > 0 &&
      IsAnyOf(i - 1, {"by", "at", "around", "until", "till", "before", "toward", "towards", "near"})) {
    size_t e = Is(i + 1, "-") ? i + 2 : Is(i + 1, "'") && Is(i + 2, "s") ? i + 3 : i + 1;
    if (Is(e, "end") && !Is(e + 1, "-")) return Simple(i, e + 1, Shift(Granularity::kYear, 0, Granularity::kYear));
  }
  // "the year": "the year ended Sept. 30" is a year-long period (P1Y);
  // "for the year", "the first nine months of the year" the anchor's year.
  if ((w == "the" || ((w == "earlier" || w == "later") && Is(i + 1, "in") && Is(i + 2, "the"))) &&
      Is(w == "the" ? i + 1 : i + 3, "year")) {
    size_t y = w == "the" ? i + 1 : i + 3;
    if (Is(y + 1, "ended") || Is(y + 1, "ending")) {
      if (w != "the") return std::nullopt;
      return Simple(i, y + 1, Fixed("P1Y"), TimexType::kDuration);
    }
    // "Person of the Year" is a title.
    bool framed = !toks_[y].cap &&
                  (w != "the" || (i > 0 && IsAnyOf(i - 1, {"for", "of", "during", "through", "throughout"})));
    if (framed && !IsAnyOf(y + 1, {"before", "after", "earlier", "later", "when", "in", "that", "-", "'"}) &&
        !(IsWord(y + 1) && toks_[y + 1].cap) && !IsNum(y + 1) && W(y + 1) == nullptr) {
      return Simple(i, y + 1, Shift(Granularity::kYear, 0, Granularity::kYear));
    }
  }
  if (w == "the" && Is(i + 1, "fiscal") && Is(i + 2, "year") && IsAnyOf(i + 3, {"ended", "ending"})) {
    return Simple(i, i + 3, Fixed("P1Y"), TimexType::kDuration);
  }
  // "the full year": the anchor's (company results).
  if (w == "the" && Is(i + 1, "full") && Is(i + 2, "year") && !IsAnyOf(i + 3, {"ended", "ending", "-", "'"})) {
    return Simple(i, i + 3, Shift(Granularity::kYear, 0, Granularity::kYear));
  }
  // "the week of March 6": the week containing that day.
  if (w == "the" && Is(i + 1, "week") && Is(i + 2, "of")) {
    if (auto date = DayAt(i + 3)) {
      Match m = *date;
      m.begin = i;
      m.meaning.granularity = Granularity::kWeek;
      m.meaning.hour = m.meaning.minute = kUnset;
      m.meaning.part_of_day.clear();
      return m;
    }
  }
  // "earlier this year", "later this month", "earlier this week"
  size_t k = i;
  if (IsAnyOf(k, {"earlier", "later"}) && IsAnyOf(k + 1, {"this", "last", "next"})) ++k;
  bool the = Is(k, "the");
  if (the) ++k;
  if (!IsAnyOf(k, {"this", "last", "next", "past", "coming", "previous", "current", "following"})) {
    return std::nullopt;
  }
  int dir = Direction(toks_[k].low);
  size_t u = k + 1;
  if (Is(u, "fiscal") && Is(u + 1, "year")) ++u;  // "the current fiscal year", "last fiscal year"
  if (Is(k, "this") && IsAnyOf(u, {"past", "coming"})) {
    dir = Is(u, "past") ? -1 : 1;
    ++u;
  }
  // "last night", "this morning"
  const Word* uw = W(u);
  if (uw == nullptr) return std::nullopt;
  if (!uw->part_of_day.empty() && !the && toks_[u].low != "overnight") {
    if (Is(k, "next") || Is(k, "last") || Is(k, "this")) {
      int shift = Is(k, "this") ? 0 : dir;
      TimexMeaning m = Shift(Granularity::kDay, shift, Granularity::kPartOfDay);
      m.part_of_day = uw->part_of_day;
      return Simple(i, u + 1, m, TimexType::kTime);
    }
    return std::nullopt;
  }
  // "last March", "this summer", "next spring"
  if (!the && (uw->month != 0 || !uw->season.empty())) {
    if (uw->month != 0 && !toks_[u].cap) return std::nullopt;
    if (uw->season.empty() && uw->month_abbr && toks_[u].low != "may") return std::nullopt;
    TimexMeaning m = Calendar(uw->month != 0 ? Granularity::kMonth : Granularity::kSeason);
    m.month = uw->month != 0 ? uw->month : kUnset;
    m.season = uw->season;
    if (dir == 0) {
      m.year_shift = 0;
    } else {
      m.direction = dir;
    }
    return Simple(i, u + 1, m);
  }
  if (uw->unit == Granularity::kNone || uw->plural) return std::nullopt;
  if (the) {
    // "the past week", "the next year": a period ending or starting now.
    if (dir == 0 && !Is(k, "current")) return std::nullopt;
    if (Is(k, "current")) {
      return Simple(i, u + 1, Shift(uw->unit, 0, uw->unit));
    }
    // TimeML marks "the past year", "the last decade" as the calendar period.
    if (uw->time_unit != 0) return std::nullopt;
    TimexMeaning m = Shift(uw->unit, dir, uw->unit);
    // "the following year", "the previous month", "the next day": from the
    // narrative's last date ("the next year" is the one after now).
    m.narrative = IsAnyOf(k, {"following", "previous"}) || (Is(k, "next") && uw->unit == Granularity::kDay);
    return Simple(i, u + 1, m);
  }
  if (Is(k, "past") || Is(k, "coming") || Is(k, "following") || Is(k, "current")) return std::nullopt;
  // "last week Sunday", "next week Friday": that weekday of that week.
  if (uw->unit == Granularity::kWeek && !Is(i, "earlier") && !Is(i, "later") && W(u + 1) != nullptr &&
      W(u + 1)->weekday != 0 && toks_[u + 1].cap && !W(u + 1)->weekday_abbr) {
    TimexMeaning m = Shift(Granularity::kWeek, dir, Granularity::kDay);
    m.weekday = W(u + 1)->weekday;
    return Simple(i, u + 2, m);
  }
  TimexMeaning m = Shift(uw->unit, dir, uw->unit);
  m.narrative = Is(k, "previous");
  return Simple(i, u + 1, m);
}

std::optional<Match> Scanner::UnitExpr(size_t i) const {
  size_t j = i;
  bool the = Is(j, "the");
  if (the) ++j;
  bool framed = false;  // "the past", "the next", ... before the count
  if (IsAnyOf(j, {"past", "last", "next", "coming", "first", "previous", "following", "final",
                  "latest", "initial", "remaining", "same"})) {
    framed = true;
    ++j;
  } else if (the) {
    // "the two years", "the nine months": only with an explicit number.
  }
  int n = 0;
  auto c = Cardinal(j, &n);
  if (!c) {
    // "year-earlier", "year-ago": the same period a year before.
    if (Is(j, "year") && Is(j + 1, "-") && IsAnyOf(j + 2, {"earlier", "ago"})) {
      size_t e = j + 3;
      Granularity shown = Granularity::kYear;
      if (IsAnyOf(e, {"quarter", "period"})) {
        shown = Granularity::kQuarter;
        ++e;
      } else if (the) {
        return std::nullopt;
      }
      if (shown == Granularity::kQuarter || QuarterContext(j, e)) {
        return Simple(the ? i : j, e, Shift(Granularity::kQuarter, -5, Granularity::kQuarter));
      }
      return Simple(the ? i : j, e, Shift(Granularity::kYear, -1, shown));
    }
    // "the day before last Tuesday's hearing", "the day after Christmas"
    if (the && Is(j, "day") && IsAnyOf(j + 1, {"before", "after"})) {
      if (auto day = DayAt(j + 2); day && day->meaning.granularity == Granularity::kDay &&
                                   day->meaning.offset_unit == Granularity::kNone) {
        Match m = *day;
        m.begin = i;
        m.meaning.offset_unit = Granularity::kDay;
        m.meaning.offset = Is(j + 1, "before") ? -1 : 1;
        return m;
      }
    }
    return std::nullopt;
  }
  if (the && !framed && n == 1 && IsAnyOf(j, {"a", "an"})) return std::nullopt;
  // "two more weeks", "an additional year": the count of a further stretch.
  size_t counted = *c;
  if (IsAnyOf(counted, {"more", "additional", "extra", "further"}) && W(counted + 1) != nullptr &&
      (W(counted + 1)->unit != Granularity::kNone || W(counted + 1)->time_unit != 0)) {
    ++counted;
  }
  // "2 1/2 years", "two and a half hours"
  size_t after = counted;
  bool half = false;
  if (n > 0 && IsNum(after) && toks_[after].value == 1 && Is(after + 1, "/") && Adjacent(after + 1) &&
      IsNum(after + 2) && toks_[after + 2].value == 2 && Adjacent(after + 2)) {
    half = true;
    after += 3;
  } else if (n > 0 && Is(after, "and") && Is(after + 1, "a") && Is(after + 2, "half")) {
    half = true;
    after += 3;
  }
  size_t k = SkipHyphen(after);
  bool hyphen = k != after;
  const Word* u = W(k);
  // "a fortnight", "two fortnights": counted here as weeks (and only here,
  // so "last fortnight" is not mistaken for "last week").
  bool fortnight = IsAnyOf(k, {"fortnight", "fortnights"}) && n > 0;
  if (fortnight) u = LookUp(toks_[k].low == "fortnight" ? "week" : "weeks");
  if (u == nullptr || (u->unit == Granularity::kNone && u->time_unit == 0)) return std::nullopt;
  // "one day" in "one day he will" is vague; "a second" as in "a second time" is not a unit.
  if (toks_[k].low == "second" && !u->plural && n == 1 && IsAnyOf(j, {"a", "one"}) &&
      !IsAnyOf(k + 1, {"ago", "later", "earlier", ".", ","})) {
    return std::nullopt;
  }
  if (IsAnyOf(j, {"a", "an"}) && n == 1 && u->plural) return std::nullopt;
  // "the twenty second" is an ordinal; "three-quarters of" a fraction.
  if (toks_[k].low == "second" && W(j) != nullptr && W(j)->tens) return std::nullopt;
  if (hyphen && u->unit == Granularity::kQuarter && Is(k + 1, "of")) return std::nullopt;
  if (IsAnyOf(j, {"several", "few", "many", "some", "numerous"}) && !u->plural) return std::nullopt;
  if (Is(j, "some") && !framed) return std::nullopt;
  if (fortnight) n *= 2;
  size_t end = k + 1;
  size_t begin = the || framed ? i : j;
  // "a year-earlier loss": the adjective "year-earlier" is the expression.
  if (Is(end, "-") && IsAnyOf(end + 1, {"earlier", "ago"})) return std::nullopt;
  // Ages ("52 years old", "a 10-year-old") are not time expressions.
  if (Is(end, "old") || (Is(end, "-") && Is(end + 1, "old"))) return std::nullopt;
  // "the 1988 quarter" is a date, not 1988 quarters.
  if (IsNum(j) && toks_[j].digits == 4 && !u->plural) return std::nullopt;
  // "two years ago", "a week earlier", "three days from now"
  if (!hyphen && !the && !framed && u->time_unit == 0 && n > 0 && u->unit != Granularity::kWeekend) {
    // "three days from today", "two weeks before today", "4 days after tomorrow"
    int base = IsAnyOf(end + 1, {"today"}) ? 0 : Is(end + 1, "tomorrow") ? 1 : Is(end + 1, "yesterday") ? -1
                                                                                 : kUnset;
    if (IsAnyOf(end, {"from", "after", "before"}) && base != kUnset && !Is(end + 2, "'")) {
      int sign = Is(end, "before") ? -1 : 1;
      if (u->unit == Granularity::kDay || u->unit == Granularity::kWeek) {
        int days = (u->unit == Granularity::kWeek ? 7 : 1) * n * sign + base;
        return Simple(begin, end + 2, Shift(Granularity::kDay, days, Granularity::kDay));
      }
      if (base == 0) {
        TimexMeaning m = Shift(u->unit, n * sign, Granularity::kDay);
        return Simple(begin, end + 2, m);
      }
    }
  }
  // "two weeks before Christmas", "three days after the March 3 vote"
  if (!hyphen && !the && !framed && u->time_unit == 0 && n > 0 && IsAnyOf(end, {"before", "after"}) &&
      (u->unit == Granularity::kDay || u->unit == Granularity::kWeek || u->unit == Granularity::kMonth ||
       u->unit == Granularity::kYear)) {
    size_t at = Is(end + 1, "the") && W(end + 2) == nullptr ? end + 2 : end + 1;
    // Also "three days after Monday's attack", "a week before last Sunday".
    if (auto day = DayAt(at); day && day->meaning.granularity == Granularity::kDay &&
                              day->meaning.offset_unit == Granularity::kNone) {
      Match m = *day;
      m.begin = begin;
      m.meaning.offset_unit = u->unit;
      m.meaning.offset = Is(end, "before") ? -n : n;
      return m;
    }
  }
  if (!hyphen && !the && !framed && u->time_unit == 0) {
    if (IsAnyOf(end, {"ago", "earlier"}) || (Is(end, "from") && Is(end + 1, "now"))) {
      bool back = !Is(end, "from");
      size_t e = back ? end + 1 : end + 2;
      if (n < 0) return Simple(begin, e, Fixed(back ? "PAST_REF" : "FUTURE_REF"));
      Granularity shown = u->unit == Granularity::kWeekend ? Granularity::kWeek : u->unit;
      if (back && n == 1 && u->unit == Granularity::kYear && QuarterContext(begin, e)) {
        // "Profit rose 5% from a year ago": the reported quarter a year before.
        return Simple(begin, e, Shift(Granularity::kQuarter, -5, Granularity::kQuarter));
      }
      return Simple(begin, e, Shift(u->unit, back ? -n : n, shown));
    }
  }
  if (IsAnyOf(j, {"a", "an"}) && !framed && !the) {
    // "$5 million a year", "twice a day": a rate, not a duration.
    if (i > 0 && (IsNum(i - 1) || IsAnyOf(i - 1, {"once", "twice", "times", "%", "million", "billion",
                                                  "percent", "dollars", "cents", "euros"}))) {
      return Simple(j, end, Fixed(DurationValue(n, *u)), TimexType::kSet);
    }
  }
  if (u->unit == Granularity::kWeekend) return std::nullopt;
  // "a minute and a half", "an hour and a half"
  if (!half && n > 0 && Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half")) {
    half = true;
    end += 3;
  }
  if (half) {
    if (auto v = HalfDurationValue(n, *u)) return Simple(begin, end, Fixed(*v), TimexType::kDuration);
  }
  return Simple(begin, end, Fixed(DurationValue(n == -2 ? -1 : n, *u)), TimexType::kDuration);
}

std::optional<Match> Scanner::TimeOfDay(size_t i) const {
  int hour = -1, minute = 0;
  size_t j = i;
  if (Is(i, "noon") || Is(i, "midday")) {
    hour = 12;
    j = i + 1;
  } else if (Is(i, "midnight")) {
    // "midnight Friday" ends Friday: T24:00 of that day (ISO 8601), not
    // the T00:00 that starts it.
    hour = 24;
    j = i + 1;
  } else if (IsNum(i) && toks_[i].digits <= 2 && toks_[i].value <= 23) {
    hour = toks_[i].value;
    j = i + 1;
    bool colon = false;
    if ((Is(j, ":") || Is(j, ".")) && Adjacent(j) && IsNum(j + 1) && Adjacent(j + 1) &&
        toks_[j + 1].digits == 2 && toks_[j + 1].value < 60) {
      minute = toks_[j + 1].value;
      j += 2;
      colon = true;
    }
    bool pm = false;
    if (auto a = AmPm(j, &pm)) {
      if (hour < 1 || hour > 12) return std::nullopt;
      if (pm && hour != 12) hour += 12;
      if (!pm && hour == 12) hour = 0;
      j = *a;
    } else if (Is(j, "o") && Is(j + 1, "'") && Is(j + 2, "clock")) {
      j += 3;
    } else if (!(colon && (Is(i - 1, "at") || Zone(j)))) {
      return std::nullopt;
    }
    // An amount, not a time: "at 2.46 billion guilders".
    if (IsAnyOf(j, {"million", "billion", "trillion", "%", "percent"})) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (auto z = Zone(j)) j = *z;
  TimexMeaning m = Shift(Granularity::kDay, 0, Granularity::kTime);
  // "3 p.m. Monday", "noon Saturday", "9 p.m. EST, Nov. 9", "10 a.m. on March 25"
  size_t d_at = Is(j, ",") || Is(j, "on") ? j + 1 : j;
  if (auto day = DayAt(d_at)) {
    m = day->meaning;
    j = day->end;
  } else if (Is(i, "noon") || Is(i, "midnight") || Is(i, "midday")) {
    // A bare "noon" is often not a time of this day ("high noon"): keep it only with "at".
    if (!(i > 0 && IsAnyOf(i - 1, {"at", "by", "until", "before", "after"}))) return std::nullopt;
  }
  m.hour = hour;
  m.minute = minute;
  m.part_of_day.clear();
  m.granularity = Granularity::kTime;
  return Simple(i, j, m, TimexType::kTime);
}

}  // namespace parallax::timex::internal
