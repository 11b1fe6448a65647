#include "cluster/prepare.h"

#include <algorithm>
#include <unordered_map>

#include "parallax/hash.h"

namespace parallax::cluster {
namespace {

// The raw-token cache is a pure speed-up; clearing it past this size bounds
// its memory on endless streams (misspellings and names keep arriving).
constexpr size_t kMaxCachedWords = 1u << 21;

std::string Label(const Article& a, std::string_view body) {
  std::string label = text::Normalize(a.title);
  if (!label.empty()) return label;
  std::vector<text::Span> sentences = text::SplitSentences(body, a.language);
  if (sentences.empty()) return "";
  // The first sentence that reads like one: section labels ("Topline"),
  // photo credits and datelines at the top of a body make poor titles.
  auto prose = [&](const text::Span& sp) {
    std::string_view t = body.substr(sp.begin, sp.end - sp.begin);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.remove_suffix(1);
    if (t.empty()) return false;
    const size_t words = static_cast<size_t>(std::count(t.begin(), t.end(), ' ')) + 1;
    const char last = t.back();
    const bool closed = last == '.' || last == '!' || last == '?' || last == '"' ||
                        (static_cast<unsigned char>(last) & 0x80) != 0;  // closing quote etc.
    return words >= 6 && closed && t.find('\n') == std::string_view::npos;
  };
  const text::Span* pick = &sentences[0];
  for (const text::Span& sp : sentences) {
    if (prose(sp)) {
      pick = &sp;
      break;
    }
  }
  std::string s(body.substr(pick->begin, pick->end - pick->begin));
  constexpr size_t kMax = 120;
  if (s.size() > kMax) {
    size_t cut = s.rfind(' ', kMax);
    if (cut == std::string::npos || cut < kMax / 2) cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    s = s.substr(0, cut) + "\xE2\x80\xA6";  // "…"
  }
  return s;
}

bool IsYear(std::string_view w) {
  if (w.size() != 4 || (w[0] != '1' && w[0] != '2')) return false;
  for (char c : w) {
    if (c < '0' || c > '9') return false;
  }
  int y = std::stoi(std::string(w));
  return y >= 1800 && y <= 2199;
}

PreparedName AppendName(std::string_view name, PreparedDoc* doc) {
  PreparedName n;
  n.hash = Hash64(name);
  n.begin = static_cast<uint32_t>(doc->names.size());
  doc->names.append(name);
  n.end = static_cast<uint32_t>(doc->names.size());
  return n;
}

}  // namespace

Preparer::Preparer(const ClusterOptions& options, const DedupOptions& dedup)
    : min_term_bytes_(options.min_term_bytes),
      dedup_(dedup),
      extractor_(options.entity_extractor) {}

void Preparer::Clear() {
  cache_.Reset();
  texts_.clear();
  text_ids_.clear();
  seen_doc_.clear();
  seen_slot_.clear();
}

const Preparer::WordInfo& Preparer::Lookup(std::string_view raw, bool is_word) {
  const uint64_t key = Hash64(raw, 0x436C75737465ull);
  if (const WordInfo* known = cache_.Find(key)) return *known;
  WordInfo info;
  std::string folded = text::Fold(raw);
  info.hash = Hash64(folded);
  // Possessive "'s" and edge apostrophes are not part of the term.
  std::string_view w = folded;
  if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s"))) {
    w.remove_suffix(w.ends_with("'s") ? 2 : 4);
  }
  std::string term;
  if (is_word && static_cast<int>(w.size()) >= min_term_bytes_ && !text::IsStopWord(w)) {
    term = stemmer_.Stem(w);
  } else if (!is_word && IsYear(w)) {
    // Years are kept: "the 2008 patch" vs "the 2013 patch" tells events apart.
    term = "#" + std::string(w);
  }
  if (!term.empty()) {
    // One text per distinct term, however many raw spellings stem to it.
    auto [it, fresh] = text_ids_.emplace(term, static_cast<uint32_t>(texts_.size()));
    if (fresh) {
      texts_.push_back(std::move(term));
      seen_doc_.push_back(0);
      seen_slot_.push_back(0);
    }
    info.text = it->second;
  }
  return cache_.Insert(key, info);
}

void Preparer::CountTerms(std::string_view body, bool title, PreparedDoc* doc,
                          std::vector<uint64_t>* hashes) {
  for (const text::Token& t : text::Tokenize(body)) {
    if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) continue;
    const WordInfo& info =
        Lookup(body.substr(t.begin, t.end - t.begin), t.kind == text::TokenKind::kWord);
    if (hashes) hashes->push_back(info.hash);
    if (info.text == kNoText) continue;
    uint32_t slot;
    if (seen_doc_[info.text] == doc_) {
      slot = seen_slot_[info.text];
    } else {
      slot = static_cast<uint32_t>(doc->terms.size());
      doc->terms.push_back(AppendName(texts_[info.text], doc));
      seen_doc_[info.text] = doc_;
      seen_slot_[info.text] = slot;
    }
    PreparedName& n = doc->terms[slot];
    if (title) {
      n.in_title = true;
    } else {
      n.count += 1;
    }
  }
}

PreparedDoc Preparer::Prepare(const Article& article) {
  // Between documents, so texts_ indices stay valid within one; also when
  // the document counter wraps, so no stale seen_doc_ stamp can match.
  if (cache_.size() >= kMaxCachedWords || ++doc_ == 0) {
    Clear();
    doc_ = 1;
  }
  PreparedDoc doc;
  doc.id = article.id;
  const std::string body = text::Normalize(article.Text(), /*keep_newlines=*/true);
  std::vector<uint64_t> hashes;
  CountTerms(body, /*title=*/false, &doc, &hashes);
  CountTerms(text::Normalize(article.title), /*title=*/true, &doc, nullptr);
  doc.sketch = MakeDedupSketch(hashes, dedup_);
  std::vector<std::string> names = extractor_ ? extractor_(article) : CapitalisedSpans(body);
  std::unordered_map<std::string_view, uint32_t> slot;
  std::vector<std::string> folded_names;
  folded_names.reserve(names.size());
  for (std::string& n : names) folded_names.push_back(extractor_ ? text::Fold(n) : std::move(n));
  for (const std::string& f : folded_names) {
    if (f.empty()) continue;
    auto [it, fresh] = slot.emplace(f, static_cast<uint32_t>(doc.entities.size()));
    if (fresh) doc.entities.push_back(AppendName(f, &doc));
    doc.entities[it->second].count += 1;
  }
  doc.day = ParseDay(article.published);
  doc.label = Label(article, body);
  return doc;
}

size_t Preparer::MemoryBytes() const {
  size_t s = cache_.MemoryBytes() + texts_.capacity() * sizeof(std::string) +
             (seen_doc_.capacity() + seen_slot_.capacity()) * 4 +
             text_ids_.size() * (sizeof(std::string) + 24) + text_ids_.bucket_count() * 8;
  for (const std::string& t : texts_) s += t.size() > 15 ? 2 * t.capacity() : 0;
  return s;
}

}  // namespace parallax::cluster
