// The whole WARC path from memory: gzip detection, record framing and resync,
// HTTP parsing, chunked/gzip bodies, and ParseHtmlArticle on each page.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/io/containers.h"
#include "ingest/io/gzip.h"
#include "ingest/io/http.h"
#include "ingest/io/stream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Result<io::DecodedInput> in = io::OpenDecoded(io::MemorySource(bytes));
  if (!in.ok()) return 0;
  if (in->gzip != nullptr) in->gzip->set_max_output_bytes(16 << 20);
  ReadLimits limits;
  limits.max_document_bytes = 1 << 20;
  ReadStats stats;
  ReadCallbacks callbacks;
  callbacks.on_error = [](const InputError& e) {
    if (e.problem.empty()) std::abort();  // every problem says what went wrong
  };
  io::ReadSink sink(callbacks, &stats);
  io::ReadWarcStream(in->reader.get(), "fuzz.warc", limits, &sink);

  // The HTTP layer alone, on the raw bytes as one message.
  Result<io::HttpResponse> http = io::ParseHttpResponse(bytes);
  std::string storage;
  if (http.ok()) (void)io::DecodeHttpBody(*http, 1 << 20, &storage);
  return 0;
}
