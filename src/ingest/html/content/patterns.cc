#include "ingest/html/content/patterns.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace parallax::html::content {
namespace {

// Attribute words that mark boilerplate, matched as substrings of the
// lowercased class/id text, so "relatedArticles", "c-social-share" and
// "comment-list" all match. Strong words name a kind of boilerplate; weak
// words also appear on wrappers of real content ("widget-span",
// "has-sidebar"), so they only lower an element's standing.
constexpr std::string_view kStrongSubstrings[] = {
    "comment",     "related",      "recommend",   "newsletter",   "subscri",    "cookie",
    "consent",     "gdpr",         "social",      "sharing",      "share-",     "-share",
    "_share",      "sharebar",     "breadcrumb",  "pagination",   "footer",     "masthead",
    "advert",      "sponsor",      "outbrain",    "taboola",      "disqus",     "signup",
    "sign-up",     "login",        "byline",      "author-bio",   "authorbio",  "author-info",
    "about-author", "caption",     "credit",      "copyright",    "navbar",     "navigation",
    "read-more",   "readmore",     "more-stories", "see-also",    "trending",   "most-popular",
    "mostpopular", "most-read",    "mostread",    "skip-link",    "visually-hidden",
    "sr-only",     "screen-reader",
};
constexpr std::string_view kWeakSubstrings[] = {
    "sidebar", "widget", "popup", "modal", "promo", "toolbar", "tag-list", "taglist",
    "keywords", "dropdown", "right-rail", "rightrail", "pager",
};

// Whole attribute tokens (split on non-alphanumerics); too short or too
// common to match as substrings ("ad" is in "head").
constexpr std::string_view kStrongTokens[] = {
    "nav", "menu", "ad", "ads", "share", "shares", "related", "tags", "print", "follow",
};
constexpr std::string_view kWeakTokens[] = {
    "adv",    "banner",  "tag",    "meta",    "author", "bio",     "date",    "dateline",
    "timestamp", "header", "email", "rating", "rail",   "aside",   "popular", "latest",
    "more",   "teaser",  "teasers", "embed",  "video",  "gallery", "figure",  "hide",
    "hidden",
};

constexpr std::string_view kStrongPositive[] = {
    "articlebody",  "article-body",  "article__body", "article_body",  "articlecontent",
    "article-content", "article__content", "article-text", "articletext", "post-body",
    "postbody",     "post-content",  "postcontent",   "entry-content", "entrycontent",
    "entry-body",   "story-body",    "storybody",     "story-content", "storycontent",
    "body-text",    "bodytext",      "main-content",  "maincontent",
};

constexpr std::string_view kPositive[] = {
    "article", "story", "post", "entry", "content", "body", "text", "prose", "main",
};

// Short texts that are boilerplate on their own (compared ASCII-lowercase,
// as prefixes). Generic template vocabulary in several languages.
constexpr std::string_view kPhrases[] = {
    "advertisement", "advertising", "sponsored", "read more", "read also", "see also",
    "related:", "related articles", "related stories", "share this", "share on",
    "share article", "follow us", "sign up", "subscribe", "click here", "all rights reserved",
    "copyright", "\xc2\xa9", "loading", "photo:", "image:", "credit:", "getty images",
    "image source", "picture:", "more from", "recommended", "you may also like",
    "you might also like", "trending", "most read", "most popular", "continue reading",
    "anzeige", "werbung", "weiterlesen", "mehr zum thema", "lesen sie auch", "teilen",
    "publicit\xc3\xa9", "lire aussi", "lire la suite", "publicidad", "leer m\xc3\xa1s",
    "lee tambi\xc3\xa9n", "pubblicit\xc3\xa0", "leggi anche",
    "\xd1\x80\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0",  // реклама
    "\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 \xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5",  // читайте также
    "advertentie", "lees ook", "photograph by", "photo by", "photo credit", "image credit",
    "foto:", "fotos:", "bild:", "bildquelle", "titelbild", "quelle: dpa", "source: getty",
    "no comments", "keine kommentare", "last modified", "last updated", "zuletzt aktualisiert",
    "ultima modifica", "was this article helpful", "war der artikel", "if you enjoyed",
    "we want to hear", "never miss", "bild anzeigen", "related posts", "related content",
    "\xc3\xa4hnliche beitr\xc3\xa4ge",  // ähnliche beiträge
    "das k\xc3\xb6nnte sie auch interessieren", "auch interessant", "voc\xc3\xaa pode gostar",
    "veja tamb\xc3\xa9m", "leia tamb\xc3\xa9m", "te puede interesar", "vous aimerez aussi",
    "\xc3\xa0 lire aussi",  // à lire aussi
    "tags:", "schlagworte", "themen:", "share:", "teilen:",
};

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// "display: none" / "visibility:hidden" in a style attribute, any case and
// spacing, without allocating.
bool StyleHides(std::string_view style) {
  auto value_is = [&](size_t after_name, std::string_view value) {
    size_t p = after_name;
    while (p < style.size() && (style[p] == ' ' || style[p] == '\t')) ++p;
    if (p >= style.size() || style[p] != ':') return false;
    ++p;
    while (p < style.size() && (style[p] == ' ' || style[p] == '\t')) ++p;
    if (style.size() - p < value.size()) return false;
    for (size_t k = 0; k < value.size(); ++k) {
      if (Lower(style[p + k]) != value[k]) return false;
    }
    return true;
  };
  for (size_t i = 0; i < style.size(); ++i) {
    char c = Lower(style[i]);
    if (c == 'd' && style.size() - i >= 7) {
      bool match = true;
      for (size_t k = 0; k < 7 && match; ++k) match = Lower(style[i + k]) == "display"[k];
      if (match && value_is(i + 7, "none")) return true;
    } else if (c == 'v' && style.size() - i >= 10) {
      bool match = true;
      for (size_t k = 0; k < 10 && match; ++k) match = Lower(style[i + k]) == "visibility"[k];
      if (match && value_is(i + 10, "hidden")) return true;
    }
  }
  return false;
}

uint8_t TagFlags(Tag tag) {
  switch (tag) {
    case Tag::kHead: case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kBase:
    case Tag::kImg: case Tag::kPicture: case Tag::kVideo: case Tag::kAudio: case Tag::kIframe:
    case Tag::kObject: case Tag::kEmbed: case Tag::kCanvas: case Tag::kInput: case Tag::kButton:
    case Tag::kSelect: case Tag::kOption: case Tag::kTextarea: case Tag::kScript:
    case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate: case Tag::kSvg:
    case Tag::kDialog:
      return kFlagDrop;
    case Tag::kNav: case Tag::kFooter: case Tag::kAside: case Tag::kMenu:
      return kFlagBoiler;
    case Tag::kForm: case Tag::kHeader:
      return kFlagWeakBoiler;
    case Tag::kFigcaption:
      return kFlagCaption;
    default:
      return 0;
  }
}


// All attribute patterns in one table indexed by first byte, so a class
// string is scanned once whatever the number of patterns.
enum PatternKind : uint8_t {
  kStrongPos = 1, kPos = 2, kStrong = 4, kWeak = 8, kCaptionWord = 16,
};

struct Pattern {
  std::string_view text;
  uint8_t kind;
  bool token;  // must be a whole alphanumeric token
};

class PatternTable {
 public:
  PatternTable() {
    auto add = [&](const auto& list, uint8_t kind, bool token) {
      for (std::string_view w : list) {
        by_first_[static_cast<unsigned char>(w[0])].push_back({w, kind, token});
      }
    };
    add(kStrongPositive, kStrongPos, false);
    add(kPositive, kPos, true);
    add(kStrongSubstrings, kStrong, false);
    add(kStrongTokens, kStrong, true);
    add(kWeakSubstrings, kWeak, false);
    add(kWeakTokens, kWeak, true);
    constexpr std::string_view kCaptionWords[] = {"caption", "credit"};
    add(kCaptionWords, kCaptionWord, false);
  }

  uint8_t Match(std::string_view s) const {
    uint8_t mask = 0;
    for (size_t p = 0; p < s.size(); ++p) {
      const auto& list = by_first_[static_cast<unsigned char>(s[p])];
      for (const Pattern& pat : list) {
        if (s.size() - p < pat.text.size() || (mask & pat.kind)) continue;
        if (s.compare(p, pat.text.size(), pat.text) != 0) continue;
        if (pat.token) {
          size_t after = p + pat.text.size();
          if ((p > 0 && IsAlnum(s[p - 1])) || (after < s.size() && IsAlnum(s[after]))) continue;
        }
        mask |= pat.kind;
      }
    }
    return mask;
  }

 private:
  std::vector<Pattern> by_first_[256];
};

const PatternTable& Table() {
  static const PatternTable* table = new PatternTable();
  return *table;
}

uint8_t FlagsFromMask(uint8_t mask) {
  uint8_t flags = 0;
  if (mask & kStrongPos) flags |= kFlagPositive | kFlagStrongPositive;
  if (mask & kPos) flags |= kFlagPositive;
  if (mask & kStrong) {
    if (mask & kCaptionWord) flags |= kFlagCaption;
    // A strong body marker wins over boilerplate words ("article-body
    // has-share-bar"); a weak one does not ("comment-content").
    flags |= (flags & kFlagStrongPositive) ? kFlagWeakBoiler : kFlagBoiler;
  } else if ((mask & kWeak) && !(flags & kFlagStrongPositive)) {
    flags |= kFlagWeakBoiler;
  }
  return flags;
}

}  // namespace

uint8_t ClassifyAttributeWords(std::string_view words) {
  return FlagsFromMask(Table().Match(words));
}

uint8_t ElementClassifier::Classify(const HtmlDocument& doc, uint32_t id) {
  const Node& n = doc.node(id);
  uint8_t flags = TagFlags(n.tag);
  if (flags & kFlagDrop) return flags;
  if (n.attr_count == 0) return flags;
  bool hidden = false;
  uint8_t mask = 0;
  std::string_view role, itemprop;
  doc.ForEachAttribute(id, [&](std::string_view name, std::string_view value) {
    if (name == "class" || name == "id") {
      mask |= MatchWords(value);
    } else if (name == "role") {
      role = value;
    } else if (name == "itemprop") {
      itemprop = value;
    } else if (name == "hidden") {
      hidden = true;
    } else if (name == "aria-hidden") {
      hidden |= value == "true";
    } else if (name == "style") {
      hidden |= StyleHides(value);
    }
  });
  if (hidden) flags |= kFlagHidden;
  if (itemprop == "articleBody" || itemprop == "text" || itemprop == "reviewBody") {
    mask |= kStrongPos;
  }
  if (role == "navigation" || role == "contentinfo" || role == "banner" ||
      role == "complementary" || role == "menu" || role == "dialog" || role == "alertdialog") {
    flags |= kFlagBoiler;
  }
  if (role == "main" || role == "article") flags |= kFlagPositive;
  return flags | FlagsFromMask(mask);
}

// Each space-separated class name is matched once per page (templates
// repeat them); patterns never span two names.
uint8_t ElementClassifier::MatchWords(std::string_view value) {
  uint8_t mask = 0;
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n')) ++i;
    size_t start = i;
    while (i < value.size() && value[i] != ' ' && value[i] != '\t' && value[i] != '\n') ++i;
    if (i == start) break;
    word_.assign(value.data() + start, i - start);
    for (char& c : word_) c = Lower(c);
    auto it = cache_.find(word_);
    if (it == cache_.end()) it = cache_.emplace(word_, Table().Match(word_)).first;
    mask |= it->second;
  }
  return mask;
}

uint8_t ClassifyElement(const HtmlDocument& doc, uint32_t id) {
  ElementClassifier c;
  return c.Classify(doc, id);
}

bool IsBoilerplatePhrase(std::string_view text) {
  if (text.size() > 120) return false;
  std::string lower;
  lower.reserve(text.size());
  for (char c : text) lower.push_back(Lower(c));
  for (std::string_view p : kPhrases) {
    if (lower.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

}  // namespace parallax::html::content
