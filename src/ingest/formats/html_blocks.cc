#include "ingest/formats/html_blocks.h"

#include <cstdint>

#include "ingest/html/dom.h"
#include "parallax/text.h"

namespace parallax::formats {
namespace {

using html::Tag;

bool IsSkipped(Tag t) {
  switch (t) {
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kNoscript:
    case Tag::kTemplate:
    case Tag::kSvg:
    case Tag::kNav:
    case Tag::kForm:
    case Tag::kButton:
    case Tag::kSelect:
    case Tag::kTextarea:
    case Tag::kInput:
    case Tag::kIframe:
    case Tag::kVideo:
    case Tag::kAudio:
    case Tag::kObject:
    case Tag::kEmbed:
    case Tag::kCanvas:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) {
  return t == Tag::kH1 || t == Tag::kH2 || t == Tag::kH3 || t == Tag::kH4 || t == Tag::kH5 ||
         t == Tag::kH6;
}

bool IsCaptionContext(Tag t) { return t == Tag::kFigure || t == Tag::kFigcaption; }

// Accumulates inline text and emits blocks when a block element ends.
class BlockBuilder {
 public:
  explicit BlockBuilder(FragmentText* out) : out_(out) {}

  void Open(Tag t) {
    if (html::IsBlockTag(t) || IsCaptionContext(t) || t == Tag::kBr || t == Tag::kHr) Flush();
    Count(t, +1);
  }
  void Close(Tag t) {
    if (html::IsBlockTag(t) || IsCaptionContext(t)) Flush();
    Count(t, -1);
  }
  void Text(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
      if (nbsp) ++i;
      if (nbsp || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        space_ = !cur_.empty();
      } else {
        if (space_) cur_.push_back(' ');
        space_ = false;
        cur_.push_back(c);
      }
    }
  }
  void Flush() {
    std::string t = text::Normalize(cur_);
    cur_.clear();
    space_ = false;
    if (t.empty()) return;
    if (caption_ > 0) {
      out_->captions.push_back(std::move(t));
      return;
    }
    BlockKind kind = heading_ > 0 ? BlockKind::kHeading
                     : li_ > 0    ? BlockKind::kListItem
                     : quote_ > 0 ? BlockKind::kQuote
                                  : BlockKind::kParagraph;
    out_->blocks.push_back({kind, std::move(t)});
  }

 private:
  void Count(Tag t, int d) {
    if (IsHeading(t)) heading_ += d;
    if (t == Tag::kLi || t == Tag::kDd) li_ += d;
    if (t == Tag::kBlockquote) quote_ += d;
    if (IsCaptionContext(t)) caption_ += d;
  }

  FragmentText* out_;
  std::string cur_;
  bool space_ = false;
  int heading_ = 0, li_ = 0, quote_ = 0, caption_ = 0;
};

void DecodeBasicEntities(std::string_view s, std::string* out) {
  struct Entity {
    std::string_view name;
    char c;
  };
  static constexpr Entity kEntities[] = {{"&lt;", '<'},    {"&gt;", '>'},   {"&amp;", '&'},
                                         {"&quot;", '"'},  {"&#39;", '\''}, {"&#039;", '\''},
                                         {"&apos;", '\''}, {"&#60;", '<'},  {"&#62;", '>'}};
  for (size_t i = 0; i < s.size();) {
    bool done = false;
    if (s[i] == '&') {
      for (const Entity& e : kEntities) {
        if (s.substr(i).starts_with(e.name)) {
          out->push_back(e.c);
          i += e.name.size();
          done = true;
          break;
        }
      }
    }
    if (!done) out->push_back(s[i++]);
  }
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool LooksLikeHtml(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    char n = s[i + 1];
    if (s[i] == '<' && (IsAsciiAlpha(n) || n == '/' || n == '!')) return true;
    if (s[i] == '&' && (IsAsciiAlpha(n) || n == '#')) {
      size_t semi = s.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) return true;
    }
  }
  return false;
}

std::string UnescapeIfDoubleEscaped(std::string_view s) {
  bool has_tag = false, escaped_tag = false;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '<' && (IsAsciiAlpha(s[i + 1]) || s[i + 1] == '/')) has_tag = true;
    if (s.substr(i).starts_with("&lt;") && i + 4 < s.size() &&
        (IsAsciiAlpha(s[i + 4]) || s[i + 4] == '/')) {
      escaped_tag = true;
    }
  }
  if (has_tag || !escaped_tag) return std::string(s);
  std::string out;
  out.reserve(s.size());
  DecodeBasicEntities(s, &out);
  return out;
}

FragmentText HtmlFragmentToBlocks(std::string_view fragment) {
  FragmentText out;
  std::string src = UnescapeIfDoubleEscaped(fragment);
  html::HtmlDocument doc = html::HtmlDocument::Parse(src);
  BlockBuilder builder(&out);
  struct OpenElement {
    uint16_t depth;
    Tag tag;
  };
  std::vector<OpenElement> open;
  constexpr uint32_t kNone = UINT32_MAX;
  uint32_t skip_depth = kNone;
  for (uint32_t i = 1; i < doc.size(); ++i) {
    const html::Node& n = doc.node(i);
    if (skip_depth != kNone) {
      if (n.depth > skip_depth) continue;
      skip_depth = kNone;
    }
    while (!open.empty() && n.depth <= open.back().depth) {
      builder.Close(open.back().tag);
      open.pop_back();
    }
    if (n.type == html::Node::Type::kText) {
      builder.Text(doc.Text(i));
    } else if (n.type == html::Node::Type::kElement) {
      if (IsSkipped(n.tag)) {
        skip_depth = n.depth;
        continue;
      }
      builder.Open(n.tag);
      open.push_back({n.depth, n.tag});
    }
  }
  while (!open.empty()) {
    builder.Close(open.back().tag);
    open.pop_back();
  }
  builder.Flush();
  return out;
}

std::string CollapseToLine(std::string_view s) {
  std::string line;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !line.empty();
    } else {
      if (space) line.push_back(' ');
      space = false;
      line.push_back(c);
    }
  }
  return text::Normalize(line);
}

std::string HtmlToPlainLine(std::string_view s) {
  if (!LooksLikeHtml(s)) return CollapseToLine(s);
  std::string src = UnescapeIfDoubleEscaped(s);
  html::HtmlDocument doc = html::HtmlDocument::Parse(src);
  return text::Normalize(doc.TextContent(doc.root()));
}

}  // namespace parallax::formats
