// DedupIndex: exact fingerprints plus MinHash/LSH near-duplicate search.
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "dedup/band_table.h"
#include "dedup/bytes.h"
#include "parallax/dedup.h"

namespace parallax {
namespace {

constexpr uint32_t kMagic = 0x50444450;  // "PDDP"
constexpr uint32_t kVersion = 2;  // 1: no days, every document indexed
constexpr uint32_t kNone = 0xFFFFFFFFu;
constexpr double kNoDay = -1e300;

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

// Fingerprint of the whole token sequence (order-sensitive).
uint64_t SequenceFingerprint(std::span<const uint64_t> tokens) {
  uint64_t h = 0x6A09E667F3BCC909ull ^ tokens.size();
  for (uint64_t t : tokens) h = Mix(h ^ t) * 0x9E3779B97F4A7C15ull;
  return Mix(h);
}

// The options as DedupIndex uses them (degenerate sizes raised to 1).
DedupOptions Sanitized(DedupOptions o) {
  o.bands = std::max(1, o.bands);
  o.rows = std::max(1, o.rows);
  o.shingle_words = std::max(1, o.shingle_words);
  return o;
}

}  // namespace

DedupSketch MakeDedupSketch(std::span<const uint64_t> tokens, const DedupOptions& options) {
  const DedupOptions o = Sanitized(options);
  DedupSketch p;
  p.fingerprint = tokens.empty() ? 0 : SequenceFingerprint(tokens) | 1;
  std::vector<uint64_t> set = ShingleSet(tokens, o.shingle_words);
  p.shingles = static_cast<uint32_t>(set.size());
  p.sig = MinHashSignature(set, o.bands * o.rows, o.seed);
  return p;
}

struct DedupIndex::Impl {
  // Exact-copy lookup: the first document with a fingerprint while it is
  // indexed, else the latest one (kNone once aged out).
  struct FirstLast {
    uint32_t first = kNone, last = kNone;
  };

  DedupOptions options;
  int num_hashes = 0;
  // Per document, for every document ever added (a few bytes each): chains
  // and reports stay valid after the sketch has aged out.
  std::vector<std::string> ids;
  std::vector<uint32_t> root;  // original of each doc's chain (itself if none)
  std::vector<double> day;     // publication day, kNoDay if undated
  std::vector<uint32_t> slot;  // its sketch slot while indexed, kNone once aged out
  // Per sketch slot (reused after ageing): the indexed documents only.
  std::vector<uint32_t> shingle_count;  // distinct shingles (0: below min_shingles, not in LSH)
  std::vector<uint32_t> signatures;     // num_hashes per slot
  std::vector<uint64_t> fingerprints;   // per slot
  std::vector<uint32_t> free_slots;
  size_t indexed = 0;
  std::unordered_map<uint64_t, FirstLast> by_fingerprint;
  dedup::BandTable bands;
  // Dated indexed documents, earliest (day, doc) on top: the next to age out.
  std::vector<std::pair<double, uint32_t>> expiry;

  explicit Impl(DedupOptions o) : options(Sanitized(o)) { num_hashes = options.bands * options.rows; }

  const uint32_t* Sig(uint32_t s) const { return &signatures[static_cast<size_t>(s) * num_hashes]; }

  uint32_t BandKey(int band, const uint32_t* sig) const {
    uint64_t h = 0x9E3779B97F4A7C15ull * static_cast<uint64_t>(band + 1);
    for (int r = 0; r < options.rows; ++r) h = Mix(h ^ sig[band * options.rows + r]);
    return static_cast<uint32_t>(h >> 32);
  }

  using Probe = DedupSketch;  // fingerprint 0: empty text, never a duplicate

  Probe Sketch(std::span<const uint64_t> tokens) const { return MakeDedupSketch(tokens, options); }

  std::optional<DuplicateMatch> Match(const Probe& p) const {
    if (p.fingerprint == 0) return std::nullopt;
    if (auto it = by_fingerprint.find(p.fingerprint); it != by_fingerprint.end()) {
      const FirstLast& fl = it->second;
      return Report(fl.first != kNone ? fl.first : fl.last, 1.0, 1.0, DuplicateKind::kExact);
    }
    if (p.shingles < static_cast<uint32_t>(options.min_shingles)) return std::nullopt;
    // Candidates from the LSH bands; verify each on its signature.
    std::vector<uint32_t> cands;
    for (int b = 0; b < options.bands; ++b) {
      bands.ForEach(BandKey(b, p.sig.data()), [&](uint32_t d) { cands.push_back(d); });
    }
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    uint32_t best = kNone;
    double best_sim = 0, best_j = 0, best_c = 0;
    for (uint32_t d : cands) {
      const uint32_t s = slot[d];
      std::span<const uint32_t> other(Sig(s), num_hashes);
      double j = EstimateJaccard(p.sig, other);
      // |A∩B| = J(|A|+|B|)/(1+J); containment of the smaller set in the larger.
      double a = p.shingles, bsz = shingle_count[s];
      double inter = j * (a + bsz) / (1.0 + j);
      double c = std::min(1.0, inter / std::max(1.0, std::min(a, bsz)));
      bool near = j >= options.jaccard_threshold ||
                  (j >= options.containment_min_jaccard && c >= options.containment_threshold);
      double sim = std::max(j, c);
      if (near && sim > best_sim) {  // ties: the earliest document (cands sorted)
        best = d;
        best_sim = sim;
        best_j = j;
        best_c = c;
      }
    }
    if (best == kNone) return std::nullopt;
    return Report(best, best_j, best_c, DuplicateKind::kNear);
  }

  DuplicateMatch Report(uint32_t matched, double j, double c, DuplicateKind kind) const {
    DuplicateMatch m;
    m.original_seq = root[matched];
    m.original_id = ids[m.original_seq];
    m.matched_id = ids[matched];
    m.jaccard = j;
    m.containment = c;
    m.similarity = std::max(j, c);
    m.kind = kind;
    return m;
  }

  bool Sketched(uint32_t s) const { return shingle_count[s] != 0; }

  // Appends a document record; indexes its sketch unless `p` is null (a
  // document that had aged out when the state was saved).
  void Insert(std::string_view id, double d_day, uint32_t d_root, const Probe* p) {
    const uint32_t doc = static_cast<uint32_t>(ids.size());
    ids.emplace_back(id);
    root.push_back(d_root);
    day.push_back(d_day);
    if (p == nullptr) {
      slot.push_back(kNone);
      return;
    }
    uint32_t s;
    if (!free_slots.empty()) {
      s = free_slots.back();
      free_slots.pop_back();
      fingerprints[s] = p->fingerprint;
      std::copy(p->sig.begin(), p->sig.end(), signatures.begin() + static_cast<size_t>(s) * num_hashes);
    } else {
      s = static_cast<uint32_t>(fingerprints.size());
      fingerprints.push_back(p->fingerprint);
      shingle_count.push_back(0);
      signatures.insert(signatures.end(), p->sig.begin(), p->sig.end());
    }
    slot.push_back(s);
    ++indexed;
    const bool sketched = p->shingles >= static_cast<uint32_t>(options.min_shingles);
    shingle_count[s] = sketched ? p->shingles : 0;
    if (sketched) {
      for (int b = 0; b < options.bands; ++b) bands.Insert(BandKey(b, p->sig.data()), doc);
    }
    if (d_day != kNoDay) {
      expiry.emplace_back(d_day, doc);
      std::push_heap(expiry.begin(), expiry.end(), std::greater<>());
    }
  }

  void NoteFingerprint(uint64_t fingerprint, uint32_t doc) {
    if (fingerprint == 0) return;
    FirstLast& fl = by_fingerprint[fingerprint];
    if (fl.first == kNone && fl.last == kNone) fl.first = doc;
    fl.last = doc;
  }

  // Takes one document's sketch out of every lookup structure.
  void Unindex(uint32_t doc) {
    const uint32_t s = slot[doc];
    if (s == kNone) return;
    if (Sketched(s)) {
      for (int b = 0; b < options.bands; ++b) bands.Erase(BandKey(b, Sig(s)), doc);
    }
    if (auto it = by_fingerprint.find(fingerprints[s]); it != by_fingerprint.end()) {
      FirstLast& fl = it->second;
      if (fl.first == doc) fl.first = kNone;
      if (fl.last == doc) fl.last = kNone;
      if (fl.first == kNone && fl.last == kNone) by_fingerprint.erase(it);
    }
    slot[doc] = kNone;
    free_slots.push_back(s);
    --indexed;
  }

  size_t Expire(double cutoff) {
    size_t n = 0;
    while (!expiry.empty() && expiry.front().first < cutoff) {
      const uint32_t doc = expiry.front().second;
      std::pop_heap(expiry.begin(), expiry.end(), std::greater<>());
      expiry.pop_back();
      Unindex(doc);
      ++n;
    }
    return n;
  }
};

DedupIndex::DedupIndex(DedupOptions options) : impl_(std::make_unique<Impl>(options)) {}
DedupIndex::DedupIndex(DedupIndex&&) noexcept = default;
DedupIndex& DedupIndex::operator=(DedupIndex&&) noexcept = default;
DedupIndex::~DedupIndex() = default;

std::optional<DuplicateMatch> DedupIndex::Add(std::string_view doc_id, std::string_view text,
                                              std::optional<double> day) {
  std::vector<uint64_t> tokens = TokenHashes(text);
  return AddTokens(doc_id, tokens, day);
}

std::optional<DuplicateMatch> DedupIndex::AddTokens(std::string_view doc_id,
                                                    std::span<const uint64_t> token_hashes,
                                                    std::optional<double> day) {
  Impl& m = *impl_;
  return AddSketch(doc_id, m.Sketch(token_hashes), day);
}

std::optional<DuplicateMatch> DedupIndex::AddSketch(std::string_view doc_id, DedupSketch p,
                                                    std::optional<double> day) {
  Impl& m = *impl_;
  if (p.sig.size() != static_cast<size_t>(m.num_hashes)) {
    p.sig.assign(static_cast<size_t>(m.num_hashes), 0xFFFFFFFFu);
    p.shingles = 0;
  }
  std::optional<DuplicateMatch> match = m.Match(p);
  const uint32_t doc = static_cast<uint32_t>(m.ids.size());
  m.Insert(doc_id, day ? *day : kNoDay, match ? match->original_seq : doc, &p);
  m.NoteFingerprint(p.fingerprint, doc);
  return match;
}

std::optional<DuplicateMatch> DedupIndex::Find(std::string_view text) const {
  std::vector<uint64_t> tokens = TokenHashes(text);
  return impl_->Match(impl_->Sketch(tokens));
}

size_t DedupIndex::Expire(double cutoff_day) { return impl_->Expire(cutoff_day); }

size_t DedupIndex::size() const { return impl_->ids.size(); }
size_t DedupIndex::indexed() const { return impl_->indexed; }
const DedupOptions& DedupIndex::options() const { return impl_->options; }

size_t DedupIndex::MemoryBytes() const {
  const Impl& m = *impl_;
  size_t ids = 0;
  for (const std::string& s : m.ids) ids += sizeof(std::string) + (s.size() > 15 ? s.capacity() : 0);
  return ids + m.root.capacity() * 4 + m.day.capacity() * 8 + m.slot.capacity() * 4 +
         m.shingle_count.capacity() * 4 + m.signatures.capacity() * 4 +
         m.fingerprints.capacity() * 8 + m.free_slots.capacity() * 4 +
         m.expiry.capacity() * 16 + m.by_fingerprint.size() * 32 +
         m.by_fingerprint.bucket_count() * 8 + m.bands.MemoryBytes();
}

void DedupIndex::Save(std::string* out) const {
  const Impl& m = *impl_;
  bytes::Writer w(out);
  w.U32(kMagic);
  w.U32(kVersion);
  w.U32(static_cast<uint32_t>(m.options.shingle_words));
  w.U32(static_cast<uint32_t>(m.options.bands));
  w.U32(static_cast<uint32_t>(m.options.rows));
  w.F64(m.options.jaccard_threshold);
  w.F64(m.options.containment_threshold);
  w.F64(m.options.containment_min_jaccard);
  w.U32(static_cast<uint32_t>(m.options.min_shingles));
  w.U64(m.options.seed);
  w.U32(static_cast<uint32_t>(m.ids.size()));
  for (size_t d = 0; d < m.ids.size(); ++d) {
    w.Str(m.ids[d]);
    w.U32(m.root[d]);
    w.F64(m.day[d]);
    const uint32_t s = m.slot[d];
    w.U8(s != kNone ? 1 : 0);
    if (s == kNone) continue;
    w.U32(m.shingle_count[s]);
    w.U64(m.fingerprints[s]);
    for (int i = 0; i < m.num_hashes; ++i) w.U32(m.Sig(s)[i]);
  }
  // The exact-copy map as it stands (which copy answers is part of the state).
  std::vector<std::pair<uint64_t, Impl::FirstLast>> fps(m.by_fingerprint.begin(),
                                                        m.by_fingerprint.end());
  std::sort(fps.begin(), fps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.U32(static_cast<uint32_t>(fps.size()));
  for (const auto& [fp, fl] : fps) {
    w.U64(fp);
    w.U32(fl.first);
    w.U32(fl.last);
  }
}

Status DedupIndex::Load(std::string_view data) {
  bytes::Reader r(data);
  if (r.U32() != kMagic || !r.ok()) return InvalidInput("dedup state: not a dedup index blob");
  const uint32_t version = r.U32();
  if (version != 1 && version != kVersion) {
    return InvalidInput("dedup state: unsupported version " + std::to_string(version));
  }
  DedupOptions o;
  o.shingle_words = static_cast<int>(r.U32());
  o.bands = static_cast<int>(r.U32());
  o.rows = static_cast<int>(r.U32());
  o.jaccard_threshold = r.F64();
  o.containment_threshold = r.F64();
  o.containment_min_jaccard = r.F64();
  o.min_shingles = static_cast<int>(r.U32());
  o.seed = r.U64();
  if (!r.ok() || o.bands < 1 || o.rows < 1 || o.bands * o.rows > 4096 || o.shingle_words < 1) {
    return InvalidInput("dedup state: bad options");
  }
  auto fresh = std::make_unique<Impl>(o);
  const size_t sketch_bytes = 4 + 8 + 4 * static_cast<size_t>(fresh->num_hashes);
  const uint32_t n = r.Count(version == 1 ? 8 + sketch_bytes : 4 + 4 + 8 + 1);
  for (uint32_t d = 0; d < n && r.ok(); ++d) {
    std::string id = r.Str();
    uint32_t root = r.U32();
    double day = version == 1 ? kNoDay : r.F64();
    bool indexed = version == 1 || r.U8() != 0;
    Impl::Probe p;
    if (indexed) {
      p.shingles = r.U32();
      p.fingerprint = r.U64();
      p.sig.resize(fresh->num_hashes);
      for (uint32_t& x : p.sig) x = r.U32();
    }
    if (!r.ok() || root > d) return InvalidInput("dedup state: corrupt document record");
    // Documents below min_shingles were saved with count 0 and are not banded.
    fresh->Insert(id, day, root, indexed ? &p : nullptr);
    if (version == 1 && p.fingerprint != 0) {
      fresh->by_fingerprint.try_emplace(p.fingerprint, Impl::FirstLast{d, d}).first->second.last = d;
    }
  }
  if (version != 1) {
    const uint32_t n_fps = r.Count(16);
    for (uint32_t i = 0; i < n_fps && r.ok(); ++i) {
      uint64_t fp = r.U64();
      Impl::FirstLast fl{r.U32(), r.U32()};
      for (uint32_t doc : {fl.first, fl.last}) {
        if (doc != kNone && (doc >= n || fresh->slot[doc] == kNone)) {
          return InvalidInput("dedup state: corrupt fingerprint entry");
        }
      }
      if (fl.first == kNone && fl.last == kNone) return InvalidInput("dedup state: empty fingerprint entry");
      fresh->by_fingerprint.emplace(fp, fl);
    }
  }
  if (!r.ok() || !r.AtEnd()) return InvalidInput("dedup state: truncated or trailing data");
  impl_ = std::move(fresh);
  return Status::Ok();
}

}  // namespace parallax
