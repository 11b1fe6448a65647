// UTF-8 validation and repair, tuned for the common case (mostly-ASCII HTML).
//
// Validity follows RFC 3629 / Unicode 15 Table 3-7: no overlongs, no
// surrogates (U+D800..DFFF), nothing above U+10FFFF. Repair replaces each
// maximal invalid subpart with U+FFFD, as WHATWG's decoder and ICU do, so the
// output is identical to what a browser shows. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax::io {

// Length of the longest valid UTF-8 prefix of `s` (== s.size() when valid).
size_t ValidUtf8Prefix(std::string_view s);

inline bool IsValidUtf8(std::string_view s) { return ValidUtf8Prefix(s) == s.size(); }

// Appends `s` to `out` with invalid sequences replaced by U+FFFD.
void AppendRepairedUtf8(std::string_view s, std::string* out);

// Appends U+0000..U+10FFFF as UTF-8 (surrogates become U+FFFD).
void AppendCodePoint(char32_t cp, std::string* out);

// Appends UTF-16 code units as UTF-8; unpaired surrogates become U+FFFD.
void AppendUtf16AsUtf8(std::u16string_view s, std::string* out);

}  // namespace parallax::io
