// A compact hash multimap from 32-bit LSH band keys to 32-bit document
// numbers: open addressing with linear probing, 8 bytes a slot, load <= 1/2.
// A std::unordered_multimap would cost ~5x the memory at a million documents.
// Key collisions between different bands are harmless: every candidate is
// verified on its full signature. Not thread-safe for writes.
#pragma once

#include <cstdint>
#include <vector>

namespace parallax::dedup {

class BandTable {
 public:
  void Insert(uint32_t key, uint32_t doc) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Put(Fix(key), doc);
    ++size_;
  }

  // Calls fn(doc) for every document stored under `key`, in insertion order
  // within the probe sequence (deterministic for a given insertion history).
  template <typename Fn>
  void ForEach(uint32_t key, Fn&& fn) const {
    if (slots_.empty()) return;
    key = Fix(key);
    const size_t mask = slots_.size() - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.key == 0) return;
      if (s.key == key) fn(s.doc);
    }
  }

  // Removes one (key, doc) entry; false when absent. Backward-shift deletion
  // keeps every remaining entry reachable from its home slot (no tombstones).
  bool Erase(uint32_t key, uint32_t doc) {
    if (slots_.empty()) return false;
    key = Fix(key);
    const size_t mask = slots_.size() - 1;
    size_t i = key & mask;
    for (;; i = (i + 1) & mask) {
      if (slots_[i].key == 0) return false;
      if (slots_[i].key == key && slots_[i].doc == doc) break;
    }
    for (size_t j = (i + 1) & mask; slots_[j].key != 0; j = (j + 1) & mask) {
      const size_t home = slots_[j].key & mask;
      // The entry at j may move back to i unless its home lies in (i, j].
      const bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
      if (!stays) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i] = Slot{};
    --size_;
    return true;
  }

  size_t size() const { return size_; }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    uint32_t key = 0;  // 0 = empty
    uint32_t doc = 0;
  };
  static uint32_t Fix(uint32_t key) { return key == 0 ? 1 : key; }
  void Put(uint32_t key, uint32_t doc) {
    const size_t mask = slots_.size() - 1;
    size_t i = key & mask;
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i] = {key, doc};
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.key != 0) Put(s.key, s.doc);
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace parallax::dedup
