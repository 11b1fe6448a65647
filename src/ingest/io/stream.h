// Byte streams: the bottom of the input stack.
//
// A ByteSource yields bytes sequentially (a file, stdin, memory, or a
// decompressor wrapping another source). A Reader buffers a source and adds
// what parsers need: peeking at the head, exact reads, cheap skips, and
// length-capped line reading. Nothing here ever holds a whole file in memory
// unless the caller asks for it (ReadAll with a cap).
//
//   Result<std::unique_ptr<ByteSource>> f = OpenFileSource("a.jsonl");
//   Reader r(std::move(*f));
//   std::string line;
//   for (;;) {
//     Result<LineStatus> s = r.ReadLine(&line, 1 << 20);
//     if (!s.ok()) return s.status();          // I/O or decompression error
//     if (*s == LineStatus::kEof) break;
//     if (*s == LineStatus::kTooLong) continue;  // line skipped, next one follows
//     Use(line);
//   }
//
// Errors are sticky: after a source fails, every later read returns the same
// Status. Not thread-safe; one reader per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax::io {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` (> 0) bytes into `buf`. Returns the count, 0 only at the
  // end of the stream, or an error.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// The file at `path`; NotFound / IoError with a short reason ("cannot open:
// Permission denied") when it cannot be opened.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path);

// Standard input (file descriptor 0). The source does not close it.
std::unique_ptr<ByteSource> StdinSource();

// Bytes in memory. The non-owning form needs `bytes` to outlive the source.
std::unique_ptr<ByteSource> MemorySource(std::string_view bytes);
std::unique_ptr<ByteSource> OwnedMemorySource(std::string bytes);

enum class LineStatus {
  kLine,     // a line was read
  kEof,      // no more data
  kTooLong,  // the line exceeded the cap; it was consumed and discarded
};

// Buffered reading over a ByteSource. Also a ByteSource itself, so
// decompressors can sit on top of a Reader that was used to peek at magic bytes.
class Reader : public ByteSource {
 public:
  static constexpr size_t kDefaultBufferSize = 256 << 10;

  explicit Reader(std::unique_ptr<ByteSource> source, size_t buffer_size = kDefaultBufferSize);

  // Up to `n` bytes from the current position without consuming them; shorter
  // at the end of the stream, or before a stream error (which the next read
  // past the returned bytes reports). `n` is clamped to the buffer size. The view
  // stays valid until the next non-const call.
  Result<std::string_view> Peek(size_t n);

  // Reads up to `n` bytes; fewer only at the end of the stream.
  Result<size_t> Read(char* buf, size_t n) override;

  // Appends exactly `n` bytes to `out`, or fewer at the end of the stream;
  // returns how many were appended.
  Result<uint64_t> ReadInto(uint64_t n, std::string* out);

  // Discards up to `n` bytes; returns how many were discarded (fewer only at
  // the end of the stream).
  Result<uint64_t> Skip(uint64_t n);

  // Reads through the next '\n' into `line` (without the '\n'; a trailing
  // '\r' is kept: callers trim as their format wants). A last line without
  // '\n' counts as a line. Lines longer than `max_len` are consumed up to and
  // including their '\n' and reported as kTooLong.
  Result<LineStatus> ReadLine(std::string* line, size_t max_len);

  // Appends everything up to the end of the stream to `out`, failing with
  // TooLarge once more than `max_bytes` would be appended (then `out` holds
  // max_bytes + 1 bytes and the stream is positioned after them).
  Status ReadAll(uint64_t max_bytes, std::string* out);

  // Bytes consumed so far (the position of the next byte to read).
  uint64_t offset() const { return consumed_; }

  // True at the end of the stream (may read to find out).
  Result<bool> AtEnd();

 private:
  // Makes at least `want` bytes available in the buffer when possible.
  Status Fill(size_t want);

  std::unique_ptr<ByteSource> source_;
  std::unique_ptr<char[]> buf_;
  size_t cap_;
  size_t begin_ = 0;  // first unread byte in buf_
  size_t end_ = 0;    // one past the last buffered byte
  bool eof_ = false;
  Status error_;
  uint64_t consumed_ = 0;
};

// "512 bytes", "64 KB", "3.1 GB" (binary units), for messages.
std::string FormatBytes(uint64_t n);

}  // namespace parallax::io
