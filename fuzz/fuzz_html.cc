// ParseHtmlArticle on arbitrary bytes, with the content type taken from the
// first line when it looks like one (so charset handling is exercised).
#include <cstdint>
#include <string>

#include "parallax/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  parallax::DocContext ctx;
  ctx.source = "fuzz.html";
  ctx.limits.max_document_bytes = 1 << 20;
  if (bytes.starts_with("text/html")) {
    size_t nl = bytes.find('\n');
    ctx.content_type = std::string(bytes.substr(0, nl));
    bytes.remove_prefix(nl == std::string_view::npos ? bytes.size() : nl + 1);
    ctx.url = "https://fuzz.example/a/b.html";
  }
  (void)parallax::ParseHtmlArticle(bytes, ctx);
  return 0;
}
