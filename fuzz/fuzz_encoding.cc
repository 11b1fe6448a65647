// DecodeToUtf8 on arbitrary bytes under every kind of declaration: the output
// must always be valid UTF-8. The first byte picks the charset hint and mode.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ingest/io/charset.h"
#include "ingest/io/encoding.h"
#include "ingest/io/utf8.h"

namespace {
const char* const kHints[] = {"",          "utf-8",       "windows-1252", "iso-8859-1",
                              "shift_jis", "euc-jp",      "iso-2022-jp",  "gbk",
                              "gb18030",   "big5",        "windows-949",  "koi8-r",
                              "utf-16le",  "utf-16be",    "utf-7",        "hz-gb-2312",
                              "bogus-cs",  "iso-8859-8",  "windows-1256", "x-user-defined"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const char* hint = kHints[(mode >> 1) % (sizeof kHints / sizeof kHints[0])];
  std::string out = parallax::io::DecodeToUtf8(bytes, hint, (mode & 1) != 0);
  if (!parallax::io::IsValidUtf8(out)) {
    std::fprintf(stderr, "DecodeToUtf8 produced invalid UTF-8 (hint %s)\n", hint);
    std::abort();
  }
  // The label and meta parsers see raw bytes too.
  parallax::io::CharsetFromHtmlMeta(bytes);
  parallax::io::CharsetFromXmlDeclaration(bytes);
  parallax::io::CharsetFromContentType(bytes);
  std::string repaired;
  parallax::io::AppendRepairedUtf8(bytes, &repaired);
  if (!parallax::io::IsValidUtf8(repaired)) std::abort();
  return 0;
}
