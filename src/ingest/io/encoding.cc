#include "ingest/io/encoding.h"

namespace parallax::io {

// Placeholder: passthrough. Replaced by the real implementation.
std::string CharsetFromContentType(std::string_view /*content_type*/) { return {}; }

std::string DecodeToUtf8(std::string_view bytes, std::string_view /*charset_hint*/,
                         bool /*is_html*/) {
  return std::string(bytes);
}

}  // namespace parallax::io
