// The query sanitiser (table-driven) and full-text search.
#include "parallax/store.h"
#include "store/fts_query.h"
#include "store/test_db.h"
#include "store/test_util.h"

namespace parallax {
namespace {

TEST(StoreFtsQuery, TurnsUserTextIntoSafeExpressions) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"ceasefire", "\"ceasefire\""},
      {"  gaza   ceasefire ", "\"gaza\" AND \"ceasefire\""},
      {"\"security council\" vote", "\"security council\" AND \"vote\""},
      {"gaza OR rafah", "(\"gaza\" OR \"rafah\")"},
      {"un gaza OR rafah vote", "\"un\" AND (\"gaza\" OR \"rafah\") AND \"vote\""},
      {"ceasefire -hamas", "\"ceasefire\" NOT \"hamas\""},
      {"a b -\"x y\" -z", "(\"a\" AND \"b\") NOT \"x y\" NOT \"z\""},
      {"negot*", "\"negot\"*"},
      {"\"secur coun\"*", "\"secur coun\"*"},
      {"or OR", "\"or\""},              // lowercase or is a word; a dangling OR is dropped
      {"OR gaza", "\"gaza\""},
      {"AND NOT NEAR", "\"AND\" AND \"NOT\" AND \"NEAR\""},  // FTS keywords as plain words
      {"title:gaza", "\"title:gaza\""},  // no column filters
      {"it's \"unclosed", "\"it's\" AND \"unclosed\""},
      {"say \"\"\"hi\"", "\"say\" AND \"hi\""},
      {"a*b^c(d)", "\"a*b^c(d)\""},
      {"— ... !!! gaza", "\"gaza\""},      // punctuation-only items dropped
      {"東京 café", "\"東京\" AND \"café\""},
  };
  for (const Case& c : cases) {
    auto r = store_internal::ToFtsQuery(c.in);
    ASSERT_TRUE(r.ok()) << c.in << ": " << r.status().ToString();
    EXPECT_EQ(*r, c.out) << c.in;
  }
  for (const char* bad : {"", "   ", "-", "!!! ---", "-hamas", "-\"a b\"", "\xff\xfe"}) {
    auto r = store_internal::ToFtsQuery(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_FALSE(store_internal::ToFtsQuery(std::string(1001, 'a')).ok());
  std::string many;
  for (int i = 0; i < 40; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_FALSE(store_internal::ToFtsQuery(many).ok());
}

class StoreSearch : public testing::Test {
 protected:
  void SetUp() override {
    auto db = Store::Open(store_testing::FreshDbPath("search"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    s_ = std::move(db).value();
    Put("un-vote", "UN Security Council demands Gaza ceasefire",
        "The Security Council passed a resolution demanding an immediate ceasefire in Gaza. "
        "The United States abstained from the vote.");
    Put("rafah", "Israel weighs Rafah operation",
        "Officials in Jerusalem said plans for Rafah were under review. No ceasefire was "
        "mentioned.");
    Put("cafe", "Café owners negotiate rents", "Négociations continue between café owners and landlords.");
    Put("sports", "Local team wins final", "The match ended 2-1 after extra time.");
    ASSERT_TRUE(s_->PutStory(store_testing::MakeStory("story-un")).ok());
    ASSERT_TRUE(s_->AssignArticleToStory("un-vote", "story-un").ok());
  }
  void Put(const std::string& id, const std::string& title, const std::string& body) {
    Article a;
    a.id = id;
    a.outlet = "Example";
    a.url = "https://example.test/" + id;
    a.title = title;
    a.published = "2024-03-25";
    a.blocks = {{BlockKind::kParagraph, body}};
    ASSERT_TRUE(s_->PutArticle(a).ok());
  }
  std::vector<std::string> Ids(const std::string& q) {
    auto r = s_->Search(q);
    EXPECT_TRUE(r.ok()) << q << ": " << r.status().ToString();
    std::vector<std::string> ids;
    if (r.ok()) for (const SearchHit& h : *r) ids.push_back(h.article_id);
    return ids;
  }
  std::unique_ptr<Store> s_;
};

TEST_F(StoreSearch, RanksTitleMatchesFirstAndHighlights) {
  auto r = s_->Search("ceasefire");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].article_id, "un-vote");  // in title and body
  EXPECT_GT((*r)[0].score, (*r)[1].score);
  EXPECT_EQ((*r)[0].story_id, "story-un");
  EXPECT_EQ((*r)[1].story_id, "");
  EXPECT_EQ((*r)[0].title, "UN Security Council demands Gaza ceasefire");
  EXPECT_NE((*r)[0].snippet.find("[ceasefire]"), std::string::npos) << (*r)[0].snippet;
  SearchOptions html;
  html.highlight_open = "<mark>";
  html.highlight_close = "</mark>";
  auto h = s_->Search("abstained", html);
  ASSERT_EQ(h->size(), 1u);
  EXPECT_NE((*h)[0].snippet.find("<mark>abstained</mark>"), std::string::npos);
}

// BM25 ranks only the newest rank_window matches: the older, better match
// ("un-vote", stored first) drops out of a window of one.
TEST_F(StoreSearch, RankWindowKeepsTheNewestMatches) {
  SearchOptions o;
  o.rank_window = 1;
  auto r = s_->Search("ceasefire", o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].article_id, "rafah");
  o.rank_window = 0;  // every match
  EXPECT_EQ(s_->Search("ceasefire", o)->size(), 2u);
  o.rank_window = 100;  // more than match: all
  EXPECT_EQ(s_->Search("ceasefire", o)->size(), 2u);
}

TEST_F(StoreSearch, QuerySyntax) {
  EXPECT_EQ(Ids("security council"), std::vector<std::string>{"un-vote"});
  EXPECT_EQ(Ids("\"council security\""), std::vector<std::string>{});  // phrase order
  EXPECT_EQ(Ids("ceasefire -abstained"), std::vector<std::string>{"rafah"});
  EXPECT_EQ(Ids("match OR landlords").size(), 2u);
  EXPECT_EQ(Ids("negot*"), std::vector<std::string>{"cafe"});
  EXPECT_EQ(Ids("cafe"), std::vector<std::string>{"cafe"});  // diacritics folded
  EXPECT_EQ(Ids("demanding"), std::vector<std::string>{"un-vote"});  // stemmed: demands
  EXPECT_EQ(Ids("nothing-matches-this"), std::vector<std::string>{});
}

TEST_F(StoreSearch, HostileQueriesNeverEscape) {
  // Raw FTS5 syntax, SQL and junk are either searched as words or rejected
  // as kInvalidArgument; nothing else.
  for (const char* q : {"\"", "\"\"", "(", ")", "* *", "NEAR(a b)", "a AND", "OR OR OR",
                        "title:x", "^start", "'; DROP TABLE articles; --", "a\"b\"c", "{x}",
                        "- -- ---", "\\", "%", "NOT", "ceasefire*\"", "\t\n"}) {
    auto r = s_->Search(q);
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << q;
    }
  }
  EXPECT_EQ(*s_->CountArticles(), 4);
  SearchOptions page;
  page.limit = 1;
  page.offset = 1;
  auto second = s_->Search("ceasefire", page);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ((*second)[0].article_id, "rafah");
  page.limit = 0;
  EXPECT_TRUE(s_->Search("ceasefire", page)->empty());
}

}  // namespace
}  // namespace parallax
