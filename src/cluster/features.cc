#include "cluster/features.h"

#include <algorithm>
#include <cmath>

namespace parallax::cluster {
namespace {

// The id caches are a pure speed-up; emptying one past this size bounds its
// memory on endless streams.
constexpr size_t kMaxCachedNames = 1u << 21;

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

uint32_t Lexicon::IdCache::Get(uint64_t hash, std::string_view name, Dictionary* dict) {
  if (const uint32_t* id = ids_.Find(hash)) return *id;
  if (ids_.size() >= kMaxCachedNames) ids_.Reset();
  return ids_.Insert(hash, dict->Intern(name));
}

void Lexicon::IdCache::Forget(const std::vector<bool>& pruned) {
  ids_.KeepIf([&](uint32_t id) { return id >= pruned.size() || !pruned[id]; });
}

DocFeatures Lexicon::Intern(const PreparedDoc& doc) {
  DocFeatures f;
  f.terms.reserve(doc.terms.size());
  for (const PreparedName& n : doc.terms) {
    const uint32_t id = term_ids_.Get(n.hash, doc.Name(n), &terms_);
    f.terms.emplace_back(id, n.count + (n.in_title ? 1.f : 0.f));
    if (n.in_title) f.title.emplace_back(id, 1.f);
  }
  std::sort(f.terms.begin(), f.terms.end());
  std::sort(f.title.begin(), f.title.end());
  f.entities.reserve(doc.entities.size());
  for (const PreparedName& n : doc.entities) {
    f.entities.emplace_back(entity_ids_.Get(n.hash, doc.Name(n), &entities_), n.count);
  }
  std::sort(f.entities.begin(), f.entities.end());
  f.day = doc.day;
  return f;
}

void Lexicon::Forget(const std::vector<bool>& pruned_terms,
                     const std::vector<bool>& pruned_entities) {
  term_ids_.Forget(pruned_terms);
  entity_ids_.Forget(pruned_entities);
}

size_t Lexicon::MemoryBytes() const {
  return terms_.MemoryBytes() + entities_.MemoryBytes() + term_ids_.MemoryBytes() +
         entity_ids_.MemoryBytes();
}

}  // namespace parallax::cluster
