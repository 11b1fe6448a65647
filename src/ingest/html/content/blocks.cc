#include "ingest/html/content/blocks.h"

#include "ingest/html/content/patterns.h"

namespace parallax::html::content {
namespace {

bool IsSpaceByte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Non-space code points (bytes that are neither ASCII whitespace/controls
// nor UTF-8 continuation bytes); branch-free so it vectorises.
uint32_t CountChars(std::string_view s) {
  uint32_t n = 0;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    n += static_cast<uint32_t>((c > 0x20) & ((c & 0xC0) != 0x80));
  }
  return n;
}

bool IsDenseScript(uint32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

struct Open {
  uint32_t id;
  uint32_t end;
  bool block;
  bool link;
  BlockKind kind;
  uint8_t heading_level;
  bool pre;
};

class Segmenter {
 public:
  Segmenter(const HtmlDocument& doc, const std::vector<NodeInfo>& info) : doc_(doc), info_(info) {}

  std::vector<TextBlock> Run() {
    uint32_t n = static_cast<uint32_t>(doc_.size());
    stack_.push_back({0, n, true, false, BlockKind::kParagraph, 0, false});
    for (uint32_t i = 1; i < n; ++i) {
      while (stack_.size() > 1 && i >= stack_.back().end) Pop();
      const Node& node = doc_.node(i);
      if (node.type == Node::Type::kText) {
        AddText(i);
        continue;
      }
      const NodeInfo& ni = info_[i];
      if (ni.own & (kFlagDrop | kFlagHidden)) {
        i = ni.end - 1;
        continue;
      }
      if (node.tag == Tag::kBr) {
        // One <br> is a line break inside a paragraph; two in a row end it.
        if (last_was_br_) {
          Flush();
        } else {
          pending_space_ = !cur_.text.empty();
        }
        last_was_br_ = true;
        continue;
      }
      bool block = IsBlockTag(node.tag);
      // Cells of a data table (no block content) are one row block, cells
      // separated by spaces; layout-table cells stay blocks of their own.
      bool cell = (node.tag == Tag::kTd || node.tag == Tag::kTh) && !ni.has_block;
      if (cell) {
        block = false;
        pending_space_ = !cur_.text.empty();
        row_ = true;
      }
      if (block) Flush();
      Open o{i, ni.end, block, node.tag == Tag::kA, stack_.back().kind,
             stack_.back().heading_level,
             stack_.back().pre || node.tag == Tag::kPre || node.tag == Tag::kCode};
      switch (node.tag) {
        case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5:
        case Tag::kH6:
          // An unclosed heading swallowing the article is not a heading.
          if (ni.chars > 300) break;
          o.kind = BlockKind::kHeading;
          o.heading_level = static_cast<uint8_t>(static_cast<int>(node.tag) -
                                                 static_cast<int>(Tag::kH1) + 1);
          break;
        case Tag::kLi: case Tag::kDd: case Tag::kDt:
          o.kind = BlockKind::kListItem;
          break;
        case Tag::kBlockquote:
          o.kind = BlockKind::kQuote;
          break;
        default:
          break;
      }
      if (o.link) ++link_depth_;
      stack_.push_back(o);
      if (ni.end == i + 1) {  // empty element: close at once
        Pop();
      }
    }
    while (stack_.size() > 1) Pop();
    Flush();
    return std::move(blocks_);
  }

 private:
  void Pop() {
    // Flush while the element is still open: it owns the pending text.
    if (stack_.back().block) Flush();
    if (stack_.back().link) --link_depth_;
    stack_.pop_back();
  }

  uint32_t Owner() const {
    for (size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].block) return stack_[k].id;
    }
    return 0;
  }

  void AddText(uint32_t id) {
    std::string_view t = doc_.Text(id);
    uint32_t parent = doc_.node(id).parent;
    bool link = link_depth_ > 0;
    // Text under an inline boilerplate element inside a clean block (a
    // credit <span> in a paragraph) is left out of the block.
    if (stack_.size() > 1 && (info_[parent].flags & (kFlagBoiler | kFlagCaption)) &&
        !(info_[Owner()].flags & (kFlagBoiler | kFlagCaption))) {
      return;
    }
    bool any = false;
    size_t i = 0;
    while (i < t.size()) {
      // Whitespace run (ASCII spaces and NBSP).
      size_t j = i;
      while (j < t.size()) {
        unsigned char c = static_cast<unsigned char>(t[j]);
        if (IsSpaceByte(c)) {
          ++j;
        } else if (c == 0xC2 && j + 1 < t.size() && static_cast<unsigned char>(t[j + 1]) == 0xA0) {
          j += 2;
        } else {
          break;
        }
      }
      if (j > i) {
        if (!cur_.text.empty()) pending_space_ = true;
        if (in_word_) ++cur_.words;
        in_word_ = false;
        i = j;
        continue;
      }
      // Word run.
      while (j < t.size()) {
        unsigned char c = static_cast<unsigned char>(t[j]);
        if (IsSpaceByte(c) ||
            (c == 0xC2 && j + 1 < t.size() && static_cast<unsigned char>(t[j + 1]) == 0xA0)) {
          break;
        }
        ++j;
      }
      if (!any) {
        any = true;
        if (cur_.text.empty()) cur_.first_node = id;
      }
      if (pending_space_) {
        cur_.text.push_back(' ');
        pending_space_ = false;
      }
      in_word_ = true;
      std::string_view run = t.substr(i, j - i);
      cur_.text.append(run);
      uint32_t chars = CountChars(run);
      cur_.chars += chars;
      if (link) cur_.link_chars += chars;
      for (size_t k = 0; k < run.size(); ++k) {
        unsigned char c = static_cast<unsigned char>(run[k]);
        if (c < 0x80) {
          switch (c) {
            case ',': ++cur_.commas; break;
            case '.': case '!': case '?': ++cur_.stops; break;
            case '{': case '}': case '[': case ']': case '=': case ';': case '<': case '>':
            case '|': case '\\': case '$':
              ++cur_.code_marks;
              break;
            default: break;
          }
          continue;
        }
        if (c < 0xC0) continue;  // continuation byte
        uint32_t cp = DecodeAt(run, k);
        if (IsDenseScript(cp)) ++cur_.cjk;
        if (cp == 0x3001 || cp == 0xFF0C || cp == 0x060C) ++cur_.commas;
        if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x061F || cp == 0x0964) {
          ++cur_.stops;
        }
      }
      i = j;
    }
    if (any) last_was_br_ = false;
  }

  static uint32_t DecodeAt(std::string_view t, size_t i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    uint32_t cp = len == 4 ? (c & 0x07) : len == 3 ? (c & 0x0F) : (c & 0x1F);
    for (int k = 1; k < len; ++k) {
      if (i + k >= t.size()) return 0xFFFD;
      cp = (cp << 6) | (static_cast<unsigned char>(t[i + k]) & 0x3F);
    }
    return cp;
  }

  void Flush() {
    last_was_br_ = false;
    if (cur_.chars == 0) row_ = false;
    pending_space_ = false;
    if (in_word_) ++cur_.words;
    in_word_ = false;
    if (cur_.chars == 0) {
      cur_ = TextBlock();
      return;
    }
    uint32_t owner = Owner();
    cur_.owner = owner;
    cur_.flags = info_[owner].flags;
    cur_.kind = stack_.back().kind;
    cur_.heading_level = stack_.back().heading_level;
    cur_.in_table = row_;
    cur_.in_pre = stack_.back().pre;
    row_ = false;
    blocks_.push_back(std::move(cur_));
    cur_ = TextBlock();
  }

  const HtmlDocument& doc_;
  const std::vector<NodeInfo>& info_;
  std::vector<Open> stack_;
  std::vector<TextBlock> blocks_;
  TextBlock cur_;
  int link_depth_ = 0;
  bool pending_space_ = false;
  bool last_was_br_ = false;
  bool in_word_ = false;
  bool row_ = false;  // the current block holds table cells
};

}  // namespace

std::vector<NodeInfo> AnalyzeNodes(const HtmlDocument& doc) {
  uint32_t n = static_cast<uint32_t>(doc.size());
  std::vector<NodeInfo> info(n);
  ElementClassifier classifier;
  for (uint32_t i = 0; i < n; ++i) {
    if (doc.node(i).type == Node::Type::kElement) info[i].own = classifier.Classify(doc, i);
  }
  // Bottom-up: subtree end, text and link-text sizes.
  for (uint32_t i = n; i-- > 0;) {
    NodeInfo& ni = info[i];
    const Node& node = doc.node(i);
    ni.end = std::max(ni.end, i + 1);
    if (node.type == Node::Type::kText) {
      ni.chars = CountChars(doc.Text(i));
    } else if (node.tag == Tag::kA) {
      ni.link_chars = ni.chars;
    }
    // A form control or media element holding paragraphs of text is the
    // parser's recovery from an unclosed tag (<button> left open around the
    // article), not a control: read it.
    if ((ni.own & kFlagDrop) && ni.chars > 300 && node.tag != Tag::kHead &&
        node.tag != Tag::kTitle) {
      ni.own = static_cast<uint8_t>(ni.own & ~kFlagDrop);
    }
    if (i == 0) break;
    NodeInfo& pi = info[node.parent];
    if (node.type == Node::Type::kElement && !(ni.own & (kFlagDrop | kFlagHidden)) &&
        (ni.has_block || IsBlockTag(node.tag))) {
      pi.has_block = true;
    }
    pi.end = std::max(pi.end, ni.end);
    if (!(ni.own & (kFlagDrop | kFlagHidden))) {
      pi.chars += ni.chars;
      pi.link_chars += ni.link_chars;
    }
  }
  // Top-down: inherited flags. Boilerplate markers on a subtree holding
  // most of the page's prose are template accidents (<body class="has-
  // sidebar">, a <form> around the page), not boilerplate.
  uint32_t total_prose = info[0].chars - info[0].link_chars;
  constexpr uint8_t kInherited = kFlagBoiler | kFlagWeakBoiler | kFlagCaption | kFlagHidden |
                                 kFlagDrop;
  for (uint32_t i = 1; i < n; ++i) {
    NodeInfo& ni = info[i];
    uint8_t own = ni.own;
    Tag tag = doc.node(i).tag;
    if ((own & (kFlagBoiler | kFlagWeakBoiler)) &&
        (tag == Tag::kHtml || tag == Tag::kBody ||
         (ni.chars - ni.link_chars) * 2 >= total_prose)) {
      own = static_cast<uint8_t>(own & ~(kFlagBoiler | kFlagWeakBoiler | kFlagCaption));
    }
    ni.flags = static_cast<uint8_t>(own | (info[doc.node(i).parent].flags & kInherited));
  }
  return info;
}

std::vector<TextBlock> SegmentBlocks(const HtmlDocument& doc, const std::vector<NodeInfo>& info) {
  return Segmenter(doc, info).Run();
}

}  // namespace parallax::html::content
