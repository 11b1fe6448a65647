#include <gtest/gtest.h>

#include <string>

#include "parallax/text.h"

namespace parallax::text {
namespace {

// Compact printed form: "w:word n:1.4 p:. s:%" separated by spaces.
std::string Show(std::string_view text) {
  std::string out;
  for (const Token& t : Tokenize(text)) {
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case TokenKind::kWord: out += "w:"; break;
      case TokenKind::kNumber: out += "n:"; break;
      case TokenKind::kPunct: out += "p:"; break;
      case TokenKind::kSymbol: out += "s:"; break;
    }
    out += text.substr(t.begin, t.end - t.begin);
  }
  return out;
}

struct TokCase {
  const char* in;
  const char* want;
};

const TokCase kCases[] = {
    {"", ""},
    {"Hello, world!", "w:Hello p:, w:world p:!"},
    {"U.S. officials", "w:U.S. w:officials"},
    {"the U.S.-Israel alliance", "w:the w:U.S. p:- w:Israel w:alliance"},
    {"e.g. this", "w:e.g. w:this"},
    {"in Washington, D.C., but", "w:in w:Washington p:, w:D.C. p:, w:but"},
    {"Netanyahu\xE2\x80\x99s decision", "w:Netanyahu\xE2\x80\x99s w:decision"},
    {"don't O'Brien", "w:don't w:O'Brien"},
    {"students' union", "w:students p:' w:union"},
    {"cease-fire long-threatened", "w:cease-fire w:long-threatened"},
    {"Rafah \xE2\x80\x93 the", "w:Rafah p:\xE2\x80\x93 w:the"},
    {"operation\xE2\x80\x94one week", "w:operation p:\xE2\x80\x94 w:one w:week"},
    {"1,500 people", "n:1,500 w:people"},
    {"1.4 million", "n:1.4 w:million"},
    {"rose 3.5%", "w:rose n:3.5 s:%"},
    {"$2.5bn deal", "s:$ w:2.5bn w:deal"},
    {"\xE2\x82\xAC" "100", "s:\xE2\x82\xAC n:100"},
    {"at 10:30 a.m.", "w:at n:10:30 w:a.m."},
    {"on 2024-03-31", "w:on n:2024-03-31"},
    {"the 1990s and 2nd", "w:the w:1990s w:and w:2nd"},
    {"COVID-19 F-16", "w:COVID-19 w:F-16"},
    {"end.", "w:end p:."},
    {"wait...", "w:wait p:..."},
    {"3. The", "n:3 p:. w:The"},
    {"(IDF)", "p:( w:IDF p:)"},
    {"snake_case", "w:snake_case"},
    {"caf\xC3\xA9 na\xC3\xAFve", "w:caf\xC3\xA9 w:na\xC3\xAFve"},
    {"\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB",
     "w:\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD w:\xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB"},
    {"\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82", "w:\xE4\xB8\xAD w:\xE6\x96\x87 p:\xE3\x80\x82"},
    {"\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 \xD8\xB9\xD9\x84\xD9\x8A\xD9\x83\xD9\x85",
     "w:\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 w:\xD8\xB9\xD9\x84\xD9\x8A\xD9\x83\xD9\x85"},
    {"\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82\xE0\xA4\xA6\xE0\xA5\x80",  // हिंदी: marks stay
     "w:\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\x82\xE0\xA4\xA6\xE0\xA5\x80"},
    {"a\xE2\x80\x8C" "b", "w:a\xE2\x80\x8C" "b"},  // ZWNJ inside a word
    {"I \xE2\x9D\xA4\xEF\xB8\x8F NY", "w:I s:\xE2\x9D\xA4\xEF\xB8\x8F w:NY"},  // ❤️
    {"bad\xFFthing", "w:bad s:\xFF w:thing"},
    {"#hashtag @user", "p:# w:hashtag p:@ w:user"},
    {"see https://cnn.com/a/b.html.", "w:see s:https://cnn.com/a/b.html p:."},
    {"(www.cnn.com)", "p:( s:www.cnn.com p:)"},
    {"mail john.smith@example.org, now", "w:mail s:john.smith@example.org p:, w:now"},
    {"at a@b or x@y.", "w:at w:a p:@ w:b w:or w:x p:@ w:y p:."},
    {"www. next", "w:www p:. w:next"},
};

TEST(Tokenize, GoldenTable) {
  for (const TokCase& c : kCases) EXPECT_EQ(Show(c.in), c.want) << "input: " << c.in;
}

TEST(Tokenize, OffsetsCoverInputWithoutOverlap) {
  std::string text =
      "Israeli Prime Minister Benjamin Netanyahu\xE2\x80\x99s decision Monday \xE2\x80\x94 about "
      "1.5 million people (U.S. officials said) \xE4\xB8\xAD\xE6\x96\x87 \xFF end.";
  size_t prev = 0;
  for (const Token& t : Tokenize(text)) {
    ASSERT_LE(prev, t.begin);
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    prev = t.end;
  }
}

TEST(Words, FoldsAndKeepsOnlyWords) {
  std::vector<std::string> want = {"u.s.", "officials", "said", "netanyahu's", "plan", "was",
                                   "ok"};
  EXPECT_EQ(Words("U.S. officials said 1,500: Netanyahu\xE2\x80\x99s plan was OK!"), want);
}

}  // namespace
}  // namespace parallax::text
