#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "parallax/ingest.h"

namespace parallax {
namespace {

std::vector<std::string> FixtureLines(const std::string& name) {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/tests/data/formats/" + name);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

using Strings = std::vector<std::string>;

TEST(JsonRecordTest, TextRecordFields) {
  Strings lines = FixtureLines("records.jsonl");
  ASSERT_EQ(lines.size(), 3u);
  DocContext ctx;
  ctx.source = "records.jsonl#1";
  ctx.default_id = "records";  // ignored: records get their own ids
  Result<Article> r = ArticleFromJsonRecord(lines[0], ctx);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->id, "r1");
  EXPECT_EQ(r->url, "https://news.example/a");
  EXPECT_EQ(r->outlet, "Example News");
  EXPECT_EQ(r->title, "Record title");
  EXPECT_EQ(r->published, "2024-03-26");
  EXPECT_EQ(r->published_source, DateSource::kMetadata);
  EXPECT_EQ(r->author, "Jane Doe");
  EXPECT_EQ(r->language, "en");
  EXPECT_EQ(r->source, "records.jsonl#1");
  EXPECT_EQ(r->Paragraphs(),
            (Strings{"First paragraph of the record.", "Second paragraph of the record."}));
}

TEST(JsonRecordTest, TextWithHeadlineAndDateline) {
  Strings lines = FixtureLines("records.jsonl");
  Result<Article> r = ArticleFromJsonRecord(lines[1], {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "Record title two");
  EXPECT_EQ(r->place, "Washington");
  EXPECT_EQ(r->outlet, "Reuters");
  EXPECT_EQ(r->id, DeriveArticleId("https://news.example/b", ""));
  EXPECT_EQ(r->Paragraphs(), (Strings{"The body starts with a dateline and goes on for a while."}));
}

TEST(JsonRecordTest, HtmlRecordRecordTitleWins) {
  Strings lines = FixtureLines("records.jsonl");
  Result<Article> r = ArticleFromJsonRecord(lines[2], {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "Record wins");
  EXPECT_FALSE(r->blocks.empty());
  EXPECT_EQ(r->id[0], 'c');
}

TEST(JsonRecordTest, KnownTitleRepeatedInTextIsDropped) {
  Result<Article> r = ArticleFromJsonRecord(
      R"({"title":"Talks resume","text":"Talks resume\nThe talks resumed on Monday in Cairo."})",
      {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "Talks resume");
  EXPECT_EQ(r->Paragraphs(), (Strings{"The talks resumed on Monday in Cairo."}));
}

TEST(JsonRecordTest, Errors) {
  auto message = [](std::string_view line) {
    Result<Article> r = ArticleFromJsonRecord(line, {});
    EXPECT_FALSE(r.ok()) << line;
    if (r.ok()) return std::string();
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput) << line;
    return r.status().message();
  };
  EXPECT_TRUE(message(R"({"text": "abc)").starts_with("invalid JSON at byte "));
  EXPECT_TRUE(message("").starts_with("invalid JSON at byte ")) << message("");
  EXPECT_EQ(message("[1,2]"), "record is not a JSON object");
  EXPECT_EQ(message(R"({"title": "x"})"), "record has neither 'text' nor 'html'");
  EXPECT_EQ(message(R"({"text": "x", "title": 5})"), "field 'title' must be a string");
  EXPECT_EQ(message(R"({"text": ["x"]})"), "field 'text' must be a string");
  EXPECT_EQ(message(R"({"text": "   "})"), "record 'text' has no text");
  // Raw control characters are not allowed inside JSON strings.
  EXPECT_TRUE(message(std::string(R"({"text": "a)") + std::string(1, '\0') + "b\"}")
                  .starts_with("invalid JSON at byte 12"));
}

TEST(JsonRecordTest, NullFieldsAreAbsentAndBadDatesDropped) {
  Result<Article> r = ArticleFromJsonRecord(
      R"({"text":"Body text here.","title":null,"published":"not a date","id":42})", {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "");
  EXPECT_EQ(r->published, "");
  EXPECT_EQ(r->id, "42");
}

}  // namespace
}  // namespace parallax
