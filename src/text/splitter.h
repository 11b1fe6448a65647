// Internal: the sentence splitter behind SplitSentences. One Splitter per
// call; it only reads the text. The scanning helpers live in
// splitter_scan.cc, the boundary rules in sentences.cc.
#pragma once

#include <string_view>
#include <vector>

#include "parallax/text.h"
#include "text/abbreviations.h"
#include "text/lexicon.h"
#include "text/sentence_chars.h"
#include "text/utf8.h"

namespace parallax::text::internal {

class Splitter {
 public:
  Splitter(std::string_view text, std::string_view language);
  std::vector<Span> Run();

 private:
  enum class Shape { kEnd, kUpper, kLower, kDigit, kUncased, kContinuation, kOther };

  // What follows a candidate boundary.
  struct Next {
    size_t pos = 0;        // first byte after opening quotes/brackets/dashes
    bool opening = false;  // an opening quote or bracket was skipped
    Shape shape = Shape::kEnd;
    bool camel = false;     // "iPhone", "eBay": lowercase first, uppercase later
    std::string_view word;  // the letters of the next word
  };

  char32_t At(size_t i, size_t* len) const {
    unsigned char b = static_cast<unsigned char>(t_[i]);
    if (b < 0x80) {
      *len = 1;
      return b;
    }
    char32_t cp = Decode(t_, i, len);
    return cp == kInvalid ? kReplacement : cp;
  }
  bool IsSpaceAt(size_t i) const {
    size_t len;
    return IsSpace(At(i, &len));
  }
  void Cut(size_t pos) {
    if (cuts_.empty() || cuts_.back() < pos) cuts_.push_back(pos);
  }

  // splitter_scan.cc
  size_t SkipSpace(size_t j, int* newlines) const;
  size_t WordEnd(size_t k) const;
  Next AnalyzeNext(size_t j) const;
  std::string_view ChunkBefore(size_t end) const;
  std::vector<Span> MakeSpans() const;

  // sentences.cc
  bool IsStarter(const Next& nx) const;
  bool NextIsInitial(const Next& nx) const;
  bool NextChunkHasDigit(const Next& nx) const;
  bool SpeechAttributionFollows(const Next& nx) const;
  AbbrevKind Classify(std::string_view w) const;
  bool NoSpaceBoundary(size_t i, size_t e, bool question) const;
  bool DecideStop(size_t i, const Next& nx) const;
  size_t OnTerminator(size_t i);
  size_t OnNewline(size_t i);
  bool StartsWithBullet(size_t j) const;
  bool HardWrapped();

  std::string_view t_;
  std::string_view lang_;
  SentenceChars chars_;
  const WordSet* stops_ = nullptr;
  bool english_ = true;
  bool ordinal_dot_ = false;
  bool guillemets_close_ = true;  // » closes (not in German/Danish »quotes«)
  std::vector<size_t> cuts_;
  size_t last_cluster_end_ = std::string_view::npos;
  int hard_wrap_ = -1;  // unknown until first needed
};

}  // namespace parallax::text::internal
