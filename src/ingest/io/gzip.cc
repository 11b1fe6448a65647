#include "ingest/io/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace parallax::io {
namespace {

constexpr size_t kInBufferSize = 64 << 10;
constexpr int kGzipWindow = 16 + MAX_WBITS;  // gzip wrapper only
constexpr int kAutoWindow = 32 + MAX_WBITS;  // gzip or zlib wrapper
constexpr int kRawWindow = -MAX_WBITS;       // bare deflate

std::string ZlibReason(const z_stream& zs, int rc) {
  if (zs.msg != nullptr) return zs.msg;
  return "zlib error " + std::to_string(rc);
}

}  // namespace

bool LooksGzip(std::string_view head) {
  return head.size() >= 3 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b && head[2] == 8;
}

struct GzipSource::Impl {
  z_stream zs{};
  bool initialised = false;
  std::unique_ptr<unsigned char[]> in{new unsigned char[kInBufferSize]};
  uint64_t in_before = 0;  // compressed bytes consumed before the current buffer
  size_t in_len = 0;       // bytes in the current buffer
  size_t Used() const { return in_len - zs.avail_in; }
};

GzipSource::GzipSource(std::unique_ptr<ByteSource> compressed, uint64_t max_output_bytes)
    : in_(std::move(compressed)), impl_(std::make_unique<Impl>()), max_output_(max_output_bytes) {}

GzipSource::~GzipSource() {
  if (impl_->initialised) inflateEnd(&impl_->zs);
}

uint64_t GzipSource::compressed_bytes() const { return impl_->in_before + impl_->Used(); }

Status GzipSource::Refill() {
  Impl& m = *impl_;
  if (m.zs.avail_in > 0 || in_eof_) return Status::Ok();
  m.in_before += m.in_len;
  m.in_len = 0;
  m.zs.next_in = m.in.get();
  Result<size_t> got = in_->Read(reinterpret_cast<char*>(m.in.get()), kInBufferSize);
  if (!got.ok()) return got.status();
  if (*got == 0) in_eof_ = true;
  m.in_len = *got;
  m.zs.avail_in = static_cast<uInt>(*got);
  return Status::Ok();
}

// Positions at the next member: skips zero padding, checks the magic bytes.
Status GzipSource::StartMember(bool* started) {
  Impl& m = *impl_;
  *started = false;
  for (;;) {
    PARALLAX_RETURN_IF_ERROR(Refill());
    if (m.zs.avail_in == 0) return Status::Ok();  // clean end of input
    while (m.zs.avail_in > 0 && m.zs.next_in[0] == 0) {  // padding
      ++m.zs.next_in;
      --m.zs.avail_in;
    }
    if (m.zs.avail_in == 0) continue;
    if (m.zs.avail_in < 3) {  // magic split across buffers: move it to the front
      unsigned char keep[2];
      size_t k = m.zs.avail_in;
      std::memcpy(keep, m.zs.next_in, k);
      m.in_before += m.Used();
      std::memcpy(m.in.get(), keep, k);
      m.zs.next_in = m.in.get();
      m.in_len = k;
      if (!in_eof_) {
        Result<size_t> got =
            in_->Read(reinterpret_cast<char*>(m.in.get()) + k, kInBufferSize - k);
        if (!got.ok()) return got.status();
        if (*got == 0) in_eof_ = true;
        m.in_len += *got;
      }
      m.zs.avail_in = static_cast<uInt>(m.in_len);
    }
    std::string_view head(reinterpret_cast<const char*>(m.zs.next_in),
                          std::min<size_t>(m.zs.avail_in, 3));
    if (!LooksGzip(head)) {
      if (in_eof_ && m.zs.avail_in < 3 && head == std::string_view("\x1f\x8b", head.size())) {
        return InvalidInput("truncated gzip stream (" + std::to_string(compressed_bytes()) +
                            " compressed bytes)");
      }
      return InvalidInput("unexpected data after gzip member at byte " +
                          std::to_string(compressed_bytes()));
    }
    int rc = m.initialised ? inflateReset(&m.zs) : inflateInit2(&m.zs, kGzipWindow);
    if (rc != Z_OK) return Internal("zlib inflate init failed: " + ZlibReason(m.zs, rc));
    m.initialised = true;
    *started = true;
    return Status::Ok();
  }
}

Result<size_t> GzipSource::ReadMember(char* buf, size_t n) {
  Impl& m = *impl_;
  PARALLAX_RETURN_IF_ERROR(Refill());
  if (m.zs.avail_in == 0) {
    return InvalidInput("truncated gzip stream (" + std::to_string(compressed_bytes()) +
                        " compressed bytes)");
  }
  // Allow one byte past the cap so an overflow is detected, not silently cut.
  uint64_t allowed = max_output_ - std::min(max_output_, total_out_);
  size_t window = allowed < n ? static_cast<size_t>(allowed + 1) : n;
  window = std::min<size_t>(window, 1u << 30);
  m.zs.next_out = reinterpret_cast<Bytef*>(buf);
  m.zs.avail_out = static_cast<uInt>(window);
  int rc = inflate(&m.zs, Z_NO_FLUSH);
  size_t produced = window - m.zs.avail_out;
  total_out_ += produced;
  if (total_out_ > max_output_) {
    return TooLarge("gzip expands beyond " + FormatBytes(max_output_));
  }
  switch (rc) {
    case Z_STREAM_END:
      ++members_;
      state_ = State::kMemberStart;
      return produced;
    case Z_OK:
    case Z_BUF_ERROR:  // no progress possible with this input; refill next time
      return produced;
    case Z_NEED_DICT:
    case Z_DATA_ERROR:
      return InvalidInput("corrupt gzip data at byte " + std::to_string(compressed_bytes()) +
                          ": " + ZlibReason(m.zs, rc));
    default:
      return Internal("zlib inflate failed: " + ZlibReason(m.zs, rc));
  }
}

Result<size_t> GzipSource::Read(char* buf, size_t n) {
  if (!error_.ok()) return error_;
  if (n == 0) return size_t{0};
  for (;;) {
    if (state_ == State::kDone) return size_t{0};
    if (state_ == State::kMemberStart) {
      bool started = false;
      Status st = StartMember(&started);
      if (!st.ok()) return error_ = st;
      if (!started) {
        state_ = State::kDone;
        continue;
      }
      state_ = State::kInMember;
    }
    Result<size_t> got = ReadMember(buf, n);
    if (!got.ok()) return error_ = got.status();
    if (*got > 0) return got;
  }
}

Result<DecodedInput> OpenDecoded(std::unique_ptr<ByteSource> raw) {
  auto plain = std::make_unique<Reader>(std::move(raw), 64 << 10);
  Result<std::string_view> head = plain->Peek(3);
  if (!head.ok()) return head.status();
  DecodedInput out;
  if (!LooksGzip(*head)) {
    out.reader = std::move(plain);
    return out;
  }
  auto gz = std::make_unique<GzipSource>(std::move(plain));
  out.gzip = gz.get();
  out.reader = std::make_unique<Reader>(std::move(gz));
  return out;
}

namespace {

// Returns Z_STREAM_END, a truncation marker (Z_BUF_ERROR), or an error code.
int InflateWith(std::string_view data, int window_bits, uint64_t max_output, std::string* out,
                std::string* reason) {
  z_stream zs{};
  int rc = inflateInit2(&zs, window_bits);
  if (rc != Z_OK) {
    *reason = ZlibReason(zs, rc);
    return rc;
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(data.size(), UINT32_MAX));
  char chunk[64 << 10];
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    rc = inflate(&zs, Z_NO_FLUSH);
    out->append(chunk, sizeof chunk - zs.avail_out);
    if (out->size() > max_output) {
      rc = Z_MEM_ERROR;
      *reason = "expands beyond " + FormatBytes(max_output);
      break;
    }
    if (rc == Z_STREAM_END) break;
    if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)) {
      rc = Z_BUF_ERROR;  // input exhausted inside the stream
      break;
    }
    if (rc != Z_OK) {
      *reason = ZlibReason(zs, rc);
      break;
    }
  }
  inflateEnd(&zs);
  return rc;
}

}  // namespace

Result<std::string> InflateBuffer(std::string_view data, uint64_t max_output_bytes,
                                  bool allow_truncated) {
  std::string out;
  std::string reason;
  int rc = InflateWith(data, kAutoWindow, max_output_bytes, &out, &reason);
  if ((rc == Z_DATA_ERROR || rc == Z_NEED_DICT) && out.empty()) {
    out.clear();  // not gzip or zlib: servers often send bare deflate for "deflate"
    rc = InflateWith(data, kRawWindow, max_output_bytes, &out, &reason);
  }
  if (rc == Z_STREAM_END) return out;
  if (rc == Z_BUF_ERROR) {
    if (allow_truncated && !out.empty()) return out;
    return InvalidInput("truncated compressed body");
  }
  if (rc == Z_MEM_ERROR && !reason.empty()) return TooLarge("compressed body " + reason);
  return InvalidInput("corrupt compressed body: " + reason);
}

}  // namespace parallax::io
