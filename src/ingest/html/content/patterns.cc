#include "ingest/html/content/patterns.h"

#include <string>

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
    "advertentie", "lees ook",
};

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool HasToken(std::string_view s, std::string_view token) {
  size_t pos = 0;
  while ((pos = s.find(token, pos)) != std::string_view::npos) {
    bool left = pos == 0 || !IsAlnum(s[pos - 1]);
    size_t after = pos + token.size();
    bool right = after >= s.size() || !IsAlnum(s[after]);
    if (left && right) return true;
    pos = after;
  }
  return false;
}

bool ContainsAny(std::string_view s, std::string_view needle_list_item) {
  return s.find(needle_list_item) != std::string_view::npos;
}

bool StyleHides(std::string_view style) {
  std::string compact;
  for (char c : style) {
    if (c != ' ' && c != '\t' && c != '\n') compact.push_back(Lower(c));
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
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

}  // namespace

uint8_t ClassifyElement(const HtmlDocument& doc, uint32_t id) {
  const Node& n = doc.node(id);
  uint8_t flags = TagFlags(n.tag);
  if (flags & kFlagDrop) return flags;
  if (n.attr_count == 0) return flags;
  // class + id (+ role, itemprop) as one lowercase string.
  thread_local std::string words;
  words.clear();
  bool hidden = false;
  std::string_view role, itemprop;
  doc.ForEachAttribute(id, [&](std::string_view name, std::string_view value) {
    if (name == "class" || name == "id") {
      words.push_back(' ');
      for (char c : value) words.push_back(Lower(c));
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
    flags |= kFlagPositive | kFlagStrongPositive;
  }
  if (role == "navigation" || role == "contentinfo" || role == "banner" ||
      role == "complementary" || role == "menu" || role == "dialog" || role == "alertdialog") {
    flags |= kFlagBoiler;
  }
  if (role == "main" || role == "article") flags |= kFlagPositive;
  if (words.empty()) return flags;

  for (std::string_view p : kStrongPositive) {
    if (ContainsAny(words, p)) {
      flags |= kFlagPositive | kFlagStrongPositive;
      break;
    }
  }
  if (!(flags & kFlagPositive)) {
    for (std::string_view p : kPositive) {
      if (HasToken(words, p)) {
        flags |= kFlagPositive;
        break;
      }
    }
  }
  auto any_substring = [&](const auto& list) {
    for (std::string_view w : list) {
      if (ContainsAny(words, w)) return true;
    }
    return false;
  };
  auto any_token = [&](const auto& list) {
    for (std::string_view w : list) {
      if (HasToken(words, w)) return true;
    }
    return false;
  };
  if (any_substring(kStrongSubstrings) || any_token(kStrongTokens)) {
    if (ContainsAny(words, "caption") || ContainsAny(words, "credit")) flags |= kFlagCaption;
    // A strong body marker wins over boilerplate words ("article-body
    // has-share-bar"); a weak one does not ("comment-content").
    flags |= (flags & kFlagStrongPositive) ? kFlagWeakBoiler : kFlagBoiler;
  } else if (any_substring(kWeakSubstrings) || any_token(kWeakTokens)) {
    if (!(flags & kFlagStrongPositive)) flags |= kFlagWeakBoiler;
  }
  return flags;
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
