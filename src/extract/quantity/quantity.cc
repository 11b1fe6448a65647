// FindQuantities: numbers -> quantities (sign, currency, percent, range,
// ratio, bound qualifiers, counted noun), with the skip rules for dates,
// years, times and names.
#include "parallax/quantity.h"

#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "parallax/text.h"
#include "quantity/numbers.h"
#include "quantity/qualifiers.h"
#include "quantity/tokens.h"

namespace parallax::quantity {
namespace {

bool IsWord(const std::vector<Token>& t, size_t i, std::string_view w) {
  return i < t.size() && t[i].kind == Tok::kWord && t[i].lower == w;
}

bool SentenceStart(const std::vector<Token>& t, size_t i) {
  if (i == 0) return true;
  const std::string& p = t[i - 1].lower;
  return p == "." || p == "!" || p == "?" || p == "\"" || p == "\u201C" || p == ":" || p == "(";
}

// "USD", "EUR", "GBP" written before an amount ("USD 200").
bool CurrencyCode(const Token& t) {
  return t.kind == Tok::kWord && (t.lower == "usd" || t.lower == "eur" || t.lower == "gbp");
}

bool IsMonth(const Token& t) { return t.kind == Tok::kWord && t.capital && MonthWord(t.lower) > 0; }

// Month just before (skipping an abbreviation dot and "the") or just after
// (or "of <Month>") a day-sized number: a date.
bool NextToMonth(const std::vector<Token>& t, size_t first, size_t last) {
  size_t p = first;
  if (p > 0 && t[p - 1].lower == ".") --p;
  if (p > 0 && IsMonth(t[p - 1])) return true;
  size_t n = last + 1;
  if (n < t.size() && IsMonth(t[n])) return true;
  if (IsWord(t, n, "of") && n + 1 < t.size() && IsMonth(t[n + 1])) return true;
  return false;
}

// "2024-03-31", "5/17/2018", "+1-222-2222": three or more numbers glued by
// separators. Returns the last token of the chain, or `i` when not a chain.
size_t GluedChainEnd(const std::vector<Token>& t, size_t i) {
  size_t j = i;
  int parts = 1;
  while (j + 2 < t.size() && t[j + 1].attached && t[j + 2].attached &&
         (t[j + 1].lower == "/" || t[j + 1].lower == "-" || t[j + 1].lower == ".") &&
         t[j + 2].kind == Tok::kNumber) {
    j += 2;
    ++parts;
  }
  return parts >= 3 ? j : i;
}

bool YearLike(const Token& tok, const NumberMatch& m) {
  return tok.kind == Tok::kNumber && !tok.grouped && !tok.decimal && !m.scaled &&
         !m.ordinal && tok.lower.size() == 4 && tok.value >= 1000 && tok.value <= 2100;
}

bool PluralNoun(const std::string& w) {
  if (PersonNoun(w)) return true;
  if (w.size() < 4 || w.back() != 's') return false;
  return !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") || w.ends_with("'s"));
}

bool TimeWord(const std::string& w) {
  return w == "am" || w == "pm" || w == "a.m." || w == "p.m." || w == "o'clock" || w == "gmt" ||
         w == "utc" || w == "et" || w == "edt" || w == "est" || w == "bst" || w == "cet" ||
         w == "hrs" || w == "pst" || w == "pdt";
}

void CountedNoun(std::string_view text, const std::vector<Token>& t, size_t j, Quantity* q) {
  // "percent of the vote", "half of Gaza's population", "one of the ..."
  if (IsWord(t, j, "of")) {
    ++j;
    if (j < t.size() && (t[j].lower == "the" || t[j].lower == "its" || t[j].lower == "their" ||
                         t[j].lower == "his" || t[j].lower == "her" || t[j].lower == "a")) {
      ++j;
    }
  }
  size_t first = t.size(), last = t.size();
  int words = 0;
  while (j < t.size() && words < 3) {
    const Token& tok = t[j];
    if (tok.kind == Tok::kPunct && tok.lower == "-" && tok.attached && j + 1 < t.size() &&
        t[j + 1].attached && t[j + 1].kind == Tok::kWord) {
      ++j;  // "forty-minute", "45-year-old"
      continue;
    }
    if (tok.kind != Tok::kWord) break;
    std::string folded = text::Fold(std::string_view(text).substr(tok.begin, tok.end - tok.begin));
    if (text::IsStopWord(folded) && !PersonNoun(folded) && !(tok.attached && words > 0)) break;
    if (TimeWord(tok.lower) || OrdinalWord(tok.lower) != 0 || SmallNumber(tok.lower) >= 0) break;
    if (tok.lower == "last" || tok.lower == "next" || tok.lower == "ago" ||
        tok.lower == "earlier" || tok.lower == "later" || tok.lower == "overnight") {
      break;
    }
    if (tok.capital && (WeekdayWord(tok.lower) || MonthWord(tok.lower) > 0)) break;
    // Adverbs ("unanimously", "possibly") and URL pieces end the phrase.
    if ((tok.lower.size() > 4 && tok.lower.ends_with("ly") && tok.lower != "family" &&
         tok.lower != "ally") ||
        tok.lower == "http" || tok.lower == "https" || tok.lower == "www") {
      break;
    }
    if (first == t.size()) first = j;
    last = j;
    ++words;
    ++j;
    if (PluralNoun(tok.lower) && !(j < t.size() && t[j].lower == "-" && t[j].attached)) break;
  }
  if (first == t.size()) return;
  // A lone past participle or gerund ("30 killed") is the predicate, not the noun.
  if (words == 1 && (t[first].lower.ends_with("ed") || t[first].lower.ends_with("ing"))) return;
  q->counted = std::string(text.substr(t[first].begin, t[last].end - t[first].begin));
  q->head = text::Fold(std::string_view(text).substr(t[last].begin, t[last].end - t[last].begin));
}

}  // namespace

double Quantity::Low(double approx) const {
  switch (bound) {
    case Bound::kUpper: return 0;
    case Bound::kApproximate: return value * (1 - approx);
    default: return value;
  }
}

double Quantity::High(double approx) const {
  switch (bound) {
    case Bound::kLower: return std::numeric_limits<double>::infinity();
    case Bound::kApproximate: return value * (1 + approx);
    case Bound::kRange: return high;
    default: return value;
  }
}

std::vector<Quantity> FindQuantities(std::string_view text) {
  std::vector<Quantity> out;
  std::vector<Token> t = Scan(text);
  size_t char_pos = 0, byte_pos = 0;
  auto chars_to = [&](size_t byte) {
    // Offsets only move forward within one scan.
    if (byte < byte_pos) {
      byte_pos = 0;
      char_pos = 0;
    }
    for (; byte_pos < byte && byte_pos < text.size(); ++byte_pos) {
      if ((static_cast<unsigned char>(text[byte_pos]) & 0xC0) != 0x80) ++char_pos;
    }
    return char_pos;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    size_t start = i;
    double sign = 1;
    if ((IsWord(t, i, "minus") || IsWord(t, i, "negative")) && i + 1 < t.size()) {
      sign = -1;
      ++i;
    } else if (t[i].lower == "-" && i + 1 < t.size() && t[i + 1].kind == Tok::kNumber &&
               (i == 0 || !t[i].attached) &&
               (t[i + 1].attached || (i + 2 < t.size() && t[i + 2].lower == "/"))) {
      sign = -1;
      ++i;
    }
    NumberMatch m;
    if (!ParseNumberAt(t, i, &m)) {
      i = start;
      continue;
    }
    if (m.decade || m.unit_suffix) {
      i = m.last;
      continue;
    }
    const Token& head_tok = t[m.first];
    // Numbers glued to letters: "COVID-19", "F-16", "G7".
    if (head_tok.kind == Tok::kNumber && m.first > 0 && head_tok.attached && sign > 0 &&
        (t[m.first - 1].kind == Tok::kWord ||
         (t[m.first - 1].lower == "-" && m.first >= 2 && t[m.first - 1].attached &&
          t[m.first - 2].kind == Tok::kWord))) {
      i = m.last;
      continue;
    }
    if (head_tok.kind == Tok::kNumber) {
      if (head_tok.has_colon) continue;
      size_t chain = GluedChainEnd(t, m.first);
      if (chain != m.first) {
        i = chain;
        continue;
      }
      if (m.last + 1 < t.size() && TimeWord(t[m.last + 1].lower)) {
        i = m.last + 1;
        continue;
      }
      if (m.first > 0 && t[m.first - 1].lower == "#") continue;
      // Inside a URL or an identifier: "?id=1270675317", "/2024/", "_3".
      if (m.first > 0 && head_tok.attached) {
        const std::string& p = t[m.first - 1].lower;
        if (p == "/" || p == "=" || p == "?" || p == "&" || p == "_" || p == "." || p == ":") {
          i = m.last;
          continue;
        }
      }
      if (m.last + 1 < t.size() && t[m.last + 1].attached &&
          (t[m.last + 1].lower == "/" || t[m.last + 1].lower == "_" || t[m.last + 1].lower == "=") &&
          !m.fraction) {
        i = m.last + 1;
        continue;
      }
      if (m.first > 0 && t[m.first - 1].kind == Tok::kWord && IdentifierNoun(t[m.first - 1].lower) &&
          !m.scaled && !m.fraction) {
        continue;
      }
      if (m.first > 1 && t[m.first - 1].lower == "." && t[m.first - 2].lower == "no") continue;
    }
    bool day_sized = m.value >= 1 && m.value <= 31 && std::floor(m.value) == m.value && !m.scaled &&
                     !m.fraction;
    if (day_sized && NextToMonth(t, m.first, m.last)) {
      i = m.last;
      continue;
    }
    if (YearLike(head_tok, m) && m.first == m.last && sign > 0) {
      bool prefix_currency = m.first > 0 && CurrencySymbol(t[m.first - 1].lower);
      size_t n = m.last + 1;
      bool unit_follows =
          n < t.size() && (t[n].lower == "%" || t[n].lower == "percent" || CurrencyWord(t[n].lower));
      bool noun_follows = n < t.size() && t[n].kind == Tok::kWord && !t[n].capital &&
                          PluralNoun(t[n].lower);
      if (!prefix_currency && !unit_follows && !noun_follows) continue;
    }
    // Part of a name: "the Boeing 737 after", "Windows 11." (capitalised word
    // before, not a sentence start, no counted noun or unit after).
    if (head_tok.kind == Tok::kNumber && m.first > 0 && !m.scaled && !head_tok.grouped &&
        !head_tok.decimal && t[m.first - 1].kind == Tok::kWord && t[m.first - 1].capital &&
        !SentenceStart(t, m.first - 1) && !IsMonth(t[m.first - 1]) &&
        !WeekdayWord(t[m.first - 1].lower) && !CurrencyCode(t[m.first - 1])) {
      size_t n = m.last + 1;
      bool noun_after = n < t.size() && t[n].kind == Tok::kWord && !t[n].capital &&
                        (PluralNoun(t[n].lower) || ScaleWord(t[n].lower) > 0);
      bool unit_after = n < t.size() && (t[n].lower == "%" || t[n].lower == "percent" ||
                                         CurrencyWord(t[n].lower));
      if (!noun_after && !unit_after) continue;
    }
    // The pronoun "one": "no one", "the one", "which one", "one another".
    if (m.bare_one && m.first == m.last && t[m.first].lower == "one") {
      static const char* kBefore[] = {"no", "any", "every", "the", "this", "that", "which",
                                      "each", "another", "someone", "last", "next", "previous",
                                      "current", "little", "big", "right", "only"};
      bool pronoun = false;
      if (m.first > 0) {
        for (const char* w : kBefore) pronoun = pronoun || t[m.first - 1].lower == w;
      }
      if (IsWord(t, m.last + 1, "another") || IsWord(t, m.last + 1, "'s")) pronoun = true;
      if (pronoun) continue;
    }

    Quantity q;
    q.value = sign * m.value;
    q.high = q.value;
    q.kind = m.ordinal ? Kind::kOrdinal : m.vague ? Kind::kVague : Kind::kCardinal;
    size_t first = start, last = m.last;
    // Currency before: "$", "US$", "€", "USD", "Rs.".
    if (first > 0 && t[first - 1].kind == Tok::kSymbol && CurrencySymbol(t[first - 1].lower)) {
      q.unit = Unit::kCurrency;
      q.currency = CurrencySymbol(t[first - 1].lower);
      --first;
      if (first > 0 && t[first].attached && t[first - 1].kind == Tok::kWord &&
          t[first - 1].lower.size() <= 3 && t[first - 1].capital) {
        const std::string& p = t[first - 1].lower;
        if (p == "a") q.currency = "AUD";
        else if (p == "c") q.currency = "CAD";
        else if (p == "hk") q.currency = "HKD";
        else if (p == "nz") q.currency = "NZD";
        else if (p == "s") q.currency = "SGD";
        --first;
      }
    } else if (first > 0 && (CurrencyCode(t[first - 1]) || IsWord(t, first - 1, "rs")) &&
               CurrencyWord(t[first - 1].lower)) {
      q.unit = Unit::kCurrency;
      q.currency = CurrencyWord(t[first - 1].lower);
      --first;
    } else if (first > 1 && t[first - 1].lower == "." && IsWord(t, first - 2, "rs")) {
      q.unit = Unit::kCurrency;
      q.currency = "INR";
      first -= 2;
    }
    // Unit after.
    auto take_unit = [&](size_t n) -> size_t {
      if (n >= t.size()) return 0;
      const std::string& w = t[n].lower;
      if (w == "%") return 1;
      if (w == "percent" || w == "percents" || w == "percentage" || w == "pct") {
        if (IsWord(t, n + 1, "points") && w == "percentage") return 2;
        return 1;
      }
      if (w == "per" && IsWord(t, n + 1, "cent")) return 2;
      return 0;
    };
    if (size_t u = take_unit(last + 1); u > 0) {
      q.unit = Unit::kPercent;
      last += u;
    } else if (q.unit == Unit::kNone && last + 1 < t.size() && t[last + 1].kind == Tok::kSymbol &&
               CurrencySymbol(t[last + 1].lower) &&
               !(last + 2 < t.size() && t[last + 2].kind == Tok::kNumber)) {
      // "10 €", "500 $": the symbol after the number (not "10 $30").
      q.unit = Unit::kCurrency;
      q.currency = CurrencySymbol(t[last + 1].lower);
      last += 1;
    } else if (q.unit == Unit::kNone && last + 1 < t.size() && t[last + 1].kind == Tok::kWord &&
               CurrencyWord(t[last + 1].lower) && !t[last + 1].capital) {
      q.unit = Unit::kCurrency;
      q.currency = CurrencyWord(t[last + 1].lower);
      last += 1;
    } else if (q.unit == Unit::kNone && last + 2 < t.size() && t[last + 2].kind == Tok::kWord &&
               CurrencyWord(t[last + 2].lower)) {
      // "10 US dollars", "125 million Australian dollars", "10,000 Swiss francs"
      static const struct { const char* adj; const char* word; const char* code; } kAdj[] = {
          {"us", "dollar", "USD"},         {"u.s.", "dollar", "USD"},
          {"american", "dollar", "USD"},   {"australian", "dollar", "AUD"},
          {"canadian", "dollar", "CAD"},   {"singapore", "dollar", "SGD"},
          {"taiwan", "dollar", "TWD"},     {"swiss", "franc", "CHF"},
          {"chinese", "yuan", "CNY"},      {"japanese", "yen", "JPY"},
          {"indian", "rupee", "INR"},      {"russian", "rouble", "RUB"},
          {"russian", "ruble", "RUB"},     {"israeli", "shekel", "ILS"},
          {"mexican", "peso", "MXN"},      {"british", "pound", "GBP"},
          {"egyptian", "pound", "EGP"},    {"south", "african", "ZAR"}};
      std::string word = t[last + 2].lower;
      if (word.size() > 3 && word.back() == 's') word.pop_back();
      for (const auto& a : kAdj) {
        if (t[last + 1].lower == a.adj && word == a.word) {
          q.unit = Unit::kCurrency;
          q.currency = a.code;
          last += 2;
          break;
        }
      }
    }
    if (q.currency == "USD-cent" || q.currency == "GBP-pence") {
      q.currency = q.currency.substr(0, 3);
      q.value /= 100;
      q.high = q.value;
    }
    // Ranges and ratios after the first number.
    ApplyFollowers(t, m, &q, &last);
    q.value_begin = t[first].begin;
    q.number_begin = t[start].begin;
    q.number_end = t[m.last].end;
    // Bound words before the number.
    ApplyQualifiers(t, &q, &first, last);

    q.begin = t[first].begin;
    q.end = t[last].end;
    q.text = std::string(text.substr(q.begin, q.end - q.begin));
    q.char_begin = chars_to(q.begin);
    q.char_end = chars_to(q.end);
    if (q.kind != Kind::kOrdinal) CountedNoun(text, t, last + 1, &q);
    out.push_back(std::move(q));
    i = last;
  }
  MergeComparisons(text, &out);
  return out;
}

}  // namespace parallax::quantity
