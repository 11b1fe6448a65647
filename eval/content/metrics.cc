#include "metrics.h"

#include <utf8proc.h>

#include <unordered_map>

namespace parallax::eval {
namespace {

bool IsWordChar(utf8proc_int32_t cp) {
  if (cp == '_') return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

void AppendUtf8(std::string* out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

Counts MatchCounts(const std::vector<std::string>& pred, const std::vector<std::string>& gold) {
  std::unordered_map<std::string_view, long> balance;
  for (const auto& g : gold) ++balance[g];
  Counts c;
  for (const auto& p : pred) {
    auto it = balance.find(p);
    if (it != balance.end() && it->second > 0) {
      --it->second;
      c.tp += 1;
    } else {
      c.fp += 1;
    }
  }
  c.fn = static_cast<double>(gold.size()) - c.tp;
  return c;
}

std::vector<std::string> Shingles(const std::vector<std::string>& tokens, int n) {
  std::vector<std::string> out;
  if (tokens.empty()) return out;
  size_t k = static_cast<size_t>(n);
  if (tokens.size() < k) k = tokens.size();
  for (size_t i = 0; i + k <= tokens.size(); ++i) {
    std::string s = tokens[i];
    for (size_t j = 1; j < k; ++j) {
      s.push_back('\x1f');
      s += tokens[i + j];
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::vector<std::string> WordTokens(std::string_view utf8, bool fold) {
  std::vector<std::string> out;
  std::string cur;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
  while (left > 0) {
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      n = 1;
      cp = -1;
    }
    if (cp >= 0 && IsWordChar(cp)) {
      AppendUtf8(&cur, fold ? utf8proc_tolower(cp) : cp);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
    p += n;
    left -= n;
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

Counts ShingleCounts(std::string_view predicted, std::string_view gold, int n) {
  return MatchCounts(Shingles(WordTokens(predicted), n), Shingles(WordTokens(gold), n));
}

Counts WordCounts(std::string_view predicted, std::string_view gold) {
  return MatchCounts(WordTokens(predicted, true), WordTokens(gold, true));
}

double Precision(const Counts& c) {
  if (c.tp + c.fp == 0) return c.fn == 0 ? 1.0 : 0.0;
  return c.tp / (c.tp + c.fp);
}

double Recall(const Counts& c) {
  if (c.tp + c.fn == 0) return 1.0;
  return c.tp / (c.tp + c.fn);
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool pending = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace parallax::eval
