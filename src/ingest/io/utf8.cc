#include "ingest/io/utf8.h"

#include <cstdint>
#include <cstring>

namespace parallax::io {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ull;

// Bounds of the second byte for each lead byte (Unicode Table 3-7); the
// third and fourth bytes are always 80..BF.
struct Lead {
  unsigned char len;  // 0 = never valid as a lead byte
  unsigned char lo, hi;
};

constexpr Lead LeadOf(unsigned char b) {
  if (b < 0x80) return {1, 0, 0};
  if (b < 0xC2) return {0, 0, 0};
  if (b < 0xE0) return {2, 0x80, 0xBF};
  if (b == 0xE0) return {3, 0xA0, 0xBF};
  if (b == 0xED) return {3, 0x80, 0x9F};
  if (b < 0xF0) return {3, 0x80, 0xBF};
  if (b == 0xF0) return {4, 0x90, 0xBF};
  if (b < 0xF4) return {4, 0x80, 0xBF};
  if (b == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

// Examines the (non-ASCII) sequence at p. Returns its length when valid;
// otherwise 0 and sets *bad to the length of the maximal invalid subpart (>= 1).
inline size_t CheckSequence(const unsigned char* p, size_t avail, size_t* bad) {
  Lead l = LeadOf(p[0]);
  if (l.len == 0) {
    *bad = 1;
    return 0;
  }
  if (avail < 2 || p[1] < l.lo || p[1] > l.hi) {
    *bad = 1;
    return 0;
  }
  for (size_t i = 2; i < l.len; ++i) {
    if (i >= avail || (p[i] & 0xC0) != 0x80) {
      *bad = i;
      return 0;
    }
  }
  return l.len;
}

inline uint64_t Load8(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

}  // namespace

size_t ValidUtf8Prefix(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // ASCII runs 32 bytes at a time: the common case in HTML.
    while (i + 32 <= n &&
           ((Load8(p + i) | Load8(p + i + 8) | Load8(p + i + 16) | Load8(p + i + 24)) &
            kHighBits) == 0) {
      i += 32;
    }
    while (i < n && p[i] < 0x80) {
      ++i;
      if ((i & 31) == 0) break;  // back to the wide loop
    }
    if (i >= n || p[i] < 0x80) continue;
    size_t bad;
    size_t len = CheckSequence(p + i, n - i, &bad);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

void AppendCodePoint(char32_t cp, std::string* out) {
  if (cp >= 0xD800 && (cp <= 0xDFFF || cp > 0x10FFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void AppendRepairedUtf8(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size());
  while (!s.empty()) {
    size_t good = ValidUtf8Prefix(s);
    out->append(s.data(), good);
    s.remove_prefix(good);
    if (s.empty()) break;
    size_t bad = 1;
    CheckSequence(reinterpret_cast<const unsigned char*>(s.data()), s.size(), &bad);
    out->append("\xEF\xBF\xBD");
    s.remove_prefix(bad);
  }
}

void AppendUtf16AsUtf8(std::u16string_view s, std::string* out) {
  out->reserve(out->size() + s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 &&
        s[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    }
    AppendCodePoint(c, out);  // lone surrogates become U+FFFD here
  }
}

}  // namespace parallax::io
