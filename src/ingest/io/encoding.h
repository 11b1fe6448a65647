// Character encodings: everything Parallax stores is UTF-8.
//
// Thread-safe (ICU converters are created per call).
#pragma once

#include <string>
#include <string_view>

namespace parallax::io {

// The charset parameter of a Content-Type header ("text/html; charset=ISO-8859-1"
// -> "iso-8859-1"), lowercased; "" when absent.
std::string CharsetFromContentType(std::string_view content_type);

// Converts `bytes` to valid UTF-8. The encoding is taken, in order, from a
// byte-order mark, `charset_hint` (HTTP header, XML declaration), and for HTML
// (`is_html`) a <meta charset> / http-equiv in the first few KB; else the
// bytes are used as UTF-8 if they are valid UTF-8, else statistically
// detected (Windows-1252 is the fallback for Latin text). Undecodable bytes
// become U+FFFD. "iso-8859-1" and "us-ascii" labels are decoded as
// Windows-1252, as browsers do.
std::string DecodeToUtf8(std::string_view bytes, std::string_view charset_hint, bool is_html);

}  // namespace parallax::io
