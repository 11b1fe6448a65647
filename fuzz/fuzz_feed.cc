// ParseFeed (RSS, Atom, RDF, JSON Feed) on arbitrary bytes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "parallax/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  parallax::DocContext ctx;
  ctx.source = "fuzz.xml";
  ctx.limits.max_document_bytes = 1 << 20;
  parallax::ReadCallbacks callbacks;
  callbacks.on_article = [](parallax::Article&&) {};
  callbacks.on_error = [](const parallax::InputError& e) {
    if (e.problem.empty()) std::abort();
  };
  (void)parallax::ParseFeed(bytes, ctx, callbacks);
  return 0;
}
