#include "ingest/io/stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace parallax::io {
namespace {

class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    for (;;) {
      ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno == EINTR) continue;
      return IoError(std::string("read failed: ") + std::strerror(errno));
    }
  }

 private:
  int fd_;
  bool owned_;
};

class ViewSource : public ByteSource {
 public:
  explicit ViewSource(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min(n, bytes_.size());
    std::memcpy(buf, bytes_.data(), k);
    bytes_.remove_prefix(k);
    return k;
  }

 private:
  std::string_view bytes_;
};

class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string bytes) : bytes_(std::move(bytes)), view_(bytes_) {}
  Result<size_t> Read(char* buf, size_t n) override { return view_.Read(buf, n); }

 private:
  std::string bytes_;
  ViewSource view_;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    std::string why = std::string("cannot open: ") + std::strerror(errno);
    return errno == ENOENT ? NotFound(why) : IoError(why);
  }
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return IoError("is a directory");
  }
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return std::unique_ptr<ByteSource>(std::make_unique<FdSource>(fd, true));
}

std::unique_ptr<ByteSource> StdinSource() { return std::make_unique<FdSource>(0, false); }

std::unique_ptr<ByteSource> MemorySource(std::string_view bytes) {
  return std::make_unique<ViewSource>(bytes);
}

std::unique_ptr<ByteSource> OwnedMemorySource(std::string bytes) {
  return std::make_unique<StringSource>(std::move(bytes));
}

Reader::Reader(std::unique_ptr<ByteSource> source, size_t buffer_size)
    : source_(std::move(source)), buf_(new char[std::max<size_t>(buffer_size, 64)]),
      cap_(std::max<size_t>(buffer_size, 64)) {}

Status Reader::Fill(size_t want) {
  want = std::min(want, cap_);
  // An error with data still buffered is held back until that data is used,
  // so a peek at the head of a damaged stream still sees the good part.
  while (end_ - begin_ < want && !eof_) {
    if (!error_.ok()) return end_ > begin_ ? Status::Ok() : error_;
    if (cap_ - begin_ < want) {  // compact so `want` bytes fit after begin_
      std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    Result<size_t> got = source_->Read(buf_.get() + end_, cap_ - end_);
    if (!got.ok()) {
      error_ = got.status();
      return end_ > begin_ ? Status::Ok() : error_;
    }
    if (*got == 0) eof_ = true;
    end_ += *got;
  }
  return Status::Ok();
}

Result<std::string_view> Reader::Peek(size_t n) {
  PARALLAX_RETURN_IF_ERROR(Fill(n));
  return std::string_view(buf_.get() + begin_, std::min(n, end_ - begin_));
}

Result<size_t> Reader::Read(char* buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    if (begin_ == end_) {
      if (eof_) break;
      if (!error_.ok()) return error_;
      if (n - done >= cap_) {  // large read: bypass the buffer
        Result<size_t> got = source_->Read(buf + done, n - done);
        if (!got.ok()) return error_ = got.status();
        if (*got == 0) eof_ = true;
        done += *got;
        consumed_ += *got;
        continue;
      }
      begin_ = end_ = 0;
      PARALLAX_RETURN_IF_ERROR(Fill(1));
      continue;
    }
    size_t k = std::min(n - done, end_ - begin_);
    std::memcpy(buf + done, buf_.get() + begin_, k);
    begin_ += k;
    consumed_ += k;
    done += k;
  }
  return done;
}

Result<uint64_t> Reader::ReadInto(uint64_t n, std::string* out) {
  uint64_t done = 0;
  while (done < n) {
    if (begin_ == end_) {
      if (eof_) break;
      begin_ = end_ = 0;
      PARALLAX_RETURN_IF_ERROR(Fill(1));
      continue;
    }
    size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - begin_));
    out->append(buf_.get() + begin_, k);
    begin_ += k;
    consumed_ += k;
    done += k;
  }
  return done;
}

Result<uint64_t> Reader::Skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (begin_ == end_) {
      if (eof_) break;
      begin_ = end_ = 0;
      PARALLAX_RETURN_IF_ERROR(Fill(1));
      continue;
    }
    size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - begin_));
    begin_ += k;
    consumed_ += k;
    done += k;
  }
  return done;
}

Result<LineStatus> Reader::ReadLine(std::string* line, size_t max_len) {
  line->clear();
  bool too_long = false;
  bool any = false;
  for (;;) {
    if (begin_ == end_) {
      if (eof_) break;
      begin_ = end_ = 0;
      PARALLAX_RETURN_IF_ERROR(Fill(1));
      continue;
    }
    any = true;
    const char* start = buf_.get() + begin_;
    size_t avail = end_ - begin_;
    const void* nl = std::memchr(start, '\n', avail);
    size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
    if (!too_long) {
      if (line->size() + take > max_len) {
        too_long = true;
        line->clear();
        line->shrink_to_fit();
      } else {
        line->append(start, take);
      }
    }
    size_t advance = take + (nl ? 1 : 0);
    begin_ += advance;
    consumed_ += advance;
    if (nl) break;
  }
  if (!any) return LineStatus::kEof;
  return too_long ? LineStatus::kTooLong : LineStatus::kLine;
}

Status Reader::ReadAll(uint64_t max_bytes, std::string* out) {
  for (;;) {
    if (begin_ == end_) {
      if (eof_) return Status::Ok();
      begin_ = end_ = 0;
      PARALLAX_RETURN_IF_ERROR(Fill(1));
      continue;
    }
    uint64_t limit = max_bytes == UINT64_MAX ? max_bytes : max_bytes + 1;
    uint64_t room = limit - std::min<uint64_t>(out->size(), limit);
    size_t k = static_cast<size_t>(std::min<uint64_t>(room, end_ - begin_));
    out->append(buf_.get() + begin_, k);
    begin_ += k;
    consumed_ += k;
    if (out->size() > max_bytes) return TooLarge("more than " + FormatBytes(max_bytes));
  }
}

Result<bool> Reader::AtEnd() {
  PARALLAX_RETURN_IF_ERROR(Fill(1));
  return begin_ == end_;
}

std::string FormatBytes(uint64_t n) {
  static const char* kUnits[] = {"bytes", "KB", "MB", "GB", "TB"};
  if (n < 1024) return std::to_string(n) + (n == 1 ? " byte" : " bytes");
  double v = static_cast<double>(n);
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  char out[32];
  if (v == static_cast<double>(static_cast<uint64_t>(v))) {
    std::snprintf(out, sizeof out, "%llu %s", static_cast<unsigned long long>(v), kUnits[u]);
  } else {
    std::snprintf(out, sizeof out, "%.1f %s", v, kUnits[u]);
  }
  return out;
}

}  // namespace parallax::io
