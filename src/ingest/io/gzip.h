// Transparent gzip decompression (zlib inflate), streaming or one-shot.
//
// GzipSource inflates a gzip stream of one or more concatenated members (as in
// .warc.gz, where every record is its own member) without holding more than
// one input buffer. It stops with a clear Status on:
//   - "truncated gzip stream (N compressed bytes)": input ends inside a member;
//   - "corrupt gzip data at byte N: <zlib reason>": N is the compressed offset;
//   - "gzip expands beyond SIZE": more output than max_output_bytes (bombs);
//   - "unexpected data after gzip member at byte N": trailing non-gzip bytes
//     (zero padding after the last member is accepted).
// Gzip is recognised by its magic bytes, never by file name.
//
// Not thread-safe; each source is used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/io/stream.h"
#include "parallax/status.h"

namespace parallax::io {

// True when `head` starts with the gzip magic bytes and the deflate method.
bool LooksGzip(std::string_view head);

class GzipSource : public ByteSource {
 public:
  // Takes ownership of `compressed`. No limit by default.
  explicit GzipSource(std::unique_ptr<ByteSource> compressed,
                      uint64_t max_output_bytes = UINT64_MAX);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override;

  // Caps the total inflated bytes (may be changed between reads, e.g. once
  // the format is known).
  void set_max_output_bytes(uint64_t n) { max_output_ = n; }
  uint64_t output_bytes() const { return total_out_; }
  uint64_t compressed_bytes() const;
  uint64_t members() const { return members_; }

 private:
  enum class State { kMemberStart, kInMember, kDone };
  Status Refill();  // reads more compressed input when the buffer is empty
  Result<size_t> ReadMember(char* buf, size_t n);
  Status StartMember(bool* started);

  std::unique_ptr<ByteSource> in_;
  struct Impl;  // z_stream kept out of the header
  std::unique_ptr<Impl> impl_;
  uint64_t max_output_;
  uint64_t total_out_ = 0;
  uint64_t members_ = 0;
  State state_ = State::kMemberStart;
  bool in_eof_ = false;
  Status error_;
};

// A decompressed view of `raw`: a Reader straight over it, or over a
// GzipSource when the first bytes are gzip magic. `gzip` points into the
// reader's chain (null for plain input) so limits can be set once the format
// is known.
struct DecodedInput {
  std::unique_ptr<Reader> reader;
  GzipSource* gzip = nullptr;
};
Result<DecodedInput> OpenDecoded(std::unique_ptr<ByteSource> raw);

// One-shot inflate of an HTTP body (Content-Encoding gzip, x-gzip or deflate:
// gzip, zlib, or raw deflate are all accepted). With `allow_truncated`, a body
// that ends early yields what was inflated (crawlers cut long bodies).
Result<std::string> InflateBuffer(std::string_view data, uint64_t max_output_bytes,
                                  bool allow_truncated);

}  // namespace parallax::io
