// HugePageAllocator: a std::allocator for the tagger's large lookup tables
// that asks the kernel for 2 MiB pages. Internal to parallax::ner.
//
// Why: the packed weight table is tens of MiB and every token looks up
// ~45 random slots in it; with 4 KiB pages nearly every lookup also misses
// the TLB (a profile put ~80% of LocalSums on the slot's first load).
// Blocks of 2 MiB or more are aligned to 2 MiB and marked MADV_HUGEPAGE
// (Linux, transparent huge pages in "madvise" or "always" mode); smaller
// blocks, and other systems, use plain operator new. Only the memory's
// placement changes, never its contents, so results are identical.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace parallax::ner {

inline constexpr size_t kHugePage = size_t{2} << 20;

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>& /*other*/) {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes, std::align_val_t{alignof(T)}));
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(p, rounded, MADV_HUGEPAGE);  // advice only: failure leaves 4 KiB pages
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHugePage) {
      ::operator delete(p, std::align_val_t{alignof(T)});
    } else {
      std::free(p);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>& /*other*/) const {
    return true;
  }
};

}  // namespace parallax::ner
