#include "extract/timex/tokens.h"

#include <unordered_map>

namespace parallax::timex::internal {
namespace {

class Lexicon {
 public:
  Lexicon() {
    static constexpr const char* kMonths[] = {"january", "february", "march",     "april",
                                              "may",     "june",     "july",      "august",
                                              "september", "october", "november", "december"};
    static constexpr const char* kMonthAbbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int m = 1; m <= 12; ++m) {
      words_[kMonths[m - 1]].month = m;
      Word& w = words_[kMonthAbbr[m - 1]];
      if (w.month == 0) {
        w.month = m;
        w.month_abbr = true;
      }
    }
    words_["sept"].month = 9;
    words_["sept"].month_abbr = true;
    static constexpr const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                            "friday", "saturday", "sunday"};
    static constexpr const char* kDayAbbr[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int d = 1; d <= 7; ++d) {
      words_[kDays[d - 1]].weekday = d;
      words_[kDayAbbr[d - 1]].weekday = d;
      words_[kDayAbbr[d - 1]].weekday_abbr = true;
    }
    for (auto [w, d] : {std::pair{"tues", 2}, {"thur", 4}, {"thurs", 4}}) {
      words_[w].weekday = d;
      words_[w].weekday_abbr = true;
    }
    static constexpr const char* kOnes[] = {"zero", "one", "two", "three", "four", "five",
                                            "six", "seven", "eight", "nine", "ten", "eleven",
                                            "twelve", "thirteen", "fourteen", "fifteen",
                                            "sixteen", "seventeen", "eighteen", "nineteen"};
    for (int i = 0; i < 20; ++i) words_[kOnes[i]].cardinal = i;
    static constexpr const char* kTens[] = {"twenty", "thirty", "forty", "fifty",
                                            "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < 8; ++i) {
      words_[kTens[i]].cardinal = 20 + 10 * i;
      words_[kTens[i]].tens = true;
    }
    words_["a"].cardinal = 1;
    words_["an"].cardinal = 1;
    for (const char* v : {"several", "few", "many", "some", "numerous"}) words_[v].cardinal = -2;
    static constexpr const char* kOrd[] = {
        "first",      "second",     "third",      "fourth",     "fifth",     "sixth",
        "seventh",    "eighth",     "ninth",      "tenth",      "eleventh",  "twelfth",
        "thirteenth", "fourteenth", "fifteenth",  "sixteenth",  "seventeenth", "eighteenth",
        "nineteenth", "twentieth"};
    for (int i = 0; i < 20; ++i) words_[kOrd[i]].ordinal = i + 1;
    words_["thirtieth"].ordinal = 30;
    struct U {
      const char* one;
      const char* many;
      Granularity unit;
      char time_unit;
    };
    for (const U& u : {U{"day", "days", Granularity::kDay, 0}, U{"week", "weeks", Granularity::kWeek, 0},
                       U{"month", "months", Granularity::kMonth, 0},
                       U{"year", "years", Granularity::kYear, 0},
                       U{"quarter", "quarters", Granularity::kQuarter, 0},
                       U{"decade", "decades", Granularity::kDecade, 0},
                       U{"century", "centuries", Granularity::kCentury, 0},
                       U{"weekend", "weekends", Granularity::kWeekend, 0},
                       U{"hour", "hours", Granularity::kNone, 'H'},
                       U{"minute", "minutes", Granularity::kNone, 'M'},
                       U{"second", "seconds", Granularity::kNone, 'S'}}) {
      words_[u.one].unit = u.unit;
      words_[u.one].time_unit = u.time_unit;
      words_[u.many].unit = u.unit;
      words_[u.many].time_unit = u.time_unit;
      words_[u.many].plural = true;
    }
    words_["yr"].unit = Granularity::kYear;
    words_["yrs"].unit = Granularity::kYear;
    words_["yrs"].plural = true;
    words_["hrs"].time_unit = 'H';
    words_["hrs"].plural = true;
    words_["mins"].time_unit = 'M';
    words_["mins"].plural = true;
    for (auto [w, s] : {std::pair{"spring", "SP"}, {"summer", "SU"}, {"fall", "FA"},
                        {"autumn", "FA"}, {"winter", "WI"}}) {
      words_[w].season = s;
    }
    for (auto [w, p] : {std::pair{"morning", "MO"}, {"afternoon", "AF"}, {"evening", "EV"},
                        {"night", "NI"}, {"overnight", "NI"}}) {
      words_[w].part_of_day = p;
    }
  }
  const Word* Find(std::string_view w) const {
    auto it = words_.find(std::string(w));
    return it == words_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string, Word> words_;
};

bool IsLetterByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

const Word* LookUp(std::string_view lower) {
  static const Lexicon* lexicon = new Lexicon();
  return lexicon->Find(lower);
}

std::vector<Tok> Tokenize(std::string_view s) {
  std::vector<Tok> out;
  out.reserve(s.size() / 4);
  size_t i = 0;
  bool space = true, newline = false;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      newline |= c == '\n';
      ++i;
      continue;
    }
    Tok t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    t.break_before = newline;
    space = newline = false;
    if (c >= '0' && c <= '9') {
      t.kind = TokKind::kNumber;
      int v = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (t.digits < 9) v = v * 10 + (s[i] - '0');
        ++t.digits;
        ++i;
      }
      t.value = t.digits <= 9 ? v : -1;
      t.low.assign(s.substr(t.begin, i - t.begin));
    } else if (IsLetterByte(c) || (c >= 0xC0 && !(c == 0xE2 && i + 1 < s.size() &&
                                                    static_cast<unsigned char>(s[i + 1]) == 0x80))) {
      // Letters, with any non-ASCII letter sequence (but not typographic
      // punctuation, which starts with E2 80).
      t.cap = c >= 'A' && c <= 'Z';
      while (i < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[i]);
        if (IsLetterByte(d)) {
          t.low.push_back(static_cast<char>(d | 0x20));
          ++i;
        } else if (d >= 0x80 && !(d == 0xE2 && i + 1 < s.size() &&
                                  static_cast<unsigned char>(s[i + 1]) == 0x80)) {
          t.low.push_back(static_cast<char>(d));
          ++i;
        } else {
          break;
        }
      }
    } else {
      t.kind = TokKind::kPunct;
      size_t len = 1;
      if (c >= 0x80) {
        len = 1;
        while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
      }
      std::string_view p = s.substr(i, len);
      if (p == "\u2019" || p == "\u2018" || p == "`") {
        t.low = "'";
      } else if (p == "\u2013" || p == "\u2014" || p == "\u2010" || p == "\u2011") {
        t.low = "-";
      } else {
        t.low.assign(p);
      }
      i += len;
    }
    t.end = static_cast<uint32_t>(i);
    if (t.kind == TokKind::kWord) t.word = LookUp(t.low);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace parallax::timex::internal
