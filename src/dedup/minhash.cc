// Token hashing, shingling and MinHash signatures (see dedup.h).
#include <algorithm>
#include <limits>

#include "parallax/dedup.h"
#include "parallax/hash.h"
#include "parallax/text.h"

namespace parallax {
namespace {

uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

}  // namespace

std::vector<uint64_t> TokenHashes(std::string_view text) {
  std::string folded = text::Fold(text::Normalize(text));
  std::vector<uint64_t> out;
  for (const text::Token& t : text::Tokenize(folded)) {
    if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kNumber) continue;
    out.push_back(Hash64(std::string_view(folded).substr(t.begin, t.end - t.begin)));
  }
  return out;
}

std::vector<uint64_t> ShingleSet(std::span<const uint64_t> tokens, int k) {
  std::vector<uint64_t> out;
  if (tokens.empty()) return out;
  const size_t kk = static_cast<size_t>(std::max(1, k));
  const size_t n = tokens.size() < kk ? 1 : tokens.size() - kk + 1;
  const size_t width = std::min(kk, tokens.size());
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    uint64_t h = 0x243F6A8885A308D3ull;
    for (size_t j = 0; j < width; ++j) h = Mix(h ^ tokens[i + j]) + j;
    out.push_back(h);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<uint32_t> MinHashSignature(std::span<const uint64_t> shingles, int num_hashes,
                                       uint64_t seed) {
  // Hash family: h_i(x) = top 32 bits of (a_i * x + b_i) mod 2^64, with odd
  // random a_i (multiply-shift; x is already a well-mixed 64-bit hash).
  const size_t n = static_cast<size_t>(std::max(0, num_hashes));
  std::vector<uint64_t> a(n), b(n);
  uint64_t state = seed;
  for (size_t i = 0; i < n; ++i) {
    a[i] = SplitMix(&state) | 1;
    b[i] = SplitMix(&state);
  }
  std::vector<uint32_t> sig(n, std::numeric_limits<uint32_t>::max());
  for (uint64_t x : shingles) {
    for (size_t i = 0; i < n; ++i) {
      uint32_t h = static_cast<uint32_t>((a[i] * x + b[i]) >> 32);
      sig[i] = std::min(sig[i], h);
    }
  }
  return sig;
}

double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  size_t eq = 0;
  for (size_t i = 0; i < a.size(); ++i) eq += a[i] == b[i];
  return static_cast<double>(eq) / static_cast<double>(a.size());
}

double ExactJaccard(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, inter = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++inter;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

}  // namespace parallax
