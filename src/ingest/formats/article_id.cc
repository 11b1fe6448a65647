// DeriveArticleId: the CONTRACT.md id rule for records without an id.
//
// The content form is canonicalised here (not with text::Normalize) on
// purpose: stored ids must not change when the text layer improves.
#include <string>

#include "ingest/formats/url.h"
#include "parallax/hash.h"
#include "parallax/ingest.h"

namespace parallax {
namespace {

// Length in bytes of a Unicode space at s[i] (ASCII whitespace, NBSP, the
// U+2000 block, narrow NBSP, ideographic space), 0 when none.
size_t SpaceLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d <= 0x8A || d == 0xAF) return 3;
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80) {
    return 3;
  }
  return 0;
}

// Whitespace runs collapsed to one space, trimmed, ASCII lowercased.
std::string CanonicalContent(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceLength(s, i);
    if (n > 0) {
      space = !out.empty();
      i += n;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    char c = s[i++];
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  }
  return out;
}

}  // namespace

std::string DeriveArticleId(std::string_view url, std::string_view content) {
  std::string normal = formats::NormalizeUrlForId(url);
  if (!normal.empty()) return "u" + ShortHashHex(normal, 15);
  return "c" + ShortHashHex(CanonicalContent(content), 15);
}

}  // namespace parallax
