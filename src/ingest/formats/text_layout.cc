#include "ingest/formats/text_layout.h"

#include <algorithm>

namespace parallax::formats {
namespace {

unsigned char Byte(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

// What the character at s[i] is, for line splitting: its length in bytes and
// whether it is a space, a line end, or dropped.
enum class CharClass { kNormal, kSpace, kNewline, kDrop };

CharClass Classify(std::string_view s, size_t i, size_t* len) {
  unsigned char c = Byte(s, i);
  *len = 1;
  if (c == '\n' || c == '\r' || c == '\f' || c == '\v') return CharClass::kNewline;
  if (c == ' ' || c == '\t') return CharClass::kSpace;
  if (c < 0x20 || c == 0x7F) return CharClass::kDrop;
  if (c < 0x80) return CharClass::kNormal;
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > s.size()) n = s.size() - i;
  *len = n;
  if (n == 2 && c == 0xC2) {
    unsigned char d = Byte(s, i + 1);
    if (d == 0xA0) return CharClass::kSpace;  // NBSP
    if (d == 0xAD) return CharClass::kDrop;   // soft hyphen
    if (d == 0x85) return CharClass::kNewline;
    if (d < 0xA0) return CharClass::kDrop;  // C1 controls
  }
  if (n == 3 && c == 0xE2 && Byte(s, i + 1) == 0x80) {
    unsigned char d = Byte(s, i + 2);
    if (d <= 0x8A || d == 0xAF) return CharClass::kSpace;    // U+2000..200A, U+202F
    if (d == 0x8B) return CharClass::kDrop;                  // zero-width space
    if (d == 0xA8 || d == 0xA9) return CharClass::kNewline;  // U+2028, U+2029
  }
  if (n == 3 && c == 0xE2 && Byte(s, i + 1) == 0x81) {
    unsigned char d = Byte(s, i + 2);
    if (d == 0x9F) return CharClass::kSpace;  // U+205F
    if (d == 0xA0) return CharClass::kDrop;   // word joiner
  }
  if (n == 3 && c == 0xE3 && Byte(s, i + 1) == 0x80 && Byte(s, i + 2) == 0x80) {
    return CharClass::kSpace;  // ideographic space
  }
  if (n == 3 && c == 0xEF && Byte(s, i + 1) == 0xBB && Byte(s, i + 2) == 0xBF) {
    return CharClass::kDrop;  // BOM / zero-width no-break space
  }
  return CharClass::kNormal;
}

size_t FirstWordWidth(std::string_view s) {
  size_t sp = s.find(' ');
  return CodePoints(s.substr(0, sp));
}

bool StartsLowercase(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }

bool StartsLowercaseOrDigit(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = Byte(s, 0);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Whether `lines` look hard-wrapped, and at what width.
bool DetectWrapWidth(const std::vector<TextLine>& lines, size_t* width) {
  std::vector<size_t> inner;  // widths of lines followed by a line of the same chunk
  size_t max_width = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    max_width = std::max(max_width, lines[i].width);
    if (i + 1 < lines.size() && !lines[i + 1].blank_before && !IsRuleLine(lines[i].text)) {
      inner.push_back(lines[i].width);
    }
  }
  if (inner.size() < 3) return false;
  std::vector<size_t> sorted = inner;
  std::sort(sorted.begin(), sorted.end());
  // 95th percentile: a stray long line (a URL) must not set the width.
  size_t w = sorted[std::min(sorted.size() - 1, sorted.size() * 95 / 100)];
  if (w < 40 || w > 120) return false;
  size_t wrapped = 0, open = 0, n = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i + 1].blank_before || IsRuleLine(lines[i].text)) continue;
    ++n;
    if (lines[i].width + 1 + FirstWordWidth(lines[i + 1].text) > w) ++wrapped;
    if (!EndsWithTerminalPunct(lines[i].text)) ++open;
  }
  // Wrapped prose: most breaks fall where the next word would not fit, and
  // many fall mid-sentence. One-paragraph-per-line text ends lines with a stop.
  if (n == 0 || wrapped * 2 < n || open * 10 < n * 3) return false;
  *width = w;
  return true;
}

}  // namespace

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

size_t BulletMarkerLength(std::string_view s) {
  static constexpr std::string_view kMarkers[] = {"- ", "* ", "• ", "· ", "▪ ", "◦ ",
                                                  "‣ ", "○ ", "■ ", "► ", "→ "};
  for (std::string_view m : kMarkers) {
    if (s.starts_with(m) && s.size() > m.size()) return m.size();
  }
  size_t i = 0;
  while (i < s.size() && i < 3 && s[i] >= '0' && s[i] <= '9') ++i;
  if (i > 0 && i <= 2 && i + 2 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
    return i + 2;
  }
  return 0;
}

bool IsRuleLine(std::string_view s) {
  if (s.empty()) return false;
  std::string_view unit;
  size_t count = 0;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    size_t len = s.substr(i).starts_with("─") || s.substr(i).starts_with("—") ? 3 : 1;
    std::string_view ch = s.substr(i, len);
    if (unit.empty()) {
      if (ch != "-" && ch != "=" && ch != "_" && ch != "*" && ch != "~" && ch != "─" && ch != "—") {
        return false;
      }
      unit = ch;
    } else if (ch != unit) {
      return false;
    }
    ++count;
    i += len;
  }
  return count >= 3;
}

bool EndsWithTerminalPunct(std::string_view s) {
  // Strip closing quotes and brackets: `said.”` and `(AP).` end sentences.
  while (!s.empty()) {
    if (s.ends_with("”") || s.ends_with("’") || s.ends_with("»")) {
      s.remove_suffix(s.ends_with("»") ? 2 : 3);
    } else if (s.back() == '"' || s.back() == '\'' || s.back() == ')' || s.back() == ']' ||
               s.back() == ' ') {
      s.remove_suffix(1);
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return true;
  return s.ends_with("…") || s.ends_with("。") || s.ends_with("؟") || s.ends_with("।");
}

std::vector<TextLine> SplitTextLines(std::string_view utf8) {
  std::vector<TextLine> lines;
  TextLine cur;
  bool blank = true;  // the start counts as a blank line
  bool at_start = true, pending_space = false;
  auto finish = [&] {
    if (cur.text.empty()) {
      blank = true;
    } else {
      cur.blank_before = blank;
      cur.width = CodePoints(cur.text);
      lines.push_back(std::move(cur));
      blank = false;
    }
    cur = TextLine();
    at_start = true;
    pending_space = false;
  };
  for (size_t i = 0; i < utf8.size();) {
    // Fast path: a run of printable ASCII other than space.
    size_t run = i;
    while (run < utf8.size() && Byte(utf8, run) > ' ' && Byte(utf8, run) < 0x7F) ++run;
    if (run > i) {
      if (pending_space) cur.text.push_back(' ');
      pending_space = false;
      at_start = false;
      cur.text.append(utf8.substr(i, run - i));
      i = run;
      continue;
    }
    size_t len = 1;
    CharClass k = Classify(utf8, i, &len);
    if (k == CharClass::kNewline) {
      // CRLF is one line end.
      if (utf8[i] == '\r' && i + 1 < utf8.size() && utf8[i + 1] == '\n') ++len;
      finish();
    } else if (k == CharClass::kSpace) {
      if (at_start) {
        cur.indent += utf8[i] == '\t' ? 4 : 1;
      } else {
        pending_space = true;
      }
    } else if (k == CharClass::kNormal) {
      if (pending_space) cur.text.push_back(' ');
      pending_space = false;
      at_start = false;
      cur.text.append(utf8.substr(i, len));
    }
    i += len;
  }
  finish();
  return lines;
}

std::vector<TextUnit> FormTextUnits(const std::vector<TextLine>& lines) {
  size_t width = 0;
  bool wrapped = DetectWrapWidth(lines, &width);
  std::vector<TextUnit> units;
  bool in_bullet = false;
  int bullet_indent = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    bool bullet = BulletMarkerLength(line.text) > 0;
    bool join = false;
    if (i > 0 && !line.blank_before && !bullet && !units.empty() && !IsRuleLine(line.text) &&
        !IsRuleLine(lines[i - 1].text)) {
      const TextLine& prev = lines[i - 1];
      if (in_bullet) {
        join = line.indent > bullet_indent;
      } else {
        // A line that stops mid-sentence and a next one that starts in
        // lowercase are one paragraph in any layout ("regularly\nincites").
        bool continues = !EndsWithTerminalPunct(prev.text) && StartsLowercase(line.text);
        join =
            continues ||
            (wrapped && ((!EndsWithTerminalPunct(prev.text) && StartsLowercaseOrDigit(line.text)) ||
                         prev.width + 1 + FirstWordWidth(line.text) > width));
      }
    }
    if (join) {
      std::string& t = units.back().text;
      // "well-\nknown": keep the hyphen, no space.
      bool hyphen = t.size() >= 2 && t.back() == '-' && t[t.size() - 2] != ' ' &&
                    StartsLowercaseOrDigit(line.text);
      if (!hyphen) t.push_back(' ');
      t += line.text;
      continue;
    }
    if (!units.empty() && line.blank_before) units.back().chunk_end = true;
    TextUnit u;
    u.text = line.text;
    u.chunk_start = line.blank_before;
    u.bullet = bullet;
    in_bullet = bullet;
    bullet_indent = line.indent;
    units.push_back(std::move(u));
  }
  if (!units.empty()) units.back().chunk_end = true;
  return units;
}

}  // namespace parallax::formats
