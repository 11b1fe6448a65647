#include "ingest/io/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>

#include "ingest/io/charset.h"
#include "ingest/io/utf8.h"

namespace parallax::io {
namespace {

constexpr size_t kMetaScanBytes = 4096;
constexpr int32_t kMinDetectConfidence = 20;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// Converts with ICU; false when ICU does not know `charset`.
bool ConvertWithIcu(std::string_view bytes, const std::string& charset, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(charset.c_str(), &err));
  if (U_FAILURE(err) || cnv == nullptr) return false;
  // Illegal or unmapped input becomes U+FFFD (not ICU's SUB, U+001A).
  static const UChar kReplacement[] = {0xFFFD};
  err = U_ZERO_ERROR;
  ucnv_setSubstString(cnv.get(), kReplacement, 1, &err);
  err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &err);

  // Convert in slices so memory stays ~3x the input even for huge documents.
  std::u16string units(std::min<size_t>(bytes.size(), 1 << 20) + 64, u'\0');
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  out->reserve(out->size() + bytes.size() + bytes.size() / 2);
  char16_t pending_high = 0;  // high surrogate at the end of the previous slice
  for (;;) {
    UChar* target = reinterpret_cast<UChar*>(units.data());
    UChar* target_end = target + units.size();
    if (pending_high != 0) *target++ = pending_high;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, target_end, &src, src_end, nullptr, true, &err);
    size_t n = static_cast<size_t>(target - reinterpret_cast<UChar*>(units.data()));
    bool more = err == U_BUFFER_OVERFLOW_ERROR;
    if (U_FAILURE(err) && !more) return false;
    pending_high = 0;
    if (more && n > 0 && units[n - 1] >= 0xD800 && units[n - 1] <= 0xDBFF) {
      pending_high = units[--n];
    }
    AppendUtf16AsUtf8(std::u16string_view(units.data(), n), out);
    if (!more) break;
  }
  return true;
}

// ICU's statistical guess, or "" when it has no confident answer.
std::string DetectCharset(std::string_view bytes, bool is_html) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&err));
  if (U_FAILURE(err)) return {};
  // The detector reads at most this much; more only costs time.
  std::string_view sample = bytes.substr(0, 64 << 10);
  ucsdet_enableInputFilter(det.get(), is_html);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || match == nullptr) return {};
  int32_t confidence = ucsdet_getConfidence(match, &err);
  const char* name = ucsdet_getName(match, &err);
  if (U_FAILURE(err) || name == nullptr || confidence < kMinDetectConfidence) return {};
  std::string n = NormalizeCharsetLabel(name);
  // UTF-8 cannot be right (the bytes are invalid UTF-8); 32-bit forms without
  // a BOM are practically never real.
  if (n == "utf-8" || n.starts_with("utf-32")) return {};
  return n;
}

std::string Repaired(std::string_view bytes) {
  std::string out;
  AppendRepairedUtf8(bytes, &out);
  return out;
}

}  // namespace

std::string DecodeToUtf8(std::string_view bytes, std::string_view charset_hint, bool is_html) {
  size_t bom = 0;
  std::string charset = CharsetFromBom(bytes, &bom);
  if (!charset.empty()) {
    bytes.remove_prefix(bom);
    if (charset == "utf-8") return Repaired(bytes);
    std::string out;
    if (ConvertWithIcu(bytes, charset, &out)) return out;
    return Repaired(bytes);
  }

  charset = NormalizeCharsetLabel(charset_hint);
  if (charset.empty()) charset = CharsetFromXmlDeclaration(bytes.substr(0, 512));
  if (charset.empty() && is_html) charset = CharsetFromHtmlMeta(bytes.substr(0, kMetaScanBytes));

  // Fast path: valid UTF-8 in an ASCII-compatible declaration is kept as is.
  // A page declared Latin-1 whose bytes are valid UTF-8 with non-ASCII
  // characters is almost surely mislabelled UTF-8 (servers often default the
  // header to ISO-8859-1); pure ASCII decodes the same either way.
  size_t valid = ValidUtf8Prefix(bytes);
  if (valid == bytes.size() && !IsAsciiIncompatible(charset)) return std::string(bytes);
  if (charset == "utf-8") return Repaired(bytes);

  if (charset.empty()) {
    charset = DetectCharset(bytes, is_html);
    if (charset.empty()) charset = "windows-1252";
  }
  std::string out;
  if (ConvertWithIcu(bytes, charset, &out)) return out;
  // An unknown label: fall back to the same guesses as for no label.
  std::string guess = DetectCharset(bytes, is_html);
  out.clear();
  if (!guess.empty() && ConvertWithIcu(bytes, guess, &out)) return out;
  out.clear();
  if (ConvertWithIcu(bytes, "windows-1252", &out)) return out;
  return Repaired(bytes);
}

}  // namespace parallax::io
