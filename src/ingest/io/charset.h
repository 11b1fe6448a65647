// Finding a document's declared character encoding: byte-order marks,
// Content-Type parameters, XML declarations and HTML <meta> tags.
//
// Labels are normalised the way browsers do (WHATWG Encoding Standard):
// "latin1", "iso-8859-1" and "us-ascii" mean windows-1252; "gb2312" means
// GBK; "euc-kr" means windows-949. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax::io {

// Canonical lowercase name for an encoding label ("ISO-8859-1 " ->
// "windows-1252", "UTF8" -> "utf-8"); other labels are trimmed and lowercased
// (ICU resolves their aliases). "" for an empty label.
std::string NormalizeCharsetLabel(std::string_view label);

// "utf-8", "utf-16le" or "utf-16be" when `bytes` starts with that byte-order
// mark (setting *bom_length), else "".
std::string CharsetFromBom(std::string_view bytes, size_t* bom_length);

// The encoding="..." of a leading <?xml ...?> declaration, normalised; "".
std::string CharsetFromXmlDeclaration(std::string_view head);

// The charset of the first <meta charset> or <meta http-equiv=Content-Type
// content="...; charset=..."> in `head` (the caller passes the first few KB),
// normalised; comments are skipped. "utf-16*" is reported as "utf-8", as
// browsers do for a label found inside ASCII-compatible bytes.
std::string CharsetFromHtmlMeta(std::string_view head);

// True for encodings in which ASCII bytes do not mean ASCII (ISO-2022-*,
// HZ, UTF-7, UTF-16/32): valid-UTF-8 bytes must still be converted.
bool IsAsciiIncompatible(std::string_view normalized);

}  // namespace parallax::io
