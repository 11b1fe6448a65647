// Hostile and broken input: NUL bytes, invalid UTF-8, huge fields, SQL-ish
// strings. Every case is a clear error (or stored verbatim), never a crash.
#include "parallax/store.h"
#include "store/codec.h"
#include "store/test_db.h"
#include "store/test_util.h"

namespace parallax {
namespace {

Article Base(std::string id) {
  Article a;
  a.id = std::move(id);
  a.outlet = "Example";
  a.title = "A title";
  a.blocks = {{BlockKind::kParagraph, "Some body text."}};
  return a;
}

TEST(StoreUtf8, ValidatorIsStrict) {
  using store_internal::IsValidUtf8;
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("café — 東京 🙂"));
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));       // U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xC3"));                  // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));          // surrogate D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));      // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("ok \x80 stray continuation"));
}

TEST(StoreBadInput, RejectsClearly) {
  auto db = Store::Open(store_testing::FreshDbPath("badinput"));
  ASSERT_TRUE(db.ok());
  Store& s = **db;
  struct Case {
    const char* name;
    Article article;
    StatusCode code;
    const char* message_part;
  };
  std::vector<Case> cases;
  cases.push_back({"no id", Base(""), StatusCode::kInvalidInput, "without an id"});
  Article nul = Base("nul");
  nul.title = std::string("before\0after", 12);
  cases.push_back({"nul title", nul, StatusCode::kInvalidInput, "article 'nul': title contains a NUL byte"});
  Article nul_body = Base("nulbody");
  nul_body.blocks[0].text += std::string(1, '\0');
  cases.push_back({"nul body", nul_body, StatusCode::kInvalidInput, "text contains a NUL byte"});
  Article latin1 = Base("latin1");
  latin1.author = "Jos\xE9";  // Latin-1, not UTF-8
  cases.push_back({"latin1", latin1, StatusCode::kInvalidInput, "article 'latin1': author is not valid UTF-8"});
  Article bad_caption = Base("cap");
  bad_caption.captions = {"\xFF\xFE"};
  cases.push_back({"caption", bad_caption, StatusCode::kInvalidInput, "caption is not valid UTF-8"});
  Article bad_id = Base("id\xC3");
  cases.push_back({"bad id", bad_id, StatusCode::kInvalidInput, "article id is not a valid UTF-8"});
  Article huge = Base("huge");
  huge.blocks[0].text.assign((16u << 20) + 1, 'x');
  cases.push_back({"huge text", huge, StatusCode::kTooLarge, "article 'huge': text is 16777217 bytes, over the 16777216-byte limit"});
  Article long_title = Base("longtitle");
  long_title.title.assign(70000, 'y');
  cases.push_back({"long title", long_title, StatusCode::kTooLarge, "title is 70000 bytes"});

  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = s.PutArticle(c.article);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), c.code);
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos) << r.status().message();
  }
  EXPECT_EQ(*s.CountArticles(), 0);

  // In a batch the bad ones are rejected and the good ones stored.
  std::vector<Article> batch = {Base("good-1"), nul, Base("good-2"), huge};
  batch[2].url = "https://example.test/2";
  auto r = s.PutArticles(batch);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].outcome, PutOutcome::kInserted);
  EXPECT_EQ((*r)[1].outcome, PutOutcome::kRejected);
  EXPECT_EQ((*r)[1].error.code(), StatusCode::kInvalidInput);
  EXPECT_EQ((*r)[2].outcome, PutOutcome::kInserted);
  EXPECT_EQ((*r)[3].outcome, PutOutcome::kRejected);
  EXPECT_EQ(*s.CountArticles(), 2);
}

TEST(StoreBadInput, LimitsAreConfigurable) {
  StoreOptions opt;
  opt.max_text_bytes = 10;
  auto db = Store::Open(store_testing::FreshDbPath("limits"), opt);
  ASSERT_TRUE(db.ok());
  auto r = (*db)->PutArticle(Base("a"));  // 15-byte body
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
}

TEST(StoreBadInput, SqlIshStringsAreStoredVerbatim) {
  auto db = Store::Open(store_testing::FreshDbPath("sqlish"));
  ASSERT_TRUE(db.ok());
  Store& s = **db;
  Article a = Base("x'); DROP TABLE articles; --");
  a.title = "Robert'); DROP TABLE students;-- \"quoted\" %_ \\";
  a.outlet = "' OR 1=1 --";
  a.blocks = {{BlockKind::kParagraph, "SELECT * FROM articles WHERE id = '' OR ''='';"}};
  ASSERT_TRUE(s.PutArticle(a).ok());
  auto got = s.GetArticle(a.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->article, a);
  ASSERT_TRUE(s.PutStory(store_testing::MakeStory("'; DELETE FROM stories; --", "\" OR \"")).ok());
  ASSERT_TRUE(s.AssignArticleToStory(a.id, "'; DELETE FROM stories; --").ok());
  ASSERT_TRUE(s.PutState("key'--", "value\"--").ok());
  EXPECT_EQ(**s.GetState("key'--"), "value\"--");
  EXPECT_EQ(*s.CountArticles(), 1);
  EXPECT_EQ(*s.CountStories(), 1);
  EXPECT_TRUE(s.CheckIntegrity().ok());
}

}  // namespace
}  // namespace parallax
