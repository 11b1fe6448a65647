// FlatMap: a small open-addressing hash map from 64-bit hash keys to values,
// for the per-document tables of the tagger (document casing, non-local
// counts). Internal to parallax::ner.
//
// Why not std::unordered_map: those tables are rebuilt for every document
// (hundreds of tokens), and a node allocation per distinct word was a
// visible share of tagging a large story. Keys are already uniform hashes
// (hashing.h), so the slot is the key's top bits. There is no iteration:
// the tagger only inserts and looks up, so the table's layout cannot change
// any output.
//
// Not thread-safe for writes; a const FlatMap may be read from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parallax::ner {

template <typename V>
class FlatMap {
 public:
  // The value of `key`, value-initialised on first use (as operator[] of
  // std::unordered_map).
  V& operator[](uint64_t key) {
    if (key == 0) {
      has_zero_ = true;
      return zero_;
    }
    if (2 * (count_ + 1) > slots_.size()) Grow();
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) {
        s.key = key;
        ++count_;
        return s.value;
      }
    }
  }
  // The value of `key`, or null when it was never inserted.
  const V* Find(uint64_t key) const {
    if (key == 0) return has_zero_ ? &zero_ : nullptr;
    if (slots_.empty()) return nullptr;
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == 0) return nullptr;
    }
  }
  // 1 when `key` was inserted, else 0 (as std::unordered_set::count).
  size_t count(uint64_t key) const { return Find(key) != nullptr ? 1 : 0; }
  size_t size() const { return count_ + (has_zero_ ? 1 : 0); }

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty; key 0 itself is kept in zero_
    V value{};
  };
  size_t Home(uint64_t key) const { return static_cast<size_t>(key >> shift_); }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    const size_t n = old.empty() ? 64 : 2 * old.size();
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    shift_ = 64;
    for (size_t m = n; m > 1; m >>= 1) --shift_;
    for (Slot& s : old) {
      if (s.key == 0) continue;
      size_t i = Home(s.key);
      while (slots_[i].key != 0) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 64;
  size_t count_ = 0;
  bool has_zero_ = false;
  V zero_{};
};

// A set of 64-bit hash keys (insert and count, as std::unordered_set).
class KeySet {
 public:
  void insert(uint64_t key) { map_[key] = 1; }
  size_t count(uint64_t key) const { return map_.count(key); }
  size_t size() const { return map_.size(); }

 private:
  FlatMap<char> map_;
};

}  // namespace parallax::ner
