// Character encodings: everything Parallax stores is UTF-8.
//
// Thread-safe (ICU converters and detectors are created per call).
#pragma once

#include <string>
#include <string_view>

namespace parallax::io {

// The charset parameter of a Content-Type header ("text/html; charset=ISO-8859-1"
// -> "windows-1252"), normalised as by NormalizeCharsetLabel (charset.h); ""
// when absent.
std::string CharsetFromContentType(std::string_view content_type);

// Converts `bytes` to valid UTF-8. The encoding is taken, in order, from:
//   1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), which is stripped;
//   2. `charset_hint` (HTTP header charset or any label), else a leading XML
//      declaration, else for HTML (`is_html`) a <meta charset> / http-equiv
//      in the first 4 KB;
//   3. valid UTF-8 bytes are returned unchanged (a cheap validation + copy)
//      unless the declared encoding is ASCII-incompatible (UTF-16, ISO-2022,
//      ...). This also overrides a single-byte declaration: valid non-ASCII
//      UTF-8 is practically never real Latin-1, while mislabelled UTF-8 is
//      common;
//   4. declared UTF-8 that is invalid is repaired (invalid sequences -> U+FFFD);
//   5. with no declaration, ICU's statistical detector, with Windows-1252 as
//      the fallback for low confidence.
// "iso-8859-1", "latin1" and "us-ascii" decode as Windows-1252, as browsers do.
// Unknown labels fall back to detection. Undecodable bytes become U+FFFD.
std::string DecodeToUtf8(std::string_view bytes, std::string_view charset_hint, bool is_html);

}  // namespace parallax::io
