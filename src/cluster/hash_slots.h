// HashSlots: an open-addressing table from a 64-bit hash to a small value
// (linear probing, power-of-two size, at most half full), for the
// clusterer's caches (the preparer's raw token -> term, the lexicon's name
// -> id). Only the hash is stored, not the key it hashes: a collision
// between two distinct keys has probability ~n^2/2^65, negligible for any
// realistic vocabulary. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parallax::cluster {

template <typename V>
class HashSlots {
 public:
  // The value stored under `hash`, or null.
  V* Find(uint64_t hash) {
    if (slots_.empty()) return nullptr;
    const uint64_t key = hash | 1;
    const size_t mask = slots_.size() - 1;
    for (size_t i = key & mask; slots_[i].key != 0; i = (i + 1) & mask) {
      if (slots_[i].key == key) return &slots_[i].value;
    }
    return nullptr;
  }
  // Stores `value` under `hash`, which must not be stored yet; grows as
  // needed. The reference stays valid until the next Insert or KeepIf.
  V& Insert(uint64_t hash, V value) {
    if ((size_ + 1) * 2 > slots_.size()) {
      Rebuild(slots_.empty() ? size_t{1} << 14 : slots_.size() * 2, static_cast<bool (**)(const V&)>(nullptr));
    }
    Slot& s = Place(hash | 1);
    s.value = value;
    ++size_;
    return s.value;
  }
  // Keeps only the entries whose value `keep` accepts (same size).
  template <typename Pred>
  void KeepIf(const Pred& keep) {
    if (!slots_.empty()) Rebuild(slots_.size(), &keep);
  }
  // Empties the table, keeping its memory for reuse.
  void Reset() {
    slots_.assign(slots_.size(), Slot{});
    size_ = 0;
  }
  size_t size() const { return size_; }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    uint64_t key = 0;  // hash | 1; 0 = empty
    V value{};
  };
  Slot& Place(uint64_t key) {
    const size_t mask = slots_.size() - 1;
    size_t i = key & mask;
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i].key = key;
    return slots_[i];
  }
  template <typename Pred = bool (*)(const V&)>
  void Rebuild(size_t slots, const Pred* keep) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(slots, Slot{});
    size_ = 0;
    for (const Slot& e : old) {
      if (e.key == 0 || (keep && !(*keep)(e.value))) continue;
      Place(e.key).value = e.value;
      ++size_;
    }
  }
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace parallax::cluster
