// Pairing quotation marks into direct-quote spans.
#pragma once

#include <cstdint>
#include <vector>

#include "document.h"

namespace parallax::quotes::internal {

struct MarkSpan {
  uint32_t open = 0;   // token of the opening mark
  uint32_t close = 0;  // token of the closing mark, or the span's last token when unclosed
  bool closed = false;
};

// Quote spans in order. Curly marks pair explicitly, straight marks toggle.
// A paragraph that ends inside a quote continues it when the next paragraph
// opens with a quotation mark (the convention for multi-paragraph quotes);
// otherwise the quote ends with its paragraph.
std::vector<MarkSpan> FindQuoteSpans(const Doc& d);

}  // namespace parallax::quotes::internal
