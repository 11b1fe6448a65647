#include "ingest/html/meta/pubdate.h"

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
    return InBounds(dates::Parse(t, options_));
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

// The text of up to `max_chars` after the first <h1>: where bylines and
// date lines sit on most article pages.
std::string TextAfterHeadline(const HtmlDocument& doc, const PageSignals& s, size_t max_chars) {
  std::string out;
  if (s.h1.empty()) return out;
  const uint32_t end = std::min<uint32_t>(static_cast<uint32_t>(doc.size()), s.h1[0] + 400);
  for (uint32_t i = s.h1[0]; i < end && out.size() < max_chars; ++i) {
    if (doc.node(i).type != Node::Type::kText) continue;
    out += doc.Text(i);
    out += " \n ";
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

DateChoice FindPublicationDate(const HtmlDocument& doc, const PageSignals& s,
                               const JsonLdInfo& ld, std::string_view url,
                               const DateBounds& bounds) {
  const Parser p(bounds);

  // 1. Markup that says "published".
  if (auto dt = p.Field(ld.date_published)) return Choose(*dt, DateSource::kMetadata, "jsonld");
  for (std::string_view key : kPublishedMetaKeys) {
    if (auto dt = p.Field(s.Meta(key))) return Choose(*dt, DateSource::kMetadata, "meta");
  }
  if (auto dt = p.Field(ld.date_created)) return Choose(*dt, DateSource::kMetadata, "jsonld-created");
  for (uint32_t id : s.item_published) {
    if (auto dt = FromElement(doc, id, p)) return Choose(*dt, DateSource::kMetadata, "itemprop");
  }
  for (uint32_t id : s.times) {
    if (!MarkedPublished(doc, id) || MarkedModified(doc, id)) continue;
    if (auto dt = FromElement(doc, id, p)) return Choose(*dt, DateSource::kMetadata, "time-pubdate");
  }
  for (uint32_t id : s.abbr_dates) {
    if (auto dt = FromElement(doc, id, p)) return Choose(*dt, DateSource::kMetadata, "abbr");
  }

  // 2. The URL.
  const std::string url_date = DateFromUrl(url);
  if (!url_date.empty()) {
    if (auto dt = p.Field(url_date)) return Choose(*dt, DateSource::kMetadata, "url");
  }

  // 3. The first plain <time> outside boilerplate.
  for (uint32_t id : s.times) {
    if (MarkedModified(doc, id) || InBoilerplate(doc, id)) continue;
    if (auto dt = FromAttributes(doc, id, p)) return Choose(*dt, DateSource::kMetadata, "time");
  }

  // 4. Visible date lines.
  for (uint32_t id : s.date_lines) {
    if (MarkedModified(doc, id) || InBoilerplate(doc, id)) continue;
    if (auto dt = FromElement(doc, id, p)) return Choose(*dt, DateSource::kText, "date-line");
  }
  for (uint32_t id : s.times) {
    if (MarkedModified(doc, id) || InBoilerplate(doc, id)) continue;
    if (auto dt = FromElement(doc, id, p)) return Choose(*dt, DateSource::kText, "time-text");
  }
  if (auto dt = p.Text(TextAfterHeadline(doc, s, 600))) {
    return Choose(*dt, DateSource::kText, "after-h1");
  }

  // 5. Modification dates, as a last resort.
  if (auto dt = p.Field(ld.date_modified)) return Choose(*dt, DateSource::kMetadata, "jsonld-modified");
  for (std::string_view key : kModifiedMetaKeys) {
    if (auto dt = p.Field(s.Meta(key))) return Choose(*dt, DateSource::kMetadata, "meta-modified");
  }
  for (uint32_t id : s.item_modified) {
    if (auto dt = FromElement(doc, id, p)) return Choose(*dt, DateSource::kMetadata, "itemprop-modified");
  }
  return {};
}

}  // namespace parallax::html::meta
