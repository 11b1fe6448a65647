// ParseTextArticle on arbitrary text (made valid UTF-8 first, as ReadInputs
// does with DecodeToUtf8).
#include <cstdint>
#include <string>

#include "ingest/io/utf8.h"
#include "parallax/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text;
  parallax::io::AppendRepairedUtf8(std::string_view(reinterpret_cast<const char*>(data), size),
                                   &text);
  parallax::DocContext ctx;
  ctx.source = "fuzz.txt";
  ctx.default_id = "fuzz";
  (void)parallax::ParseTextArticle(text, ctx);
  return 0;
}
