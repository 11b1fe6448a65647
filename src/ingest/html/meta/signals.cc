#include "ingest/html/meta/signals.h"

#include <array>

#include "ingest/html/meta/text_util.h"

namespace parallax::html::meta {

namespace {

// Bound the per-page work on pathological pages (thousands of <time>s).
constexpr size_t kMaxPerList = 48;

void Push(std::vector<uint32_t>* list, uint32_t id) {
  if (list->size() < kMaxPerList) list->push_back(id);
}

// `lower` must already be lowercase.
template <size_t N>
bool ContainsAny(std::string_view lower, const std::array<std::string_view, N>& needles) {
  for (std::string_view n : needles) {
    if (lower.find(n) != std::string_view::npos) return true;
  }
  return false;
}

// True when a needle occurs and is not followed by a letter: "author",
// "post-author", "byline__author" but not "authority".
template <size_t N>
bool ContainsAnyWord(std::string_view lower, const std::array<std::string_view, N>& needles) {
  for (std::string_view n : needles) {
    for (size_t at = lower.find(n); at != std::string_view::npos; at = lower.find(n, at + 1)) {
      const size_t end = at + n.size();
      if (end == lower.size() || !(lower[end] >= 'a' && lower[end] <= 'z')) return true;
    }
  }
  return false;
}

// Dublin Core keys come as "dc:title", "dc.title", "DC.Title", "dcterms:title":
// one spelling, "dc.title" / "dcterms.title".
std::string NormalizeMetaKey(std::string_view key) {
  for (std::string_view prefix : {"dc:", "dc.", "dcterm:", "dcterm.", "dcterms:"}) {
    if (key.starts_with(prefix)) {
      return (prefix.starts_with("dcterm") ? std::string("dcterms.") : std::string("dc.")) +
             std::string(key.substr(prefix.size()));
    }
  }
  return std::string(key);
}

// Lowercased "class id" of an element into `out` (reused buffer).
void ClassAndId(std::string_view cls, std::string_view id, std::string* out) {
  out->clear();
  out->reserve(cls.size() + id.size() + 1);
  for (std::string_view part : {cls, std::string_view(" "), id}) {
    for (char c : part) out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
}

constexpr std::array<std::string_view, 12> kAuthorClasses = {
    "byline", "by-line", "author", "writer", "autor", "auteur",
    "reporter", "firma", "contributor", "journalist", "redakteur", "signature"};
constexpr std::array<std::string_view, 14> kDateClasses = {
    "date", "time", "publish", "posted", "dateline", "datum", "fecha",
    "byline", "entry-meta", "post-meta", "postmeta", "article-meta", "article__meta", "meta-info"};
constexpr std::array<std::string_view, 8> kNotAuthorClasses = {
    "comment", "avatar", "author-bio", "authorbio", "about-author", "related", "more-from",
    "author-box"};
constexpr std::array<std::string_view, 8> kBoilerplateClasses = {
    "comment", "related", "sidebar", "footer", "recommend", "more-stories", "trending",
    "popular"};

}  // namespace

std::string_view PageSignals::Meta(std::string_view key) const {
  for (const MetaEntry& m : metas) {
    if (m.key == key && !m.content.empty()) return m.content;
  }
  return {};
}

PageSignals CollectSignals(const HtmlDocument& doc) {
  PageSignals s;
  s.boilerplate_.assign(doc.size(), 0);
  uint32_t first_main = kNoNode;
  std::string lower;
  // Depth of the outermost open boilerplate element, -1 when outside any.
  int boiler_depth = -1;
  for (uint32_t id = 0; id < doc.size(); ++id) {
    const Node& n = doc.node(id);
    if (boiler_depth >= 0 && n.depth <= boiler_depth) boiler_depth = -1;
    if (boiler_depth >= 0) s.boilerplate_[id] = 1;
    if (n.type != Node::Type::kElement) continue;
    if (boiler_depth < 0 && (n.tag == Tag::kFooter || n.tag == Tag::kNav || n.tag == Tag::kAside)) {
      boiler_depth = n.depth;
    }
    switch (n.tag) {
      case Tag::kHtml:
        if (s.html_lang.empty()) {
          s.html_lang = doc.Attribute(id, "lang");
          if (s.html_lang.empty()) s.html_lang = doc.Attribute(id, "xml:lang");
        }
        break;
      case Tag::kMeta: {
        std::string_view content = doc.Attribute(id, "content");
        if (content.empty()) content = doc.Attribute(id, "value");
        for (std::string_view attr : {"property", "name", "itemprop", "http-equiv"}) {
          std::string_view key = doc.Attribute(id, attr);
          if (key.empty()) continue;
          // Several space-separated keys ("dc:title og:title") share the content.
          const std::string keys = AsciiLower(CollapseSpaces(key));
          size_t i = 0;
          while (i < keys.size()) {
            size_t j = keys.find(' ', i);
            if (j == std::string::npos) j = keys.size();
            s.metas.push_back({NormalizeMetaKey(std::string_view(keys).substr(i, j - i)), content});
            i = j + 1;
          }
          break;
        }
        continue;  // a <meta> has nothing else to offer
      }
      case Tag::kLink: {
        std::string_view rel = doc.Attribute(id, "rel");
        if (s.canonical.empty() && EqualsIgnoreCase(rel, "canonical")) {
          s.canonical = doc.Attribute(id, "href");
        }
        continue;
      }
      case Tag::kBase:
        if (s.base_href.empty()) s.base_href = doc.Attribute(id, "href");
        continue;
      case Tag::kTitle:
        if (s.title == kNoNode) s.title = id;
        continue;
      case Tag::kH1:
        Push(&s.h1, id);
        break;
      case Tag::kTimeTag:
        Push(&s.times, id);
        break;
      case Tag::kArticle:
        if (s.article == kNoNode) s.article = id;
        break;
      case Tag::kMain:
        if (first_main == kNoNode) first_main = id;
        break;
      case Tag::kAbbr: {
        std::string_view cls = doc.Attribute(id, "class");
        if (ContainsIgnoreCase(cls, "publish") || ContainsIgnoreCase(cls, "date") ||
            ContainsIgnoreCase(cls, "time")) {
          Push(&s.abbr_dates, id);
        }
        break;
      }
      default:
        break;
    }
    if (n.attr_count == 0) continue;
    std::string_view itemprop = doc.Attribute(id, "itemprop");
    if (!itemprop.empty()) {
      if (ContainsIgnoreCase(itemprop, "datePublished") ||
          ContainsIgnoreCase(itemprop, "dateCreated")) {
        Push(&s.item_published, id);
      } else if (ContainsIgnoreCase(itemprop, "dateModified")) {
        Push(&s.item_modified, id);
      } else if (ContainsIgnoreCase(itemprop, "headline")) {
        Push(&s.headlines, id);
      }
      if (ContainsIgnoreCase(itemprop, "author") || ContainsIgnoreCase(itemprop, "creator")) {
        Push(&s.authors, id);
        continue;
      }
    }
    if (n.tag == Tag::kA && EqualsIgnoreCase(doc.Attribute(id, "rel"), "author")) {
      Push(&s.authors, id);
      continue;
    }
    const std::string_view cls = doc.Attribute(id, "class");
    const std::string_view eid = doc.Attribute(id, "id");
    if (cls.empty() && eid.empty()) continue;
    ClassAndId(cls, eid, &lower);
    if (boiler_depth < 0 && n.tag != Tag::kBody && n.tag != Tag::kHtml &&
        ContainsAny(lower, kBoilerplateClasses)) {
      boiler_depth = n.depth;
    }
    if (n.tag == Tag::kBody || n.tag == Tag::kHtml || n.tag == Tag::kArticle ||
        n.tag == Tag::kMain || n.tag == Tag::kImg) {
      continue;  // page wrappers whose class names "post" or "author" say nothing of them
    }
    if (ContainsAnyWord(lower, kAuthorClasses) && !ContainsAny(lower, kNotAuthorClasses)) {
      Push(&s.authors, id);
    }
    if (ContainsAny(lower, kDateClasses)) Push(&s.date_lines, id);
  }
  if (s.article == kNoNode) s.article = first_main;
  return s;
}

bool PageSignals::InBoilerplate(uint32_t id) const {
  return id < boilerplate_.size() && boilerplate_[id] != 0;
}

}  // namespace parallax::html::meta
