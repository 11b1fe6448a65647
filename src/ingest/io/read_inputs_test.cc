// ReadInputs end to end on generated files: formats, gzip, folders, limits,
// WARC damage, stdin. Fixtures are written into a fresh temporary folder.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "ingest/io/test_util.h"
#include "parallax/ingest.h"

namespace parallax {
namespace {

using io::testing::ArticleHtml;
using io::testing::Gzip;
using io::testing::HttpMessage;
using io::testing::WarcRecordText;
using io::testing::WriteFile;

struct ReadResult {
  std::vector<Article> articles;
  std::vector<std::string> errors;  // "input: problem", input relative to the temp folder
  ReadStats stats;
};

ReadResult Read(const std::vector<std::string>& inputs, const std::string& root,
         const ReadOptions& options = {}) {
  ReadResult run;
  ReadCallbacks cb;
  cb.on_article = [&](Article&& a) { run.articles.push_back(std::move(a)); };
  cb.on_error = [&](const InputError& e) {
    std::string input = e.input.starts_with(root + "/") ? e.input.substr(root.size() + 1) : e.input;
    run.errors.push_back(input + ": " + e.problem);
  };
  run.stats = ReadInputs(inputs, options, cb);
  EXPECT_EQ(run.stats.articles, run.articles.size());
  EXPECT_EQ(run.stats.errors, run.errors.size());
  return run;
}

const std::string kBody =
    "The city council approved the new transit budget on Monday after a long debate. "
    "Supporters said the plan would add bus routes and extend service hours across the region.";

class ReadInputsTest : public ::testing::Test {
 protected:
  void SetUp() override { root_ = io::testing::MakeTempDir("read_inputs"); }
  std::string Path(const std::string& name) const { return root_ + "/" + name; }
  std::string root_;
};

TEST_F(ReadInputsTest, EmptyAndMissingFiles) {
  WriteFile(Path("empty.txt"), "");
  WriteFile(Path("empty.html.gz"), Gzip(""));
  ReadResult run = Read({Path("empty.txt"), Path("empty.html.gz"), Path("missing.txt")}, root_);
  EXPECT_TRUE(run.articles.empty());
  EXPECT_EQ(run.errors, (std::vector<std::string>{
                            "empty.txt: empty file", "empty.html.gz: empty file",
                            "missing.txt: cannot open: No such file or directory"}));
  EXPECT_EQ(run.stats.files, 2u);
}

TEST_F(ReadInputsTest, SingleHtmlGetsBasenameIdAndUrl) {
  WriteFile(Path("a.html.gz"), Gzip(ArticleHtml("Council approves budget", kBody)));
  ReadOptions options;
  options.url = "https://news.example/budget";
  ReadResult run = Read({Path("a.html.gz")}, root_, options);
  ASSERT_EQ(run.articles.size(), 1u) << ::testing::PrintToString(run.errors);
  EXPECT_EQ(run.articles[0].id, "a");
  EXPECT_EQ(run.articles[0].url, "https://news.example/budget");
  EXPECT_EQ(run.articles[0].source, Path("a.html.gz"));
}

TEST_F(ReadInputsTest, UrlOptionOnlyForASingleDocument) {
  WriteFile(Path("a.html"), ArticleHtml("First page", kBody));
  WriteFile(Path("b.html"), ArticleHtml("Second page", kBody));
  ReadOptions options;
  options.url = "https://news.example/one";
  ReadResult run = Read({Path("a.html"), Path("b.html")}, root_, options);
  ASSERT_EQ(run.articles.size(), 2u) << ::testing::PrintToString(run.errors);
  EXPECT_NE(run.articles[0].url, options.url);
  EXPECT_EQ(run.articles[1].id, "b");
}

TEST_F(ReadInputsTest, Windows1252TextIsDecoded) {
  WriteFile(Path("latin.txt"),
            "Caf\xE9 owners protest new rules\n\nThe caf\xE9 association said the "
            "r\xE9gime would hurt small businesses across the region, and officials disagreed.\n");
  ReadResult run = Read({Path("latin.txt")}, root_);
  ASSERT_EQ(run.articles.size(), 1u) << ::testing::PrintToString(run.errors);
  EXPECT_NE(run.articles[0].title.find("Caf\xC3\xA9"), std::string::npos) << run.articles[0].title;
  EXPECT_EQ(run.articles[0].id, "latin");
}

TEST_F(ReadInputsTest, FolderWithNestedAndHiddenEntries) {
  std::filesystem::create_directories(Path("in/sub"));
  std::filesystem::create_directories(Path("in/.cache"));
  WriteFile(Path("in/b.txt"), "Second headline\n\n" + kBody + "\n");
  WriteFile(Path("in/sub/a.html"), ArticleHtml("Nested page", kBody));
  WriteFile(Path("in/.cache/x.txt"), "Hidden headline\n\n" + kBody + "\n");
  WriteFile(Path("in/.hidden.txt"), "Hidden headline\n\n" + kBody + "\n");
  WriteFile(Path("in/a.txt"), "First headline\n\n" + kBody + "\n");
  ReadResult run = Read({Path("in")}, root_);
  ASSERT_EQ(run.articles.size(), 3u) << ::testing::PrintToString(run.errors);
  EXPECT_EQ(run.articles[0].id, "a");
  EXPECT_EQ(run.articles[1].id, "b");
  EXPECT_EQ(run.articles[2].source, Path("in/sub/a.html"));
  EXPECT_EQ(run.stats.files, 3u);
}

TEST_F(ReadInputsTest, DocumentOverTheLimitAfterDecompression) {
  std::string member = Gzip(std::string(1 << 20, 'a'));
  std::string bomb;
  for (int i = 0; i < 64; ++i) bomb += member;  // 64 MB from ~64 KB
  WriteFile(Path("bomb.txt.gz"), bomb);
  WriteFile(Path("big.txt"), std::string(3 << 20, 'b'));
  WriteFile(Path("big2.txt.gz"), Gzip(std::string(3 << 20, 'c')));
  ReadOptions options;
  options.limits.max_document_bytes = 1 << 20;
  ReadResult run = Read({Path("bomb.txt.gz"), Path("big.txt"), Path("big2.txt.gz")}, root_, options);
  EXPECT_TRUE(run.articles.empty());
  EXPECT_EQ(run.errors,
            (std::vector<std::string>{
                "bomb.txt.gz: document is more than 8 MB after decompression; limit is 1 MB",
                "big.txt: document is 3 MB; limit is 1 MB",
                "big2.txt.gz: document is 3 MB after decompression; limit is 1 MB"}));
}

TEST_F(ReadInputsTest, CorruptAndTruncatedGzip) {
  std::string gz = Gzip("Headline\n\n" + kBody);
  WriteFile(Path("cut.txt.gz"), gz.substr(0, gz.size() / 2));
  ReadResult run = Read({Path("cut.txt.gz")}, root_);
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_TRUE(run.errors[0].starts_with("cut.txt.gz: truncated gzip stream")) << run.errors[0];
}

TEST_F(ReadInputsTest, BinaryFileIsReported) {
  WriteFile(Path("x.pdf"), "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
  ReadResult run = Read({Path("x.pdf")}, root_);
  EXPECT_EQ(run.errors,
            (std::vector<std::string>{"x.pdf: binary data, not a supported input format"}));
}

std::string Chunked(std::string_view body) {
  std::string out;
  for (size_t i = 0; i < body.size(); i += 100) {
    std::string part(body.substr(i, 100));
    char size[16];
    std::snprintf(size, sizeof size, "%zx", part.size());
    out += std::string(size) + "\r\n" + part + "\r\n";
  }
  return out + "0\r\n\r\n";
}

TEST_F(ReadInputsTest, WarcWithMixedRecordsAndDamage) {
  const std::string http = "application/http; msgtype=response";
  std::string warc =
      Gzip(WarcRecordText("warcinfo", "", "application/warc-fields", "software: test\r\n")) +
      Gzip(WarcRecordText("request", "https://a.example/1", "application/http",
                          "GET /1 HTTP/1.1\r\n\r\n")) +
      Gzip(WarcRecordText("response", "https://a.example/1", http,
                          HttpMessage(200, "text/html; charset=utf-8", "",
                                      ArticleHtml("Plain page", kBody)))) +
      Gzip(WarcRecordText("response", "https://a.example/img", http,
                          HttpMessage(200, "image/png", "", "\x89PNG"))) +
      Gzip(WarcRecordText("response", "https://a.example/gone", http,
                          HttpMessage(404, "text/html", "", "<html>not found</html>"))) +
      Gzip(WarcRecordText("response", "https://a.example/chunked", http,
                          HttpMessage(200, "text/html",
                                      "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                                      Chunked(Gzip(ArticleHtml("Chunked page", kBody)))))) +
      Gzip("garbage between records\r\n") +
      Gzip(WarcRecordText("resource", "https://a.example/res", "text/html",
                          ArticleHtml("Resource page", kBody))) +
      Gzip(WarcRecordText("response", "https://a.example/cut", http,
                          HttpMessage(200, "text/html", "", ArticleHtml("Cut page", kBody))))
          .substr(0, 200);
  WriteFile(Path("crawl.warc.gz"), warc);
  ReadResult run = Read({Path("crawl.warc.gz")}, root_);
  ASSERT_EQ(run.articles.size(), 3u) << ::testing::PrintToString(run.errors);
  EXPECT_EQ(run.articles[0].url, "https://a.example/1");
  EXPECT_EQ(run.articles[0].source, Path("crawl.warc.gz") + "#3");
  EXPECT_FALSE(run.articles[0].id.empty());
  EXPECT_NE(run.articles[0].id, "crawl");
  EXPECT_EQ(run.articles[1].url, "https://a.example/chunked");
  EXPECT_EQ(run.articles[2].source, Path("crawl.warc.gz") + "#7");
  ASSERT_EQ(run.errors.size(), 2u) << ::testing::PrintToString(run.errors);
  EXPECT_EQ(run.errors[0], "crawl.warc.gz: skipped 25 bytes of unexpected data after record 6");
  EXPECT_TRUE(run.errors[1].starts_with("crawl.warc.gz: ")) << run.errors[1];
  EXPECT_NE(run.errors[1].find("truncated gzip stream"), std::string::npos) << run.errors[1];
}

TEST_F(ReadInputsTest, CcNewsStyleFixture) {
  // tests/data/io/cc-news-sample.warc: one windows-1252 article among
  // request, metadata, redirect and PDF records.
  std::string path = io::testing::FixturePath("cc-news-sample.warc");
  ReadResult run = Read({path}, root_);
  EXPECT_TRUE(run.errors.empty()) << ::testing::PrintToString(run.errors);
  ASSERT_EQ(run.articles.size(), 1u);
  const Article& a = run.articles[0];
  EXPECT_EQ(a.url, "https://exemple.test/2024/03/25/cafe-du-port");
  EXPECT_EQ(a.source, path + "#3");
  EXPECT_EQ(a.title, "Le caf\xC3\xA9 du port rouvre ses portes");
  EXPECT_NE(a.Text().find("l\xE2\x80\x99\xC3\xA9tablissement"), std::string::npos) << a.Text();
}

TEST_F(ReadInputsTest, WarcNamedButNotWarc) {
  WriteFile(Path("x.warc"), "hello\n");
  ReadResult run = Read({Path("x.warc")}, root_);
  EXPECT_EQ(run.errors.size(), 2u) << ::testing::PrintToString(run.errors);
  EXPECT_EQ(run.errors.back(), "x.warc: no WARC records found");
}

TEST_F(ReadInputsTest, JsonlLinesAreNumbered) {
  WriteFile(Path("a.jsonl"), "{\"id\":\"one\",\"text\":\"Headline\\n\\n" + kBody +
                                 "\"}\n\n{not json}\n{\"id\":\"three\",\"text\":\"Other\\n\\n" +
                                 kBody + "\"}\n" + std::string(300, 'x') + "\n");
  ReadOptions options;
  options.limits.max_document_bytes = 256;
  ReadResult run = Read({Path("a.jsonl")}, root_, options);
  ASSERT_EQ(run.articles.size(), 2u) << ::testing::PrintToString(run.errors);
  EXPECT_EQ(run.articles[0].id, "one");
  EXPECT_EQ(run.articles[1].source, Path("a.jsonl") + "#4");
  ASSERT_EQ(run.errors.size(), 2u) << ::testing::PrintToString(run.errors);
  EXPECT_TRUE(run.errors[0].starts_with("a.jsonl: line 3: ")) << run.errors[0];
  EXPECT_EQ(run.errors[1], "a.jsonl: line 5: line of 301 bytes exceeds the limit of 256 bytes");
}

TEST_F(ReadInputsTest, StdinThroughAPipe) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::string text = "Piped headline\n\n" + kBody + "\n";
  ASSERT_EQ(::write(fds[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(fds[1]);
  int saved = ::dup(0);
  ::dup2(fds[0], 0);
  ::close(fds[0]);
  ReadResult run = Read({"-"}, root_);
  ::dup2(saved, 0);
  ::close(saved);
  ASSERT_EQ(run.articles.size(), 1u) << ::testing::PrintToString(run.errors);
  EXPECT_EQ(run.articles[0].source, "-");
  EXPECT_FALSE(run.articles[0].id.empty());
  EXPECT_EQ(run.stats.files, 1u);
}

}  // namespace
}  // namespace parallax
