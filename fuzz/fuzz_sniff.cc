// SniffFormat and the name helpers. The input is "name\0head"; without a NUL
// the whole input is the head.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/io/sniff.h"
#include "parallax/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string_view name;
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos && nul < 256) {
    name = bytes.substr(0, nul);
    bytes.remove_prefix(nul + 1);
  }
  parallax::InputFormat f = parallax::SniffFormat(name, bytes);
  if (parallax::InputFormatName(f) == nullptr) std::abort();
  (void)parallax::io::DefaultIdForPath(name);
  (void)parallax::io::FormatExtension(name);
  (void)parallax::io::LooksBinary(bytes);
  return 0;
}
