#include "quantity/qualifiers.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace parallax::quantity {
namespace {

struct Phrase {
  const char* words;  // space-separated, lowercase
  Bound bound;
};

// Longest phrases first within each bound so "no more than" beats "more than".
constexpr Phrase kBefore[] = {
    {"less than or equal to", Bound::kUpper}, {"equal to or less than", Bound::kUpper},
    {"equal to or more than", Bound::kLower}, {"greater than or equal to", Bound::kLower},
    {"more than or equal to", Bound::kLower}, {"at least or equal to", Bound::kLower},
    {"in the region of", Bound::kApproximate}, {"in excess of", Bound::kLower},
    {"no fewer than", Bound::kLower},         {"no less than", Bound::kLower},
    {"not less than", Bound::kLower},         {"no more than", Bound::kUpper},
    {"not more than", Bound::kUpper},         {"a maximum of", Bound::kUpper},
    {"a minimum of", Bound::kLower},          {"as many as", Bound::kUpper},
    {"as much as", Bound::kUpper},            {"as few as", Bound::kLower},
    {"just shy of", Bound::kUpper},           {"an estimated", Bound::kApproximate},
    {"more than", Bound::kLower},             {"greater than", Bound::kLower},
    {"larger than", Bound::kLower},           {"higher than", Bound::kLower},
    {"bigger than", Bound::kLower},           {"at least", Bound::kLower},
    {"upwards of", Bound::kLower},            {"well over", Bound::kLower},
    {"just over", Bound::kLower},             {"well above", Bound::kLower},
    {"north of", Bound::kLower},              {"fewer than", Bound::kUpper},
    {"less than", Bound::kUpper},             {"smaller than", Bound::kUpper},
    {"lower than", Bound::kUpper},            {"at most", Bound::kUpper},
    {"up to", Bound::kUpper},                 {"just under", Bound::kUpper},
    {"just below", Bound::kUpper},            {"close to", Bound::kApproximate},
    {"some", Bound::kApproximate},            {"about", Bound::kApproximate},
    {"around", Bound::kApproximate},          {"approximately", Bound::kApproximate},
    {"roughly", Bound::kApproximate},         {"estimated", Bound::kApproximate},
    {"circa", Bound::kApproximate},           {"approx", Bound::kApproximate},
    {"nearly", Bound::kUpper},                {"almost", Bound::kUpper},
    {"over", Bound::kLower},                  {"above", Bound::kLower},
    {"exceeding", Bound::kLower},             {"under", Bound::kUpper},
    {"below", Bound::kUpper},                 {"equals", Bound::kExact},
    {"equal to", Bound::kExact},              {"exceeded", Bound::kLower},
    {"exceeds", Bound::kLower},               {"exceed", Bound::kLower},
    {"surpassed", Bound::kLower},             {"surpasses", Bound::kLower},
    {"surpass", Bound::kLower},               {"surpassing", Bound::kLower},
};

// Words that make "from X to Y" a change ("rose from 200 to 300") rather
// than a range ("sentences from five to ten years").
constexpr std::string_view kChangeWords[] = {
    "rose", "risen", "rise", "rises", "rising", "fell", "fallen", "fall", "falls", "falling",
    "increased", "increase", "increases", "increasing", "decreased", "decrease", "decreases",
    "grew", "grown", "grow", "grows", "growing", "dropped", "drop", "drops", "dropping",
    "climbed", "climb", "climbs", "jumped", "jump", "jumps", "soared", "soar", "surged", "surge",
    "declined", "decline", "declines", "plunged", "plunge", "slipped", "slid", "dipped", "cut",
    "cuts", "raised", "raise", "raises", "lowered", "lower", "reduced", "reduce", "reduces",
    "lifted", "boosted", "up", "down", "went", "gone", "changed", "change", "moved", "revised",
    "shrank", "shrunk", "expanded", "doubled", "tripled", "halved", "swelled", "narrowed",
    "widened", "slashed", "trimmed", "upgraded", "downgraded", "hiked", "spiked", "tumbled",
    "sank", "edged", "shifted", "leapt", "leaped", "bumped", "ballooned"};

// A change word among the four words before token `from` ("rose from",
// "increased the budget from").
bool ChangeBefore(const std::vector<Token>& t, size_t from) {
  for (size_t k = from; k > 0 && k + 4 > from; --k) {
    if (t[k - 1].kind != Tok::kWord) continue;
    for (std::string_view w : kChangeWords) {
      if (t[k - 1].lower == w) return true;
    }
  }
  return false;
}

// Number of tokens of `phrase` matching the words ending at token `end` - 1.
size_t MatchBefore(const std::vector<Token>& t, size_t end, std::string_view phrase) {
  std::vector<std::string_view> words;
  size_t s = 0;
  while (s <= phrase.size()) {
    size_t e = phrase.find(' ', s);
    if (e == std::string_view::npos) e = phrase.size();
    words.push_back(phrase.substr(s, e - s));
    s = e + 1;
  }
  if (words.size() > end) return 0;
  for (size_t k = 0; k < words.size(); ++k) {
    const Token& tok = t[end - words.size() + k];
    if (tok.kind != Tok::kWord || tok.lower != words[k]) return 0;
  }
  return words.size();
}

bool IsWord(const std::vector<Token>& t, size_t i, std::string_view w) {
  return i < t.size() && t[i].kind == Tok::kWord && t[i].lower == w;
}

// A percent / currency word right after token `n`: tokens it takes.
size_t PercentAfter(const std::vector<Token>& t, size_t n) {
  if (n >= t.size()) return 0;
  if (t[n].lower == "%" || t[n].lower == "percent" || t[n].lower == "pct") return 1;
  if (t[n].lower == "per" && IsWord(t, n + 1, "cent")) return 2;
  return 0;
}

}  // namespace

void ApplyFollowers(const std::vector<Token>& t, const NumberMatch& m, Quantity* q, size_t* last) {
  size_t n = *last + 1;
  if (n >= t.size() || q->kind == Kind::kOrdinal || q->kind == Kind::kVague) return;
  // Ratios: "14 out of 15", "one in five".
  size_t den = 0;
  if (IsWord(t, n, "out") && IsWord(t, n + 1, "of")) den = n + 2;
  else if (IsWord(t, n, "in") && (m.words || q->value < 100)) den = n + 1;
  if (den != 0 && q->unit == Unit::kNone) {
    NumberMatch d;
    if (ParseNumberAt(t, den, &d) && !d.ordinal && !d.vague && d.value > 0 &&
        !(t[den].kind == Tok::kNumber && t[den].lower.size() == 4 && d.value >= 1000 &&
          d.value <= 2100)) {
      q->kind = Kind::kRatio;
      q->total = d.value;
      *last = d.last;
      return;
    }
  }
  // Ranges: "30-40", "30 to 40 million", "between 30 and 40", "$30-$40".
  bool between = false;
  for (size_t k = m.first; k > 0 && k + 3 > m.first; --k) {
    if (IsWord(t, k - 1, "between")) between = true;
  }
  const std::string& sep = t[n].lower;
  bool from = false;  // "from X to Y" after a change word: two values, not a range
  for (size_t k = m.first; k > 0 && k + 2 > m.first; --k) {
    if (IsWord(t, k - 1, "from")) from = ChangeBefore(t, k - 1);
  }
  bool range_sep = sep == "-" || sep == "~" || sep == "through" || sep == "\u2014" ||
                   (sep == "to" && !from) || (sep == "and" && between);
  if (range_sep && n + 1 < t.size()) {
    size_t k = n + 1;
    if (IsWord(t, k, "the")) ++k;
    if (k < t.size() && t[k].kind == Tok::kSymbol && CurrencySymbol(t[k].lower)) {
      if (q->unit != Unit::kCurrency) return;  // "rose 5 to $40 million": a change, not a range
      ++k;
    }
    NumberMatch hi;
    if (ParseNumberAt(t, k, &hi) && !hi.vague && hi.ordinal == m.ordinal && !hi.decade &&
        !hi.unit_suffix && !t[k].has_colon) {
      double low = q->value, high = hi.value;
      if (hi.scaled && !m.scaled && low < 1000) {
        double scale = hi.value / (t[hi.first].kind == Tok::kNumber ? t[hi.first].value : 1);
        if (scale >= 100 && t[hi.first].kind == Tok::kNumber) low *= scale;
      }
      // "up 4.8% to 13.18" is a change; "30% to 40%" and "30 to 40%" are ranges.
      bool first_percent = q->unit == Unit::kPercent;
      bool second_percent = PercentAfter(t, hi.last + 1) > 0;
      if (first_percent && !second_percent) return;
      if (high > low) {
        q->value = low;
        q->high = high;
        q->bound = Bound::kRange;
        *last = hi.last;
        if (size_t u = PercentAfter(t, *last + 1); u > 0) {
          q->unit = Unit::kPercent;
          *last += u;
        } else if (*last + 1 < t.size() && t[*last + 1].kind == Tok::kWord &&
                   CurrencyWord(t[*last + 1].lower) && !t[*last + 1].capital &&
                   q->unit == Unit::kNone) {
          q->unit = Unit::kCurrency;
          q->currency = CurrencyWord(t[*last + 1].lower);
          *last += 1;
        }
        return;
      }
    }
  }
  // "500 or more", "200 or greater", "1,000-plus", "or so"; not "40 and less
  // than 10", two comparisons.
  if ((IsWord(t, n, "or") || IsWord(t, n, "and")) && n + 1 < t.size() && !IsWord(t, n + 2, "than")) {
    const std::string& w = t[n + 1].lower;
    if (w == "more" || w == "greater" || w == "above" || w == "higher") {
      q->bound = Bound::kLower;
      *last = n + 1;
    } else if (w == "less" || w == "fewer" || w == "below" || w == "lower") {
      q->bound = Bound::kUpper;
      *last = n + 1;
    } else if (w == "so" && t[n].lower == "or") {
      q->bound = Bound::kApproximate;
      *last = n + 1;
    }
  } else if (IsWord(t, n, "plus") || (t[n].lower == "-" && IsWord(t, n + 1, "plus"))) {
    q->bound = Bound::kLower;
    *last = t[n].lower == "-" ? n + 1 : n;
  }
}

void ApplyQualifiers(const std::vector<Token>& t, Quantity* q, size_t* first, size_t last) {
  (void)last;
  if (q->bound == Bound::kRange) {
    if (*first > 0 && (IsWord(t, *first - 1, "between") || IsWord(t, *first - 1, "from"))) --*first;
    else if (*first > 1 && IsWord(t, *first - 2, "between") && IsWord(t, *first - 1, "the")) *first -= 2;
    return;
  }
  // ">10", ">= 30", "<= 100", "< 5".
  if (*first > 0 && t[*first - 1].kind == Tok::kSymbol) {
    size_t k = *first - 1;  // open and closed ends are not told apart
    if (t[k].lower == "=" && k > 0 && (t[k - 1].lower == ">" || t[k - 1].lower == "<")) --k;
    if (t[k].lower == ">" || t[k].lower == "<") {
      if (q->bound == Bound::kExact) q->bound = t[k].lower == ">" ? Bound::kLower : Bound::kUpper;
      *first = k;
      return;
    }
  }
  for (const Phrase& p : kBefore) {
    size_t n = MatchBefore(t, *first, p.words);
    if (n == 0) continue;
    // "over" / "under" / "some" before a bare small number are often not bounds.
    if (q->bound == Bound::kExact || q->bound == Bound::kApproximate) q->bound = p.bound;
    *first -= n;
    return;
  }
}

void MergeComparisons(std::string_view text, std::vector<Quantity>* out) {
  auto bounded = [](const Quantity& q) {
    return (q.bound == Bound::kLower || q.bound == Bound::kUpper) && q.kind == Kind::kCardinal;
  };
  size_t kept = 0;  // compaction in place: most texts merge nothing
  for (size_t i = 0; i < out->size(); ++i) {
    const size_t at = i;
    Quantity& a = (*out)[at];
    if (i + 1 < out->size() && bounded(a)) {
      Quantity& b = (*out)[i + 1];
      std::string_view gap = text.substr(a.end, b.begin - a.end);
      while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
      while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
      const bool joined = gap == "and" || gap == "but" || gap == "," || gap == ", and" || gap == ", but";
      const double low = a.bound == Bound::kLower ? a.value : b.value;
      const double high = a.bound == Bound::kLower ? b.value : a.value;
      if (joined && bounded(b) && a.bound != b.bound && a.counted.empty() && a.unit == b.unit &&
          a.currency == b.currency && low < high) {
        a.end = b.end;
        a.char_end = b.char_end;
        a.text = std::string(text.substr(a.begin, a.end - a.begin));
        a.value = low;
        a.high = high;
        a.bound = Bound::kRange;
        a.counted = std::move(b.counted);
        a.head = std::move(b.head);
        ++i;  // b is part of a now
      }
    }
    if (kept != at) (*out)[kept] = std::move(a);
    ++kept;
  }
  out->resize(kept);
}

bool ParseNumber(std::string_view text, double* value) {
  std::vector<Token> t = Scan(text);
  if (t.empty()) return false;
  NumberMatch m;
  size_t i = 0;
  double sign = 1;
  if (t[0].lower == "-" || IsWord(t, 0, "minus") || IsWord(t, 0, "negative")) {
    sign = -1;
    i = 1;
  }
  if (!ParseNumberAt(t, i, &m) || m.last + 1 != t.size()) return false;
  *value = sign * m.value;
  return true;
}

namespace {

std::string Trim(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string FormatNumber(double v) {
  double a = std::fabs(v);
  if (a >= 1e12) return Trim(v / 1e12) + " trillion";
  if (a >= 1e9) return Trim(v / 1e9) + " billion";
  if (a >= 1e6) return Trim(v / 1e6) + " million";
  if (a >= 1000 && std::floor(a) == a) {
    std::string digits = std::to_string(static_cast<long long>(a));
    std::string out;
    for (size_t k = 0; k < digits.size(); ++k) {
      if (k > 0 && (digits.size() - k) % 3 == 0) out.push_back(',');
      out.push_back(digits[k]);
    }
    return (v < 0 ? "-" : "") + out;
  }
  return Trim(v);
}

std::string WithUnit(const Quantity& q, double v) {
  std::string n = FormatNumber(v);
  if (q.unit == Unit::kPercent) return n + "%";
  if (q.unit == Unit::kCurrency) {
    if (q.currency == "USD") return "$" + n;
    if (q.currency == "EUR") return "\u20AC" + n;
    if (q.currency == "GBP") return "\u00A3" + n;
    return n + " " + q.currency;
  }
  return n;
}

}  // namespace

std::string Describe(const Quantity& q) {
  switch (q.bound) {
    case Bound::kRange: return WithUnit(q, q.value) + "\u2013" + WithUnit(q, q.high);
    case Bound::kLower: return "more than " + WithUnit(q, q.value);
    case Bound::kUpper: return "up to " + WithUnit(q, q.value);
    case Bound::kApproximate: return "about " + WithUnit(q, q.value);
    default: break;
  }
  if (q.kind == Kind::kRatio) return WithUnit(q, q.value) + " of " + FormatNumber(q.total);
  if (q.kind == Kind::kVague) return q.text;
  return WithUnit(q, q.value);
}

bool IsPersonNoun(std::string_view folded_word) { return PersonNoun(folded_word); }

const char* UnitName(Unit u) {
  switch (u) {
    case Unit::kPercent: return "percent";
    case Unit::kCurrency: return "currency";
    default: return "none";
  }
}

const char* BoundName(Bound b) {
  switch (b) {
    case Bound::kApproximate: return "approximate";
    case Bound::kLower: return "lower";
    case Bound::kUpper: return "upper";
    case Bound::kRange: return "range";
    default: return "exact";
  }
}

const char* KindName(Kind k) {
  switch (k) {
    case Kind::kOrdinal: return "ordinal";
    case Kind::kRatio: return "ratio";
    case Kind::kVague: return "vague";
    default: return "cardinal";
  }
}

}  // namespace parallax::quantity
