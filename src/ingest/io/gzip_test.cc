#include "ingest/io/gzip.h"

#include <gtest/gtest.h>

#include "ingest/io/test_util.h"

namespace parallax::io {
namespace {

using testing::Gzip;

Result<std::string> GunzipAll(std::string_view compressed, uint64_t cap = UINT64_MAX) {
  Reader r(std::make_unique<GzipSource>(MemorySource(compressed), cap), 1 << 10);
  std::string out;
  Status st = r.ReadAll(UINT64_MAX, &out);
  if (!st.ok()) return st;
  return out;
}

TEST(Gzip, SingleMember) {
  Result<std::string> out = GunzipAll(Gzip("hello, gzip"));
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(*out, "hello, gzip");
}

TEST(Gzip, MultiMemberAsInWarcGz) {
  std::string data = Gzip("first ") + Gzip("") + Gzip("second ") + Gzip("third");
  Result<std::string> out = GunzipAll(data);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(*out, "first second third");
}

TEST(Gzip, ManyMembersAcrossBufferBoundaries) {
  std::string data, expected;
  for (int i = 0; i < 5000; ++i) {
    std::string part = "record " + std::to_string(i) + "\n";
    data += Gzip(part);
    expected += part;
  }
  Result<std::string> out = GunzipAll(data);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(*out, expected);
}

TEST(Gzip, TrailingZeroPaddingIsAccepted) {
  Result<std::string> out = GunzipAll(Gzip("padded") + std::string(100, '\0'));
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(*out, "padded");
}

TEST(Gzip, TruncatedStream) {
  std::string data = Gzip(std::string(10000, 'a') + "tail");
  for (size_t cut : {size_t{5}, size_t{12}, data.size() / 2, data.size() - 1}) {
    Result<std::string> out = GunzipAll(data.substr(0, cut));
    ASSERT_FALSE(out.ok()) << cut;
    EXPECT_TRUE(out.status().message().starts_with("truncated gzip stream")) << out.status().message();
  }
  // A second member cut inside its magic bytes.
  Result<std::string> out = GunzipAll(Gzip("one") + "\x1f");
  ASSERT_FALSE(out.ok());
  EXPECT_TRUE(out.status().message().starts_with("truncated gzip stream"));
}

TEST(Gzip, CorruptDataNamesTheByte) {
  std::string data = Gzip("some text that compresses into a few bytes of deflate data");
  data[12] = static_cast<char>(data[12] ^ 0xFF);
  data[13] = static_cast<char>(data[13] ^ 0xFF);
  Result<std::string> out = GunzipAll(data);
  ASSERT_FALSE(out.ok());
  EXPECT_TRUE(out.status().message().starts_with("corrupt gzip data at byte "))
      << out.status().message();
}

TEST(Gzip, BadCrcIsCorrupt) {
  std::string data = Gzip("checksummed");
  data[data.size() - 6] = static_cast<char>(data[data.size() - 6] ^ 1);  // CRC32 trailer
  Result<std::string> out = GunzipAll(data);
  ASSERT_FALSE(out.ok());
  EXPECT_TRUE(out.status().message().starts_with("corrupt gzip data")) << out.status().message();
}

TEST(Gzip, GarbageAfterMember) {
  Result<std::string> out = GunzipAll(Gzip("ok") + "garbage");
  ASSERT_FALSE(out.ok());
  EXPECT_TRUE(out.status().message().starts_with("unexpected data after gzip member at byte "))
      << out.status().message();
}

TEST(Gzip, BombStopsAtTheCap) {
  // 64 members of 1 MB of zeros: 64 MB from ~64 KB; the cap is 1 MB.
  std::string member = Gzip(std::string(1 << 20, '\0'));
  std::string bomb;
  for (int i = 0; i < 64; ++i) bomb += member;
  ASSERT_LT(bomb.size(), 100u << 10);
  Result<std::string> out = GunzipAll(bomb, 1 << 20);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(out.status().message(), "gzip expands beyond 1 MB");
}

TEST(Gzip, OutputExactlyAtTheCapIsFine) {
  Result<std::string> out = GunzipAll(Gzip(std::string(4096, 'z')), 4096);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->size(), 4096u);
}

TEST(OpenDecoded, DetectsGzipByMagicNotName) {
  Result<DecodedInput> plain = OpenDecoded(MemorySource("plain text"));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->gzip, nullptr);
  std::string out;
  ASSERT_TRUE(plain->reader->ReadAll(100, &out).ok());
  EXPECT_EQ(out, "plain text");

  Result<DecodedInput> gz = OpenDecoded(OwnedMemorySource(Gzip("zipped text")));
  ASSERT_TRUE(gz.ok());
  EXPECT_NE(gz->gzip, nullptr);
  out.clear();
  ASSERT_TRUE(gz->reader->ReadAll(100, &out).ok());
  EXPECT_EQ(out, "zipped text");

  Result<DecodedInput> tiny = OpenDecoded(MemorySource("\x1f"));  // shorter than the magic
  ASSERT_TRUE(tiny.ok());
  EXPECT_EQ(tiny->gzip, nullptr);
}

TEST(InflateBuffer, GzipZlibAndRawDeflate) {
  const std::string text = "<html><body>compressed body</body></html>";
  for (const std::string& data :
       {Gzip(text), testing::Deflate(text, false), testing::Deflate(text, true)}) {
    Result<std::string> out = InflateBuffer(data, 1 << 20, false);
    ASSERT_TRUE(out.ok()) << out.status().message();
    EXPECT_EQ(*out, text);
  }
}

TEST(InflateBuffer, TruncatedAndLimits) {
  std::string data = Gzip(std::string(100000, 'q'));
  std::string cut = data.substr(0, data.size() / 2);
  EXPECT_FALSE(InflateBuffer(cut, 1 << 20, false).ok());
  Result<std::string> partial = InflateBuffer(cut, 1 << 20, true);
  ASSERT_TRUE(partial.ok());
  EXPECT_GT(partial->size(), 0u);
  Result<std::string> capped = InflateBuffer(data, 1000, false);
  ASSERT_FALSE(capped.ok());
  EXPECT_EQ(capped.status().code(), StatusCode::kTooLarge);
  EXPECT_FALSE(InflateBuffer("not compressed at all", 1000, false).ok());
}

}  // namespace
}  // namespace parallax::io
