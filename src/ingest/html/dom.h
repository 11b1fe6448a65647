// HtmlDocument: a compact, read-only DOM built for main-content extraction.
//
// Parsing is libxml2's error-recovering HTML parser driven through SAX into
// our own arena (flat vectors of nodes and one string buffer), which is
// several times cheaper than libxml2's own tree. Before parsing, a byte-level
// pass drops <script>, <style>, <template>, <svg>, <noscript> bodies and
// comments (most of a modern page's bytes, none of its article text); the
// contents of <script type="application/ld+json"> are kept aside in
// `json_ld()` for metadata.
//
// Any input yields a document (garbage gives a tree of text). Nesting deeper
// than kMaxDepth is flattened onto the deepest allowed element, so recursive
// walkers are bounded. Input must be UTF-8 (convert first; see encoding.h).
//
// Thread-safety: a parsed document is immutable and may be read from several
// threads; Parse() itself is reentrant.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::html {

// Elements the extractor reasons about; everything else is kOther (its name
// is still available).
enum class Tag : uint8_t {
  kOther, kHtml, kHead, kBody, kTitle, kMeta, kLink, kBase,
  kArticle, kMain, kSection, kDiv, kSpan, kP, kBr, kHr,
  kH1, kH2, kH3, kH4, kH5, kH6,
  kA, kImg, kPicture, kFigure, kFigcaption, kVideo, kAudio, kIframe, kObject, kEmbed, kCanvas,
  kUl, kOl, kLi, kDl, kDt, kDd,
  kTable, kThead, kTbody, kTfoot, kTr, kTd, kTh, kCaption,
  kBlockquote, kPre, kCode, kQ, kCite,
  kEm, kStrong, kB, kI, kU, kSmall, kSub, kSup, kMark, kAbbr, kTimeTag, kFont, kCenter,
  kNav, kHeader, kFooter, kAside, kForm, kInput, kButton, kSelect, kOption, kTextarea, kLabel,
  kAddress, kDetails, kSummary, kMenu, kDialog,
  kScript, kStyle, kNoscript, kTemplate, kSvg,
};

// Lowercase name -> Tag (kOther when unknown).
Tag TagFromName(std::string_view lowercase_name);
// True for elements that start a new block of text (p, div, h1, li, ...).
bool IsBlockTag(Tag tag);

inline constexpr uint32_t kNoNode = 0xFFFFFFFFu;

struct Node {
  enum class Type : uint8_t { kDocument, kElement, kText };
  Type type = Type::kDocument;
  Tag tag = Tag::kOther;
  uint16_t depth = 0;
  uint32_t parent = kNoNode;
  uint32_t first_child = kNoNode;
  uint32_t last_child = kNoNode;
  uint32_t next_sibling = kNoNode;
  uint32_t prev_sibling = kNoNode;
  uint32_t attr_begin = 0;  // index into the attribute table
  uint32_t attr_count = 0;
  uint32_t str_begin = 0;   // element: name; text: the text (entities decoded)
  uint32_t str_len = 0;
};

struct Attr {
  uint32_t name_begin, name_len, value_begin, value_len;
};

class HtmlDocument {
 public:
  static constexpr int kMaxDepth = 400;

  // Parses UTF-8 HTML. Never fails.
  static HtmlDocument Parse(std::string_view utf8_html);

  uint32_t root() const { return 0; }  // the document node
  size_t size() const { return nodes_.size(); }
  const Node& node(uint32_t id) const { return nodes_[id]; }

  // Element name (lowercase) or text content of a text node.
  std::string_view Name(uint32_t id) const;
  std::string_view Text(uint32_t id) const;
  // Attribute value by lowercase name; empty when absent.
  std::string_view Attribute(uint32_t id, std::string_view name) const;
  bool HasAttribute(uint32_t id, std::string_view name) const;
  // All attributes of an element as (name, value) pairs.
  std::vector<std::pair<std::string_view, std::string_view>> Attributes(uint32_t id) const;
  // Calls f(name, value) for each attribute of an element, without
  // allocating (the hot path of content extraction).
  template <typename F>
  void ForEachAttribute(uint32_t id, F&& f) const {
    const Node& n = nodes_[id];
    std::string_view all(strings_);
    for (uint32_t i = n.attr_begin; i < n.attr_begin + n.attr_count; ++i) {
      const Attr& a = attrs_[i];
      f(all.substr(a.name_begin, a.name_len), all.substr(a.value_begin, a.value_len));
    }
  }

  // First element with this tag in document order (kNoNode if none).
  uint32_t FindFirst(Tag tag, uint32_t from = 0) const;
  // All elements with this tag, in document order.
  std::vector<uint32_t> FindAll(Tag tag, uint32_t from = 0) const;
  // Concatenated descendant text, whitespace collapsed, block elements and
  // <br> separated by a space.
  std::string TextContent(uint32_t id) const;

  // Raw contents of <script type="application/ld+json"> blocks.
  const std::vector<std::string>& json_ld() const { return json_ld_; }

  // Internal: used by the SAX builder.
  struct Builder;

 private:
  std::vector<Node> nodes_;
  std::vector<Attr> attrs_;
  std::string strings_;
  std::vector<std::string> json_ld_;
};

// The byte-level pre-pass described above, exposed for tests and benchmarks:
// returns `html` without script/style/template/svg/noscript bodies and
// comments; appends JSON-LD script bodies to `json_ld`.
std::string StripNonContent(std::string_view html, std::vector<std::string>* json_ld);

}  // namespace parallax::html
