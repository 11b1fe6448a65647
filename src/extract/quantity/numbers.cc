#include "quantity/numbers.h"

#include <cmath>
#include <string>
#include <string_view>

namespace parallax::quantity {
namespace {

bool IsWord(const std::vector<Token>& t, size_t i, std::string_view w) {
  return i < t.size() && t[i].kind == Tok::kWord && t[i].lower == w;
}

// Full scale words that may follow a number after a space ("1.4 million").
double SpacedScale(std::string_view w) {
  if (w == "k" || w == "m" || w == "b") return 0;  // glued only ("10k")
  return ScaleWord(w);
}

bool IsNumberWord(const Token& t) {
  if (t.kind != Tok::kWord) return false;
  const std::string& w = t.lower;
  return SmallNumber(w) >= 0 || TensNumber(w) > 0 || w == "hundred" || w == "thousand" ||
         w == "million" || w == "billion" || w == "trillion" || w == "dozen" || w == "dozens" ||
         w == "lakh" || w == "crore";
}

// "and a half", "and one quarter", "and two thirds" after a number: the fraction.
bool TrailingFraction(const std::vector<Token>& t, size_t i, double* frac, size_t* last) {
  if (!IsWord(t, i, "and")) return false;
  size_t j = i + 1;
  double num = 0;
  if (IsWord(t, j, "a") || IsWord(t, j, "an")) {
    num = 1;
  } else if (j < t.size() && t[j].kind == Tok::kWord && SmallNumber(t[j].lower) > 0) {
    num = SmallNumber(t[j].lower);
  } else {
    return false;
  }
  ++j;
  if (j >= t.size() || t[j].kind != Tok::kWord) return false;
  int d = OrdinalWord(t[j].lower);
  if (d <= 1) return false;
  *frac = num / d;
  *last = j;
  return true;
}

bool ParseDigitsAt(const std::vector<Token>& t, size_t i, NumberMatch* m) {
  const Token& tok = t[i];
  if (tok.has_colon) return false;
  m->first = m->last = i;
  m->value = tok.value;
  size_t j = i + 1;
  // "3/4", "-4/5": fraction when exactly two parts.
  if (j + 1 < t.size() && t[j].lower == "/" && t[j].attached && t[j + 1].kind == Tok::kNumber &&
      t[j + 1].attached && !(j + 2 < t.size() && t[j + 2].lower == "/" && t[j + 2].attached) &&
      t[j + 1].value != 0 && !tok.grouped && !tok.decimal) {
    m->value = tok.value / t[j + 1].value;
    m->fraction = true;
    m->last = j + 1;
    return true;
  }
  if (j < t.size() && t[j].attached && t[j].kind == Tok::kWord) {
    const std::string& w = t[j].lower;
    if (w == "st" || w == "nd" || w == "rd" || w == "th") {
      m->ordinal = true;
      m->last = j;
      return true;
    }
    if (w == "s" && tok.value >= 10 && !tok.decimal) {
      m->decade = true;
      m->last = j;
      return true;
    }
    if (double s = ScaleWord(w); s > 0 && w != "hundred") {
      m->value *= s;
      m->scaled = true;
      m->last = j;
      return true;
    }
    if (w == "dozen" || w == "dozens") {
      m->value *= 12;
      m->last = j;
      return true;
    }
    m->unit_suffix = true;
    m->last = j;
    return true;
  }
  // Spaced scale words, possibly chained ("three lakh crore", "322 hundred").
  while (j < t.size() && t[j].kind == Tok::kWord) {
    double s = SpacedScale(t[j].lower);
    if (t[j].lower == "dozen" || t[j].lower == "dozens" || t[j].lower == "dzs" ||
        t[j].lower == "dozs") {
      s = 12;
    }
    if (s <= 0) break;
    m->value *= s;
    m->scaled = true;
    m->last = j;
    ++j;
  }
  double frac = 0;
  size_t flast = 0;
  if (m->scaled && TrailingFraction(t, j, &frac, &flast)) {
    // "3 million and a half": the fraction is of the last scale.
    double scale = ScaleWord(t[m->last].lower);
    m->value += frac * (scale > 0 ? scale : 1);
    m->last = flast;
    m->fraction = true;
  }
  return true;
}

bool ParseWordsAt(const std::vector<Token>& t, size_t i, NumberMatch* m) {
  double total = 0, current = 0, tail = 0;
  bool any = false;
  enum Last { kNone, kSmall, kTens, kHundred, kScale, kA } last = kNone;
  size_t j = i;
  m->first = i;
  m->words = true;
  // "a" / "an" stands for one before a scale, dozen or fraction word.
  if (IsWord(t, j, "a") || IsWord(t, j, "an")) {
    if (j + 1 >= t.size() || t[j + 1].kind != Tok::kWord) return false;
    const std::string& w = t[j + 1].lower;
    bool ok = w == "hundred" || w == "thousand" || w == "million" || w == "billion" ||
              w == "trillion" || w == "dozen" || w == "half" || w == "quarter" ||
              (OrdinalWord(w) > 2 && !OrdinalPlural(w));
    if (!ok) return false;
    current = 1;
    tail = 1;
    last = kA;
    ++j;
    any = true;
    m->bare_one = true;
  }
  // "half a million", "half million", "quarter million", "half".
  if (IsWord(t, j, "half") || IsWord(t, j, "quarter")) {
    // A bare "quarter" is usually three months ("in the quarter to March").
    if (t[j].lower == "quarter" && last != kA &&
        !(j + 1 < t.size() && (t[j + 1].lower == "of" || SpacedScale(t[j + 1].lower) > 0))) {
      return false;
    }
    double f = t[j].lower == "half" ? 0.5 : 0.25;
    if (last == kA) f *= current;
    size_t k = j + 1;
    if (IsWord(t, k, "a") || IsWord(t, k, "an")) ++k;
    if (k < t.size() && t[k].kind == Tok::kWord && SpacedScale(t[k].lower) > 0 &&
        t[k].lower != "hundred") {
      m->value = f * SpacedScale(t[k].lower);
      m->last = k;
      m->scaled = true;
    } else if (IsWord(t, k, "dozen")) {
      m->value = f * 12;
      m->last = k;
    } else {
      m->value = f;
      m->last = j;
      m->fraction = true;
    }
    m->bare_one = false;
    return true;
  }
  size_t end = j;
  while (j < t.size() && t[j].kind == Tok::kWord) {
    const std::string& w = t[j].lower;
    int small = SmallNumber(w);
    int tens = TensNumber(w);
    if (small >= 0) {
      if (last == kSmall || (last == kTens && small >= 10) || (last == kTens && small == 0)) break;
      // "two-thirds", "one-fifth": a hyphenated fraction.
      if (small > 0 && j + 2 < t.size() && t[j + 1].lower == "-" && t[j + 2].kind == Tok::kWord) {
        int d = OrdinalWord(t[j + 2].lower);
        if (d > 1 && t[j + 2].lower != "second" && (OrdinalPlural(t[j + 2].lower) || small == 1)) {
          m->value = total + (current + small) / d;
          if (total > 0 || current > 0) m->value = total + current + double(small) / d;
          m->fraction = true;
          m->last = j + 2;
          return true;
        }
      }
      current += small;
      tail = (last == kTens) ? tail + small : small;
      last = kSmall;
    } else if (tens > 0) {
      if (last == kSmall || last == kTens) break;
      current += tens;
      tail = tens;
      last = kTens;
      // "twenty-one", "fifty - two"
      if (j + 2 < t.size() && t[j + 1].lower == "-" && t[j + 2].kind == Tok::kWord) {
        int u = SmallNumber(t[j + 2].lower);
        if (u >= 1 && u <= 9) {
          current += u;
          tail += u;
          last = kSmall;
          j += 2;
        } else if (int o = OrdinalWord(t[j + 2].lower); o >= 1 && o <= 9 &&
                                                         !OrdinalPlural(t[j + 2].lower)) {
          m->value = total + current + o;
          m->ordinal = true;
          m->last = j + 2;
          return true;
        }
      }
    } else if (w == "hundred") {
      if (last == kHundred) break;
      current = (current == 0 ? 1 : current) * 100;
      tail = 0;
      last = kHundred;
    } else if (w == "thousand" || w == "million" || w == "billion" || w == "trillion" ||
               w == "lakh" || w == "crore") {
      double s = ScaleWord(w);
      if (current == 0 && total > 0 && last == kScale) {
        total *= s;  // "lakh crore"
      } else {
        if (current == 0 && !any) break;
        total += (current == 0 ? 1 : current) * s;
      }
      current = 0;
      tail = 0;
      last = kScale;
      m->scaled = true;
    } else if (w == "dozen" || w == "dozens" || w == "dozs" || w == "dzs") {
      if (!any) break;
      current = current - tail + (tail == 0 ? 1 : tail) * 12;
      tail = 0;
      last = kScale;
    } else if (w == "and" && any) {
      // Continue only when a number word follows (or "and a half").
      double frac = 0;
      size_t flast = 0;
      if (TrailingFraction(t, j, &frac, &flast)) {
        double scale = last == kScale ? ScaleWord(t[end].lower) : 1;
        if (t[end].lower == "dozen" || t[end].lower == "dozens") scale = 1;
        bool scale_follows = flast + 1 < t.size() && t[flast + 1].kind == Tok::kWord &&
                             SpacedScale(t[flast + 1].lower) > 0;
        if (scale_follows) {
          // "one billion and a half million", "five and a half million"
          double s2 = SpacedScale(t[flast + 1].lower);
          if (last == kScale) {
            total += current;
            m->value = total + frac * s2;
          } else {
            m->value = total + (current + frac) * s2;
          }
          m->last = flast + 1;
          m->fraction = true;
          m->scaled = true;
          return true;
        }
        m->value = total + current + frac * (scale > 0 ? scale : 1);
        m->last = flast;
        m->fraction = true;
        return true;
      }
      if (j + 1 < t.size() && IsNumberWord(t[j + 1]) && t[j + 1].lower != "dozen") {
        ++j;
        continue;
      }
      break;
    } else if (w == "point" && any && j + 1 < t.size() && IsNumberWord(t[j + 1])) {
      std::string digits;
      size_t k = j + 1;
      while (k < t.size() && t[k].kind == Tok::kWord) {
        int s2 = SmallNumber(t[k].lower);
        int t2 = TensNumber(t[k].lower);
        if (s2 >= 0 && s2 <= 9) {
          digits += static_cast<char>('0' + s2);
        } else if (s2 >= 10) {
          digits += std::to_string(s2);
        } else if (t2 > 0) {
          int v = t2;
          if (k + 2 < t.size() && t[k + 1].lower == "-" && SmallNumber(t[k + 2].lower) > 0 &&
              SmallNumber(t[k + 2].lower) < 10) {
            v += SmallNumber(t[k + 2].lower);
            k += 2;
          } else if (k + 1 < t.size() && SmallNumber(t[k + 1].lower) > 0 &&
                     SmallNumber(t[k + 1].lower) < 10) {
            v += SmallNumber(t[k + 1].lower);
            k += 1;
          }
          digits += std::to_string(v);
        } else {
          break;
        }
        ++k;
      }
      if (digits.empty()) break;
      current += std::stod("0." + digits);
      end = k - 1;
      j = k;
      any = true;
      continue;
    } else if (int o = OrdinalWord(w); o != 0 && any && w != "second" && w != "seconds") {
      int denom = o < 0 ? 0 : o;
      bool plural = OrdinalPlural(w);
      if ((last == kTens || last == kHundred || last == kScale) && !plural && denom < 10) {
        m->value = total + current + denom;  // "one hundred twenty fifth"
        m->ordinal = true;
      } else if (denom > 0) {
        m->value = (total + current) / denom;  // "three fifths", "a fifth"
        m->fraction = true;
      } else {
        break;
      }
      m->last = j;
      m->bare_one = false;
      return true;
    } else {
      break;
    }
    any = true;
    end = j;
    ++j;
  }
  if (!any) {
    // A lone ordinal word: "fifth", "twentieth".
    if (i < t.size() && t[i].kind == Tok::kWord) {
      int o = OrdinalWord(t[i].lower);
      if (o > 0 && !OrdinalPlural(t[i].lower) && t[i].lower != "half" &&
          t[i].lower != "quarter") {
        m->value = o;
        m->ordinal = true;
        m->last = i;
        m->words = true;
        return true;
      }
    }
    return false;
  }
  if (last == kA) return false;
  m->value = total + current;
  m->last = end;
  m->bare_one = m->bare_one || (end == i && t[i].lower == "one");
  return true;
}

}  // namespace

bool ParseNumberAt(const std::vector<Token>& t, size_t i, NumberMatch* m) {
  *m = NumberMatch{};
  if (i >= t.size()) return false;
  if (t[i].kind == Tok::kNumber) {
    if (t[i].value != 0 && t[i].lower.size() <= 3 && VulgarFraction(t[i].lower) > 0) {
      m->first = m->last = i;
      m->value = t[i].value;
      m->fraction = true;
      return true;
    }
    return ParseDigitsAt(t, i, m);
  }
  if (t[i].kind != Tok::kWord) return false;
  // "hundreds of", "thousands", "dozens": vague counts.
  const std::string& w = t[i].lower;
  if (w == "dozens" || w == "hundreds" || w == "thousands" || w == "millions" ||
      w == "billions" || w == "tens") {
    if (w == "tens" && !IsWord(t, i + 1, "of")) return false;
    m->first = m->last = i;
    m->value = w == "dozens" ? 12 : w == "tens" ? 10 : ScaleWord(w);
    m->vague = true;
    m->words = true;
    // "tens of thousands", "hundreds of thousands"
    if (IsWord(t, i + 1, "of") && i + 2 < t.size() &&
        (t[i + 2].lower == "thousands" || t[i + 2].lower == "millions")) {
      m->value *= ScaleWord(t[i + 2].lower);
      m->last = i + 2;
    }
    return true;
  }
  return ParseWordsAt(t, i, m);
}

}  // namespace parallax::quantity
