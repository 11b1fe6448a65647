#include "ingest/formats/feed_item.h"

#include <algorithm>

#include "ingest/formats/dates.h"
#include "ingest/formats/html_blocks.h"
#include "ingest/formats/plain_text.h"
#include "ingest/formats/text_cues.h"
#include "ingest/formats/url.h"
#include "parallax/hash.h"

namespace parallax::formats {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string LettersLower(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAlpha(c)) out.push_back(static_cast<char>(c | 0x20));
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

// Body text of an item: blocks and captions from HTML or plain content.
void AddBody(std::string_view content, ContentKind kind, Article* a) {
  if (kind == ContentKind::kHtml && LooksLikeHtml(content)) {
    FragmentText f = HtmlFragmentToBlocks(content);
    a->blocks = std::move(f.blocks);
    for (std::string& c : f.captions) a->captions.push_back(std::move(c));
    return;
  }
  PlainTextOptions opts;
  opts.detect_headline = false;
  PlainText p = ReadPlainText(content, opts);
  a->blocks = std::move(p.blocks);
  if (a->place.empty()) a->place = std::move(p.place);
  for (std::string& c : p.captions) a->captions.push_back(std::move(c));
}

}  // namespace

std::string PrimaryLanguage(std::string_view tag) {
  size_t end = tag.find_first_of("-_");
  std::string_view primary = tag.substr(0, end);
  while (!primary.empty() && primary.front() == ' ') primary.remove_prefix(1);
  while (!primary.empty() && primary.back() == ' ') primary.remove_suffix(1);
  if (primary.size() < 2 || primary.size() > 3) return "";
  std::string out;
  for (char c : primary) {
    if (!IsAlpha(c)) return "";
    out.push_back(static_cast<char>(c | 0x20));
  }
  return out;
}

std::string CleanAuthor(std::string_view author) {
  std::string a = HtmlToPlainLine(author);
  size_t open = a.find('(');
  size_t at = a.find('@');
  if (at != std::string::npos && open != std::string::npos && at < open && a.back() == ')') {
    return HtmlToPlainLine(a.substr(open + 1, a.size() - open - 2));
  }
  if (at != std::string::npos && a.find(' ') == std::string::npos) return "";
  return a;
}

std::string OutletFromFeed(std::string_view feed_title, std::string_view site_url) {
  std::string title = HtmlToPlainLine(feed_title);
  std::string host = UrlHost(site_url);
  if (title.empty()) return host;
  static constexpr std::string_view kSeparators[] = {" - ", " | ", " – ",  " — ", ": ",
                                                     " » ", " > ", " :: ", " · "};
  std::vector<std::string> segments{title};
  for (std::string_view sep : kSeparators) {
    std::vector<std::string> next;
    for (const std::string& s : segments) {
      size_t b = 0;
      while (true) {
        size_t e = s.find(sep, b);
        std::string part = s.substr(b, e == std::string::npos ? std::string::npos : e - b);
        if (!part.empty()) next.push_back(part);
        if (e == std::string::npos) break;
        b = e + sep.size();
      }
    }
    segments = std::move(next);
  }
  if (segments.size() <= 1) return title;
  // Host labels that could name the outlet ("reuters" in "www.reuters.com").
  std::vector<std::string> labels;
  size_t b = 0;
  while (b <= host.size()) {
    size_t e = host.find('.', b);
    std::string label = host.substr(b, e == std::string::npos ? std::string::npos : e - b);
    if (label.size() >= 3 && label != "com" && label != "org" && label != "net" &&
        label != "feeds" && label != "rss" && label != "www") {
      labels.push_back(label);
    }
    if (e == std::string::npos) break;
    b = e + 1;
  }
  for (const std::string& s : segments) {
    std::string key = LettersLower(s);
    if (key.size() < 2) continue;
    for (const std::string& label : labels) {
      if (label.find(key) != std::string::npos || key.find(label) != std::string::npos) return s;
    }
  }
  return segments.front();
}

Result<Article> ArticleFromFeedItem(const FeedItem& item, const FeedInfo& feed,
                                    const DocContext& ctx, size_t index) {
  Article a;
  a.title = item.title_kind == ContentKind::kHtml ? HtmlToPlainLine(item.title)
                                                  : CollapseToLine(item.title);
  a.url = item.link;
  if (!item.content.empty()) {
    AddBody(item.content, item.content_kind, &a);
  }
  if (a.blocks.empty() && !item.summary.empty()) {
    AddBody(item.summary, item.summary_kind, &a);
    a.summary_only = true;
  }
  if (a.blocks.empty()) a.summary_only = true;
  // Feed bodies keep wire datelines ("JERUSALEM — ..."); cut them as the
  // plain-text reader does.
  if (!a.blocks.empty() && a.blocks.front().kind == BlockKind::kParagraph) {
    std::string& first = a.blocks.front().text;
    std::optional<Dateline> d = ParseDateline(first);
    if (d && d->length < first.size()) {
      a.place = d->place;
      first.erase(0, d->length);
    }
  }
  if (a.title.empty() && a.blocks.empty() && a.url.empty()) {
    return InvalidInput("item " + std::to_string(index + 1) + ": no title, link or text");
  }
  for (const std::string& c : item.captions) {
    std::string line = HtmlToPlainLine(c);
    if (!line.empty() &&
        std::find(a.captions.begin(), a.captions.end(), line) == a.captions.end()) {
      a.captions.push_back(std::move(line));
    }
  }
  std::vector<std::string> names;
  for (const std::string& raw : item.authors.empty() ? feed.authors : item.authors) {
    std::string name = CleanAuthor(raw);
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(std::move(name));
    }
  }
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) a.author += i + 1 == names.size() ? " and " : ", ";
    a.author += names[i];
  }
  std::optional<std::string> date = NormalizeDate(item.published);
  if (!date) date = NormalizeDate(item.updated);
  if (date) {
    a.published = *date;
    a.published_source = DateSource::kMetadata;
  }
  a.outlet = OutletFromFeed(feed.title, !feed.link.empty() ? feed.link
                                        : !ctx.url.empty() ? ctx.url
                                                           : item.link);
  a.language = PrimaryLanguage(!item.language.empty() ? item.language : feed.language);
  a.source = ctx.source + "#" + std::to_string(index + 1);
  // Ids must survive re-fetching the feed: the item URL, else its guid.
  if (!a.url.empty()) {
    a.id = DeriveArticleId(a.url, "");
  } else if (!item.guid.empty()) {
    // Salted with the site: JSON Feed ids like "2" are only unique per feed.
    a.id = "g" + ShortHashHex((feed.link.empty() ? feed.title : feed.link) + "\n" + item.guid, 15);
  } else {
    a.id = DeriveArticleId("", a.title + "\n\n" + a.Text());
  }
  return a;
}

}  // namespace parallax::formats
