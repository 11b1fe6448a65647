#include "ingest/html/meta/metadata.h"

#include <algorithm>
#include <array>
#include <vector>

#include "ingest/dates/date_parse.h"
#include "ingest/html/meta/byline.h"
#include "ingest/html/meta/jsonld.h"
#include "ingest/html/meta/pubdate.h"
#include "ingest/html/meta/signals.h"
#include "ingest/html/meta/text_util.h"
#include "ingest/html/meta/title.h"

namespace parallax::html {

namespace {

using meta::PageSignals;

constexpr std::array<std::string_view, 13> kAuthorMetaKeys = {
    "dc.creator", "dcterms.creator", "author", "article:author", "og:article:author",
    "parsely-author", "sailthru.author", "byl", "citation_author", "book:author",
    "article:author_name", "cxenseparse:author", "dc.contributor"};

std::string FirstMeta(const PageSignals& s, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    std::string v = meta::CollapseSpaces(s.Meta(k));
    if (!v.empty()) return v;
  }
  return "";
}

std::string ElementText(const HtmlDocument& doc, uint32_t id, size_t max_len) {
  std::string t = doc.TextContent(id);
  if (t.size() > max_len) return "";
  return t;
}

// Text of a microdata author: its itemprop=name descendant, else its text.
std::string MicrodataName(const HtmlDocument& doc, uint32_t id) {
  std::string_view content = doc.Attribute(id, "content");
  if (!content.empty()) return std::string(content);
  const uint16_t depth = doc.node(id).depth;
  for (uint32_t i = id + 1; i < doc.size() && doc.node(i).depth > depth && i < id + 200; ++i) {
    if (doc.node(i).type == Node::Type::kElement &&
        meta::EqualsIgnoreCase(doc.Attribute(i, "itemprop"), "name")) {
      std::string_view c = doc.Attribute(i, "content");
      return c.empty() ? ElementText(doc, i, 200) : std::string(c);
    }
  }
  return ElementText(doc, id, 200);
}

bool IsInside(const HtmlDocument& doc, uint32_t id, uint32_t ancestor) {
  for (uint32_t p = doc.node(id).parent; p != kNoNode; p = doc.node(p).parent) {
    if (p == ancestor) return true;
  }
  return false;
}

// Last node id of the subtree rooted at `id` (`id` itself when kNoNode).
uint32_t SubtreeLast(const HtmlDocument& doc, uint32_t id) {
  if (id == kNoNode) return kNoNode;
  const uint16_t depth = doc.node(id).depth;
  uint32_t i = id + 1;
  while (i < doc.size() && doc.node(i).depth > depth) ++i;
  return i - 1;
}

// Byline elements, best placed first: inside the article and after the
// headline, then either, then the rest; document order within a rank.
std::vector<uint32_t> RankedAuthorNodes(const HtmlDocument& doc, const PageSignals& s,
                                        bool microdata) {
  const uint32_t article_last = SubtreeLast(doc, s.article);
  const uint32_t h1 = s.h1.empty() ? kNoNode : s.h1[0];
  std::vector<std::pair<int, uint32_t>> ranked;
  for (uint32_t id : s.authors) {
    if (doc.Attribute(id, "itemprop").empty() == microdata) continue;
    const bool in_article = s.article != kNoNode && id > s.article && id <= article_last;
    const bool after_h1 = h1 != kNoNode && id > h1 && id < h1 + 400;
    ranked.emplace_back((in_article ? 0 : 1) + (after_h1 ? 0 : 1) + (s.InBoilerplate(id) ? 3 : 0), id);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<uint32_t> out;
  for (const auto& r : ranked) out.push_back(r.second);
  return out;
}

// An unmarked byline near the headline: a short text starting "By",
// "Von", "Par", "Por", "Door" ... followed by a capitalised word, in the
// nodes after the first <h1>. When the label is its own text node ("Von"
// <a>Name</a>), the parent element's text is read.
std::string BylineAfterHeadline(const HtmlDocument& doc, const PageSignals& s) {
  if (s.h1.empty()) return "";
  static constexpr std::array<std::string_view, 9> kLabels = {
      "by ", "von ", "par ", "por ", "door ", "av ", "af ", "written by ", "text: "};
  const uint32_t end = std::min<uint32_t>(static_cast<uint32_t>(doc.size()), s.h1[0] + 300);
  size_t seen = 0;
  for (uint32_t i = s.h1[0]; i < end && seen < 2000; ++i) {
    if (doc.node(i).type != Node::Type::kText || s.InBoilerplate(i)) continue;
    const std::string t = meta::CollapseSpaces(doc.Text(i));
    seen += t.size();
    if (t.empty() || t.size() > 100) continue;
    for (std::string_view label : kLabels) {
      const std::string_view trimmed = std::string_view(label).substr(0, label.size() - 1);
      const bool alone = meta::EqualsIgnoreCase(t, trimmed);
      if (!alone && !meta::StartsWithIgnoreCase(t, label)) continue;
      std::string text = t;
      if (alone || t.size() <= label.size()) {
        const uint32_t parent = doc.node(i).parent;
        if (parent == kNoNode) continue;
        text = ElementText(doc, parent, 120);
      }
      const std::string_view rest = std::string_view(text).substr(std::min(text.size(), label.size()));
      if (rest.empty() || !((rest[0] >= 'A' && rest[0] <= 'Z') || (rest[0] & 0x80))) continue;
      if (std::string name = meta::CleanByline(text); !name.empty()) return name;
    }
  }
  return "";
}

// Candidate bylines, best source first (see metadata.h).
std::vector<std::string> AuthorCandidates(const HtmlDocument& doc, const PageSignals& s,
                                          const meta::JsonLdInfo& ld) {
  std::vector<std::string> out;
  out.push_back(meta::JoinAuthors(ld.authors));
  for (std::string_view key : kAuthorMetaKeys) {
    std::vector<std::string> names;
    for (const meta::MetaEntry& m : s.metas) {
      if (m.key != key || m.content.empty()) continue;
      if (meta::StartsWithIgnoreCase(m.content, "http")) continue;  // profile URL
      names.emplace_back(m.content);
    }
    out.push_back(meta::JoinAuthors(names));
  }
  // Microdata: the distinct names of the best-placed, non-nested authors
  // (several when a story has several; a page full of teasers gives many,
  // so more than three means only the first is this page's).
  std::vector<std::string> names;
  std::vector<uint32_t> used;
  for (uint32_t id : RankedAuthorNodes(doc, s, true)) {
    bool nested = false;
    for (uint32_t u : used) nested = nested || IsInside(doc, id, u);
    if (nested) continue;
    used.push_back(id);
    names.push_back(MicrodataName(doc, id));
  }
  if (names.size() > 3) names.resize(1);
  out.push_back(meta::JoinAuthors(names));
  for (uint32_t id : RankedAuthorNodes(doc, s, false)) {
    if (s.InBoilerplate(id)) break;  // ranked last: comment authors, teaser bylines
    out.push_back(meta::CleanByline(ElementText(doc, id, 300)));
    if (!out.back().empty()) break;
  }
  out.push_back(BylineAfterHeadline(doc, s));
  return out;
}

// The first candidate that is not just the outlet's name ("Folha de
// S.Paulo" as JSON-LD author while the page bylines a reporter), else the
// first candidate.
std::string ChooseAuthor(const HtmlDocument& doc, const PageSignals& s, const meta::JsonLdInfo& ld,
                         std::string_view outlet) {
  const std::vector<std::string> candidates = AuthorCandidates(doc, s, ld);
  const std::string site = meta::Squash(outlet);
  std::string first;
  for (const std::string& c : candidates) {
    if (c.empty()) continue;
    if (site.empty() || meta::Squash(c) != site) return c;
    if (first.empty()) first = c;
  }
  return first;
}

std::string ChooseLanguage(const PageSignals& s, const meta::JsonLdInfo& ld) {
  for (std::string_view tag : {s.html_lang, s.Meta("og:locale"), s.Meta("content-language"),
                               s.Meta("dc.language"), s.Meta("language"),
                               std::string_view(ld.language)}) {
    if (std::string l = meta::NormalizeLanguage(tag); !l.empty()) return l;
  }
  return "";
}

std::string ChooseUrl(const PageSignals& s, const meta::JsonLdInfo& ld, std::string_view given) {
  std::string base(given);
  if (!s.base_href.empty()) {
    std::string b = meta::ResolveUrl(given, s.base_href);
    if (!meta::HostOf(b).empty()) base = b;
  }
  for (std::string_view candidate : {s.canonical, s.Meta("og:url"), std::string_view(ld.url)}) {
    std::string u = meta::ResolveUrl(base, candidate);
    if (meta::HostOf(u).empty()) continue;  // relative without a base, or not http(s)
    // A canonical pointing at the home page of a deeper page is a template bug.
    if (meta::PathOf(u) == "/" && meta::PathOf(given).size() > 1 && !meta::HostOf(given).empty()) {
      continue;
    }
    return u;
  }
  return std::string(given);
}

}  // namespace

PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view url) {
  return ExtractMetadata(doc, url, MetadataOptions{});
}

PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view url,
                             const MetadataOptions& options) {
  PageMetadata m;
  const PageSignals s = meta::CollectSignals(doc);
  const meta::JsonLdInfo ld = meta::ReadJsonLd(doc.json_ld());

  m.url = ChooseUrl(s, ld, url);
  const std::string host = meta::HostOf(m.url.empty() ? std::string(url) : m.url);
  m.language = ChooseLanguage(s, ld);
  m.description = FirstMeta(s, {"og:description", "description", "twitter:description",
                                "dc.description"});
  if (m.description.empty()) m.description = ld.description;

  // Outlet before title: the title's site segment is recognised by it.
  m.outlet = FirstMeta(s, {"og:site_name"});
  if (m.outlet.empty()) m.outlet = ld.publisher;
  if (m.outlet.empty()) m.outlet = ld.site_name;
  if (m.outlet.empty()) m.outlet = FirstMeta(s, {"application-name", "apple-mobile-web-app-title"});

  meta::TitleInputs ti;
  for (std::string t : {FirstMeta(s, {"og:title"}), ld.headline,
                        ld.is_article && ld.name != ld.headline ? ld.name : std::string(),
                        FirstMeta(s, {"twitter:title"}),
                        s.headlines.empty() ? std::string() : ElementText(doc, s.headlines[0], 400),
                        FirstMeta(s, {"dc.title", "dcterms.title", "parsely-title",
                                      "sailthru.title"})}) {
    if (!t.empty()) ti.metadata_titles.push_back(std::move(t));
  }
  if (s.title != kNoNode) ti.html_title = doc.TextContent(s.title);
  for (uint32_t id : s.h1) {
    if (ti.h1s.size() >= 3) break;
    if (s.InBoilerplate(id)) continue;
    std::string t = ElementText(doc, id, 400);
    if (!t.empty()) ti.h1s.push_back(std::move(t));
  }
  ti.site_name = m.outlet;
  ti.host = host;
  meta::TitleChoice title = meta::ChooseTitle(ti);
  m.title = std::move(title.title);
  if (m.outlet.empty()) m.outlet = title.site_segment;
  if (m.outlet.empty()) m.outlet = host;

  m.author = ChooseAuthor(doc, s, ld, m.outlet);

  meta::DateBounds bounds = meta::DefaultDateBounds();
  if (options.min_day != 0 || options.max_day != 0) bounds = {options.min_day, options.max_day};
  const std::string_view date_url = meta::DateFromUrl(url).empty() ? std::string_view(m.url) : url;
  meta::DateChoice date = meta::FindPublicationDate(doc, s, ld, date_url, bounds);
  m.published = std::move(date.iso);
  m.published_source = date.source;
  m.published_evidence = date.evidence;
  if (auto mod = dates::Parse(ld.date_modified.empty()
                                  ? FirstMeta(s, {"article:modified_time", "og:updated_time"})
                                  : ld.date_modified)) {
    m.modified = mod->ToIso();
  }
  return m;
}

}  // namespace parallax::html
