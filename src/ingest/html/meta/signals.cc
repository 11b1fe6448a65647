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

template <size_t N>
bool ContainsAny(std::string_view s, const std::array<std::string_view, N>& needles) {
  for (std::string_view n : needles) {
    if (ContainsIgnoreCase(s, n)) return true;
  }
  return false;
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
  uint32_t first_main = kNoNode;
  for (uint32_t id = 0; id < doc.size(); ++id) {
    const Node& n = doc.node(id);
    if (n.type != Node::Type::kElement) continue;
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
          if (!key.empty()) {
            s.metas.push_back({AsciiLower(CollapseSpaces(key)), content});
            break;
          }
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
    if (n.tag == Tag::kBody || n.tag == Tag::kHtml || n.tag == Tag::kArticle ||
        n.tag == Tag::kMain || n.tag == Tag::kImg) {
      continue;  // page wrappers whose class names "post" or "author" say nothing of them
    }
    const bool author_like = (ContainsAny(cls, kAuthorClasses) || ContainsAny(eid, kAuthorClasses)) &&
                             !ContainsAny(cls, kNotAuthorClasses) && !ContainsAny(eid, kNotAuthorClasses);
    if (author_like) Push(&s.authors, id);
    if (ContainsAny(cls, kDateClasses) || ContainsAny(eid, kDateClasses)) Push(&s.date_lines, id);
  }
  if (s.article == kNoNode) s.article = first_main;
  return s;
}

bool InBoilerplate(const HtmlDocument& doc, uint32_t id) {
  for (uint32_t p = doc.node(id).parent; p != kNoNode && p != 0; p = doc.node(p).parent) {
    const Node& n = doc.node(p);
    if (n.tag == Tag::kFooter || n.tag == Tag::kNav || n.tag == Tag::kAside) return true;
    if (n.attr_count == 0) continue;
    if (ContainsAny(doc.Attribute(p, "class"), kBoilerplateClasses) ||
        ContainsAny(doc.Attribute(p, "id"), kBoilerplateClasses)) {
      return true;
    }
  }
  return false;
}

}  // namespace parallax::html::meta
