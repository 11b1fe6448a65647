// Holidays: "Christmas", "Thanksgiving Day", "Easter Sunday", "Black Friday", "last
// Thanksgiving", "Christmas 1998", "Easter week", "the fourth of July". Fixed-date holidays carry
// their month and day; the others are computed per year (n-th weekday of a
// month, or days from Easter by the Gregorian computus). Holidays whose date
// depends on the country (Independence Day, Election Day) are left out.
#include "extract/timex/holidays.h"

#include <array>
#include <string_view>
#include <unordered_set>

#include "extract/timex/scanner.h"

namespace parallax::timex::internal {
namespace {

struct Holiday {
  std::array<const char*, 7> words;  // lowercase tokens, nullptr-terminated
  int month = 0;
  int day = 0;        // fixed day of the month, or 0
  int nth = 0;        // n-th `weekday` of the month (-1 = last), or 0
  int weekday = 0;    // 1 = Monday .. 7 = Sunday
  bool easter = false;
  int offset = 0;     // days from Easter Sunday, or from the n-th weekday
};

// Longer names first where one name starts another ("Christmas Eve").
const Holiday kHolidays[] = {
    {{"christmas", "eve"}, 12, 24},
    {{"christmas", "day"}, 12, 25},
    {{"christmas"}, 12, 25},
    {{"boxing", "day"}, 12, 26},
    {{"new", "year", "'", "s", "eve"}, 12, 31},
    {{"new", "year", "'", "s", "day"}, 1, 1},
    {{"new", "year", "'", "s"}, 1, 1},
    {{"halloween"}, 10, 31},
    {{"valentine", "'", "s", "day"}, 2, 14},
    {{"veterans", "day"}, 11, 11},
    {{"armistice", "day"}, 11, 11},
    {{"bastille", "day"}, 7, 14},
    {{"fourth", "of", "july"}, 7, 4},
    {{"4", "th", "of", "july"}, 7, 4},
    {{"new", "year", "day"}, 1, 1},
    {{"thanksgiving", "day"}, 11, 0, 4, 4},
    {{"thanksgiving"}, 11, 0, 4, 4},
    {{"labor", "day"}, 9, 0, 1, 1},
    {{"memorial", "day"}, 5, 0, -1, 1},
    {{"columbus", "day"}, 10, 0, 2, 1},
    {{"mother", "'", "s", "day"}, 5, 0, 2, 7},
    {{"father", "'", "s", "day"}, 6, 0, 3, 7},
    {{"easter", "sunday"}, 0, 0, 0, 0, true, 0},
    {{"easter", "monday"}, 0, 0, 0, 0, true, 1},
    {{"easter"}, 0, 0, 0, 0, true, 0},
    {{"good", "friday"}, 0, 0, 0, 0, true, -2},
    {{"palm", "sunday"}, 0, 0, 0, 0, true, -7},
    {{"ash", "wednesday"}, 0, 0, 0, 0, true, -46},
    {{"pentecost"}, 0, 0, 0, 0, true, 49},
    {{"whit", "sunday"}, 0, 0, 0, 0, true, 49},
    {{"whit", "monday"}, 0, 0, 0, 0, true, 50},
    {{"mardi", "gras"}, 0, 0, 0, 0, true, -47},
    {{"maundy", "thursday"}, 0, 0, 0, 0, true, -3},
    {{"holy", "thursday"}, 0, 0, 0, 0, true, -3},
    {{"holy", "saturday"}, 0, 0, 0, 0, true, -1},
    {{"ascension", "day"}, 0, 0, 0, 0, true, 39},
    {{"black", "friday"}, 11, 0, 4, 4, false, 1},
    {{"cyber", "monday"}, 11, 0, 4, 4, false, 4},
    {{"martin", "luther", "king", "jr", ".", "day"}, 1, 0, 3, 1},
    {{"martin", "luther", "king", "day"}, 1, 0, 3, 1},
    {{"mlk", "day"}, 1, 0, 3, 1},
    {{"presidents", "'", "day"}, 2, 0, 3, 1},
    {{"presidents", "day"}, 2, 0, 3, 1},
    {{"st", ".", "patrick", "'", "s", "day"}, 3, 17},
    {{"st", "patrick", "'", "s", "day"}, 3, 17},
    {{"saint", "patrick", "'", "s", "day"}, 3, 17},
    {{"st", ".", "patrick", "'", "s"}, 3, 17},
    {{"groundhog", "day"}, 2, 2},
    {{"international", "women", "'", "s", "day"}, 3, 8},
    {{"international", "workers", "'", "day"}, 5, 1},
    {{"may", "day"}, 5, 1},
    {{"earth", "day"}, 4, 22},
    {{"juneteenth"}, 6, 19},
    {{"epiphany"}, 1, 6},
    {{"all", "saints", "'", "day"}, 11, 1},
    {{"remembrance", "day"}, 11, 11},
    {{"anzac", "day"}, 4, 25},
    {{"australia", "day"}, 1, 26},
    {{"canada", "day"}, 7, 1},
    {{"guy", "fawkes", "night"}, 11, 5},
    {{"bonfire", "night"}, 11, 5},
    {{"hogmanay"}, 12, 31},
};
constexpr int kCount = static_cast<int>(sizeof kHolidays / sizeof kHolidays[0]);

// Gregorian Easter Sunday (anonymous computus).
CivilDate Easter(int year) {
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

int WeekdayOf(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1; }

}  // namespace

CivilDate HolidayDate(int id, int year) {
  if (id < 0 || id >= kCount) return {year, 1, 1};
  const Holiday& h = kHolidays[id];
  if (h.easter) return CivilFromDays(DaysFromCivil(Easter(year)) + h.offset);
  if (h.day != 0) return {year, h.month, h.day};
  if (h.nth > 0) {
    int64_t first = DaysFromCivil({year, h.month, 1});
    int64_t d = first + (h.weekday - WeekdayOf(first) + 7) % 7 + 7 * (h.nth - 1) + h.offset;
    return CivilFromDays(d);
  }
  // Last such weekday of the month.
  CivilDate next_month = h.month == 12 ? CivilDate{year + 1, 1, 1} : CivilDate{year, h.month + 1, 1};
  int64_t last = DaysFromCivil(next_month) - 1;
  return CivilFromDays(last - (WeekdayOf(last) - h.weekday + 7) % 7);
}

std::optional<Match> Scanner::HolidayExpr(size_t i) const {
  size_t j = i;
  int direction = 0, year_shift = kUnset;
  if (IsAnyOf(j, {"last", "next", "this", "past", "coming", "previous", "following"})) {
    if (Is(j, "this")) year_shift = 0;
    direction = IsAnyOf(j, {"last", "past", "previous"}) ? -1 : Is(j, "this") ? 0 : 1;
    ++j;
  }
  if (j >= size() || (!IsWord(j) && !IsNum(j))) return std::nullopt;
  // Most tokens start no holiday name: one look-up before the table scan.
  static const auto* first_words = [] {
    auto* set = new std::unordered_set<std::string_view>;
    for (const Holiday& h : kHolidays) set->insert(h.words[0]);
    return set;
  }();
  if (!first_words->count(toks_[j].low)) return std::nullopt;
  for (int id = 0; id < kCount; ++id) {
    const Holiday& h = kHolidays[id];
    size_t k = j;
    bool ok = true;
    for (const char* w : h.words) {
      if (w == nullptr) break;
      if (!Is(k, w)) {
        ok = false;
        break;
      }
      ++k;
    }
    if (!ok) continue;
    // Holiday names are capitalised in news, but lowercase ones are still
    // unambiguous; a bare lowercase "new year's" is the year, not the day.
    // Names made of common words need their capitals ("a memorial day").
    if (!toks_[j].cap && ((k == j + 4 && Is(j, "new")) ||
                          IsAnyOf(j, {"memorial", "labor", "good", "palm", "ash", "boxing", "veterans",
                                      "mother", "father", "armistice", "black", "cyber", "may", "earth",
                                      "holy", "all", "international", "remembrance", "bonfire",
                                      "ascension", "epiphany"}))) {
      return std::nullopt;
    }
    Match m;
    m.begin = i;
    m.end = k;
    m.meaning = Calendar(Granularity::kDay);
    m.meaning.holiday = id;
    m.meaning.direction = direction;
    m.meaning.year_shift = year_shift;
    if (h.day != 0) {
      m.meaning.month = h.month;
      m.meaning.day = h.day;
    }
    int year = 0;
    size_t y_at = Is(k, ",") || Is(k, "of") ? k + 1 : k;
    if (direction == 0 && year_shift == kUnset) {
      if (auto y = Year(y_at, &year, true)) {
        m.meaning.year = year;
        m.end = *y;
      }
    }
    // "Easter week", "Thanksgiving weekend"
    if (Is(m.end, "week")) {
      m.meaning.granularity = Granularity::kWeek;
      ++m.end;
    } else if (Is(m.end, "weekend")) {
      m.meaning.granularity = Granularity::kWeekend;
      ++m.end;
    }
    return m;
  }
  return std::nullopt;
}

}  // namespace parallax::timex::internal
