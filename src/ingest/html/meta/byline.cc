#include "ingest/html/meta/byline.h"

#include <algorithm>
#include <array>

#include "ingest/dates/date_parse.h"
#include "ingest/html/meta/text_util.h"

namespace parallax::html::meta {

namespace {

// Labels that introduce a name ("By", "Von", "Par", "Written by").
constexpr std::array<std::string_view, 31> kPrefixes = {
    "written by", "posted by", "reported by", "story by", "words by", "text by", "photos by",
    "published by", "by", "from", "vom", "von", "par", "por", "di", "door", "av", "af", "autor",
    "autorin", "author", "auteur", "autore", "text", "texto", "testo", "tekst", "redacción",
    "escrito por", "publicado por", "geschrieben von"};

// Words after which the rest of a segment is not a name.
constexpr std::array<std::string_view, 23> kStopWords = {
    "updated", "published", "posted", "publiziert", "erstellt", "geschrieben", "last updated", "modified", "aktualisiert",
    "veröffentlicht", "publié", "mis à jour", "actualizado", "publicado", "atualizado",
    "pubblicato", "aggiornato", "gepubliceerd", "read more", "min read", "follow",
    "share", "comments"};

// Words that mark the text after a comma as a role, not another name.
constexpr std::array<std::string_view, 22> kRoleWords = {
    "staff", "writer", "reporter", "editor", "correspondent", "contributor", "columnist",
    "technologist", "analyst", "director", "producer", "professor", "senior", "chief",
    "manager", "officer", "fellow", "journalist", "associated press", "redakteur",
    "redakteurin", "correspondant"};

// Whole results that are not names.
constexpr std::array<std::string_view, 9> kNotNames = {
    "staff", "admin", "administrator", "unknown", "anonymous", "guest", "author", "by", "n/a"};

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c & 0x80);
}

// Strips leading/trailing spaces and separator punctuation.
std::string_view TrimPunct(std::string_view s) {
  auto junk = [](char c) {
    return c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' || c == '|' || c == '/' ||
           c == '(' || c == ')' || c == '[' || c == ']' || c == '.' || c == '*' || c == '_' ||
           c == '\'' || c == '"';
  };
  while (!s.empty() && junk(s.front()) && s.front() != '(') s.remove_prefix(1);
  if (!s.empty() && s.front() == '(' && s.find(')') == std::string_view::npos) s.remove_prefix(1);
  for (;;) {
    // Keep a ')' that closes a '(' inside ("Bruno (Henrique) Rodrigues").
    while (!s.empty() && junk(s.back()) && s.back() != '.' &&
           !(s.back() == ')' && s.find('(') != std::string_view::npos)) {
      s.remove_suffix(1);
    }
    // Keep the period of a final initial ("John C."), drop any other.
    const size_t n = s.size();
    const bool initial = n >= 2 && s[n - 2] >= 'A' && s[n - 2] <= 'Z' && (n == 2 || s[n - 3] == ' ');
    if (n == 0 || s.back() != '.' || initial) break;
    s.remove_suffix(1);
  }
  return s;
}

// Finds `word` in `s` as a whole word (case-insensitive); npos when absent.
size_t FindWord(std::string_view s, std::string_view word) {
  for (size_t i = 0; i + word.size() <= s.size(); ++i) {
    if (!EqualsIgnoreCase(s.substr(i, word.size()), word)) continue;
    const bool left = i == 0 || !IsWordChar(s[i - 1]);
    const bool right = i + word.size() == s.size() || !IsWordChar(s[i + word.size()]);
    if (left && right) return i;
  }
  return std::string_view::npos;
}

// Removes tokens that are e-mail addresses, handles or URLs.
std::string DropContactTokens(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view tok = s.substr(i, j - i);
    const bool contact = tok.find('@') != std::string_view::npos ||
                         StartsWithIgnoreCase(tok, "http") || StartsWithIgnoreCase(tok, "www.") ||
                         StartsWithIgnoreCase(tok, "(http") || StartsWithIgnoreCase(tok, "(@") ||
                         tok.find(".com") != std::string_view::npos;
    if (!contact) {
      if (!out.empty()) out.push_back(' ');
      out.append(tok);
    }
    i = j + 1;
  }
  return out;
}

std::string CleanSegment(std::string_view segment) {
  std::string s = DropContactTokens(segment);
  std::string_view v = TrimPunct(s);
  // Leading labels, possibly several ("Text: Von ...").
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : kPrefixes) {
      if (StartsWithIgnoreCase(v, p) && (v.size() == p.size() || !IsWordChar(v[p.size()]))) {
        v = TrimPunct(v.substr(p.size()));
        again = true;
        break;
      }
    }
  }
  // Cut at a date, or at words that start a date or share line.
  size_t cut = v.size();
  dates::ParseOptions o;
  o.two_digit_years = false;
  if (auto found = dates::FindDates(v, 1, o); !found.empty()) cut = found[0].begin;
  for (std::string_view w : kStopWords) cut = std::min(cut, FindWord(v, w));
  for (size_t i = 0; i < cut; ++i) {
    if (v[i] >= '0' && v[i] <= '9') {  // digits: times, counts, "3 min read"
      cut = i;
      break;
    }
  }
  v = TrimPunct(v.substr(0, cut));
  // Trailing connectors left by the cut ("Jane Doe on", "Jane Doe at").
  for (std::string_view tail : {" on", " at", " am", " le", " el", " il", " um", " and", " und"}) {
    if (v.size() > tail.size() && EqualsIgnoreCase(v.substr(v.size() - tail.size()), tail)) {
      v = TrimPunct(v.substr(0, v.size() - tail.size()));
    }
  }
  // A role or affiliation after a comma ("Jane Doe, Staff Writer",
  // "Daniel Gillmor, Senior Technologist, ACLU Project"): cut there.
  for (size_t comma = v.find(','); comma != std::string_view::npos; comma = v.find(',', comma + 1)) {
    std::string_view rest = v.substr(comma + 1);
    bool role = false;
    for (std::string_view r : kRoleWords) role = role || FindWord(rest, r) != std::string_view::npos;
    if (role) {
      v = TrimPunct(v.substr(0, comma));
      break;
    }
  }
  return std::string(v);
}

bool LooksLikeName(std::string_view s) {
  if (s.empty() || s.size() > 120) return false;
  int words = 1;
  bool letter = false;
  for (char c : s) {
    if (c == ' ') ++words;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80)) letter = true;
  }
  if (!letter || words > 14) return false;
  for (std::string_view n : kNotNames) {
    if (EqualsIgnoreCase(s, n)) return false;
  }
  return true;
}

}  // namespace

std::string CleanByline(std::string_view raw) {
  const std::string s = CollapseSpaces(raw);
  // Segments split on strong separators; the first with a name wins.
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = i;
    size_t sep_len = 0;
    for (; j < s.size(); ++j) {
      if (s[j] == '|' || s[j] == '\n') {
        sep_len = 1;
        break;
      }
      if (s.compare(j, 2, "\xC2\xB7") == 0) {  // ·
        sep_len = 2;
        break;
      }
      if (s.compare(j, 3, "\xE2\x80\xA2") == 0 || s.compare(j, 3, "\xE2\x80\x94") == 0) {  // • —
        sep_len = 3;
        break;
      }
    }
    std::string cleaned = CleanSegment(std::string_view(s).substr(i, j - i));
    if (LooksLikeName(cleaned)) return cleaned;
    if (sep_len == 0) break;
    i = j + sep_len;
  }
  return "";
}

std::string JoinAuthors(const std::vector<std::string>& names) {
  std::vector<std::string> kept;
  for (const std::string& n : names) {
    std::string c = CleanByline(n);
    if (!c.empty() && std::find(kept.begin(), kept.end(), c) == kept.end()) kept.push_back(c);
  }
  std::string out;
  for (const std::string& n : kept) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace parallax::html::meta
