#include "ingest/io/charset.h"

#include <algorithm>
#include <array>
#include <utility>

#include "ingest/io/encoding.h"

namespace parallax::io {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerTrim(std::string_view s) {
  while (!s.empty() && (IsSpace(s.front()) || s.front() == '"' || s.front() == '\'')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '"' || s.back() == '\'')) {
    s.remove_suffix(1);
  }
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// Case-insensitive: does `s` at `pos` start with lowercase `word`?
bool StartsWithAt(std::string_view s, size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(s[pos + i]) != word[i]) return false;
  }
  return true;
}

// WHATWG label groups whose browser decoding differs from the label's
// literal meaning, or whose spelling ICU does not know.
struct LabelGroup {
  const char* canonical;
  std::array<const char*, 18> labels;
};
constexpr LabelGroup kGroups[] = {
    {"utf-8", {"utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
               "x-unicode20utf8"}},
    {"windows-1252", {"windows-1252", "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1",
                      "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
                      "iso_8859-1:1987", "l1", "latin1", "us-ascii", "x-cp1252",
                      "x-user-defined"}},
    {"windows-1254", {"windows-1254", "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148",
                      "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5",
                      "x-cp1254"}},
    {"windows-874", {"windows-874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911",
                     "tis-620"}},
    {"gbk", {"gbk", "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80",
             "iso-ir-58", "x-gbk", "cp936", "ms936", "windows-936"}},
    {"shift_jis", {"shift_jis", "csshiftjis", "ms932", "ms_kanji", "shift-jis", "sjis",
                   "windows-31j", "x-sjis"}},
    {"windows-949", {"windows-949", "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean",
                     "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601"}},
    {"big5", {"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"}},
    {"koi8-r", {"koi8-r", "cskoi8r", "koi", "koi8", "koi8_r"}},
    {"koi8-u", {"koi8-u", "koi8-ru"}},
    {"utf-16le", {"utf-16le", "utf-16", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode",
                  "unicodefeff"}},
    {"utf-16be", {"utf-16be", "unicodefffe"}},
};

// Value of a charset=... parameter starting the search at `s`; "" if none.
std::string CharsetParameter(std::string_view s) {
  for (size_t pos = 0; pos + 7 <= s.size(); ++pos) {
    if (!StartsWithAt(s, pos, "charset")) continue;
    size_t i = pos + 7;
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      char q = s[i++];
      size_t end = s.find(q, i);
      if (end == std::string_view::npos) return {};
      return std::string(s.substr(i, end - i));
    }
    size_t end = i;
    while (end < s.size() && !IsSpace(s[end]) && s[end] != ';' && s[end] != ',') ++end;
    return std::string(s.substr(i, end - i));
  }
  return {};
}

}  // namespace

std::string NormalizeCharsetLabel(std::string_view label) {
  std::string l = LowerTrim(label);
  if (l.empty()) return l;
  for (const LabelGroup& g : kGroups) {
    for (const char* candidate : g.labels) {
      if (candidate != nullptr && l == candidate) return g.canonical;
    }
  }
  return l;
}

bool IsAsciiIncompatible(std::string_view n) {
  return n.starts_with("iso-2022") || n.starts_with("hz") || n == "utf-7" ||
         n.starts_with("utf-16") || n.starts_with("utf-32") || n == "ucs-4";
}

std::string CharsetFromContentType(std::string_view content_type) {
  size_t semi = content_type.find(';');
  if (semi == std::string_view::npos) return {};
  return NormalizeCharsetLabel(CharsetParameter(content_type.substr(semi + 1)));
}

std::string CharsetFromBom(std::string_view b, size_t* bom_length) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  if (b.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) {
    *bom_length = 3;
    return "utf-8";
  }
  if (b.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) {
    *bom_length = 2;
    return "utf-16le";
  }
  if (b.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) {
    *bom_length = 2;
    return "utf-16be";
  }
  *bom_length = 0;
  return {};
}

std::string CharsetFromXmlDeclaration(std::string_view head) {
  if (!head.starts_with("<?xml")) return {};
  size_t end = head.find("?>");
  if (end == std::string_view::npos) return {};
  std::string_view decl = head.substr(0, end);
  size_t pos = decl.find("encoding");
  if (pos == std::string_view::npos) return {};
  size_t i = pos + 8;
  while (i < decl.size() && IsSpace(decl[i])) ++i;
  if (i >= decl.size() || decl[i] != '=') return {};
  ++i;
  while (i < decl.size() && IsSpace(decl[i])) ++i;
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return {};
  size_t close = decl.find(decl[i], i + 1);
  if (close == std::string_view::npos) return {};
  return NormalizeCharsetLabel(decl.substr(i + 1, close - i - 1));
}

std::string CharsetFromHtmlMeta(std::string_view head) {
  size_t i = 0;
  while ((i = head.find('<', i)) != std::string_view::npos) {
    if (head.substr(i, 4) == "<!--") {
      size_t end = head.find("-->", i + 4);
      if (end == std::string_view::npos) return {};
      i = end + 3;
      continue;
    }
    bool is_meta = StartsWithAt(head, i, "<meta") && i + 5 < head.size() &&
                   (IsSpace(head[i + 5]) || head[i + 5] == '/');
    if (!is_meta) {
      ++i;
      continue;
    }
    // Attributes up to the closing '>'; quoted values may contain '>'.
    i += 5;
    std::string charset, http_equiv, content;
    while (i < head.size() && head[i] != '>') {
      while (i < head.size() && (IsSpace(head[i]) || head[i] == '/')) ++i;
      size_t name_start = i;
      while (i < head.size() && !IsSpace(head[i]) && head[i] != '=' && head[i] != '>' &&
             head[i] != '/') {
        ++i;
      }
      std::string name = LowerTrim(head.substr(name_start, i - name_start));
      while (i < head.size() && IsSpace(head[i])) ++i;
      std::string value;
      if (i < head.size() && head[i] == '=') {
        ++i;
        while (i < head.size() && IsSpace(head[i])) ++i;
        if (i < head.size() && (head[i] == '"' || head[i] == '\'')) {
          char q = head[i++];
          size_t end = head.find(q, i);
          if (end == std::string_view::npos) return {};
          value = head.substr(i, end - i);
          i = end + 1;
        } else {
          size_t start = i;
          while (i < head.size() && !IsSpace(head[i]) && head[i] != '>') ++i;
          value = head.substr(start, i - start);
        }
      }
      if (name.empty() && i < head.size() && head[i] != '>') ++i;  // stray byte
      if (name == "charset" && charset.empty()) charset = value;
      if (name == "http-equiv") http_equiv = LowerTrim(value);
      if (name == "content" && content.empty()) content = value;
    }
    if (charset.empty() && http_equiv == "content-type") charset = CharsetParameter(content);
    std::string n = NormalizeCharsetLabel(charset);
    if (!n.empty()) return n.starts_with("utf-16") ? "utf-8" : n;
  }
  return {};
}

}  // namespace parallax::io
