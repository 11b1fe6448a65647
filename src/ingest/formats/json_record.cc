// ArticleFromJsonRecord: one JSONL line (CONTRACT.md record fields).
#include "ingest/formats/dates.h"
#include "ingest/formats/feed_item.h"
#include "ingest/formats/html_blocks.h"
#include "ingest/formats/json_util.h"
#include "ingest/formats/plain_text.h"
#include "parallax/ingest.h"

namespace parallax {

Result<Article> ArticleFromJsonRecord(std::string_view json_line, const DocContext& ctx) {
  if (json_line.size() > ctx.limits.max_document_bytes) {
    return TooLarge("record of " + std::to_string(json_line.size()) +
                    " bytes exceeds the limit of " + std::to_string(ctx.limits.max_document_bytes));
  }
  Result<nlohmann::json> parsed = formats::ParseJson(json_line);
  if (!parsed.ok()) return parsed.status();
  const nlohmann::json& rec = *parsed;
  if (!rec.is_object()) return InvalidInput("record is not a JSON object");
  std::string id, url, outlet, title, published, author, language, text_field, html;
  struct Field {
    const char* key;
    std::string* out;
  };
  const Field fields[] = {{"id", &id},
                          {"url", &url},
                          {"outlet", &outlet},
                          {"title", &title},
                          {"published", &published},
                          {"author", &author},
                          {"language", &language},
                          {"text", &text_field},
                          {"html", &html}};
  for (const Field& f : fields) {
    PARALLAX_RETURN_IF_ERROR(formats::GetString(rec, f.key, f.out, f.out == &id));
  }
  if (text_field.empty() && html.empty()) {
    return InvalidInput("record has neither 'text' nor 'html'");
  }
  if (url.empty()) url = ctx.url;

  Article a;
  if (!html.empty()) {
    DocContext page = ctx;
    page.url = url;
    page.default_id.clear();
    Result<Article> r = ParseHtmlArticle(html, page);
    if (!r.ok()) return r.status();
    a = std::move(r).value();
  } else {
    PARALLAX_RETURN_IF_ERROR(formats::CheckTextInput(text_field));
    formats::PlainTextOptions opts;
    opts.known_title = title;
    formats::PlainText p = formats::ReadPlainText(text_field, opts);
    if (p.blocks.empty() && p.title.empty()) return InvalidInput("record 'text' has no text");
    a.title = std::move(p.title);
    a.author = std::move(p.author);
    a.outlet = std::move(p.outlet);
    a.place = std::move(p.place);
    a.language = std::move(p.language);
    a.url = std::move(p.url);
    if (!p.published.empty()) {
      a.published = std::move(p.published);
      a.published_source = DateSource::kMetadata;
    }
    a.blocks = std::move(p.blocks);
    a.captions = std::move(p.captions);
  }
  // The record's own fields win over what was read from the content.
  if (!title.empty()) a.title = formats::CollapseToLine(title);
  if (!outlet.empty()) a.outlet = formats::CollapseToLine(outlet);
  if (!author.empty()) a.author = formats::CollapseToLine(author);
  if (!url.empty()) a.url = url;
  if (!language.empty()) {
    std::string lang = formats::PrimaryLanguage(language);
    if (!lang.empty()) a.language = lang;
  }
  if (!published.empty()) {
    if (std::optional<std::string> d = formats::NormalizeDate(published)) {
      a.published = *d;
      a.published_source = DateSource::kMetadata;
    }
  }
  a.source = ctx.source;
  a.id = !id.empty() ? id : DeriveArticleId(a.url, a.Text());
  return a;
}

}  // namespace parallax
