#include "ingest/html/meta/title.h"

#include <array>

#include "ingest/html/meta/text_util.h"

namespace parallax::html::meta {

namespace {

// Delimiters with their surrounding spaces; hyphens only count spaced
// ("Covid-19" is one word).
constexpr std::array<std::string_view, 14> kDelimiters = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
    " \xC2\xBB ", " \xC2\xAB ", " / ", " ~ ", " \xE2\x80\xB9 ", " \xE2\x80\xBA ", " \\ "};

size_t WordCount(std::string_view s) {
  size_t n = s.empty() ? 0 : 1;
  for (char c : s) n += c == ' ';
  return n;
}

bool SameText(std::string_view a, std::string_view b) {
  const std::string sa = Squash(a), sb = Squash(b);
  return !sa.empty() && sa == sb;
}

// Host labels that name the site: "edition.cnn.com" -> "cnn",
// "aljazeera.com" -> "aljazeera", "bbc.co.uk" -> "bbc".
std::string MainHostLabel(std::string_view host) {
  std::vector<std::string_view> labels;
  size_t i = 0;
  while (i <= host.size()) {
    size_t j = host.find('.', i);
    if (j == std::string_view::npos) j = host.size();
    labels.push_back(host.substr(i, j - i));
    i = j + 1;
  }
  if (labels.size() < 2) return std::string(host);
  size_t k = labels.size() - 2;
  // Second-level public suffixes: co.uk, com.au, org.br, ...
  if (k > 0 && labels[k].size() <= 3 && labels.back().size() == 2) --k;
  return Squash(labels[k]);
}

}  // namespace

std::vector<std::string> SplitTitle(std::string_view title) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i < title.size(); ++i) {
    for (std::string_view d : kDelimiters) {
      if (title.compare(i, d.size(), d) == 0) {
        parts.emplace_back(title.substr(start, i - start));
        start = i + d.size();
        i = start - 1;
        break;
      }
    }
  }
  parts.emplace_back(title.substr(start));
  std::vector<std::string> out;
  for (std::string& p : parts) {
    std::string c = CollapseSpaces(p);
    if (!c.empty()) out.push_back(std::move(c));
  }
  return out;
}

bool MatchesSite(std::string_view segment, std::string_view site_name, std::string_view host) {
  const std::string seg = Squash(segment);
  if (seg.empty()) return false;
  const std::string site = Squash(site_name);
  if (!site.empty() && seg == site) return true;
  // Containment only for short segments: a headline that mentions the
  // site ("How we designed Dropbox's ATF") is not the site's name.
  if (WordCount(segment) > 4) return false;
  if (!site.empty() && ((seg.size() >= 4 && site.find(seg) != std::string::npos) ||
                        (site.size() >= 4 && seg.find(site) != std::string::npos))) {
    return true;
  }
  if (host.empty()) return false;
  const std::string label = MainHostLabel(host);
  if (label.size() >= 3 && seg.find(label) != std::string::npos) return true;
  return seg == Squash(host);
}

TitleChoice ChooseTitle(const TitleInputs& in) {
  TitleChoice out;
  // An <h1> that equals a title candidate, or one of its segments, is the
  // visible headline: it settles disagreements between og:title (often a
  // social-media variant), JSON-LD and <title>.
  for (const std::string& h : in.h1s) {
    if (WordCount(h) < 2 || MatchesSite(h, in.site_name, in.host)) continue;
    // The metadata titles, then <title>. Indexing (not pointer stepping past
    // the end, which is undefined on an empty vector) — found by fuzz_html.
    for (size_t k = 0; k <= in.metadata_titles.size(); ++k) {
      const std::string& c = k == in.metadata_titles.size() ? in.html_title : in.metadata_titles[k];
      bool match = SameText(c, h);
      if (!match) {
        for (const std::string& seg : SplitTitle(c)) match = match || SameText(seg, h);
      }
      if (!match) continue;
      out.title = CollapseSpaces(h);
      for (const std::string& seg : SplitTitle(c)) {
        if (!SameText(seg, h) && MatchesSite(seg, in.site_name, in.host)) out.site_segment = seg;
      }
      return out;
    }
  }
  std::string raw;
  bool from_metadata = false;
  for (const std::string& t : in.metadata_titles) {
    std::string c = CollapseSpaces(t);
    if (!c.empty()) {
      raw = std::move(c);
      from_metadata = true;
      break;
    }
  }
  if (raw.empty()) raw = CollapseSpaces(in.html_title);
  if (raw.empty()) {
    if (!in.h1s.empty()) out.title = CollapseSpaces(in.h1s[0]);
    return out;
  }

  std::vector<std::string> parts = SplitTitle(raw);
  std::string title = raw;
  if (parts.size() > 1) {
    // A site name at either end goes.
    if (MatchesSite(parts.back(), in.site_name, in.host)) {
      out.site_segment = parts.back();
      parts.pop_back();
    } else if (MatchesSite(parts.front(), in.site_name, in.host)) {
      out.site_segment = parts.front();
      parts.erase(parts.begin());
    }
    // An <h1> equal to a segment, or to the leading segments, is the headline.
    bool h1_found = false;
    for (const std::string& h : in.h1s) {
      for (const std::string& p : parts) {
        if (SameText(p, h)) {
          title = p;
          h1_found = true;
          break;
        }
      }
      if (h1_found) break;
    }
    if (!h1_found) {
      // Rejoin what is left with the original delimiter text: find the
      // span of the kept segments in `raw`.
      const size_t begin = raw.find(parts.front());
      const size_t end = raw.rfind(parts.back());
      title = begin != std::string::npos && end != std::string::npos && end >= begin
                  ? raw.substr(begin, end + parts.back().size() - begin)
                  : parts.front();
      // A plain <title> with a short trailing segment and no known site:
      // the trailing segment is most likely the site ("Headline - Blog").
      const std::vector<std::string> left = SplitTitle(title);
      if (out.site_segment.empty() && !from_metadata && left.size() >= 2 &&
          WordCount(left.back()) <= 4 && WordCount(title) - WordCount(left.back()) >= 4) {
        out.site_segment = left.back();
        title = title.substr(0, title.rfind(left.back()));
        for (std::string_view d : kDelimiters) {
          if (title.size() >= d.size() && title.ends_with(d)) title.resize(title.size() - d.size());
        }
        title = CollapseSpaces(title);
      }
    }
  }
  // A headline <h1> that the title contains (the title adds a section or
  // a kicker) is the better headline.
  if (!in.h1s.empty()) {
    const std::string h = CollapseSpaces(in.h1s[0]);
    if (WordCount(h) >= 3 && h.size() < title.size() && ContainsIgnoreCase(title, h)) title = h;
  }
  out.title = title;
  return out;
}

}  // namespace parallax::html::meta
