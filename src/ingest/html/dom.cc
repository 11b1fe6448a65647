#include "ingest/html/dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace parallax::html {
namespace {

struct TagName {
  const char* name;
  Tag tag;
};

constexpr TagName kTagNames[] = {
    {"html", Tag::kHtml}, {"head", Tag::kHead}, {"body", Tag::kBody}, {"title", Tag::kTitle},
    {"meta", Tag::kMeta}, {"link", Tag::kLink}, {"base", Tag::kBase},
    {"article", Tag::kArticle}, {"main", Tag::kMain}, {"section", Tag::kSection},
    {"div", Tag::kDiv}, {"span", Tag::kSpan}, {"p", Tag::kP}, {"br", Tag::kBr}, {"hr", Tag::kHr},
    {"h1", Tag::kH1}, {"h2", Tag::kH2}, {"h3", Tag::kH3}, {"h4", Tag::kH4}, {"h5", Tag::kH5},
    {"h6", Tag::kH6}, {"a", Tag::kA}, {"img", Tag::kImg}, {"picture", Tag::kPicture},
    {"figure", Tag::kFigure}, {"figcaption", Tag::kFigcaption}, {"video", Tag::kVideo},
    {"audio", Tag::kAudio}, {"iframe", Tag::kIframe}, {"object", Tag::kObject},
    {"embed", Tag::kEmbed}, {"canvas", Tag::kCanvas}, {"ul", Tag::kUl}, {"ol", Tag::kOl},
    {"li", Tag::kLi}, {"dl", Tag::kDl}, {"dt", Tag::kDt}, {"dd", Tag::kDd},
    {"table", Tag::kTable}, {"thead", Tag::kThead}, {"tbody", Tag::kTbody},
    {"tfoot", Tag::kTfoot}, {"tr", Tag::kTr}, {"td", Tag::kTd}, {"th", Tag::kTh},
    {"caption", Tag::kCaption}, {"blockquote", Tag::kBlockquote}, {"pre", Tag::kPre},
    {"code", Tag::kCode}, {"q", Tag::kQ}, {"cite", Tag::kCite}, {"em", Tag::kEm},
    {"strong", Tag::kStrong}, {"b", Tag::kB}, {"i", Tag::kI}, {"u", Tag::kU},
    {"small", Tag::kSmall}, {"sub", Tag::kSub}, {"sup", Tag::kSup}, {"mark", Tag::kMark},
    {"abbr", Tag::kAbbr}, {"time", Tag::kTimeTag}, {"font", Tag::kFont},
    {"center", Tag::kCenter}, {"nav", Tag::kNav}, {"header", Tag::kHeader},
    {"footer", Tag::kFooter}, {"aside", Tag::kAside}, {"form", Tag::kForm},
    {"input", Tag::kInput}, {"button", Tag::kButton}, {"select", Tag::kSelect},
    {"option", Tag::kOption}, {"textarea", Tag::kTextarea}, {"label", Tag::kLabel},
    {"address", Tag::kAddress}, {"details", Tag::kDetails}, {"summary", Tag::kSummary},
    {"menu", Tag::kMenu}, {"dialog", Tag::kDialog}, {"script", Tag::kScript},
    {"style", Tag::kStyle}, {"noscript", Tag::kNoscript}, {"template", Tag::kTemplate},
    {"svg", Tag::kSvg},
};

const std::unordered_map<std::string_view, Tag>& TagMap() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, Tag>();
    for (const auto& t : kTagNames) m->emplace(t.name, t.tag);
    return m;
  }();
  return *map;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[pos + i]) != prefix[i]) return false;
  }
  return true;
}

bool IsNameEnd(char c) {
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Finds "</name" (case-insensitive) at or after `from`; npos when absent.
size_t FindClosing(std::string_view s, size_t from, std::string_view name) {
  while (true) {
    const void* hit = std::memchr(s.data() + from, '<', s.size() - from);
    if (hit == nullptr) return std::string_view::npos;
    size_t p = static_cast<const char*>(hit) - s.data();
    if (p + 1 < s.size() && s[p + 1] == '/' && StartsWithNoCase(s, p + 2, name) &&
        (p + 2 + name.size() >= s.size() || IsNameEnd(s[p + 2 + name.size()]))) {
      return p;
    }
    from = p + 1;
  }
}

constexpr std::array<std::string_view, 5> kDropped = {"script", "style", "template", "svg",
                                                      "noscript"};

}  // namespace

Tag TagFromName(std::string_view lowercase_name) {
  const auto& m = TagMap();
  auto it = m.find(lowercase_name);
  return it == m.end() ? Tag::kOther : it->second;
}

bool IsBlockTag(Tag tag) {
  switch (tag) {
    case Tag::kHtml: case Tag::kBody: case Tag::kArticle: case Tag::kMain: case Tag::kSection:
    case Tag::kDiv: case Tag::kP: case Tag::kBr: case Tag::kHr: case Tag::kH1: case Tag::kH2:
    case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kFigure:
    case Tag::kFigcaption: case Tag::kUl: case Tag::kOl: case Tag::kLi: case Tag::kDl:
    case Tag::kDt: case Tag::kDd: case Tag::kTable: case Tag::kThead: case Tag::kTbody:
    case Tag::kTfoot: case Tag::kTr: case Tag::kTd: case Tag::kTh: case Tag::kCaption:
    case Tag::kBlockquote: case Tag::kPre: case Tag::kNav: case Tag::kHeader:
    case Tag::kFooter: case Tag::kAside: case Tag::kForm: case Tag::kAddress:
    case Tag::kDetails: case Tag::kSummary: case Tag::kMenu: case Tag::kDialog:
    case Tag::kCenter: case Tag::kTitle: case Tag::kOption:
      return true;
    default:
      return false;
  }
}

std::string StripNonContent(std::string_view s, std::vector<std::string>* json_ld) {
  std::string out;
  out.reserve(s.size());
  size_t copied = 0;  // s[copied, pos) is pending copy
  size_t pos = 0;
  while (pos < s.size()) {
    const void* hit = std::memchr(s.data() + pos, '<', s.size() - pos);
    if (hit == nullptr) break;
    size_t lt = static_cast<const char*>(hit) - s.data();
    if (s.compare(lt, 4, "<!--") == 0) {
      size_t end = s.find("-->", lt + 4);
      out.append(s.data() + copied, lt - copied);
      pos = copied = (end == std::string_view::npos) ? s.size() : end + 3;
      continue;
    }
    bool dropped = false;
    for (std::string_view name : kDropped) {
      if (!StartsWithNoCase(s, lt + 1, name)) continue;
      size_t after = lt + 1 + name.size();
      if (after < s.size() && !IsNameEnd(s[after])) continue;
      size_t open_end = s.find('>', after);
      if (open_end == std::string_view::npos) open_end = s.size() - 1;
      size_t close = FindClosing(s, open_end + 1, name);
      size_t body_end = close == std::string_view::npos ? s.size() : close;
      if (json_ld != nullptr && name == "script") {
        std::string open_tag(s.substr(after, open_end - after));
        std::transform(open_tag.begin(), open_tag.end(), open_tag.begin(), Lower);
        if (open_tag.find("ld+json") != std::string::npos) {
          json_ld->emplace_back(s.substr(open_end + 1, body_end - (open_end + 1)));
        }
      }
      out.append(s.data() + copied, lt - copied);
      size_t resume = s.size();
      if (close != std::string_view::npos) {
        size_t gt = s.find('>', close);
        resume = gt == std::string_view::npos ? s.size() : gt + 1;
      }
      pos = copied = resume;
      dropped = true;
      break;
    }
    if (!dropped) pos = lt + 1;
  }
  out.append(s.data() + copied, s.size() - copied);
  return out;
}

// ---- SAX builder -----------------------------------------------------------

struct HtmlDocument::Builder {
  HtmlDocument* doc;
  uint32_t current = 0;
  int overflow = 0;  // elements ignored beyond kMaxDepth, still open

  uint32_t AddString(std::string_view s) {
    uint32_t begin = static_cast<uint32_t>(doc->strings_.size());
    doc->strings_.append(s);
    return begin;
  }

  uint32_t Append(Node n) {
    uint32_t id = static_cast<uint32_t>(doc->nodes_.size());
    Node& parent = doc->nodes_[current];
    n.parent = current;
    n.depth = static_cast<uint16_t>(parent.depth + 1);
    n.prev_sibling = parent.last_child;
    if (parent.last_child != kNoNode) {
      doc->nodes_[parent.last_child].next_sibling = id;
    } else {
      parent.first_child = id;
    }
    parent.last_child = id;
    doc->nodes_.push_back(n);
    return id;
  }

  void Start(const char* name, const char** atts) {
    if (doc->nodes_[current].depth >= kMaxDepth) {
      ++overflow;
      return;
    }
    Node n;
    n.type = Node::Type::kElement;
    std::string_view nm(name);
    n.tag = TagFromName(nm);
    n.str_begin = AddString(nm);
    n.str_len = static_cast<uint32_t>(nm.size());
    n.attr_begin = static_cast<uint32_t>(doc->attrs_.size());
    if (atts != nullptr) {
      for (int i = 0; atts[i] != nullptr; i += 2) {
        std::string_view an(atts[i]);
        std::string_view av(atts[i + 1] != nullptr ? atts[i + 1] : "");
        Attr a{};
        a.name_begin = AddString(an);
        a.name_len = static_cast<uint32_t>(an.size());
        a.value_begin = AddString(av);
        a.value_len = static_cast<uint32_t>(av.size());
        doc->attrs_.push_back(a);
        ++n.attr_count;
      }
    }
    current = Append(n);
  }

  void End() {
    if (overflow > 0) {
      --overflow;
      return;
    }
    if (current != 0) current = doc->nodes_[current].parent;
  }

  void Characters(const char* data, int len) {
    if (len <= 0) return;
    Node& cur = doc->nodes_[current];
    if (cur.last_child != kNoNode) {
      Node& last = doc->nodes_[cur.last_child];
      if (last.type == Node::Type::kText &&
          last.str_begin + last.str_len == doc->strings_.size()) {
        doc->strings_.append(data, static_cast<size_t>(len));
        last.str_len += static_cast<uint32_t>(len);
        return;
      }
    }
    Node n;
    n.type = Node::Type::kText;
    n.str_begin = AddString(std::string_view(data, static_cast<size_t>(len)));
    n.str_len = static_cast<uint32_t>(len);
    Append(n);
  }
};

namespace {

using Builder = HtmlDocument::Builder;

void OnStart(void* ctx, const xmlChar* name, const xmlChar** atts) {
  static_cast<Builder*>(ctx)->Start(reinterpret_cast<const char*>(name),
                                    reinterpret_cast<const char**>(atts));
}
void OnEnd(void* ctx, const xmlChar* /*name*/) { static_cast<Builder*>(ctx)->End(); }
void OnChars(void* ctx, const xmlChar* ch, int len) {
  static_cast<Builder*>(ctx)->Characters(reinterpret_cast<const char*>(ch), len);
}

htmlSAXHandler MakeHandler() {
  htmlSAXHandler h;
  std::memset(&h, 0, sizeof(h));
  h.startElement = OnStart;
  h.endElement = OnEnd;
  h.characters = OnChars;
  h.ignorableWhitespace = OnChars;
  h.cdataBlock = OnChars;
  return h;
}

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

HtmlDocument HtmlDocument::Parse(std::string_view utf8_html) {
  InitOnce();
  HtmlDocument doc;
  std::string stripped = StripNonContent(utf8_html, &doc.json_ld_);
  doc.nodes_.reserve(stripped.size() / 40 + 16);
  doc.strings_.reserve(stripped.size() / 2 + 16);
  doc.nodes_.push_back(Node{});  // document node
  if (stripped.empty() || stripped.size() > 0x7FFFFFFF) return doc;

  Builder builder{&doc};
  thread_local htmlSAXHandler handler = MakeHandler();
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(stripped.data(), static_cast<int>(stripped.size()));
  if (ctxt == nullptr) return doc;
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  xmlSAXHandler* original = ctxt->sax;
  ctxt->sax = reinterpret_cast<xmlSAXHandler*>(&handler);
  ctxt->userData = &builder;
  htmlParseDocument(ctxt);
  ctxt->sax = original;
  ctxt->userData = ctxt;
  if (ctxt->myDoc != nullptr) xmlFreeDoc(ctxt->myDoc);
  htmlFreeParserCtxt(ctxt);
  return doc;
}

std::string_view HtmlDocument::Name(uint32_t id) const {
  const Node& n = nodes_[id];
  if (n.type != Node::Type::kElement) return {};
  return std::string_view(strings_).substr(n.str_begin, n.str_len);
}

std::string_view HtmlDocument::Text(uint32_t id) const {
  const Node& n = nodes_[id];
  if (n.type != Node::Type::kText) return {};
  return std::string_view(strings_).substr(n.str_begin, n.str_len);
}

std::string_view HtmlDocument::Attribute(uint32_t id, std::string_view name) const {
  const Node& n = nodes_[id];
  std::string_view all(strings_);
  for (uint32_t i = n.attr_begin; i < n.attr_begin + n.attr_count; ++i) {
    const Attr& a = attrs_[i];
    if (all.substr(a.name_begin, a.name_len) == name) return all.substr(a.value_begin, a.value_len);
  }
  return {};
}

bool HtmlDocument::HasAttribute(uint32_t id, std::string_view name) const {
  const Node& n = nodes_[id];
  std::string_view all(strings_);
  for (uint32_t i = n.attr_begin; i < n.attr_begin + n.attr_count; ++i) {
    if (all.substr(attrs_[i].name_begin, attrs_[i].name_len) == name) return true;
  }
  return false;
}

std::vector<std::pair<std::string_view, std::string_view>> HtmlDocument::Attributes(
    uint32_t id) const {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  const Node& n = nodes_[id];
  std::string_view all(strings_);
  for (uint32_t i = n.attr_begin; i < n.attr_begin + n.attr_count; ++i) {
    const Attr& a = attrs_[i];
    out.emplace_back(all.substr(a.name_begin, a.name_len), all.substr(a.value_begin, a.value_len));
  }
  return out;
}

uint32_t HtmlDocument::FindFirst(Tag tag, uint32_t from) const {
  // Node ids are in document order and a subtree is a contiguous id range.
  uint32_t end = static_cast<uint32_t>(nodes_.size());
  for (uint32_t i = from + 1; i < end; ++i) {
    if (nodes_[i].depth <= nodes_[from].depth && from != 0) break;
    if (nodes_[i].type == Node::Type::kElement && nodes_[i].tag == tag) return i;
  }
  return kNoNode;
}

std::vector<uint32_t> HtmlDocument::FindAll(Tag tag, uint32_t from) const {
  std::vector<uint32_t> out;
  uint32_t end = static_cast<uint32_t>(nodes_.size());
  for (uint32_t i = from + 1; i < end; ++i) {
    if (nodes_[i].depth <= nodes_[from].depth && from != 0) break;
    if (nodes_[i].type == Node::Type::kElement && nodes_[i].tag == tag) out.push_back(i);
  }
  return out;
}

std::string HtmlDocument::TextContent(uint32_t id) const {
  std::string out;
  bool pending_space = false;
  auto emit = [&](std::string_view t) {
    for (size_t i = 0; i < t.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(t[i]);
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
        space = true;
        ++i;
      }
      if (space) {
        pending_space = !out.empty();
      } else {
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(static_cast<char>(c));
      }
    }
  };
  const Node& start = nodes_[id];
  if (start.type == Node::Type::kText) {
    emit(Text(id));
    return out;
  }
  uint32_t end = static_cast<uint32_t>(nodes_.size());
  for (uint32_t i = id + 1; i < end && nodes_[i].depth > start.depth; ++i) {
    const Node& n = nodes_[i];
    if (n.type == Node::Type::kText) {
      emit(Text(i));
    } else if (IsBlockTag(n.tag)) {
      pending_space = !out.empty();
    }
  }
  return out;
}

}  // namespace parallax::html
