#include "ingest/formats/text_cues.h"

#include <algorithm>
#include <vector>

#include "ingest/formats/dates.h"
#include "ingest/formats/text_layout.h"
#include "parallax/text.h"

namespace parallax::formats {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsUpper(c)) c = static_cast<char>(c + 32);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

template <size_t N>
bool OneOf(std::string_view s, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), s) != std::end(set);
}

// Photo agencies and wire services as they appear in credits.
constexpr std::string_view kAgencies[] = {
    "Reuters", "AFP",    "AP",      "EPA",       "EPA-EFE", "Getty",     "Shutterstock",
    "Alamy",   "iStock", "Anadolu", "NurPhoto",  "Xinhua",  "Bloomberg", "Pool",
    "Handout", "SOPA",   "ZUMA",    "WireImage", "Sipa",    "Imago",     "dpa",
    "PA",      "UPI",    "Flash90", "Corbis",    "Magnum",  "Polaris",   "Redux"};

// Wire agencies and broadcasters that follow a place in ALL-CAPS datelines
// ("WASHINGTON CNN —" cannot otherwise be told from "NEW YORK —").
constexpr std::string_view kDatelineOutlets[] = {
    "AP",   "AFP", "CNN", "UPI", "BBC", "ANI",  "PTI",  "IANS", "DPA", "EFE", "ANSA",
    "TASS", "NPR", "ABC", "CBS", "NBC", "WAFA", "IRNA", "KUNA", "SPA", "WAM", "CNBC"};

// Labels that look like ALL-CAPS datelines but are not places.
constexpr std::string_view kNotPlaces[] = {
    "BREAKING", "UPDATE",    "UPDATED", "EXCLUSIVE", "ANALYSIS",   "OPINION",    "EDITORIAL",
    "WATCH",    "LIVE",      "VIDEO",   "PHOTOS",    "CORRECTION", "NOTE",       "EDITOR'S NOTE",
    "FILE",     "SPONSORED", "COMMENT", "REVIEW",    "INTERVIEW",  "FACT CHECK", "URGENT"};

constexpr std::string_view kPlaceConnectors[] = {
    "de", "da", "del", "di",  "du",  "la", "le", "al", "el",  "of", "on", "upon",
    "am", "an", "der", "des", "dos", "do", "y",  "e",  "sur", "en", "es"};

constexpr std::string_view kFunctionWords[] = {
    "a",   "an",  "the",  "and", "or",   "but", "of",    "to",    "in",   "on",
    "at",  "for", "with", "by",  "from", "as",  "that",  "which", "who",  "is",
    "are", "was", "were", "be",  "his",  "her", "their", "its",   "into", "than"};

constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};

bool IsAcronym(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (IsUpper(c)) {
      ++letters;
    } else if (c != '.' && c != '&') {
      return false;
    }
  }
  return letters >= 2 && letters <= 6;
}

// True when the ASCII letters of `s` are all capitals (and there are some).
bool AllCaps(std::string_view s) {
  size_t upper = 0;
  for (char c : s) {
    if (IsLower(c)) return false;
    upper += IsUpper(c);
  }
  return upper >= 2;
}

bool StartsCapitalised(std::string_view w) {
  return !w.empty() && (IsUpper(w[0]) || IsNonAscii(w[0]));
}

// "Gaza City", "WASHINGTON", "Winston-Salem", "St. Louis", "Rio de Janeiro".
bool IsPlaceName(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  std::vector<std::string_view> words = SplitWords(s);
  if (words.empty() || words.size() > 5 || !StartsCapitalised(words[0])) return false;
  for (std::string_view w : words) {
    if (!StartsCapitalised(w) && !OneOf(w, kPlaceConnectors)) return false;
    for (char c : w) {
      if (IsDigit(c) || c == '"' || c == '(' || c == ')' || c == ':' || c == ';') return false;
    }
  }
  return true;
}

bool IsDateSegment(std::string_view s) {
  std::string l = Lower(s);
  for (std::string_view m : kMonths) {
    if (l.starts_with(m) || l.find(" " + std::string(m)) != std::string::npos) return true;
  }
  for (std::string_view d : kWeekdays) {
    if (l.find(d) != std::string::npos) return true;
  }
  return false;
}

// "GAZA CITY" -> "Gaza City"; words with dots ("D.C.") are kept.
std::string TitleCase(std::string_view s) {
  std::string out;
  for (std::string_view w : SplitWords(s)) {
    if (!out.empty()) out.push_back(' ');
    if (w.find('.') != std::string_view::npos || w.size() <= 2) {
      out += w;
      continue;
    }
    bool start = true;
    for (size_t i = 0; i < w.size(); ++i) {
      char c = w[i];
      if (IsNonAscii(c)) {
        // Leave non-ASCII letters as written; lowercase through the text layer.
        size_t j = i;
        while (j < w.size() && IsNonAscii(w[j])) ++j;
        out += start ? std::string(w.substr(i, j - i)) : text::Fold(w.substr(i, j - i));
        i = j - 1;
        start = false;
        continue;
      }
      out.push_back(start || !IsUpper(c) ? c : static_cast<char>(c + 32));
      start = c == '-' || c == '\'';
    }
  }
  return out;
}

// Start of the dash that ends a dateline, and its length.
bool FindDatelineDash(std::string_view s, size_t* pos, size_t* len) {
  size_t limit = std::min<size_t>(s.size(), 110);
  for (size_t i = 1; i < limit; ++i) {
    std::string_view t = s.substr(i);
    if (t.starts_with("—") || t.starts_with("–") || t.starts_with("―")) {
      *pos = i;
      *len = 3;
      return true;
    }
    if (s[i] == '-' && (s[i - 1] == ' ' || s[i - 1] == ')')) {
      size_t n = i + 1 < s.size() && s[i + 1] == '-' ? 2 : 1;
      if (i + n == s.size() || s[i + n] == ' ') {
        *pos = i;
        *len = n;
        return true;
      }
    }
  }
  return false;
}

}  // namespace

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    n += !space && !in_word;
    in_word = !space;
  }
  return n;
}

bool IsSocialLine(std::string_view s) {
  if (s.size() > 160 || WordCount(s) > 10) return false;
  const std::string l = Lower(s);
  // "Follow us ...", "Like us on ...", or "Follow X: Facebook | Twitter".
  const bool invitation = l.starts_with("follow us") || l.starts_with("like us on ");
  const bool listing = l.starts_with("follow ") && (l.find('|') != std::string::npos || l.find(':') != std::string::npos);
  if (!invitation && !listing) return false;
  for (std::string_view site : {"facebook", "twitter", "instagram", "tiktok", "youtube", "linkedin"}) {
    if (l.find(site) != std::string::npos) return true;
  }
  return false;
}

bool IsCreditLine(std::string_view s) {
  if (s.empty() || s.size() > 600) return false;
  size_t words = WordCount(s);
  if (words == 0 || words > 70) return false;
  // Credits are short or end a caption: look at the start and the tail only.
  std::string l = Lower(s.size() <= 160 ? s : s.substr(s.size() - 160));
  std::string head = Lower(s.substr(0, 24));
  static constexpr std::string_view kPrefixes[] = {
      "photo:",        "photo by ",      "photos:",          "photos by ",
      "photograph:",   "photograph by ", "photography:",     "photo credit",
      "image:",        "image by ",      "images:",          "image credit",
      "picture:",      "picture by ",    "pictures:",        "credit:",
      "credits:",      "illustration:",  "illustration by ", "graphic:",
      "(photo",        "(image",         "(picture",         "(credit",
      "file photo",    "file image",     "file picture",     "©",
      "(c) ",          "copyright ",     "image copyright",  "image caption",
      "media caption", "courtesy of ",   "(courtesy"};
  for (std::string_view p : kPrefixes) {
    if (head.starts_with(p) && words <= 40) return true;
  }
  // A caption ending with its credit: "... (AP Photo/Jane Doe)",
  // "... Photograph: Jane Doe/Reuters".
  size_t open = s.rfind('(');
  if (s.back() == ')' && open != std::string_view::npos && s.size() - open < 120) {
    std::string inner = Lower(s.substr(open + 1));
    static constexpr std::string_view kInner[] = {"photo",    "image", "picture", "credit",
                                                  "ap photo", "file",  "courtesy"};
    for (std::string_view p : kInner) {
      if (inner.starts_with(p)) return true;
    }
    if (inner.find("getty images") != std::string::npos) return true;
    // "(Katherine Frey/The Washington Post)", "(Jane Doe/Reuters)": a
    // photographer and an outlet, both capitalised, around one slash.
    std::string_view raw = s.substr(open + 1, s.size() - open - 2);
    const size_t slash = raw.find('/');
    if (slash != std::string_view::npos && slash > 0 && slash + 1 < raw.size() &&
        raw.find('/', slash + 1) == std::string_view::npos && WordCount(raw) <= 8 && open > 0 &&
        std::none_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      auto capitalised = [](std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; };
      if (capitalised(raw) && capitalised(raw.substr(slash + 1)) && raw.find(' ') < slash) return true;
    }
  }
  // "... Photograph: Jane Doe/Reuters", "... Photo by Jane Doe": a credit
  // marker in the last 100 bytes followed by a few words. (Searched with
  // find(), which skips ahead by first byte; rfind() compares at every offset.)
  static constexpr std::string_view kMarkers[] = {"photograph", "photography", "photo",
                                                  "image",      "credit",      "picture"};
  for (std::string_view m : kMarkers) {
    for (size_t at = l.find(m); at != std::string::npos; at = l.find(m, at + 1)) {
      if (at == 0 || l[at - 1] != ' ' || l.size() - at >= 100) continue;
      std::string_view after = std::string_view(l).substr(at + m.size());
      size_t skip = after.starts_with(": ")          ? 2
                    : after.starts_with(" by ")      ? 4
                    : after.starts_with(" credit: ") ? 9
                                                     : 0;
      if (skip > 0 && WordCount(s.substr(s.size() - l.size() + at + m.size() + skip)) <= 8) {
        return true;
      }
    }
  }
  if (words > 12) return false;
  l = Lower(s);
  if (l.find("getty images") != std::string::npos || l.find("ap photo") != std::string::npos ||
      l.find("afp photo") != std::string::npos || l.find("shutterstock") != std::string::npos ||
      l.find("alamy") != std::string::npos) {
    return true;
  }
  // "Reuters/Jane Doe", "Jane Doe | Reuters", "AFP via Getty", "Reuters".
  std::vector<std::string_view> tokens;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ' ' || s[i] == '/' || s[i] == '|' || s[i] == '(' || s[i] == ')' ||
        s[i] == ',' || s[i] == ';') {
      if (i > b) tokens.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  }
  if (l == "associated press" || l == "the associated press" || l == "press association") {
    return true;
  }
  bool agency = std::any_of(tokens.begin(), tokens.end(),
                            [](std::string_view t) { return OneOf(t, kAgencies); });
  if (!agency) return false;
  bool joined = s.find('/') != std::string_view::npos || s.find('|') != std::string_view::npos ||
                l.find(" via ") != std::string::npos;
  // Credits are names: "Scott Olson via Getty Images", not "The Reuters/Ipsos
  // poll showed ...".
  size_t capitalised = std::count_if(tokens.begin(), tokens.end(), [](std::string_view t) {
    return !t.empty() && (IsUpper(t[0]) || IsNonAscii(t[0]));
  });
  if (capitalised * 10 < tokens.size() * 7) return false;
  return joined || (tokens.size() <= 3 && s == Trim(s) && !EndsWithTerminalPunct(s) &&
                    std::all_of(tokens.begin(), tokens.end(), [](std::string_view t) {
                      return OneOf(t, kAgencies) || t == "Images" || t == "Photo" || t == "Photos";
                    }));
}

std::optional<Dateline> ParseDateline(std::string_view s) {
  size_t dash = 0, dash_len = 0;
  bool have_dash = FindDatelineDash(s, &dash, &dash_len);
  size_t colon = s.find(':');
  bool colon_form = false;
  if (colon != std::string_view::npos && colon < 40 && (!have_dash || colon < dash) &&
      (colon + 1 == s.size() || s[colon + 1] == ' ')) {
    dash = colon;
    dash_len = 1;
    colon_form = true;
  } else if (!have_dash) {
    return std::nullopt;
  }
  std::string_view prefix = Trim(s.substr(0, dash));
  size_t rest = dash + dash_len;
  while (rest < s.size() && s[rest] == ' ') ++rest;
  bool alone = rest >= s.size();
  if (prefix.empty()) return std::nullopt;

  Dateline d;
  if (prefix.back() == ')') {
    size_t open = prefix.rfind('(');
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view inner = Trim(prefix.substr(open + 1, prefix.size() - open - 2));
    if (inner.empty() || inner.size() > 40 || WordCount(inner) > 5 || !StartsCapitalised(inner)) {
      return std::nullopt;
    }
    d.outlet = std::string(inner);
    prefix = Trim(prefix.substr(0, open));
  }
  // Segments after commas: a region ("Gaza Strip") or a date ("March 3").
  std::string_view place = prefix;
  bool date_seen = false;
  size_t comma = prefix.find(',');
  if (comma != std::string_view::npos) {
    place = Trim(prefix.substr(0, comma));
    std::string_view tail = prefix.substr(comma + 1);
    while (!tail.empty()) {
      size_t next = tail.find(',');
      std::string_view seg = Trim(tail.substr(0, next));
      tail = next == std::string_view::npos ? std::string_view() : tail.substr(next + 1);
      if (seg.empty()) continue;
      if (IsDateSegment(seg)) {
        date_seen = true;
      } else if (!IsPlaceName(seg)) {
        return std::nullopt;
      }
    }
  }
  if (d.outlet.empty()) {
    std::vector<std::string_view> words = SplitWords(place);
    if (words.size() >= 2 && IsAcronym(words.back())) {
      std::string_view before = Trim(place.substr(0, words.back().data() - place.data()));
      if (!AllCaps(before) || OneOf(words.back(), kDatelineOutlets)) {
        d.outlet = std::string(words.back());
        place = before;
      }
    }
  }
  size_t slash = place.find('/');
  if (slash != std::string_view::npos) place = Trim(place.substr(0, slash));
  if (!IsPlaceName(place) || OneOf(place, kNotPlaces)) return std::nullopt;
  bool caps = AllCaps(place);
  // "NEW DELHI: ..." opens a paragraph; "BUSTED: Emails Reveal ..." is a
  // headline label, so the colon form needs a paragraph after it.
  if (colon_form && (!caps || !d.outlet.empty() || WordCount(s.substr(rest)) < 12)) {
    return std::nullopt;
  }
  if (!alone && !caps && d.outlet.empty() && !date_seen) return std::nullopt;
  d.place = caps ? TitleCase(place) : std::string(place);
  d.length = rest;
  return d;
}

std::optional<Byline> ParseByline(std::string_view s) {
  if (s.size() < 5 || Lower(s.substr(0, 3)) != "by ") return std::nullopt;
  std::string_view rest = Trim(s.substr(3));
  std::vector<std::string_view> words = SplitWords(rest);
  if (words.empty() || words.size() > 14 || !StartsCapitalised(rest)) return std::nullopt;
  size_t capitalised = 0;
  for (std::string_view w : words) {
    for (char c : w) {
      if (IsDigit(c)) return std::nullopt;
    }
    capitalised += StartsCapitalised(w);
  }
  if (capitalised * 10 < words.size() * 6) return std::nullopt;
  Byline b;
  size_t bar = rest.find(" | ");
  size_t comma = rest.rfind(", ");
  if (bar != std::string_view::npos) {
    b.author = std::string(Trim(rest.substr(0, bar)));
    b.outlet = std::string(Trim(rest.substr(bar + 3)));
  } else if (comma != std::string_view::npos && (IsAcronym(Trim(rest.substr(comma + 2))) ||
                                                 OneOf(Trim(rest.substr(comma + 2)), kAgencies))) {
    b.author = std::string(Trim(rest.substr(0, comma)));
    b.outlet = std::string(Trim(rest.substr(comma + 2)));
  } else {
    b.author = std::string(rest);
  }
  if (b.author.empty()) return std::nullopt;
  return b;
}

bool IsTitleCase(std::string_view s) {
  size_t content = 0, capitalised = 0;
  for (std::string_view w : SplitWords(s)) {
    while (!w.empty() && !IsUpper(w[0]) && !IsLower(w[0]) && !IsDigit(w[0]) && !IsNonAscii(w[0])) {
      w.remove_prefix(1);  // opening quotes and brackets
    }
    if (w.empty() || IsDigit(w[0])) continue;
    // Opening curly quotes are non-ASCII; skip their three bytes.
    if (w.starts_with("“") || w.starts_with("‘")) w.remove_prefix(3);
    if (w.empty()) continue;
    std::string lower = Lower(w);
    while (!lower.empty() && !IsLower(lower.back()) && !IsNonAscii(lower.back())) lower.pop_back();
    if (OneOf(lower, kFunctionWords)) continue;
    ++content;
    capitalised += IsUpper(w[0]);
  }
  return content >= 3 && capitalised * 10 >= content * 8;
}

bool IsHeadlineShape(std::string_view s) {
  if (s.empty() || s.size() > 250) return false;
  size_t words = WordCount(s);
  if (words < 3 || words > 30 || s.size() > 250) return false;
  if (BulletMarkerLength(s) > 0 || IsRuleLine(s)) return false;
  char c = s[0];
  bool start_ok = IsUpper(c) || IsDigit(c) || IsNonAscii(c) || c == '"' || c == '\'';
  if (!start_ok) return false;
  if (EndsWithTerminalPunct(s)) {
    // Headlines may ask or exclaim; a full stop only ends a Title Case one.
    std::string_view t = s;
    while (!t.empty() && (t.back() == '"' || t.back() == '\'' || t.back() == ' ')) {
      t.remove_suffix(1);
    }
    if (t.ends_with("”") || t.ends_with("’")) t.remove_suffix(3);
    if (t.empty()) return false;
    bool stop = t.back() == '.' && !t.ends_with("...") && words <= 25 && IsTitleCase(s);
    if (t.back() != '?' && t.back() != '!' && !stop) return false;
  }
  return s.back() != ',';
}

bool IsHeadingShape(std::string_view s) {
  if (s.empty() || s.size() > 100) return false;
  std::vector<std::string_view> words = SplitWords(s);
  if (words.empty() || words.size() > 12 || s.size() > 100) return false;
  if (BulletMarkerLength(s) > 0 || IsRuleLine(s)) return false;
  char c = s[0];
  if (!(IsUpper(c) || IsDigit(c) || IsNonAscii(c))) return false;
  if (s.starts_with("“") || s.starts_with("‘") || s.starts_with("«")) return false;
  // Interview turns ("Q: Does he?", "A: No.") are prose.
  if (s.size() > 2 && (s[0] == 'Q' || s[0] == 'A') && (s[1] == ':' || s[1] == '.')) return false;
  if (EndsWithTerminalPunct(s) && s.back() != '?') return false;
  char last = s.back();
  if (last == ',' || last == '-' || last == '(' || last == '&') return false;
  if (OneOf(Lower(words.back()), kFunctionWords) && words.size() > 1) return false;
  return std::any_of(s.begin(), s.end(),
                     [](char ch) { return IsUpper(ch) || IsLower(ch) || IsNonAscii(ch); });
}

bool IsBoilerplateLine(std::string_view s) {
  static constexpr std::string_view kLines[] = {"advertisement",
                                                "skip advertisement",
                                                "story continues below advertisement",
                                                "story continues below",
                                                "continue reading",
                                                "continue reading below",
                                                "read more",
                                                "read more:",
                                                "share",
                                                "share this",
                                                "share this article",
                                                "share this story",
                                                "listen to this article",
                                                "sign up",
                                                "subscribe",
                                                "click here",
                                                "scroll to continue",
                                                "ad",
                                                "sponsored",
                                                "related",
                                                "related:",
                                                "related articles",
                                                "related stories",
                                                "most read"};
  if (s.size() >= 120) return false;
  std::string l = Lower(s);
  // Widget text that scrapers copy along: share links, player notices.
  static constexpr std::string_view kFragments[] = {
      "(opens in new window)",  "media playback is unsupported", "story continued below",
      "continue reading below", "tweet with a location",         "click to share on"};
  for (std::string_view f : kFragments) {
    if (l.find(f) != std::string::npos) return true;
  }
  if (s.size() > 40) return false;
  return OneOf(l, kLines) || l == "[photo]" || l == "photo" || l == "video" || l == "podcast";
}

std::optional<LeadingDate> ParseLeadingDate(std::string_view s) {
  static constexpr std::string_view kKeys[] = {"date",    "dated",  "published",
                                               "updated", "posted", "pubdate"};
  std::string l = Lower(s.substr(0, 12));
  for (std::string_view k : kKeys) {
    if (!l.starts_with(k)) continue;
    size_t i = k.size();
    if (i >= s.size() || (s[i] != ' ' && s[i] != ':')) continue;
    while (i < s.size() && (s[i] == ' ' || s[i] == ':')) ++i;
    size_t end = s.find(' ', i);
    if (end == std::string_view::npos) end = s.size();
    std::optional<std::string> v = NormalizeDate(s.substr(i, end - i));
    if (!v) continue;
    while (end < s.size() && s[end] == ' ') ++end;
    return LeadingDate{*v, end};
  }
  return std::nullopt;
}

std::optional<HeaderField> ParseHeaderField(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 20 || s.size() > 500) {
    return std::nullopt;
  }
  std::string key = Lower(Trim(s.substr(0, colon)));
  std::string_view value = Trim(s.substr(colon + 1));
  if (value.empty()) return std::nullopt;
  struct Alias {
    std::string_view from, to;
  };
  static constexpr Alias kAliases[] = {{"title", "title"},
                                       {"headline", "title"},
                                       {"author", "author"},
                                       {"authors", "author"},
                                       {"byline", "author"},
                                       {"by", "author"},
                                       {"source", "outlet"},
                                       {"outlet", "outlet"},
                                       {"publisher", "outlet"},
                                       {"publication", "outlet"},
                                       {"site", "outlet"},
                                       {"url", "url"},
                                       {"link", "url"},
                                       {"source url", "url"},
                                       {"language", "language"},
                                       {"lang", "language"},
                                       {"date", "date"},
                                       {"published", "date"},
                                       {"publication date", "date"},
                                       {"pubdate", "date"},
                                       {"date published", "date"},
                                       {"published at", "date"}};
  for (const Alias& a : kAliases) {
    if (key == a.from) return HeaderField{std::string(a.to), std::string(value)};
  }
  return std::nullopt;
}

}  // namespace parallax::formats
