#include "ingest/html/meta/pubdate.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <optional>

#include "ingest/dates/calendar.h"
#include "ingest/dates/date_parse.h"
#include "ingest/html/meta/text_util.h"

namespace parallax::html::meta {

namespace {

using dates::DateTime;

int64_t ToInt(std::string_view digits) {
  int64_t v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

// <meta> keys that carry the original publication date, best first.
constexpr std::array<std::string_view, 44> kPublishedMetaKeys = {
    "article:published_time", "og:published_time", "og:article:published_time",
    "article:published", "published_time", "article.published", "article_date_original",
    "originalpublicationdate", "datepublished", "pubdate", "publishdate", "publish-date",
    "publish_date", "published-date", "published_date", "publication_date", "pub_date",
    "og:pubdate", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date",
    "dcterms.date", "dc.created", "citation_publication_date", "citation_date",
    "citation_online_date", "prism.publicationdate", "rnews:datepublished", "article.created",
    "date_published", "datecreated", "created", "date", "release_date", "bt:pubdate",
    "weibo:article:create_at", "content_create_date", "analyticsattributes.articledate",
    "article:post_date"};

constexpr std::array<std::string_view, 9> kModifiedMetaKeys = {
    "article:modified_time", "og:updated_time", "article:modified", "datemodified",
    "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "modified"};

class Parser {
 public:
  explicit Parser(const DateBounds& b) : bounds_(b) {
    options_.min_year = dates::CivilFromDays(b.min_day).year;
    options_.max_year = dates::CivilFromDays(b.max_day).year;
  }

  std::optional<DateTime> Field(std::string_view s) const {
    std::string t = CollapseSpaces(s);
    if (t.empty() || t.size() > 200) return std::nullopt;
    if (IsUnixTime(t)) return InBounds(dates::FromUnixTime(ToInt(t), options_));
    if (auto dt = InBounds(dates::Parse(t, options_))) return dt;
    // A date field with decoration the strict parse refuses ("Wednesday،
    // 07 October 2020 - 12:09 PM" in Arabic): its first date.
    if (t.size() > 100) return std::nullopt;
    return Text(t);
  }

  // First date anywhere in running text.
  std::optional<DateTime> Text(std::string_view s) const {
    if (s.size() > 2000) s = s.substr(0, 2000);
    dates::ParseOptions o = options_;
    o.two_digit_years = false;
    for (const dates::FoundDate& f : dates::FindDates(s, 4, o)) {
      if (auto dt = InBounds(f.date)) return dt;
    }
    return std::nullopt;
  }

  std::optional<DateTime> InBounds(std::optional<DateTime> dt) const {
    if (!dt) return std::nullopt;
    const int64_t d = dt->Days();
    if (d < bounds_.min_day || d > bounds_.max_day) return std::nullopt;
    return dt;
  }

 private:
  static bool IsUnixTime(std::string_view s) {
    if (s.size() != 10 && s.size() != 13) return false;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  DateBounds bounds_;
  dates::ParseOptions options_;
};

// Last id of the subtree rooted at `id`, or kNoNode when it has more than
// `max_nodes` nodes (a container, not a date line).
uint32_t SubtreeEnd(const HtmlDocument& doc, uint32_t id, uint32_t max_nodes) {
  const uint16_t depth = doc.node(id).depth;
  uint32_t i = id + 1;
  for (; i < doc.size() && doc.node(i).depth > depth; ++i) {
    if (i - id > max_nodes) return kNoNode;
  }
  return i - 1;
}

// Date from an element's attributes: datetime, content, title, data-*.
std::optional<DateTime> FromAttributes(const HtmlDocument& doc, uint32_t id, const Parser& p) {
  for (std::string_view attr : {"datetime", "content", "data-datetime", "data-date",
                                "data-timestamp", "data-time", "data-utime", "title"}) {
    std::string_view v = doc.Attribute(id, attr);
    if (v.empty()) continue;
    if (auto dt = p.Field(v)) return dt;
  }
  return std::nullopt;
}

// Date from an element: attributes, else a short text.
std::optional<DateTime> FromElement(const HtmlDocument& doc, uint32_t id, const Parser& p) {
  if (auto dt = FromAttributes(doc, id, p)) return dt;
  if (SubtreeEnd(doc, id, 40) == kNoNode) return std::nullopt;
  const std::string text = doc.TextContent(id);
  if (text.size() > 300) return std::nullopt;
  return p.Text(text);
}

bool MarkedPublished(const HtmlDocument& doc, uint32_t id) {
  if (doc.HasAttribute(id, "pubdate")) return true;
  for (std::string_view attr : {"class", "id", "itemprop", "data-type"}) {
    std::string_view v = doc.Attribute(id, attr);
    if (ContainsIgnoreCase(v, "publish") || ContainsIgnoreCase(v, "entry-date") ||
        ContainsIgnoreCase(v, "post-date") || ContainsIgnoreCase(v, "created")) {
      return true;
    }
  }
  return false;
}

bool MarkedModified(const HtmlDocument& doc, uint32_t id) {
  for (std::string_view attr : {"class", "id", "itemprop"}) {
    std::string_view v = doc.Attribute(id, attr);
    if (ContainsIgnoreCase(v, "update") || ContainsIgnoreCase(v, "modif")) return true;
  }
  return false;
}

DateChoice Choose(const DateTime& dt, DateSource source, const char* evidence) {
  return DateChoice{dt.ToIso(), source, evidence};
}

// First date in the text nodes just after the first <h1>, where bylines and
// date lines sit on most article pages. Short nodes (a date line on its
// own) win over dates inside longer text (captions, first sentences).
std::optional<DateTime> DateAfterHeadline(const HtmlDocument& doc, const PageSignals& s,
                                          const Parser& p) {
  if (s.h1.empty()) return std::nullopt;
  const uint32_t end = std::min<uint32_t>(static_cast<uint32_t>(doc.size()), s.h1[0] + 300);
  std::optional<DateTime> in_long_text;
  size_t seen = 0;
  for (uint32_t i = s.h1[0]; i < end && seen < 1500; ++i) {
    if (doc.node(i).type != Node::Type::kText) continue;
    const std::string_view t = doc.Text(i);
    seen += t.size();
    if (t.size() > 300) continue;
    std::optional<DateTime> dt = p.Text(t);
    if (!dt) continue;
    if (t.size() <= 100) return dt;
    if (!in_long_text) in_long_text = dt;
  }
  return in_long_text;
}

// Evidence of the page's local calendar day, for correcting a UTC
// timestamp that crossed midnight: the URL, then visible date text.
std::optional<DateTime> LocalDay(const HtmlDocument& doc, const PageSignals& s,
                                 std::string_view url, const Parser& p) {
  const std::string url_date = DateFromUrl(url);
  if (auto dt = p.Field(url_date)) return dt;
  for (const std::vector<uint32_t>* list : {&s.item_published, &s.times, &s.date_lines}) {
    for (uint32_t id : *list) {
      if (MarkedModified(doc, id) || s.InBoilerplate(id)) continue;
      if (SubtreeEnd(doc, id, 40) == kNoNode) continue;
      const std::string text = doc.TextContent(id);
      if (text.size() > 300) continue;
      if (auto dt = p.Text(text)) return dt;
    }
  }
  return DateAfterHeadline(doc, s, p);
}

// Last resort, like htmldate's extensive mode: dates in image URLs (upload
// folders such as /2020/10/13/), else the most frequent date in the page's
// text outside boilerplate.
std::optional<DateTime> ExtensiveSearch(const HtmlDocument& doc, const PageSignals& s,
                                        const Parser& p) {
  for (std::string_view key : {"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                               "twitter:image:src", "thumbnail"}) {
    if (auto dt = p.Field(DateFromUrl(s.Meta(key)))) return dt;
  }
  std::vector<std::pair<int64_t, int>> counts;  // day -> occurrences, in first-seen order
  std::vector<DateTime> firsts;
  size_t seen = 0;
  for (uint32_t i = 0; i < doc.size() && seen < 60000; ++i) {
    const Node& n = doc.node(i);
    if (s.InBoilerplate(i)) continue;
    if (n.type == Node::Type::kElement && n.tag == Tag::kImg) {
      if (auto dt = p.Field(DateFromUrl(doc.Attribute(i, "src")))) return dt;
      continue;
    }
    if (n.type != Node::Type::kText) continue;
    const std::string_view t = doc.Text(i);
    seen += t.size();
    if (t.size() > 2000) continue;
    dates::ParseOptions o;
    o.two_digit_years = false;
    for (const dates::FoundDate& f : dates::FindDates(t, 4, o)) {
      std::optional<DateTime> dt = p.InBounds(f.date);
      if (!dt) continue;
      const int64_t day = dt->Days();
      auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == day; });
      if (it == counts.end()) {
        counts.emplace_back(day, 1);
        firsts.push_back(*dt);
      } else {
        ++it->second;
      }
    }
  }
  int best = 0;
  std::optional<DateTime> out;
  for (size_t k = 0; k < counts.size(); ++k) {
    if (counts[k].second > best) {
      best = counts[k].second;
      out = firsts[k];
    }
  }
  return out;
}

}  // namespace

DateBounds DefaultDateBounds() {
  using std::chrono::system_clock;
  const int64_t now_days =
      std::chrono::duration_cast<std::chrono::hours>(system_clock::now().time_since_epoch()).count() /
      24;
  return DateBounds{dates::DaysFromCivil(1995, 1, 1), now_days + 1};
}

std::string DateFromUrl(std::string_view url) {
  std::string_view path = PathOf(url);
  // Also look at the query: "?date=2020-06-07" style is rare but harmless.
  const size_t q = url.find('?');
  std::string target(path);
  if (q != std::string_view::npos) target += url.substr(q);
  auto digit = [&](size_t i) { return i < target.size() && target[i] >= '0' && target[i] <= '9'; };
  for (size_t i = 0; i + 8 <= target.size(); ++i) {
    if (!digit(i) || (i > 0 && digit(i - 1))) continue;
    size_t j = i;
    while (digit(j)) ++j;
    const size_t len = j - i;
    int y = 0, m = 0, d = 0;
    if (len == 8) {  // 20200607
      const int v = static_cast<int>(ToInt(std::string_view(target).substr(i, 8)));
      y = v / 10000, m = v / 100 % 100, d = v % 100;
    } else if (len == 4) {
      // 2020/06/07, 2020-06-07, 2020_06_07, 2020.06.07
      const char sep = j < target.size() ? target[j] : '\0';
      if (sep != '/' && sep != '-' && sep != '_' && sep != '.') continue;
      size_t k = j + 1;
      size_t mstart = k;
      while (digit(k)) ++k;
      if (k - mstart < 1 || k - mstart > 2 || k >= target.size() || target[k] != sep) continue;
      size_t dstart = k + 1, e = dstart;
      while (digit(e)) ++e;
      if (e - dstart < 1 || e - dstart > 2) continue;
      const std::string_view t(target);
      y = static_cast<int>(ToInt(t.substr(i, 4)));
      m = static_cast<int>(ToInt(t.substr(mstart, k - mstart)));
      d = static_cast<int>(ToInt(t.substr(dstart, e - dstart)));
    } else {
      continue;
    }
    if (y >= 1995 && y <= 2100 && dates::IsValidDate(y, m, d)) {
      DateTime dt;
      dt.year = y, dt.month = m, dt.day = d;
      return dt.DateIso();
    }
  }
  return "";
}

namespace {

struct Found {
  DateTime date;
  const char* evidence;
};

// Stage 1: markup that says "published".
std::optional<Found> PublishedMarkup(const HtmlDocument& doc, const PageSignals& s,
                                     const JsonLdInfo& ld, const Parser& p) {
  if (auto dt = p.Field(ld.date_published)) return Found{*dt, "jsonld"};
  for (std::string_view key : kPublishedMetaKeys) {
    if (auto dt = p.Field(s.Meta(key))) return Found{*dt, "meta"};
  }
  if (auto dt = p.Field(ld.date_created)) return Found{*dt, "jsonld-created"};
  for (uint32_t id : s.item_published) {
    if (auto dt = FromElement(doc, id, p)) return Found{*dt, "itemprop"};
  }
  for (uint32_t id : s.times) {
    if (!MarkedPublished(doc, id) || MarkedModified(doc, id)) continue;
    if (auto dt = FromElement(doc, id, p)) return Found{*dt, "time-pubdate"};
  }
  for (uint32_t id : s.abbr_dates) {
    if (auto dt = FromElement(doc, id, p)) return Found{*dt, "abbr"};
  }
  return std::nullopt;
}

}  // namespace

DateChoice FindPublicationDate(const HtmlDocument& doc, const PageSignals& s,
                               const JsonLdInfo& ld, std::string_view url,
                               const DateBounds& bounds) {
  const Parser p(bounds);

  // 1. Markup. A UTC timestamp's calendar day may not be the outlet's: if
  // the URL or the visible date line names the neighbouring day, that is
  // the local publication day ("23:15Z" on an Italian page dated the 6th).
  if (std::optional<Found> f = PublishedMarkup(doc, s, ld, p)) {
    if (f->date.has_time && f->date.has_offset && f->date.offset_minutes == 0) {
      std::optional<DateTime> local = LocalDay(doc, s, url, p);
      const int64_t diff = local ? local->Days() - f->date.Days() : 0;
      // Possible only where an inhabited offset (-10:00..+14:00) crosses
      // midnight: the day before for early UTC hours, after for late ones.
      const int hour = f->date.hour;
      if ((diff == -1 && hour < 10) || (diff == 1 && hour >= 10)) {
        return Choose(*local, DateSource::kMetadata, "utc-local-day");
      }
    }
    return Choose(f->date, DateSource::kMetadata, f->evidence);
  }

  // 2. The URL.
  if (auto dt = p.Field(DateFromUrl(url))) return Choose(*dt, DateSource::kMetadata, "url");

  // 3. The first plain <time> outside boilerplate.
  for (uint32_t id : s.times) {
    if (MarkedModified(doc, id) || s.InBoilerplate(id)) continue;
    if (auto dt = FromAttributes(doc, id, p)) return Choose(*dt, DateSource::kMetadata, "time");
  }

  // 4. Visible date lines.
  for (uint32_t id : s.date_lines) {
    if (MarkedModified(doc, id) || s.InBoilerplate(id)) continue;
    if (auto dt = FromElement(doc, id, p)) return Choose(*dt, DateSource::kText, "date-line");
  }
  for (uint32_t id : s.times) {
    if (MarkedModified(doc, id) || s.InBoilerplate(id)) continue;
    if (auto dt = FromElement(doc, id, p)) return Choose(*dt, DateSource::kText, "time-text");
  }
  if (auto dt = DateAfterHeadline(doc, s, p)) return Choose(*dt, DateSource::kText, "after-h1");

  // 5. Modification dates.
  if (auto dt = p.Field(ld.date_modified)) return Choose(*dt, DateSource::kMetadata, "jsonld-modified");
  for (std::string_view key : kModifiedMetaKeys) {
    if (auto dt = p.Field(s.Meta(key))) return Choose(*dt, DateSource::kMetadata, "meta-modified");
  }
  for (uint32_t id : s.item_modified) {
    if (auto dt = FromElement(doc, id, p)) return Choose(*dt, DateSource::kMetadata, "itemprop-modified");
  }

  // 6. Image upload folders and the most frequent date in the text.
  if (auto dt = ExtensiveSearch(doc, s, p)) return Choose(*dt, DateSource::kText, "extensive");
  return {};
}

}  // namespace parallax::html::meta
