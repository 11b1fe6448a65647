#include "quantity/tokens.h"

#include <array>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace parallax::quantity {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Multi-byte sequences with a meaning here; anything else >= 0x80 is a letter.
struct Special {
  const char* bytes;
  Tok kind;
  bool space;  // treated as whitespace
};
constexpr std::array<Special, 17> kSpecials{{
    {"\u00A0", Tok::kPunct, true},   {"\u202F", Tok::kPunct, true},
    {"\u2009", Tok::kPunct, true},   {"\u2013", Tok::kPunct, false},
    {"\u2014", Tok::kPunct, false},  {"\u2212", Tok::kPunct, false},
    {"\u2019", Tok::kPunct, false},  {"\u201C", Tok::kPunct, false},
    {"\u201D", Tok::kPunct, false},  {"\u2018", Tok::kPunct, false},
    {"\u20AC", Tok::kSymbol, false}, {"\u00A3", Tok::kSymbol, false},
    {"\u00A5", Tok::kSymbol, false}, {"\u20B9", Tok::kSymbol, false},
    {"\u00BD", Tok::kNumber, false}, {"\u00BC", Tok::kNumber, false},
    {"\u00BE", Tok::kNumber, false},
}};

const Special* MatchSpecial(std::string_view text, size_t i, size_t* len) {
  for (const Special& s : kSpecials) {
    size_t n = std::strlen(s.bytes);
    if (text.substr(i, n) == s.bytes) {
      *len = n;
      return &s;
    }
  }
  // Other vulgar fractions U+2150..U+215E (E2 85 90..9E).
  if (text.size() >= i + 3 && static_cast<unsigned char>(text[i]) == 0xE2 &&
      static_cast<unsigned char>(text[i + 1]) == 0x85 &&
      static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
      static_cast<unsigned char>(text[i + 2]) <= 0x9E) {
    static const Special kFrac{"", Tok::kNumber, false};
    *len = 3;
    return &kFrac;
  }
  return nullptr;
}

size_t Utf8Len(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Digits with ',' '.' groups, and ' ' / narrow-space groups of exactly three.
void ParseDigits(Token& t, std::string_view s) {
  std::string digits;
  int commas = 0, dots = 0;
  bool groups_of_three = true;
  size_t run = 0;
  bool first_group = true;
  for (char c : s) {
    if (IsDigit(c)) {
      digits.push_back(c);
      ++run;
    } else if (c == ',' || c == '.' || c == ' ') {
      if (!first_group && run != 3) groups_of_three = false;
      if (first_group && run > 3 && c == ',') groups_of_three = false;
      first_group = false;
      run = 0;
      if (c == ',') ++commas;
      if (c == '.') ++dots;
      digits.push_back(c);
    }
  }
  if (!first_group && run != 3) groups_of_three = false;
  std::string clean;
  if (commas > 0 && dots == 0 && !groups_of_three && commas == 1) {
    // "1,3": decimal comma.
    for (char c : digits) clean.push_back(c == ',' ? '.' : c);
    t.decimal = true;
  } else if (dots > 0 && commas > 0 && digits.find('.') < digits.find(',')) {
    // "1.111,11": European grouping.
    for (char c : digits) {
      if (c == ',') clean.push_back('.');
      else if (c != '.' && c != ' ') clean.push_back(c);
    }
    t.grouped = true;
    t.decimal = true;
  } else if (dots > 1 && commas == 0) {
    for (char c : digits) if (c != '.') clean.push_back(c);  // "1.234.567"
    t.grouped = true;
  } else {
    for (char c : digits) {
      if (c == ',' || c == ' ') {
        t.grouped = true;
        continue;
      }
      if (c == '.') t.decimal = true;
      clean.push_back(c);
    }
  }
  t.digits_before_point = static_cast<int>(clean.find('.') == std::string::npos ? clean.size()
                                                                                : clean.find('.'));
  t.value = std::strtod(clean.c_str(), nullptr);
}

}  // namespace

std::vector<Token> Scan(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5 + 8);
  size_t i = 0, n = text.size();
  size_t last_end = static_cast<size_t>(-1);
  auto push = [&](Token&& t) {
    t.attached = !out.empty() && last_end == t.begin;
    last_end = t.end;
    out.push_back(std::move(t));
  };
  while (i < n) {
    char c = text[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    size_t slen = 0;
    if (u >= 0x80) {
      if (const Special* sp = MatchSpecial(text, i, &slen)) {
        if (sp->space) {
          i += slen;
          continue;
        }
        Token t;
        t.begin = i;
        t.end = i + slen;
        t.kind = sp->kind;
        t.lower = std::string(text.substr(i, slen));
        if (t.kind == Tok::kNumber) t.value = VulgarFraction(t.lower);
        if (t.lower == "\u2013" || t.lower == "\u2212") t.lower = "-";
        if (t.lower == "\u2019") t.lower = "'";
        push(std::move(t));
        i += slen;
        continue;
      }
    }
    Token t;
    t.begin = i;
    if (IsDigit(c)) {
      size_t j = i;
      while (j < n) {
        if (IsDigit(text[j])) {
          ++j;
        } else if ((text[j] == ',' || text[j] == '.' || text[j] == ':') && j + 1 < n &&
                   IsDigit(text[j + 1])) {
          if (text[j] == ':') t.has_colon = true;
          ++j;
        } else if (j + 4 < n && (text[j] == ' ' || text.substr(j, 3) == "\u202F") &&
                   IsDigit(text[j + (text[j] == ' ' ? 1 : 3)])) {
          // "1 234 567" / "40 000": a following group of exactly three digits.
          size_t k = j + (text[j] == ' ' ? 1 : 3);
          size_t m = k;
          while (m < n && IsDigit(text[m])) ++m;
          size_t lead = j;
          size_t run_start = lead;
          while (run_start > t.begin && IsDigit(text[run_start - 1])) --run_start;
          bool lead_ok = lead - run_start <= 3 && (run_start == t.begin || lead - run_start == 3);
          if (m - k == 3 && lead_ok && (m >= n || !IsAsciiLetter(text[m]))) {
            j = m;
          } else {
            break;
          }
        } else {
          break;
        }
      }
      t.end = j;
      t.kind = Tok::kNumber;
      std::string s(text.substr(i, j - i));
      if (s.find("\u202F") != std::string::npos) {
        std::string r;
        for (size_t k = 0; k < s.size(); ++k) {
          if (s.compare(k, 3, "\u202F") == 0) {
            r.push_back(' ');
            k += 2;
          } else {
            r.push_back(s[k]);
          }
        }
        s = r;
      }
      t.lower = s;
      if (!t.has_colon) ParseDigits(t, s);
      i = j;
    } else if (IsAsciiLetter(c) || u >= 0x80) {
      size_t j = i;
      while (j < n) {
        unsigned char b = static_cast<unsigned char>(text[j]);
        if (IsAsciiLetter(text[j])) {
          ++j;
        } else if (b >= 0x80) {
          size_t l = 0;
          if (MatchSpecial(text, j, &l)) {
            // Typographic apostrophe inside a word ("Netanyahu’s").
            if (text.substr(j, l) == "\u2019" && j + l < n && IsAsciiLetter(text[j + l]) && j > i) {
              j += l;
              continue;
            }
            break;
          }
          j += Utf8Len(b);
        } else if (text[j] == '\'' && j > i && j + 1 < n && IsAsciiLetter(text[j + 1])) {
          ++j;
        } else if (text[j] == '.' && j + 1 < n && IsAsciiLetter(text[j + 1]) && j + 2 < n &&
                   text[j + 2] == '.') {
          j += 3;  // "a.m.", "p.m.", "U.S." style
        } else {
          break;
        }
      }
      if (j > n) j = n;
      t.end = j;
      t.kind = Tok::kWord;
      t.capital = c >= 'A' && c <= 'Z';
      t.lower.reserve(j - i);
      for (size_t k = i; k < j; ++k) {
        char ch = text[k];
        t.lower.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
      }
      std::string_view low(t.lower);
      if (low.find("\u2019") != std::string_view::npos) {
        std::string r;
        for (size_t k = 0; k < t.lower.size(); ++k) {
          if (t.lower.compare(k, 3, "\u2019") == 0) {
            r.push_back('\'');
            k += 2;
          } else {
            r.push_back(t.lower[k]);
          }
        }
        t.lower = r;
      }
      i = j;
    } else {
      t.end = i + 1;
      t.kind = (c == '$' || c == '%' || c == '#' || c == '+' || c == '<' || c == '>' || c == '=' ||
                c == '~' || c == '^')
                   ? Tok::kSymbol
                   : Tok::kPunct;
      t.lower = std::string(1, c);
      i += 1;
    }
    push(std::move(t));
  }
  return out;
}

int SmallNumber(std::string_view w) {
  static const std::unordered_map<std::string_view, int> kSmall{
      {"zero", 0},     {"nought", 0},    {"naught", 0},   {"one", 1},        {"two", 2},
      {"three", 3},    {"four", 4},      {"five", 5},     {"six", 6},        {"seven", 7},
      {"eight", 8},    {"nine", 9},      {"ten", 10},     {"eleven", 11},    {"twelve", 12},
      {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},   {"seventeen", 17},
      {"eighteen", 18}, {"nineteen", 19}};
  auto it = kSmall.find(w);
  return it == kSmall.end() ? -1 : it->second;
}

int TensNumber(std::string_view w) {
  static const std::unordered_map<std::string_view, int> kTens{
      {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fourty", 40},
      {"fifty", 50},  {"sixty", 60},   {"seventy", 70}, {"eighty", 80}, {"ninety", 90}};
  auto it = kTens.find(w);
  return it == kTens.end() ? 0 : it->second;
}

double ScaleWord(std::string_view w) {
  static const std::unordered_map<std::string_view, double> kScale{
      {"hundred", 1e2},  {"hundreds", 1e2},  {"thousand", 1e3}, {"thousands", 1e3},
      {"million", 1e6},  {"millions", 1e6},  {"billion", 1e9},  {"billions", 1e9},
      {"trillion", 1e12}, {"trillions", 1e12}, {"lakh", 1e5},   {"lakhs", 1e5},
      {"crore", 1e7},    {"crores", 1e7},    {"mn", 1e6},       {"mln", 1e6},
      {"bn", 1e9},       {"bln", 1e9},       {"tn", 1e12},      {"tln", 1e12},
      {"k", 1e3},        {"mm", 1e6},        {"mil", 1e6},      {"b", 1e9},
      {"m", 1e6}};
  auto it = kScale.find(w);
  return it == kScale.end() ? 0 : it->second;
}

int OrdinalWord(std::string_view w) {
  static const std::unordered_map<std::string_view, int> kOrd{
      {"first", 1},       {"second", 2},       {"third", 3},       {"fourth", 4},
      {"fifth", 5},       {"sixth", 6},        {"seventh", 7},     {"eighth", 8},
      {"ninth", 9},       {"nineth", 9},       {"tenth", 10},      {"eleventh", 11},
      {"twelfth", 12},    {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},
      {"sixteenth", 16},  {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19},
      {"twentieth", 20},  {"thirtieth", 30},   {"fortieth", 40},   {"fiftieth", 50},
      {"sixtieth", 60},   {"seventieth", 70},  {"eightieth", 80},  {"ninetieth", 90},
      {"hundredth", 100}, {"thousandth", 1000}, {"millionth", 1000000},
      {"billionth", 1000000000}, {"trillionth", 0}};
  std::string_view base = w;
  if (base.size() > 3 && base.back() == 's' && base != "seconds") base.remove_suffix(1);
  if (base == "half" || base == "halve") return 2;
  if (base == "quarter") return 4;
  auto it = kOrd.find(base);
  if (it == kOrd.end()) return 0;
  return it->second == 0 ? -1 : it->second;  // -1: trillionth (too large for int)
}

bool OrdinalPlural(std::string_view w) {
  if (w == "halves" || w == "quarters" || w == "thirds") return true;
  return w.size() > 3 && w.back() == 's' && OrdinalWord(w) != 0 && w != "seconds" && w != "firsts";
}

int MonthWord(std::string_view w) {
  static const std::unordered_map<std::string_view, int> kMonths{
      {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},
      {"june", 6},    {"july", 7},     {"august", 8},    {"september", 9}, {"october", 10},
      {"november", 11}, {"december", 12}, {"jan", 1},    {"feb", 2},      {"mar", 3},
      {"apr", 4},     {"jun", 6},      {"jul", 7},       {"aug", 8},      {"sep", 9},
      {"sept", 9},    {"oct", 10},     {"nov", 11},      {"dec", 12}};
  auto it = kMonths.find(w);
  return it == kMonths.end() ? 0 : it->second;
}

bool WeekdayWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kDays{
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return kDays.count(w) > 0;
}

const char* CurrencySymbol(std::string_view s) {
  if (s == "$") return "USD";
  if (s == "\u20AC") return "EUR";
  if (s == "\u00A3") return "GBP";
  if (s == "\u00A5") return "JPY";
  if (s == "\u20B9") return "INR";
  return nullptr;
}

const char* CurrencyWord(std::string_view w) {
  static const std::unordered_map<std::string_view, const char*> kWords{
      {"dollar", "USD"},  {"dollars", "USD"}, {"usd", "USD"},    {"euro", "EUR"},
      {"euros", "EUR"},   {"eur", "EUR"},     {"pound", "GBP"},  {"pounds", "GBP"},
      {"gbp", "GBP"},     {"sterling", "GBP"}, {"yen", "JPY"},   {"jpy", "JPY"},
      {"yuan", "CNY"},    {"renminbi", "CNY"}, {"cny", "CNY"},   {"rupee", "INR"},
      {"rupees", "INR"},  {"inr", "INR"},     {"rs", "INR"},     {"franc", "CHF"},
      {"francs", "CHF"},  {"chf", "CHF"},     {"rouble", "RUB"}, {"roubles", "RUB"},
      {"ruble", "RUB"},   {"rubles", "RUB"},  {"shekel", "ILS"}, {"shekels", "ILS"},
      {"won", "KRW"},     {"pesos", "MXN"},   {"peso", "MXN"},   {"cents", "USD-cent"},
      {"cent", "USD-cent"}, {"pence", "GBP-pence"}};
  auto it = kWords.find(w);
  return it == kWords.end() ? nullptr : it->second;
}

bool IdentifierNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kIds{
      "resolution", "article",  "section",   "chapter",  "page",     "no",       "nr",
      "nrs",        "number",   "flight",    "route",    "room",     "highway",  "gate",
      "level",      "category", "phase",     "stage",    "season",   "episode",  "volume",
      "version",    "grade",    "platform",  "bus",      "seat",     "figure",   "table",
      "item",       "rule",     "amendment", "paragraph", "district", "row",     "exit",
      "interstate", "code",     "ward",      "precinct", "unit",     "block",    "building",
      "apartment",  "suite",    "pier",      "terminal", "channel",  "model",    "mark",
      "type",       "class",    "division",  "act",      "bill",     "case",     "lane",
      "psalm",      "verse",    "track",     "tier",     "zone",     "sector",   "camp",
      "area",       "street",   "avenue",    "road",     "pages",    "pp",       "p",
      "vol",        "ch",       "sec",       "art",      "fig",      "scp"};
  return kIds.count(w) > 0;
}

bool PersonNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kPeople{
      "people",    "persons",     "person",    "civilians",  "residents", "inhabitants",
      "individuals", "population", "citizens", "refugees",   "migrants",  "evacuees",
      "children",  "adults",      "men",       "women",      "families",  "households",
      "villagers", "locals",      "survivors",  "victims",   "souls",
      "voters",    "nationals",   "dwellers",  "occupants",  "asylum-seekers", "seekers"};
  return kPeople.count(w) > 0;
}

double VulgarFraction(std::string_view s) {
  if (s == "\u00BD") return 0.5;
  if (s == "\u00BC") return 0.25;
  if (s == "\u00BE") return 0.75;
  if (s.size() == 3) {
    static const double kVals[] = {1.0 / 7, 1.0 / 9, 0.1, 1.0 / 3, 2.0 / 3, 0.2, 0.4,
                                   0.6,     0.8,     1.0 / 6, 5.0 / 6, 0.125, 0.375, 0.625,
                                   0.875};
    int k = static_cast<unsigned char>(s[2]) - 0x90;
    if (k >= 0 && k < 15) return kVals[k];
  }
  return 0;
}

}  // namespace parallax::quantity
