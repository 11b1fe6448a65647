#include "parallax/hash.h"

#include <cstring>

namespace parallax {
namespace {

// A small multiply-xorshift hash over 8-byte words. Frozen: stored ids depend
// on these exact constants and steps.
constexpr uint64_t kMul1 = 0x9E3779B97F4A7C15ull;
constexpr uint64_t kMul2 = 0xBF58476D1CE4E5B9ull;
constexpr uint64_t kMul3 = 0x94D049BB133111EBull;

uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= kMul2;
  x ^= x >> 27;
  x *= kMul3;
  x ^= x >> 31;
  return x;
}

uint64_t LoadLE64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

uint64_t Hash64(std::string_view data, uint64_t seed) {
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  uint64_t h = Mix((seed + kMul1) ^ (static_cast<uint64_t>(n) * kMul2));
  while (n >= 8) {
    h = Mix(h ^ LoadLE64(p)) * kMul1;
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  for (size_t i = 0; i < n; ++i) tail |= static_cast<uint64_t>(p[i]) << (8 * i);
  h = Mix(h ^ tail ^ (static_cast<uint64_t>(n) << 56));
  return h;
}

namespace {
void AppendHex(uint64_t v, int digits, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  // The leading `digits` nibbles, most significant first.
  for (int i = 0; i < digits; ++i) out->push_back(kHex[(v >> (60 - 4 * i)) & 0xF]);
}
}  // namespace

std::string Fingerprint128(std::string_view data) {
  std::string out;
  out.reserve(32);
  AppendHex(Hash64(data, 0x5061726C6178ull), 16, &out);
  AppendHex(Hash64(data, 0x78616C72615Full), 16, &out);
  return out;
}

std::string ShortHashHex(std::string_view data, int n) {
  if (n < 1) n = 1;
  if (n > 16) n = 16;
  std::string out;
  AppendHex(Hash64(data), n, &out);
  return out;
}

}  // namespace parallax
