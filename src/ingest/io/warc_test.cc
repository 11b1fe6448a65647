#include "ingest/io/warc.h"

#include <gtest/gtest.h>

#include "ingest/io/gzip.h"
#include "ingest/io/test_util.h"

namespace parallax::io {
namespace {

using testing::HttpMessage;
using testing::WarcRecordText;

// Every step of reading `data`, printed compactly:
//   "R3 response https://a" (record), "S2 request" (skipped), "P: msg" / "F: msg" (problem).
std::vector<std::string> Steps(std::string data, uint64_t max_record = 1 << 20) {
  Result<DecodedInput> in = OpenDecoded(OwnedMemorySource(std::move(data)));
  EXPECT_TRUE(in.ok());
  WarcReader warc(in->reader.get(), max_record);
  std::vector<std::string> out;
  WarcRecord rec;
  for (int guard = 0; guard < 1000; ++guard) {
    WarcStep s = warc.Next(&rec, [](const WarcRecord& r) { return r.type == "response"; });
    switch (s.kind) {
      case WarcStep::kEnd: return out;
      case WarcStep::kProblem:
        out.push_back(std::string(s.fatal ? "F: " : "P: ") + s.problem.message());
        break;
      case WarcStep::kSkipped:
        out.push_back("S" + std::to_string(rec.number) + " " + rec.type);
        break;
      case WarcStep::kRecord:
        out.push_back("R" + std::to_string(rec.number) + " " + rec.type + " " + rec.target_uri +
                      " " + std::to_string(rec.block.size()));
        break;
    }
  }
  ADD_FAILURE() << "no end";
  return out;
}

std::string Response(std::string_view uri, std::string_view body) {
  return WarcRecordText("response", uri, "application/http; msgtype=response",
                        HttpMessage(200, "text/html", "", body));
}

TEST(Warc, MixedRecordTypes) {
  std::string r1 = Response("https://a.example/1", "<html>one</html>");
  std::string data = WarcRecordText("warcinfo", "", "application/warc-fields", "software: x\r\n") +
                     WarcRecordText("request", "https://a.example/1", "application/http",
                                    "GET /1 HTTP/1.1\r\n\r\n") +
                     r1 + WarcRecordText("metadata", "https://a.example/1", "", "k: v") +
                     WarcRecordText("revisit", "https://a.example/1", "", "") +
                     Response("https://a.example/2", "<html>two</html>");
  std::vector<std::string> steps = Steps(data);
  ASSERT_EQ(steps.size(), 6u);
  EXPECT_EQ(steps[0], "S1 warcinfo");
  EXPECT_EQ(steps[1], "S2 request");
  EXPECT_TRUE(steps[2].starts_with("R3 response https://a.example/1 ")) << steps[2];
  EXPECT_EQ(steps[3], "S4 metadata");
  EXPECT_EQ(steps[4], "S5 revisit");
  EXPECT_TRUE(steps[5].starts_with("R6 response https://a.example/2 ")) << steps[5];
}

TEST(Warc, GzipPerRecordLikeCommonCrawl) {
  std::string data = testing::Gzip(WarcRecordText("warcinfo", "", "", "x")) +
                     testing::Gzip(Response("https://b.example/", "<html>b</html>")) +
                     testing::Gzip(Response("https://c.example/", "<html>c</html>"));
  std::vector<std::string> steps = Steps(data);
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_TRUE(steps[2].starts_with("R3 response https://c.example/")) << steps[2];
}

TEST(Warc, Warc11AndAngleBracketUri) {
  std::string rec = Response("<https://d.example/x>", "<html>d</html>");
  rec.replace(0, 8, "WARC/1.1");
  std::vector<std::string> steps = Steps(rec);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_TRUE(steps[0].starts_with("R1 response https://d.example/x ")) << steps[0];
}

TEST(Warc, GarbageBetweenRecordsIsReportedAndSkipped) {
  std::string data = Response("https://a/", "<html>a</html>") + "this is junk\r\nmore junk\r\n" +
                     Response("https://b/", "<html>b</html>");
  std::vector<std::string> steps = Steps(data);
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_TRUE(steps[0].starts_with("R1 response https://a/"));
  EXPECT_EQ(steps[1], "P: skipped 25 bytes of unexpected data after record 1");
  EXPECT_TRUE(steps[2].starts_with("R2 response https://b/"));
}

TEST(Warc, BadContentLengthResyncs) {
  std::string bad = Response("https://bad/", "<html>bad</html>");
  size_t pos = bad.find("Content-Length: ");
  bad.replace(pos + 16, 2, "x9");
  std::string data = Response("https://a/", "<html>a</html>") + bad +
                     Response("https://b/", "<html>b</html>");
  std::vector<std::string> steps = Steps(data);
  ASSERT_EQ(steps.size(), 3u) << ::testing::PrintToString(steps);
  EXPECT_EQ(steps[1], "P: record 2 (https://bad/): missing or invalid Content-Length; skipped");
  EXPECT_TRUE(steps[2].starts_with("R3 response https://b/")) << steps[2];
}

TEST(Warc, RecordOverTheLimitIsSkippedWithAProblem) {
  std::string data = Response("https://big/", std::string(5000, 'x')) +
                     Response("https://small/", "<html>s</html>");
  std::vector<std::string> steps = Steps(data, 1000);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_TRUE(steps[0].starts_with("P: record 1 (https://big/): record of 4.9 KB exceeds the limit"))
      << steps[0];
  EXPECT_TRUE(steps[1].starts_with("R2 response https://small/"));
}

TEST(Warc, TruncatedLastRecordIsOneFatalProblem) {
  std::string data = Response("https://a/", "<html>a</html>") +
                     Response("https://cut/", std::string(500, 'y'));
  data.resize(data.size() - 300);
  std::vector<std::string> steps = Steps(data);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_TRUE(steps[1].starts_with("F: record 2 (https://cut/): truncated: expected ")) << steps[1];

  // Cut inside the header.
  std::string header_cut = Response("https://a/", "x").substr(0, 40);
  steps = Steps(header_cut);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_TRUE(steps[0].starts_with("F: record 1")) << steps[0];
}

TEST(Warc, TruncatedGzipTail) {
  std::string data = testing::Gzip(Response("https://a/", "<html>a</html>")) +
                     testing::Gzip(Response("https://b/", std::string(3000, 'b')));
  data.resize(data.size() - 20);
  std::vector<std::string> steps = Steps(data);
  ASSERT_EQ(steps.size(), 2u) << ::testing::PrintToString(steps);
  EXPECT_TRUE(steps[1].starts_with("F: ")) << steps[1];
  EXPECT_NE(steps[1].find("truncated gzip stream"), std::string::npos) << steps[1];
}

TEST(Warc, GarbageBeforeTheFirstRecordAndAtTheEnd) {
  std::vector<std::string> steps = Steps("junk\n" + Response("https://a/", "a") + "tail junk");
  ASSERT_EQ(steps.size(), 3u) << ::testing::PrintToString(steps);
  EXPECT_EQ(steps[0], "P: skipped 5 bytes of unexpected data before the first record");
  EXPECT_EQ(steps[2], "P: skipped 9 bytes of unexpected data after record 1");
}

TEST(Warc, EmptyInput) { EXPECT_TRUE(Steps("").empty()); }

}  // namespace
}  // namespace parallax::io
