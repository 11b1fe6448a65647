#include "direct.h"

namespace parallax::quotes::internal {

std::vector<MarkSpan> FindQuoteSpans(const Doc& d) {
  std::vector<MarkSpan> out;
  int64_t open = -1;
  for (uint32_t i = 0; i < d.toks.size(); ++i) {
    const Tok& t = d.toks[i];
    bool new_paragraph = i > 0 && t.paragraph != d.toks[i - 1].paragraph;
    if (new_paragraph && open >= 0) {
      if (t.quote_mark == 1 || t.quote_mark == 3) continue;  // the quote runs on
      out.push_back({static_cast<uint32_t>(open), i - 1, false});
      open = -1;
    }
    if (t.quote_mark == 0) continue;
    if (open < 0) {
      if (t.quote_mark != 2) open = i;  // a stray closing mark opens nothing
    } else if (t.quote_mark != 1) {
      out.push_back({static_cast<uint32_t>(open), i, true});
      open = -1;
    }
  }
  if (open >= 0 && !d.toks.empty()) {
    out.push_back({static_cast<uint32_t>(open), static_cast<uint32_t>(d.toks.size() - 1), false});
  }
  return out;
}

}  // namespace parallax::quotes::internal
