// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
#include "ingest/formats/feed_item.h"
#include "ingest/formats/json_util.h"
#include "ingest/formats/url.h"

namespace parallax::formats {
namespace {

using nlohmann::json;

// Author names from 1.1 "authors": [{name}] or 1.0 "author": {name}.
void ReadAuthors(const json& obj, std::vector<std::string>* out) {
  auto add = [out](const json& a) {
    if (a.is_object()) {
      auto name = a.find("name");
      if (name != a.end() && name->is_string()) out->push_back(name->get<std::string>());
    } else if (a.is_string()) {
      out->push_back(a.get<std::string>());
    }
  };
  auto authors = obj.find("authors");
  if (authors != obj.end() && authors->is_array()) {
    for (const json& a : *authors) add(a);
  }
  auto author = obj.find("author");
  if (out->empty() && author != obj.end()) add(*author);
}

Result<FeedItem> ReadItem(const json& j, const std::string& base) {
  if (!j.is_object()) return InvalidInput("not an object");
  FeedItem item;
  std::string url, external;
  PARALLAX_RETURN_IF_ERROR(GetString(j, "id", &item.guid, /*allow_number=*/true));
  PARALLAX_RETURN_IF_ERROR(GetString(j, "url", &url));
  PARALLAX_RETURN_IF_ERROR(GetString(j, "external_url", &external));
  PARALLAX_RETURN_IF_ERROR(GetString(j, "title", &item.title));
  PARALLAX_RETURN_IF_ERROR(GetString(j, "date_published", &item.published));
  PARALLAX_RETURN_IF_ERROR(GetString(j, "date_modified", &item.updated));
  PARALLAX_RETURN_IF_ERROR(GetString(j, "language", &item.language));
  PARALLAX_RETURN_IF_ERROR(GetString(j, "summary", &item.summary));
  std::string html, text;
  PARALLAX_RETURN_IF_ERROR(GetString(j, "content_html", &html));
  PARALLAX_RETURN_IF_ERROR(GetString(j, "content_text", &text));
  item.title_kind = ContentKind::kText;
  item.summary_kind = ContentKind::kText;
  if (!html.empty()) {
    item.content = std::move(html);
    item.content_kind = ContentKind::kHtml;
  } else {
    item.content = std::move(text);
    item.content_kind = ContentKind::kText;
  }
  item.link = ResolveUrl(base, !url.empty() ? url : external);
  ReadAuthors(j, &item.authors);
  return item;
}

}  // namespace

Status ParseJsonFeed(std::string_view bytes, const DocContext& ctx,
                     const ReadCallbacks& callbacks) {
  Result<json> parsed = ParseJson(bytes);
  if (!parsed.ok()) return parsed.status();
  const json& feed = *parsed;
  if (!feed.is_object()) return InvalidInput("not a JSON Feed: top level is not an object");
  auto items = feed.find("items");
  std::string version;
  if (!GetString(feed, "version", &version).ok() ||
      (!version.starts_with("https://jsonfeed.org/version/") && items == feed.end())) {
    return InvalidInput("not a JSON Feed: no \"version\" or \"items\"");
  }
  if (items != feed.end() && !items->is_array()) {
    return InvalidInput("not a JSON Feed: \"items\" is not an array");
  }
  FeedInfo info;
  // Wrong types in feed-level fields are ignored: they only decorate items.
  (void)GetString(feed, "title", &info.title);
  (void)GetString(feed, "home_page_url", &info.link);
  (void)GetString(feed, "language", &info.language);
  std::string feed_url;
  (void)GetString(feed, "feed_url", &feed_url);
  ReadAuthors(feed, &info.authors);
  std::string base = !info.link.empty() ? info.link : !feed_url.empty() ? feed_url : ctx.url;
  if (items == feed.end()) return Status::Ok();
  size_t index = 0;
  for (const json& j : *items) {
    size_t i = index++;
    Result<FeedItem> item = ReadItem(j, base);
    if (!item.ok()) {
      if (callbacks.on_error) {
        callbacks.on_error(
            {ctx.source, "item " + std::to_string(i + 1) + ": " + item.status().message()});
      }
      continue;
    }
    Result<Article> a = ArticleFromFeedItem(*item, info, ctx, i);
    if (!a.ok()) {
      if (callbacks.on_error) callbacks.on_error({ctx.source, a.status().message()});
      continue;
    }
    if (callbacks.on_article) callbacks.on_article(std::move(a).value());
  }
  return Status::Ok();
}

}  // namespace parallax::formats

namespace parallax {

Status ParseFeed(std::string_view bytes, const DocContext& ctx, const ReadCallbacks& callbacks) {
  if (bytes.size() > ctx.limits.max_document_bytes) {
    return TooLarge("feed of " + std::to_string(bytes.size()) + " bytes exceeds the limit of " +
                    std::to_string(ctx.limits.max_document_bytes));
  }
  std::string_view s = bytes;
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  if (s.empty()) return InvalidInput("empty feed");
  if (s.front() == '{' || s.front() == '[') return formats::ParseJsonFeed(s, ctx, callbacks);
  return formats::ParseXmlFeed(bytes, ctx, callbacks);
}

}  // namespace parallax
