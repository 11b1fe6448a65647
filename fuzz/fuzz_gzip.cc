// The streaming gzip layer (multi-member, caps, damage) and one-shot inflate
// on arbitrary bytes. Output is capped so bombs stay cheap.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/io/gzip.h"
#include "ingest/io/stream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax::io;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  constexpr uint64_t kCap = 8 << 20;
  Reader r(std::make_unique<GzipSource>(MemorySource(bytes), kCap), 4096);
  std::string line;
  uint64_t total = 0;
  for (;;) {  // line reads exercise buffer boundaries
    parallax::Result<LineStatus> st = r.ReadLine(&line, 1000);
    if (!st.ok() || *st == LineStatus::kEof) break;
    total += line.size();
  }
  if (total > kCap) std::abort();
  (void)InflateBuffer(bytes, kCap, true);
  (void)InflateBuffer(bytes, kCap, false);
  return 0;
}
