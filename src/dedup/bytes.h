// Little-endian byte writer/reader for saving component state (dedup index,
// story clusterer) as plain bytes. The reader is bounds-checked: any read past
// the end, or an implausible length, sets a sticky failure instead of reading
// out of range, so corrupt blobs become a Status, never a crash.
// Not thread-safe (value types).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::bytes {

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}
  void U8(uint8_t v) { out_->push_back(static_cast<char>(v)); }
  void U32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out_->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void U64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void F32(float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    U32(bits);
  }
  void F64(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, 8);
    U64(bits);
  }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_->append(s);
  }
  template <typename T>
  void U32s(const std::vector<T>& v) {
    U32(static_cast<uint32_t>(v.size()));
    for (T x : v) U32(static_cast<uint32_t>(x));
  }

 private:
  std::string* out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool AtEnd() const { return pos_ == in_.size(); }
  size_t remaining() const { return in_.size() - pos_; }
  void Fail() { ok_ = false; }

  uint8_t U8() {
    if (!Need(1)) return 0;
    return static_cast<uint8_t>(in_[pos_++]);
  }
  uint32_t U32() {
    if (!Need(4)) return 0;
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(in_[pos_ + i]);
    pos_ += 4;
    return v;
  }
  uint64_t U64() {
    if (!Need(8)) return 0;
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(in_[pos_ + i]);
    pos_ += 8;
    return v;
  }
  float F32() {
    uint32_t bits = U32();
    float v;
    std::memcpy(&v, &bits, 4);
    return v;
  }
  double F64() {
    uint64_t bits = U64();
    double v;
    std::memcpy(&v, &bits, 8);
    return v;
  }
  std::string Str() {
    uint32_t n = U32();
    if (!Need(n)) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count of items each at least `min_item_bytes` long: fails when the blob
  // cannot possibly hold that many (guards allocations against corrupt data).
  uint32_t Count(size_t min_item_bytes) {
    uint32_t n = U32();
    if (ok_ && min_item_bytes > 0 && n > remaining() / min_item_bytes) ok_ = false;
    return ok_ ? n : 0;
  }
  template <typename T>
  std::vector<T> U32s() {
    uint32_t n = Count(4);
    std::vector<T> v;
    v.reserve(n);
    for (uint32_t i = 0; i < n && ok_; ++i) v.push_back(static_cast<T>(U32()));
    return v;
  }

 private:
  bool Need(size_t n) {
    if (!ok_ || in_.size() - pos_ < n) {
      ok_ = false;
      return false;
    }
    return true;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace parallax::bytes
