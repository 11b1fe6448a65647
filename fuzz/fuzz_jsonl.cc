// ArticleFromJsonRecord on one arbitrary line.
#include <cstdint>
#include <string>

#include "parallax/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  parallax::DocContext ctx;
  ctx.source = "fuzz.jsonl#1";
  ctx.limits.max_document_bytes = 1 << 20;
  (void)parallax::ArticleFromJsonRecord(line, ctx);
  return 0;
}
