// FindTimexes on arbitrary bytes (invalid UTF-8 included), with and without
// an anchor; checks the offsets it reports.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parallax/timex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool anchored : {false, true}) {
    parallax::timex::TimexOptions options;
    if (anchored) options.anchor = parallax::timex::CivilDate{2024, 3, 25};
    size_t last_end = 0;
    for (const auto& e : parallax::timex::FindTimexes(text, options)) {
      if (e.begin < last_end || e.end <= e.begin || e.end > size || e.char_end > e.end ||
          e.char_begin > e.char_end || e.text != text.substr(e.begin, e.end - e.begin)) {
        std::abort();
      }
      last_end = e.end;
      if (anchored && !e.anchored) std::abort();
    }
  }
  return 0;
}
