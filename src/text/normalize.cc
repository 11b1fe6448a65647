// Normalize and Fold. Both run on every paragraph of every article, so the
// common case (ASCII, or text that is already NFC) never leaves the single
// pass over the bytes; utf8proc's NFC runs only when a code point that NFC
// could change was seen.
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <cstdlib>
#include <memory>

#include "parallax/text.h"
#include "text/utf8.h"

namespace parallax::text {
namespace {

using internal::Append;
using internal::Decode;
using internal::kInvalid;
using internal::kReplacement;

// What one input code point becomes.
enum class Cls : unsigned char { kKeep, kDrop, kSpace, kNewline, kParagraph };

// C1 controls in web text are nearly always Windows-1252 bytes decoded as
// Latin-1 (0x92 for the apostrophe, 0x93/0x94 for quotes). Map them to what
// the writer meant; 0 marks positions cp1252 leaves undefined (dropped).
constexpr char16_t kCp1252C1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Classifies a non-ASCII code point, possibly rewriting it (*cp).
Cls ClassifyWide(char32_t* cp) {
  char32_t c = *cp;
  if (c >= 0x80 && c <= 0x9F) {
    c = kCp1252C1[c - 0x80];
    if (c == 0) return Cls::kDrop;
    *cp = c;
    return Cls::kKeep;
  }
  switch (c) {
    case 0x00AD:  // soft hyphen
    case 0x180E:  // Mongolian vowel separator (formerly a space, now invisible)
    case 0x200B:  // zero width space
    case 0x2060:  // word joiner
    case 0xFEFF:  // BOM / zero width no-break space
    // Bidi marks and embeddings: invisible, and they split words when left in.
    case 0x200E: case 0x200F: case 0x061C:
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
      return Cls::kDrop;
    // ZWNJ/ZWJ (U+200C/D) are kept on purpose: they change spelling in
    // Persian and Indic scripts and glue emoji sequences.
    case 0x2028:
      return Cls::kNewline;
    case 0x2029:
      return Cls::kParagraph;
    default:
      break;
  }
  auto cat = internal::Category(c);
  if (cat == UTF8PROC_CATEGORY_ZS) return Cls::kSpace;
  if (cat == UTF8PROC_CATEGORY_CC) return Cls::kDrop;
  return Cls::kKeep;
}

// True when NFC might change a text containing `cp`: its NFC_Quick_Check
// property is No (singletons, excluded compositions) or Maybe (marks and
// conjoining jamo that may compose with what precedes them).
bool MayNeedNfc(char32_t cp) {
  return u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) != UNORM_YES;
}

std::string Nfc(const std::string& s) {
  utf8proc_uint8_t* out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
  if (out == nullptr) return s;  // cannot happen on our own valid output
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> holder(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out));
}

// Byte classes for the ASCII fast path.
enum : unsigned char { kA_Keep = 0, kA_Drop, kA_Space, kA_Newline, kA_CR, kA_Wide };

struct AsciiTable {
  unsigned char v[256];
  constexpr AsciiTable() : v() {
    for (int i = 0; i < 256; ++i) {
      if (i >= 0x80) v[i] = kA_Wide;
      else if (i == ' ' || i == '\t' || i == '\f' || i == '\v') v[i] = kA_Space;
      else if (i == '\n') v[i] = kA_Newline;
      else if (i == '\r') v[i] = kA_CR;
      else if (i < 0x20 || i == 0x7F) v[i] = kA_Drop;
      else v[i] = kA_Keep;
    }
  }
};
constexpr AsciiTable kAscii;

// Pending separator between the last kept character and the next one.
enum Pending : int { kNone = 0, kSpace = 1, kLine = 2, kPara = 3 };

}  // namespace

std::string Normalize(std::string_view in, bool keep_newlines) {
  std::string out;
  out.reserve(in.size());
  int pending = kNone;
  bool needs_nfc = false;
  bool prev_cr = false;  // "\r\n" counts as one line break
  auto flush = [&]() {
    if (pending != kNone && !out.empty()) {
      if (pending == kSpace || !keep_newlines) out.push_back(' ');
      else if (pending == kLine) out.push_back('\n');
      else out.append("\n\n");
    }
    pending = kNone;
  };
  auto line_break = [&](int kind) {
    if (pending == kLine && kind == kLine) pending = kPara;  // second newline: paragraph
    else if (kind > pending) pending = kind;
  };
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(in[i]);
    unsigned char cls = kAscii.v[b];
    if (cls == kA_Keep) {
      if (pending != kNone) flush();
      // Copy the run of plain printable ASCII at once.
      size_t j = i + 1;
      while (j < n && kAscii.v[static_cast<unsigned char>(in[j])] == kA_Keep) ++j;
      out.append(in.data() + i, j - i);
      i = j;
      prev_cr = false;
      continue;
    }
    if (cls == kA_Space) {
      if (pending == kNone) pending = kSpace;
      ++i;
      prev_cr = false;
      continue;
    }
    if (cls == kA_Newline) {
      if (!prev_cr) line_break(kLine);
      ++i;
      prev_cr = false;
      continue;
    }
    if (cls == kA_CR) {
      line_break(kLine);
      ++i;
      prev_cr = true;
      continue;
    }
    prev_cr = false;
    if (cls == kA_Drop) {
      ++i;
      continue;
    }
    // Non-ASCII.
    size_t len = 0;
    char32_t cp = Decode(in, i, &len);
    i += len;
    if (cp == kInvalid) cp = kReplacement;
    switch (ClassifyWide(&cp)) {
      case Cls::kDrop:
        break;
      case Cls::kSpace:
        if (pending == kNone) pending = kSpace;
        break;
      case Cls::kNewline:
        line_break(kLine);
        break;
      case Cls::kParagraph:
        line_break(kPara);
        break;
      case Cls::kKeep:
        if (pending != kNone) flush();
        if (!needs_nfc && cp >= 0x300 && MayNeedNfc(cp)) needs_nfc = true;
        Append(out, cp);
        break;
    }
  }
  return needs_nfc ? Nfc(out) : out;
}

std::string Fold(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    size_t len = 0;
    char32_t cp = Decode(in, i, &len);
    if (cp == kInvalid) {
      Append(out, kReplacement);
      i += len;
      continue;
    }
    const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
    if (p->casefold_seqindex == UINT16_MAX) {
      out.append(in.data() + i, len);  // unchanged: copy the original bytes
    } else {
      utf8proc_int32_t buf[8];
      int last = 0;
      utf8proc_ssize_t k = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 8,
                                                   UTF8PROC_CASEFOLD, &last);
      for (utf8proc_ssize_t j = 0; j < k && j < 8; ++j) Append(out, static_cast<char32_t>(buf[j]));
    }
    i += len;
  }
  return out;
}

}  // namespace parallax::text
