#include "cluster/features.h"

#include <algorithm>
#include <cmath>

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

}  // namespace

uint32_t Dictionary::Intern(std::string_view name) {
  if (auto it = ids_.find(name); it != ids_.end()) return it->second;
  uint32_t id;
  if (!free_.empty()) {
    id = free_.back();
    free_.pop_back();
    names_[id] = std::string(name);
    df_[id] = 0;
    last_seen_[id] = clock_;
  } else {
    id = static_cast<uint32_t>(names_.size());
    names_.emplace_back(name);
    df_.push_back(0);
    last_seen_.push_back(clock_);
  }
  ids_.emplace(names_[id], id);
  return id;
}

void Dictionary::CountDocument(const SparseVec& distinct_ids) {
  for (const auto& e : distinct_ids) {
    ++df_[e.first];
    last_seen_[e.first] = clock_;
  }
  docs_ += 1;
}

double Dictionary::Idf(uint32_t id) const {
  // kIdfPriorDocs pseudo-documents without the term: in a batch of five
  // articles about one event, the words all five share must still count
  // (plain idf would be ~0 for them); for large collections it is negligible.
  constexpr double kIdfPriorDocs = 50;
  return std::max(
      0.0, std::log((docs_ + kIdfPriorDocs + 1.0) / (static_cast<double>(df_[id]) + 0.5)));
}

std::vector<uint32_t> Dictionary::Prune(double before, uint32_t max_df) {
  std::vector<uint32_t> out;
  for (uint32_t id = 0; id < names_.size(); ++id) {
    if (last_seen_[id] >= before || df_[id] > max_df || names_[id].empty()) continue;
    if (ids_.erase(names_[id]) == 0) continue;  // a free slot ("" is never interned)
    std::string().swap(names_[id]);
    df_[id] = 0;
    last_seen_[id] = kForever;
    out.push_back(id);
  }
  free_.insert(free_.end(), out.begin(), out.end());
  return out;
}

void Dictionary::Save(bytes::Writer* w) const {
  w->F64(docs_);
  w->U32(static_cast<uint32_t>(names_.size()));
  for (size_t i = 0; i < names_.size(); ++i) {
    w->Str(names_[i]);
    w->U32(df_[i]);
    w->F32(last_seen_[i]);
  }
  w->U32s(free_);
}

bool Dictionary::Load(bytes::Reader* r, uint32_t version) {
  docs_ = r->F64();
  uint32_t n = r->Count(version >= 2 ? 12 : 8);
  for (uint32_t i = 0; i < n && r->ok(); ++i) {
    std::string name = r->Str();
    uint32_t df = r->U32();
    float seen = version >= 2 ? r->F32() : clock_;
    if (!r->ok()) return false;
    names_.push_back(std::move(name));
    df_.push_back(df);
    last_seen_.push_back(seen);
  }
  if (version >= 2) free_ = r->U32s<uint32_t>();
  if (!r->ok()) return false;
  std::vector<bool> is_free(names_.size(), false);
  for (uint32_t id : free_) {
    if (id >= names_.size() || is_free[id] || !names_[id].empty()) return false;
    is_free[id] = true;
  }
  for (uint32_t i = 0; i < names_.size(); ++i) {
    if (is_free[i]) continue;
    if (!ids_.emplace(names_[i], i).second) return false;  // a repeated name
  }
  return true;
}

size_t Dictionary::MemoryBytes() const {
  size_t s = names_.size() * sizeof(std::string) + df_.capacity() * 4 +
             last_seen_.capacity() * 4 + free_.capacity() * 4;
  for (const std::string& n : names_) s += n.size() > 15 ? n.capacity() : 0;
  return s + ids_.size() * (sizeof(std::string_view) + 24) + ids_.bucket_count() * 8;
}

SparseVec CountIds(std::vector<uint32_t> ids) {
  std::sort(ids.begin(), ids.end());
  SparseVec out;
  for (uint32_t id : ids) {
    if (!out.empty() && out.back().first == id) {
      out.back().second += 1;
    } else {
      out.emplace_back(id, 1.f);
    }
  }
  return out;
}

const Lexicon::WordInfo& Lexicon::Lookup(std::string_view raw, bool is_word) {
  const uint64_t key = Hash64(raw, 0x436C75737465ull) | 1;
  if (cache_.empty() || (cache_size_ + 1) * 2 > cache_.size()) {
    // Grow (or start over once at the cap: the cache is only a speed-up).
    size_t slots = cache_.empty() ? 1u << 14 : cache_.size() * 2;
    if (slots > 2 * kMaxCachedWords) {
      cache_.assign(cache_.size(), CacheSlot{});
      cache_size_ = 0;
    } else {
      RehashCache(slots, nullptr);
    }
  }
  const size_t mask = cache_.size() - 1;
  size_t i = key & mask;
  for (; cache_[i].key != 0; i = (i + 1) & mask) {
    if (cache_[i].key == key) return cache_[i].info;
  }
  WordInfo info;
  std::string folded = text::Fold(raw);
  info.hash = Hash64(folded);
  // Possessive "'s" and edge apostrophes are not part of the term.
  std::string_view w = folded;
  if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s"))) {
    w.remove_suffix(w.ends_with("'s") ? 2 : 4);
  }
  if (is_word && static_cast<int>(w.size()) >= min_term_bytes_ && !text::IsStopWord(w)) {
    info.term = terms_.Intern(stemmer_.Stem(w));
  } else if (!is_word && IsYear(w)) {
    // Years are kept: "the 2008 patch" vs "the 2013 patch" tells events apart.
    info.term = terms_.Intern(std::string("#") + std::string(w));
  }
  cache_[i] = {key, info};
  ++cache_size_;
  return cache_[i].info;
}

void Lexicon::CountTerms(std::string_view body, SparseVec* terms,
                         std::vector<uint64_t>* hashes) {
  std::vector<uint32_t> ids;
  for (const text::Token& t : text::Tokenize(body)) {
    if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) continue;
    const WordInfo& info =
        Lookup(body.substr(t.begin, t.end - t.begin), t.kind == text::TokenKind::kWord);
    if (hashes) hashes->push_back(info.hash);
    if (info.term != kNoTerm) ids.push_back(info.term);
  }
  *terms = CountIds(std::move(ids));
}

DocFeatures Lexicon::Featurize(const Article& article, const EntityExtractor& extractor) {
  DocFeatures f;
  const std::string body = text::Normalize(article.Text(), /*keep_newlines=*/true);
  SparseVec body_terms;
  CountTerms(body, &body_terms, &f.token_hashes);
  const std::string title = text::Normalize(article.title);
  CountTerms(title, &f.title, nullptr);
  for (auto& e : f.title) e.second = 1.f;
  f.terms = body_terms;
  AddInto(&f.terms, f.title, SIZE_MAX / 4);
  std::vector<std::string> names = extractor ? extractor(article) : CapitalisedSpans(body);
  std::vector<uint32_t> ent_ids;
  ent_ids.reserve(names.size());
  for (const std::string& n : names) {
    std::string folded = extractor ? text::Fold(n) : n;
    if (!folded.empty()) ent_ids.push_back(entities_.Intern(folded));
  }
  f.entities = CountIds(std::move(ent_ids));
  f.day = ParseDay(article.published);
  f.label = Label(article, body);
  return f;
}

void Lexicon::RehashCache(size_t slots, const std::vector<bool>* drop) {
  std::vector<CacheSlot> old;
  old.swap(cache_);
  cache_.assign(slots, CacheSlot{});
  cache_size_ = 0;
  for (const CacheSlot& e : old) {
    if (e.key == 0) continue;
    if (drop && e.info.term != kNoTerm && e.info.term < drop->size() && (*drop)[e.info.term]) {
      continue;
    }
    size_t j = e.key & (cache_.size() - 1);
    while (cache_[j].key != 0) j = (j + 1) & (cache_.size() - 1);
    cache_[j] = e;
    ++cache_size_;
  }
}

void Lexicon::ForgetTerms(const std::vector<bool>& pruned) {
  if (!cache_.empty()) RehashCache(cache_.size(), &pruned);
}

size_t Lexicon::MemoryBytes() const {
  return terms_.MemoryBytes() + entities_.MemoryBytes() + cache_.capacity() * sizeof(CacheSlot);
}

}  // namespace parallax::cluster
