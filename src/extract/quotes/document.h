// The article as the quote extractor sees it: paragraphs, sentences, tokens
// (byte offsets into the whole text), entity mentions mapped onto tokens,
// and the people the article names with their longest name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/ner.h"
#include "parallax/text.h"

namespace parallax::quotes::internal {

struct Tok {
  size_t begin = 0;
  size_t end = 0;
  text::TokenKind kind = text::TokenKind::kWord;
  std::string lower;  // folded, typographic apostrophes made ASCII
  uint32_t sentence = 0;
  uint32_t paragraph = 0;
  int mention = -1;  // index into Doc::mentions covering this token
  bool capital = false;
  int quote_mark = 0;  // 0 none, 1 opening, 2 closing, 3 straight (either)
};

struct Sent {
  size_t begin = 0;
  size_t end = 0;
  uint32_t tok_begin = 0;
  uint32_t tok_end = 0;
  uint32_t paragraph = 0;
};

struct Entity {
  ner::EntityType type = ner::EntityType::kMisc;
  std::string canonical;  // longest full name used for it in the article
};

struct Doc {
  std::string_view text;
  std::vector<Tok> toks;
  std::vector<Sent> sents;
  std::vector<ner::Mention> mentions;
  std::vector<int> mention_entity;  // mention -> index into entities
  std::vector<Entity> entities;
  std::vector<int> mention_possessive;  // 1 when followed by 's
  std::vector<char> in_quote;  // per token: inside quotation marks (marks included)

  // Text of tokens [a, b).
  std::string_view Span(uint32_t a, uint32_t b) const {
    return text.substr(toks[a].begin, toks[b - 1].end - toks[a].begin);
  }
  bool IsPunct(uint32_t i, std::string_view p) const {
    return toks[i].kind == text::TokenKind::kPunct && toks[i].lower == p;
  }
};

// Builds the document: splits paragraphs at blank lines, sentences with the
// text layer, maps mentions to tokens and merges name variants of one
// person ("Netanyahu" -> "Benjamin Netanyahu").
Doc BuildDoc(std::string_view text, std::vector<ner::Mention> mentions);

// Capitalised-word runs as PER mentions, for use without a tagger.
std::vector<ner::Mention> GuessMentions(std::string_view text);

}  // namespace parallax::quotes::internal
