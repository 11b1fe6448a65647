// Fast non-cryptographic hashing for content fingerprints and stable ids.
//
// Not for security. Stable across platforms and releases: stored ids and
// content hashes depend on it, so the algorithm must never change (a test pins
// known values). Thread-safe (pure functions).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parallax {

// 64-bit hash of `data` with a `seed`.
uint64_t Hash64(std::string_view data, uint64_t seed = 0);

// 128-bit fingerprint as 32 lowercase hex digits.
std::string Fingerprint128(std::string_view data);

// `n` hex digits (n <= 16) of Hash64(data).
std::string ShortHashHex(std::string_view data, int n = 16);

}  // namespace parallax
