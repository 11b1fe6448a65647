// RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 through libxml2's tree parser.
//
// Safety: the parser runs with XML_PARSE_NONET and without XML_PARSE_NOENT
// or DTD loading, so external entities are never fetched and user-declared
// entities are never substituted; our text walkers skip entity-reference
// nodes instead of expanding them (xmlNodeGetContent would expand them, so it
// is not used). libxml2's own depth limit bounds nesting, and the walkers
// below are iterative.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <array>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>

#include "ingest/formats/feed_item.h"
#include "ingest/formats/url.h"
#include "ingest/io/encoding.h"

namespace parallax::formats {
namespace {

enum class Ns { kNone, kAtom, kDc, kContent, kMedia, kRdf, kRss1, kFeedburner, kOther };

Ns NsOf(const xmlNode* n) {
  if (n->ns == nullptr || n->ns->href == nullptr) return Ns::kNone;
  std::string_view h(reinterpret_cast<const char*>(n->ns->href));
  if (h == "http://www.w3.org/2005/Atom" || h == "http://purl.org/atom/ns#") return Ns::kAtom;
  if (h == "http://purl.org/dc/elements/1.1/" || h == "http://purl.org/dc/terms/") return Ns::kDc;
  if (h == "http://purl.org/rss/1.0/modules/content/") return Ns::kContent;
  if (h == "http://search.yahoo.com/mrss/" || h == "http://search.yahoo.com/mrss") {
    return Ns::kMedia;
  }
  if (h == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return Ns::kRdf;
  if (h == "http://purl.org/rss/1.0/" || h == "http://backend.userland.com/rss2") return Ns::kRss1;
  if (h == "http://rssnamespace.org/feedburner/ext/1.0") return Ns::kFeedburner;
  return Ns::kOther;
}

// RSS elements may come without a namespace or in the RSS 1.0 one.
bool IsPlain(const xmlNode* n) {
  Ns ns = NsOf(n);
  return ns == Ns::kNone || ns == Ns::kRss1;
}

std::string_view Name(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

bool Is(const xmlNode* n, Ns ns, std::string_view name) {
  return n->type == XML_ELEMENT_NODE && Name(n) == name &&
         (ns == Ns::kNone ? IsPlain(n) : NsOf(n) == ns);
}

std::string Attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      std::string v;
      for (const xmlNode* c = a->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) v += reinterpret_cast<const char*>(c->content);
      }
      return v;
    }
  }
  return "";
}

// Concatenated text and CDATA of an element's descendants, iteratively and
// without following entity references.
std::string TextOf(const xmlNode* element) {
  std::string out;
  const xmlNode* n = element->children;
  while (n != nullptr) {
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
      out += reinterpret_cast<const char*>(n->content);
    }
    if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n->next == nullptr) {
      n = n->parent;
      if (n == element) return out;
    }
    if (n != nullptr) n = n->next;
  }
  return out;
}

// Inner markup when an element holds elements (Atom xhtml content, or HTML
// pasted unescaped into an RSS description), else its text.
std::string MarkupOf(xmlDoc* doc, const xmlNode* element) {
  bool has_elements = false;
  for (const xmlNode* c = element->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) has_elements = true;
  }
  if (!has_elements) return TextOf(element);
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buf(xmlBufferCreate(), &xmlBufferFree);
  if (!buf) return TextOf(element);
  for (xmlNode* c = element->children; c != nullptr; c = c->next) {
    xmlNodeDump(buf.get(), doc, c, 0, 0);
  }
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buf.get())),
                     static_cast<size_t>(xmlBufferLength(buf.get())));
}

std::string XmlLang(const xmlNode* n) {
  xmlChar* lang = xmlNodeGetLang(n);
  if (lang == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(lang));
  xmlFree(lang);
  return out;
}

// Base URL for links in `n`: xml:base chain, else the document URL.
std::string BaseOf(xmlDoc* doc, const xmlNode* n, const std::string& fallback) {
  xmlChar* base = xmlNodeGetBase(doc, n);
  if (base == nullptr) return fallback;
  std::string out(reinterpret_cast<const char*>(base));
  xmlFree(base);
  return out.empty() ? fallback : out;
}

ContentKind AtomKind(const xmlNode* n) {
  std::string type = Attr(n, "type");
  if (type == "html" || type == "xhtml" || type == "text/html" || type == "application/xhtml+xml") {
    return ContentKind::kHtml;
  }
  return ContentKind::kText;
}

// Atom text constructs: text, html (escaped), or xhtml (inline div).
std::string AtomText(xmlDoc* doc, const xmlNode* n) {
  std::string type = Attr(n, "type");
  if (type == "xhtml") return MarkupOf(doc, n);
  return TextOf(n);
}

void ReadMedia(const xmlNode* media, FeedItem* item) {
  // media:group / media:content hold media:description and media:credit.
  for (const xmlNode* c = media->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || NsOf(c) != Ns::kMedia) continue;
    std::string_view name = Name(c);
    if (name == "description" || name == "credit" || name == "text") {
      std::string t = TextOf(c);
      if (!t.empty()) item->captions.push_back(std::move(t));
    } else if (name == "content" || name == "group") {
      ReadMedia(c, item);
    }
  }
}

FeedItem ReadRssItem(xmlDoc* doc, const xmlNode* node, const std::string& base) {
  FeedItem item;
  std::string item_base = BaseOf(doc, node, base);
  std::string atom_link, orig_link;
  bool guid_permalink = false;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string_view name = Name(c);
    Ns ns = NsOf(c);
    if (Is(c, Ns::kNone, "title") || (ns == Ns::kDc && name == "title" && item.title.empty())) {
      item.title = TextOf(c);
    } else if (Is(c, Ns::kNone, "link")) {
      item.link = TextOf(c);
    } else if (ns == Ns::kAtom && name == "link") {
      std::string rel = Attr(c, "rel");
      if ((rel.empty() || rel == "alternate") && atom_link.empty()) atom_link = Attr(c, "href");
    } else if (ns == Ns::kFeedburner && name == "origLink") {
      orig_link = TextOf(c);
    } else if (Is(c, Ns::kNone, "guid")) {
      item.guid = TextOf(c);
      guid_permalink = Attr(c, "isPermaLink") != "false";
    } else if (Is(c, Ns::kNone, "description")) {
      item.summary = MarkupOf(doc, c);
    } else if (ns == Ns::kContent && name == "encoded") {
      item.content = MarkupOf(doc, c);
    } else if ((Is(c, Ns::kNone, "author") || (ns == Ns::kDc && name == "creator"))) {
      std::string a = TextOf(c);
      if (!a.empty()) item.authors.push_back(std::move(a));
    } else if (Is(c, Ns::kNone, "pubDate") || (ns == Ns::kDc && name == "date") ||
               (ns == Ns::kAtom && name == "published")) {
      if (item.published.empty()) item.published = TextOf(c);
    } else if (ns == Ns::kAtom && name == "updated") {
      item.updated = TextOf(c);
    } else if (ns == Ns::kDc && name == "language") {
      item.language = TextOf(c);
    } else if (ns == Ns::kMedia) {
      if (name == "description" || name == "credit") {
        std::string t = TextOf(c);
        if (!t.empty()) item.captions.push_back(std::move(t));
      } else {
        ReadMedia(c, &item);
      }
    }
  }
  if (!orig_link.empty()) item.link = orig_link;
  if (item.link.empty()) item.link = atom_link;
  if (item.link.empty() && guid_permalink && IsHttpUrl(item.guid)) item.link = item.guid;
  item.link = ResolveUrl(item_base, item.link);
  if (item.language.empty()) item.language = XmlLang(node);
  return item;
}

FeedItem ReadAtomEntry(xmlDoc* doc, const xmlNode* node, const std::string& base) {
  FeedItem item;
  std::string alternate, first_link;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string_view name = Name(c);
    Ns ns = NsOf(c);
    if (ns == Ns::kMedia) {
      ReadMedia(c, &item);
      continue;
    }
    if (ns == Ns::kDc && name == "creator") {
      item.authors.push_back(TextOf(c));
      continue;
    }
    if (ns != Ns::kAtom && ns != Ns::kNone) continue;
    if (name == "title") {
      item.title = AtomText(doc, c);
      item.title_kind = AtomKind(c);
    } else if (name == "link") {
      std::string rel = Attr(c, "rel");
      std::string href = ResolveUrl(BaseOf(doc, c, base), Attr(c, "href"));
      if (first_link.empty()) first_link = href;
      if ((rel.empty() || rel == "alternate") && alternate.empty()) alternate = href;
    } else if (name == "id") {
      item.guid = TextOf(c);
    } else if (name == "author") {
      for (const xmlNode* a = c->children; a != nullptr; a = a->next) {
        if (a->type == XML_ELEMENT_NODE && Name(a) == "name") item.authors.push_back(TextOf(a));
      }
    } else if (name == "published" || name == "issued") {
      item.published = TextOf(c);
    } else if (name == "updated" || name == "modified") {
      item.updated = TextOf(c);
    } else if (name == "content" && Attr(c, "src").empty()) {
      item.content = AtomText(doc, c);
      item.content_kind = AtomKind(c);
    } else if (name == "summary") {
      item.summary = AtomText(doc, c);
      item.summary_kind = AtomKind(c);
    }
  }
  item.link = !alternate.empty() ? alternate : first_link;
  if (item.link.empty() && IsHttpUrl(item.guid)) item.link = item.guid;
  item.language = XmlLang(node);
  return item;
}

// Collects the first XML error of the main parse (thread-local: parses on
// different threads do not share it).
struct ErrorLog {
  int code = 0;
  int line = 0;
  std::string message;
  int count = 0;
};
thread_local ErrorLog* g_errors = nullptr;

void OnXmlError(void* /*user_data*/, xmlErrorPtr error) {
  if (g_errors == nullptr || error == nullptr || error->level < XML_ERR_ERROR) return;
  // Undeclared HTML entities (&nbsp; in a feed) are common and harmless.
  if (error->code == XML_ERR_UNDECLARED_ENTITY || error->code == XML_WAR_UNDECLARED_ENTITY) return;
  if (g_errors->count++ == 0) {
    g_errors->code = error->code;
    g_errors->line = error->line;
    g_errors->message = error->message ? error->message : "";
    while (!g_errors->message.empty() &&
           (g_errors->message.back() == '\n' || g_errors->message.back() == ' ')) {
      g_errors->message.pop_back();
    }
  }
}

// HTML named entities that feeds use without declaring them, rewritten to
// numeric references before parsing so they survive (&nbsp; -> &#160;).
std::string ReplaceHtmlEntities(std::string_view bytes) {
  struct Entity {
    std::string_view name;
    int code;
  };
  static constexpr Entity kEntities[] = {
      {"nbsp", 160},   {"ndash", 8211}, {"mdash", 8212}, {"lsquo", 8216}, {"rsquo", 8217},
      {"sbquo", 8218}, {"ldquo", 8220}, {"rdquo", 8221}, {"bdquo", 8222}, {"hellip", 8230},
      {"copy", 169},   {"reg", 174},    {"trade", 8482}, {"laquo", 171},  {"raquo", 187},
      {"bull", 8226},  {"middot", 183}, {"deg", 176},    {"euro", 8364},  {"pound", 163},
      {"yen", 165},    {"cent", 162},   {"times", 215},  {"eacute", 233}, {"egrave", 232},
      {"aacute", 225}, {"agrave", 224}, {"iacute", 237}, {"oacute", 243}, {"uacute", 250},
      {"ntilde", 241}, {"ccedil", 231}, {"uuml", 252},   {"ouml", 246},   {"auml", 228},
      {"szlig", 223},  {"Eacute", 201}, {"shy", 173},    {"prime", 8242}, {"thinsp", 8201},
      {"ensp", 8194},  {"emsp", 8195},  {"iexcl", 161},  {"iquest", 191}, {"sect", 167},
      {"para", 182},   {"frac12", 189}, {"frac14", 188}, {"frac34", 190}, {"acirc", 226},
      {"ecirc", 234},  {"ocirc", 244},  {"euml", 235},   {"iuml", 239},   {"atilde", 227},
      {"otilde", 245}, {"oslash", 248}, {"aring", 229},  {"aelig", 230},  {"dagger", 8224}};
  std::string out;
  size_t copied = 0;
  for (size_t i = bytes.find('&'); i != std::string_view::npos; i = bytes.find('&', i + 1)) {
    size_t semi = bytes.find(';', i);
    if (semi == std::string_view::npos || semi - i > 8) continue;
    std::string_view name = bytes.substr(i + 1, semi - i - 1);
    for (const Entity& e : kEntities) {
      if (name == e.name) {
        out.append(bytes.substr(copied, i - copied));
        out += "&#" + std::to_string(e.code) + ";";
        copied = semi + 1;
        break;
      }
    }
  }
  if (copied == 0) return std::string(bytes);
  out.append(bytes.substr(copied));
  return out;
}

bool DeclaresEncoding(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 256);
  size_t end = head.find("?>");
  return head.find("<?xml") != std::string_view::npos && end != std::string_view::npos &&
         head.substr(0, end).find("encoding") != std::string_view::npos;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtDeleter {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

const xmlNode* FirstChild(const xmlNode* parent, Ns ns, std::string_view name) {
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (Is(c, ns, name)) return c;
  }
  return nullptr;
}

void ReadChannelInfo(const xmlNode* channel, FeedInfo* info) {
  for (const xmlNode* c = channel->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (Is(c, Ns::kNone, "title") && info->title.empty()) {
      info->title = TextOf(c);
    } else if (Is(c, Ns::kNone, "link") && info->link.empty()) {
      info->link = TextOf(c);
    } else if (Is(c, Ns::kNone, "language") || Is(c, Ns::kDc, "language")) {
      info->language = TextOf(c);
    }
  }
  if (info->language.empty()) info->language = XmlLang(channel);
}

}  // namespace

Status ParseXmlFeed(std::string_view bytes, const DocContext& ctx, const ReadCallbacks& callbacks) {
  std::string prepared = ReplaceHtmlEntities(bytes);
  std::string encoding;
  // UTF-16/32 byte-order marks: libxml2 detects those itself.
  bool wide_bom = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
                  bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4));
  if (!wide_bom && !DeclaresEncoding(prepared)) {
    // No declared encoding: UTF-8 if valid, else decoded like any other text.
    if (!IsValidUtf8(prepared)) {
      prepared = io::DecodeToUtf8(prepared, io::CharsetFromContentType(ctx.content_type), false);
    }
    encoding = "UTF-8";
  }
  if (prepared.size() > static_cast<size_t>(INT_MAX)) return TooLarge("feed larger than 2 GB");
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  std::unique_ptr<xmlParserCtxt, CtxtDeleter> parser(xmlNewParserCtxt());
  if (!parser) return Internal("cannot create an XML parser");
  parser->sax->serror = &OnXmlError;
  ErrorLog errors;
  g_errors = &errors;
  std::unique_ptr<xmlDoc, DocDeleter> doc(xmlCtxtReadMemory(
      parser.get(), prepared.data(), static_cast<int>(prepared.size()),
      ctx.url.empty() ? nullptr : ctx.url.c_str(), encoding.empty() ? nullptr : encoding.c_str(),
      XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
          XML_PARSE_COMPACT));
  g_errors = nullptr;
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    std::string why = errors.message.empty() ? "no root element" : errors.message;
    return InvalidInput("invalid XML: " + why + " (line " + std::to_string(errors.line) + ")");
  }
  std::string_view root_name = Name(root);
  FeedInfo info;
  std::vector<const xmlNode*> items;
  bool atom = false;
  if (root_name == "rss" || (root_name == "RDF" && NsOf(root) == Ns::kRdf)) {
    const xmlNode* channel = FirstChild(root, Ns::kNone, "channel");
    if (channel != nullptr) ReadChannelInfo(channel, &info);
    // RSS 2.0 items live in <channel>; RSS 1.0 items are siblings of it.
    for (const xmlNode* parent : {channel, root}) {
      if (parent == nullptr) continue;
      for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
        if (Is(c, Ns::kNone, "item")) items.push_back(c);
      }
    }
  } else if (root_name == "feed" && (NsOf(root) == Ns::kAtom || NsOf(root) == Ns::kNone)) {
    atom = true;
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string_view name = Name(c);
      if (name == "entry") {
        items.push_back(c);
      } else if (name == "title") {
        info.title = TextOf(c);
      } else if (name == "link") {
        std::string rel = Attr(c, "rel");
        if ((rel.empty() || rel == "alternate") && info.link.empty()) info.link = Attr(c, "href");
      } else if (name == "author") {
        for (const xmlNode* a = c->children; a != nullptr; a = a->next) {
          if (a->type == XML_ELEMENT_NODE && Name(a) == "name") info.authors.push_back(TextOf(a));
        }
      }
    }
    info.language = XmlLang(root);
  } else {
    return InvalidInput("not a feed: root element <" + std::string(root_name) + ">");
  }
  std::string base = BaseOf(doc.get(), root, ctx.url);
  info.link = ResolveUrl(base, info.link);
  if (!info.link.empty() && base.empty()) base = info.link;
  for (size_t i = 0; i < items.size(); ++i) {
    FeedItem item =
        atom ? ReadAtomEntry(doc.get(), items[i], base) : ReadRssItem(doc.get(), items[i], base);
    if (item.language.empty()) item.language = info.language;
    Result<Article> a = ArticleFromFeedItem(item, info, ctx, i);
    if (!a.ok()) {
      if (callbacks.on_error) callbacks.on_error({ctx.source, a.status().message()});
      continue;
    }
    if (callbacks.on_article) callbacks.on_article(std::move(a).value());
  }
  if (errors.count > 0 && callbacks.on_error) {
    callbacks.on_error({ctx.source, "malformed XML at line " + std::to_string(errors.line) + ": " +
                                        errors.message + " (read " + std::to_string(items.size()) +
                                        " items up to it)"});
  }
  return Status::Ok();
}

}  // namespace parallax::formats
