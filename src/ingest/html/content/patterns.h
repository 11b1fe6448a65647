// Element and phrase patterns of main-content extraction: which elements are
// boilerplate (navigation, comments, share bars, ads, consent banners, ...)
// or likely article bodies, judged only from tag names and the words of
// class / id / role / itemprop attributes, and which short texts are
// boilerplate phrases ("Advertisement", "Read more", "Lesen Sie auch").
//
// No per-site rules: the word lists are the generic vocabulary web templates
// use (see README.md for sources). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ingest/html/dom.h"

namespace parallax::html::content {

// Per-element flags. kDrop and kHidden subtrees are never read; kBoiler
// subtrees are read for scoring (as negative evidence) but never output.
enum ElementFlag : uint8_t {
  kFlagDrop = 1,       // not content by tag (head, form controls, media)
  kFlagHidden = 2,     // hidden, aria-hidden, display:none
  kFlagBoiler = 4,     // boilerplate by tag (nav, footer, aside) or attribute words
  kFlagWeakBoiler = 8, // weak evidence (<header>, <form>, "widget", "sidebar"):
                       // lowers standing, raises the bar for good text
  kFlagPositive = 16,  // attributes say article body (itemprop=articleBody, entry-content)
  kFlagStrongPositive = 32,
  kFlagCaption = 64,   // figure captions and image credits
};

// Flags of one element from its tag and attributes (not inherited).
uint8_t ClassifyElement(const HtmlDocument& doc, uint32_t id);

// Flags from the lowercased class and id text alone (" a-b c" form).
uint8_t ClassifyAttributeWords(std::string_view words);

// ClassifyElement with a cache of attribute-word verdicts: a page's
// template repeats the same class strings many times. One per page and
// thread.
class ElementClassifier {
 public:
  uint8_t Classify(const HtmlDocument& doc, uint32_t id);

 private:
  uint8_t MatchWords(std::string_view value);

  std::unordered_map<std::string, uint8_t> cache_;  // class name -> pattern mask
  std::string word_;
};

// True when a short block's text is a boilerplate phrase (ASCII-case-
// insensitive prefix match over a multilingual list), e.g. "Advertisement",
// "Share this article", "Weiterlesen".
bool IsBoilerplatePhrase(std::string_view collapsed_text);

}  // namespace parallax::html::content
