#include "ingest/io/stream.h"

#include <gtest/gtest.h>

#include "ingest/io/test_util.h"

namespace parallax::io {
namespace {

// A source that hands out at most `chunk` bytes per read, to exercise
// buffer boundaries.
class Trickle : public ByteSource {
 public:
  Trickle(std::string data, size_t chunk) : data_(std::move(data)), chunk_(chunk) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min({n, chunk_, data_.size() - pos_});
    std::copy_n(data_.data() + pos_, k, buf);
    pos_ += k;
    return k;
  }

 private:
  std::string data_;
  size_t chunk_;
  size_t pos_ = 0;
};

class Failing : public ByteSource {
 public:
  Result<size_t> Read(char*, size_t) override { return IoError("disk on fire"); }
};

std::vector<std::string> Lines(Reader& r, size_t max_len, std::vector<LineStatus>* kinds) {
  std::vector<std::string> out;
  std::string line;
  for (;;) {
    Result<LineStatus> st = r.ReadLine(&line, max_len);
    EXPECT_TRUE(st.ok()) << st.status().message();
    if (!st.ok() || *st == LineStatus::kEof) break;
    kinds->push_back(*st);
    out.push_back(line);
  }
  return out;
}

TEST(Reader, LinesAcrossSmallBuffers) {
  for (size_t chunk : {1, 2, 3, 7, 64}) {
    Reader r(std::make_unique<Trickle>("ab\ncd\r\n\nlast", chunk), 64);
    std::vector<LineStatus> kinds;
    EXPECT_EQ(Lines(r, 100, &kinds), (std::vector<std::string>{"ab", "cd\r", "", "last"}))
        << chunk;
  }
}

TEST(Reader, TooLongLineIsSkippedAndNextLineFollows) {
  std::string data = std::string(1000, 'x') + "\nshort\n";
  Reader r(std::make_unique<Trickle>(data, 100), 64);
  std::vector<LineStatus> kinds;
  std::vector<std::string> lines = Lines(r, 10, &kinds);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(kinds[0], LineStatus::kTooLong);
  EXPECT_EQ(lines[1], "short");
  EXPECT_EQ(kinds[1], LineStatus::kLine);
  EXPECT_EQ(r.offset(), data.size());
}

TEST(Reader, PeekDoesNotConsume) {
  Reader r(std::make_unique<Trickle>("hello world", 2), 64);
  Result<std::string_view> head = r.Peek(5);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(*head, "hello");
  char buf[16];
  Result<size_t> got = r.Read(buf, sizeof buf);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(std::string(buf, *got), "hello world");
}

TEST(Reader, SkipReadIntoAndOffsets) {
  std::string data;
  for (int i = 0; i < 1000; ++i) data += std::to_string(i) + ",";
  Reader r(std::make_unique<Trickle>(data, 33), 64);
  Result<uint64_t> skipped = r.Skip(100);
  ASSERT_TRUE(skipped.ok());
  EXPECT_EQ(*skipped, 100u);
  std::string out;
  Result<uint64_t> got = r.ReadInto(500, &out);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(out, data.substr(100, 500));
  EXPECT_EQ(r.offset(), 600u);
  skipped = r.Skip(UINT64_MAX);
  ASSERT_TRUE(skipped.ok());
  EXPECT_EQ(*skipped, data.size() - 600);
  EXPECT_TRUE(*r.AtEnd());
}

TEST(Reader, ReadAllHonoursTheCap) {
  Reader r(MemorySource("0123456789"), 64);
  std::string out;
  Status st = r.ReadAll(4, &out);
  EXPECT_EQ(st.code(), StatusCode::kTooLarge);
  EXPECT_EQ(out.size(), 5u);
  Reader unlimited(MemorySource("0123456789"), 64);
  out.clear();
  EXPECT_TRUE(unlimited.ReadAll(UINT64_MAX, &out).ok());
  EXPECT_EQ(out, "0123456789");
}

TEST(Reader, ErrorsAreSticky) {
  Reader r(std::make_unique<Failing>());
  std::string line;
  EXPECT_EQ(r.ReadLine(&line, 10).status().message(), "disk on fire");
  EXPECT_EQ(r.Peek(1).status().message(), "disk on fire");
}

// A source that yields some bytes, then fails.
class FailsAfter : public ByteSource {
 public:
  Result<size_t> Read(char* buf, size_t n) override {
    if (done_) return IoError("late failure");
    done_ = true;
    size_t k = std::min<size_t>(n, 5);
    std::copy_n("hello", k, buf);
    return k;
  }

 private:
  bool done_ = false;
};

TEST(Reader, PeekBeforeAnErrorSeesTheGoodBytes) {
  Reader r(std::make_unique<FailsAfter>());
  Result<std::string_view> head = r.Peek(100);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(*head, "hello");
  std::string out;
  Status st = r.ReadAll(1000, &out);
  EXPECT_EQ(st.message(), "late failure");
  EXPECT_EQ(out, "hello");
}

TEST(OpenFileSource, MissingFileIsNotFound) {
  Result<std::unique_ptr<ByteSource>> f = OpenFileSource("/nonexistent/parallax/file");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(f.status().message(), "cannot open: No such file or directory");
}

TEST(OpenFileSource, ReadsAFile) {
  std::string dir = testing::MakeTempDir("stream");
  testing::WriteFile(dir + "/f.txt", "contents\n");
  Result<std::unique_ptr<ByteSource>> f = OpenFileSource(dir + "/f.txt");
  ASSERT_TRUE(f.ok());
  Reader r(std::move(f).value());
  std::string out;
  ASSERT_TRUE(r.ReadAll(100, &out).ok());
  EXPECT_EQ(out, "contents\n");
  EXPECT_FALSE(OpenFileSource(dir).ok());  // a folder is not a file
}

TEST(FormatBytes, Units) {
  EXPECT_EQ(FormatBytes(1), "1 byte");
  EXPECT_EQ(FormatBytes(512), "512 bytes");
  EXPECT_EQ(FormatBytes(64 << 10), "64 KB");
  EXPECT_EQ(FormatBytes(2ull << 30), "2 GB");
  EXPECT_EQ(FormatBytes(3328599654ull), "3.1 GB");
}

}  // namespace
}  // namespace parallax::io
