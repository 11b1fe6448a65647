#include "ingest/formats/dates.h"

namespace parallax::formats {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int Num(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// YYYY-MM-DD, optionally followed by a time "THH:MM[:SS[.f]][Z|+HH:MM]".
std::optional<std::string> ParseIso(std::string_view s) {
  if (!Digits(s, 0, 4) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' ||
      !Digits(s, 8, 2)) {
    return std::nullopt;
  }
  int y = Num(s, 0, 4), m = Num(s, 5, 2), d = Num(s, 8, 2);
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  if (s.size() == 10) return std::string(s);
  if ((s[10] != 'T' && s[10] != ' ') || !Digits(s, 11, 2) || s.size() < 16 || s[13] != ':' ||
      !Digits(s, 14, 2)) {
    return std::nullopt;
  }
  for (size_t i = 16; i < s.size(); ++i) {
    char c = s[i];
    if (!((c >= '0' && c <= '9') || c == ':' || c == '.' || c == 'Z' || c == '+' || c == '-')) {
      return std::nullopt;
    }
  }
  std::string out(s);
  out[10] = 'T';
  return out;
}

}  // namespace

std::optional<std::string> NormalizeDate(std::string_view text) {
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= ' ') text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= ' ') text.remove_suffix(1);
  return ParseIso(text);
}

}  // namespace parallax::formats
