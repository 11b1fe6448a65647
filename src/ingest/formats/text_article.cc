// ParseTextArticle and the plain-text reader (see plain_text.h).
//
// Units (paragraph candidates from text_layout.h) are labelled in passes,
// most certain first: rules, boilerplate and credits by their own shape;
// captions by adjacency to a credit; a metadata header at the very top; the
// headline zone (above a "-----" rule, or title-shaped lines before the
// prose); then section heads, list items and paragraphs; finally a dateline
// is cut from the first paragraph.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "ingest/formats/dates.h"
#include "ingest/formats/plain_text.h"
#include "ingest/formats/text_cues.h"
#include "ingest/formats/text_layout.h"
#include "parallax/ingest.h"
#include "parallax/text.h"

namespace parallax::formats {
namespace {

enum class Label { kUnset, kBody, kHeading, kListItem, kQuote, kTitle, kCaption, kDrop };

// A caption is a sentence or two, not a paragraph of reporting.
bool CaptionSized(const TextUnit& u) { return !u.bullet && WordCount(u.text) <= 45; }

class Labeller {
 public:
  Labeller(std::vector<TextUnit> units, const PlainTextOptions& options, PlainText* out)
      : units_(std::move(units)),
        labels_(units_.size(), Label::kUnset),
        options_(options),
        out_(out) {}

  void Run() {
    LabelIntrinsic();
    LabelCaptions();
    size_t top = ReadHeader();
    ReadHeadlineZone(top);
    LabelBody();
    CutDateline();
    Assemble();
  }

 private:
  size_t NextUnset(size_t from) const {
    while (from < units_.size() && labels_[from] != Label::kUnset) ++from;
    return from;
  }

  void LabelIntrinsic() {
    for (size_t i = 0; i < units_.size(); ++i) {
      const std::string& t = units_[i].text;
      if (IsRuleLine(t)) {
        labels_[i] = Label::kDrop;
        if (!first_rule_) first_rule_ = i;
      } else if (IsBoilerplateLine(t)) {
        labels_[i] = Label::kDrop;
      } else if (IsCreditLine(t)) {
        labels_[i] = Label::kCaption;
        credits_.push_back(i);
      }
    }
  }

  // The caption that goes with a credit sits right after it ("Getty Images /
  // Smoke rises over Rafah."), or right before it, in the same chunk.
  void LabelCaptions() {
    for (size_t c : credits_) {
      size_t next = c + 1;
      if (next < units_.size() && labels_[next] == Label::kUnset && !units_[next].chunk_start &&
          CaptionSized(units_[next]) && next + 1 < units_.size()) {
        std::optional<Dateline> d = ParseDateline(units_[next].text);
        if (!d || d->length < units_[next].text.size()) {
          labels_[next] = Label::kCaption;
          continue;
        }
      }
      if (c > 0 && labels_[c - 1] == Label::kUnset && !units_[c].chunk_start &&
          CaptionSized(units_[c - 1]) && EndsWithTerminalPunct(units_[c - 1].text)) {
        labels_[c - 1] = Label::kCaption;
      }
    }
  }

  // "date 2024-03-31 ..." and "Key: value" lines at the very top.
  size_t ReadHeader() {
    size_t i = NextUnset(0);
    if (i < units_.size()) {
      if (std::optional<LeadingDate> d = ParseLeadingDate(units_[i].text)) {
        out_->published = d->value;
        units_[i].text.erase(0, d->length);
        if (units_[i].text.empty()) labels_[i] = Label::kDrop;
        i = NextUnset(i);
      }
    }
    while (i < units_.size()) {
      std::optional<HeaderField> f = ParseHeaderField(units_[i].text);
      if (!f || !ApplyHeaderField(*f)) break;
      labels_[i] = Label::kDrop;
      i = NextUnset(i + 1);
    }
    return i;
  }

  bool ApplyHeaderField(const HeaderField& f) {
    if (f.key == "title") {
      out_->title = f.value;
    } else if (f.key == "author") {
      out_->author = f.value;
    } else if (f.key == "outlet") {
      out_->outlet = f.value;
    } else if (f.key == "url") {
      out_->url = f.value;
    } else if (f.key == "language") {
      out_->language = f.value;
    } else if (f.key == "date") {
      std::optional<std::string> d = NormalizeDate(f.value);
      if (!d) return false;
      out_->published = *d;
    }
    return true;
  }

  // True when prose follows unit i: a later unit that reads like a sentence.
  bool ProseAfter(size_t i) const {
    for (size_t j = i + 1; j < units_.size(); ++j) {
      if (labels_[j] != Label::kUnset) continue;
      const std::string& t = units_[j].text;
      if (WordCount(t) >= 8 || EndsWithTerminalPunct(t)) return true;
    }
    return false;
  }

  // Bylines, date lines and dateline-only lines above the body.
  bool TakeTopMetadata(size_t i) {
    const std::string& t = units_[i].text;
    if (IsSocialLine(t)) {  // "Follow CBSMIAMI.COM: Facebook | Twitter"
      labels_[i] = Label::kDrop;
      return true;
    }
    if (std::optional<Byline> b = ParseByline(t)) {
      if (out_->author.empty()) out_->author = b->author;
      if (out_->outlet.empty()) out_->outlet = b->outlet;
      labels_[i] = Label::kDrop;
      return true;
    }
    if (WordCount(t) <= 8) {
      std::optional<std::string> date = NormalizeDate(t);
      std::optional<LeadingDate> lead = ParseLeadingDate(t);
      if (!date && lead && lead->length == t.size()) date = lead->value;
      if (date) {
        if (out_->published.empty()) out_->published = *date;
        labels_[i] = Label::kDrop;
        return true;
      }
    }
    std::optional<Dateline> d = ParseDateline(t);
    if (d && d->length >= t.size() && out_->place.empty()) {
      out_->place = d->place;
      if (out_->outlet.empty()) out_->outlet = d->outlet;
      labels_[i] = Label::kDrop;
      return true;
    }
    return false;
  }

  void ReadHeadlineZone(size_t top) {
    if (top >= units_.size()) return;
    if (!options_.known_title.empty() &&
        text::Fold(units_[top].text) == text::Fold(options_.known_title)) {
      labels_[top] = Label::kDrop;
      top = NextUnset(top + 1);
    }
    // A "-----" rule within the first lines marks the end of the headline block.
    if (first_rule_ && *first_rule_ > top && *first_rule_ - top <= 6) {
      bool short_lines = true;
      for (size_t i = top; i < *first_rule_; ++i) {
        if (labels_[i] == Label::kUnset && WordCount(units_[i].text) > 60) short_lines = false;
      }
      if (short_lines) {
        for (size_t i = top; i < *first_rule_; ++i) {
          if (labels_[i] != Label::kUnset || TakeTopMetadata(i)) continue;
          bool title = out_->title.empty() && options_.detect_headline &&
                       !EndsWithTerminalPunct(units_[i].text);
          labels_[i] = title ? Label::kTitle : Label::kBody;
          if (title) out_->title = units_[i].text;
        }
        return;
      }
    }
    for (size_t i = top; i < units_.size(); i = NextUnset(i + 1)) {
      if (labels_[i] != Label::kUnset) continue;
      if (TakeTopMetadata(i)) continue;
      if (out_->title.empty() && options_.detect_headline && IsTitle(i)) {
        labels_[i] = Label::kTitle;
        out_->title = units_[i].text;
        continue;
      }
      break;
    }
  }

  bool IsTitle(size_t i) const {
    const TextUnit& u = units_[i];
    bool alone = u.chunk_start && u.chunk_end;
    if (!ProseAfter(i)) return false;
    if (IsHeadlineShape(u.text)) {
      // A Title Case line with a full stop is a headline only on its own.
      return alone || !EndsWithTerminalPunct(u.text);
    }
    // A short line on its own above a dateline paragraph (perhaps with a
    // one-sentence standfirst between) is the headline whatever its
    // punctuation ("Talks resume." / "CAIRO (AP) — ...").
    if (!alone || WordCount(u.text) > 25 || u.bullet) return false;
    size_t next = NextUnset(i + 1);
    for (int hop = 0; hop < 2 && next < units_.size(); ++hop) {
      std::optional<Dateline> d = ParseDateline(units_[next].text);
      if (d && d->length < units_[next].text.size()) return true;
      const TextUnit& deck = units_[next];
      if (!deck.chunk_start || !deck.chunk_end || WordCount(deck.text) > 30) return false;
      next = NextUnset(next + 1);
    }
    return false;
  }

  // Section heads, list items, quotes and paragraphs. A one-line question
  // is a head only in a document that has other heads, or in Title Case:
  // interviews and columns are full of one-line questions.
  void LabelBody() {
    bool statement_heads = false;
    for (size_t i = 0; i < units_.size(); ++i) {
      size_t next = NextUnset(i + 1);
      if (labels_[i] == Label::kUnset && !units_[i].bullet && IsHeadingShape(units_[i].text) &&
          units_[i].text.back() != '?' && next < units_.size() &&
          !IsHeadingShape(units_[next].text)) {
        statement_heads = true;
      }
    }
    for (size_t i = 0; i < units_.size(); ++i) {
      if (labels_[i] != Label::kUnset) continue;
      TextUnit& u = units_[i];
      if (u.bullet) {
        labels_[i] = Label::kListItem;
        u.text.erase(0, BulletMarkerLength(u.text));
        continue;
      }
      if (u.text.starts_with("> ")) {
        labels_[i] = Label::kQuote;
        u.text.erase(0, 2);
        continue;
      }
      size_t next = NextUnset(i + 1);
      bool heading = IsHeadingShape(u.text) && next < units_.size() &&
                     !IsHeadingShape(units_[next].text) &&
                     (u.text.back() != '?' || statement_heads || IsTitleCase(u.text));
      labels_[i] = heading ? Label::kHeading : Label::kBody;
    }
  }

  // A dateline opens the first paragraph, or a later one of the first three
  // when those before it are short (a standfirst, an unrecognised headline).
  void CutDateline() {
    if (!out_->place.empty()) return;
    int tries = 0;
    for (size_t i = 0; i < units_.size() && tries < 3; ++i) {
      if (labels_[i] == Label::kListItem || labels_[i] == Label::kQuote) return;
      if (labels_[i] != Label::kBody) continue;
      ++tries;
      std::optional<Dateline> d = ParseDateline(units_[i].text);
      if (d) {
        out_->place = d->place;
        if (out_->outlet.empty()) out_->outlet = d->outlet;
        units_[i].text.erase(0, d->length);
        if (units_[i].text.empty()) labels_[i] = Label::kDrop;
        return;
      }
      if (WordCount(units_[i].text) > 30) return;
    }
  }

  void Assemble() {
    for (size_t i = 0; i < units_.size(); ++i) {
      BlockKind kind = BlockKind::kParagraph;
      switch (labels_[i]) {
        case Label::kBody:
          kind = BlockKind::kParagraph;
          break;
        case Label::kHeading:
          kind = BlockKind::kHeading;
          break;
        case Label::kListItem:
          kind = BlockKind::kListItem;
          break;
        case Label::kQuote:
          kind = BlockKind::kQuote;
          break;
        case Label::kCaption: {
          std::string c = text::Normalize(units_[i].text);
          if (!c.empty()) out_->captions.push_back(std::move(c));
          continue;
        }
        case Label::kTitle:
        case Label::kDrop:
        case Label::kUnset:
          continue;
      }
      std::string t = text::Normalize(units_[i].text);
      if (!t.empty()) out_->blocks.push_back({kind, std::move(t)});
    }
    out_->title = text::Normalize(out_->title);
    out_->author = text::Normalize(out_->author);
    out_->outlet = text::Normalize(out_->outlet);
    out_->place = text::Normalize(out_->place);
  }

  std::vector<TextUnit> units_;
  std::vector<Label> labels_;
  const PlainTextOptions& options_;
  PlainText* out_;
  std::vector<size_t> credits_;
  std::optional<size_t> first_rule_;
};

}  // namespace

PlainText ReadPlainText(std::string_view utf8, const PlainTextOptions& options) {
  PlainText out;
  Labeller(FormTextUnits(SplitTextLines(utf8)), options, &out).Run();
  return out;
}

Status CheckTextInput(std::string_view bytes) {
  if (bytes.empty()) return InvalidInput("empty file");
  std::string_view head = bytes.substr(0, 1 << 16);
  if (head.find('\0') != std::string_view::npos) return InvalidInput("binary data (NUL bytes)");
  size_t controls = 0;
  for (char ch : head) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F) {
      ++controls;
    }
  }
  if (controls > 8 && controls * 50 > head.size()) {
    return InvalidInput("binary data (control characters)");
  }
  return Status::Ok();
}

}  // namespace parallax::formats

namespace parallax {

Result<Article> ParseTextArticle(std::string_view text, const DocContext& ctx) {
  if (text.size() > ctx.limits.max_document_bytes) {
    return TooLarge("text of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                    std::to_string(ctx.limits.max_document_bytes));
  }
  PARALLAX_RETURN_IF_ERROR(formats::CheckTextInput(text));
  formats::PlainText p = formats::ReadPlainText(text, {});
  if (p.blocks.empty() && p.title.empty()) return InvalidInput("no text found");
  Article a;
  a.title = std::move(p.title);
  a.author = std::move(p.author);
  a.outlet = std::move(p.outlet);
  a.place = std::move(p.place);
  a.language = std::move(p.language);
  a.published = std::move(p.published);
  a.published_source = a.published.empty() ? DateSource::kNone : DateSource::kMetadata;
  a.blocks = std::move(p.blocks);
  a.captions = std::move(p.captions);
  a.url = p.url.empty() ? ctx.url : std::move(p.url);
  a.source = ctx.source;
  a.id = !ctx.default_id.empty() ? ctx.default_id : DeriveArticleId(a.url, a.Text());
  return a;
}

}  // namespace parallax
