#include "ingest/html/meta/signals.h"

#include <array>

#include "ingest/html/meta/text_util.h"

namespace parallax::html::meta {

namespace {

// Bound the per-page work on pathological pages (thousands of <time>s).
constexpr size_t kMaxPerList = 48;
constexpr size_t kMaxBoilerRoots = 4096;

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
constexpr std::array<std::string_view, 9> kBoilerplateClasses = {
    "comment", "related", "sidebar", "footer", "recommend", "more-stories", "trending",
    "popular", "teaser"};

// Marks the subtrees of `roots` as boilerplate, except those that contain
// the headline or the article: a layout wrapper named
// "panel-two-col-sidebar-right" or "has-comments" around the story is not
// boilerplate. Linear: one stack pass for subtree ends, one prefix sum.
void MarkBoilerplate(const HtmlDocument& doc, const std::vector<uint32_t>& roots, PageSignals* s) {
  s->boilerplate_.assign(doc.size(), 0);
  if (roots.empty()) return;
  std::vector<int32_t> delta(doc.size() + 1, 0);
  const uint32_t h1 = s->h1.empty() ? kNoNode : s->h1[0];
  auto close = [&](uint32_t root, uint32_t last) {
    const bool holds_story = (h1 != kNoNode && h1 > root && h1 <= last) ||
                             (s->article != kNoNode && s->article > root && s->article <= last);
    if (holds_story) return;
    ++delta[root];
    --delta[last + 1];
  };
  std::vector<uint32_t> open;  // roots whose subtree has not ended, by depth
  size_t next = 0;
  for (uint32_t i = 0; i < doc.size(); ++i) {
    const uint16_t depth = doc.node(i).depth;
    while (!open.empty() && doc.node(open.back()).depth >= depth) {
      close(open.back(), i - 1);
      open.pop_back();
    }
    if (next < roots.size() && roots[next] == i) {  // roots are increasing, no duplicates
      open.push_back(i);
      ++next;
    }
  }
  while (!open.empty()) {
    close(open.back(), static_cast<uint32_t>(doc.size() - 1));
    open.pop_back();
  }
  int32_t level = 0;
  for (uint32_t i = 0; i < doc.size(); ++i) {
    level += delta[i];
    s->boilerplate_[i] = level > 0 ? 1 : 0;
  }
}

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
  std::string lower;
  // Elements that look like boilerplate; ranges are marked after the pass.
  std::vector<uint32_t> boiler_roots;
  for (uint32_t id = 0; id < doc.size(); ++id) {
    const Node& n = doc.node(id);
    if (n.type != Node::Type::kElement) continue;
    if (n.tag == Tag::kFooter || n.tag == Tag::kNav || n.tag == Tag::kAside) {
      if (boiler_roots.size() < kMaxBoilerRoots) boiler_roots.push_back(id);
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
    if (n.tag != Tag::kBody && n.tag != Tag::kHtml && ContainsAny(lower, kBoilerplateClasses) &&
        boiler_roots.size() < kMaxBoilerRoots && (boiler_roots.empty() || boiler_roots.back() != id)) {
      boiler_roots.push_back(id);
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
  MarkBoilerplate(doc, boiler_roots, &s);
  return s;
}

bool PageSignals::InBoilerplate(uint32_t id) const {
  return id < boilerplate_.size() && boilerplate_[id] != 0;
}

}  // namespace parallax::html::meta
