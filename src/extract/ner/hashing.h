// Hashes that key the NER model's tables. The model file stores only these
// hashes, so the functions are part of its format: changing them invalidates
// every trained model (a test pins known values).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace parallax::ner {

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 31;
  x *= 0x7fb5d329728ea185ULL;
  x ^= x >> 27;
  x *= 0x81dadef4bc2dd44dULL;
  x ^= x >> 33;
  return x;
}

// Hash of a byte string (8 bytes at a time, then the tail).
inline uint64_t HashBytes(std::string_view s, uint64_t seed = 0) {
  uint64_t h = seed ^ (0x9e3779b97f4a7c15ULL * (s.size() + 1));
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t k;
    std::memcpy(&k, s.data() + i, 8);
    h = Mix64(h ^ k) + 0x632be59bd9b4e019ULL;
  }
  uint64_t tail = 0;
  for (size_t j = 0; i + j < s.size(); ++j) {
    tail |= static_cast<uint64_t>(static_cast<unsigned char>(s[i + j])) << (8 * j);
  }
  return Mix64(h ^ tail ^ (static_cast<uint64_t>(s.size()) << 56));
}

// Combines a feature template id with one or two component hashes. Never 0
// (0 marks an empty slot in the model's tables).
inline uint64_t FeatureKey(uint32_t templ, uint64_t a, uint64_t b = 0) {
  uint64_t h = Mix64(a + 0x9e3779b97f4a7c15ULL * (templ + 1));
  h = Mix64(h ^ (b + 0xd1b54a32d192ed03ULL));
  return h == 0 ? 1 : h;
}

}  // namespace parallax::ner
