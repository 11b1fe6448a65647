// Glue for HTML pages: decode -> parse -> metadata -> main content -> Article.
#include "ingest/html/content/content.h"
#include "ingest/html/dom.h"
#include "ingest/html/meta/metadata.h"
#include "ingest/io/encoding.h"
#include "parallax/ingest.h"

namespace parallax {

Result<Article> ParseHtmlArticle(std::string_view bytes, const DocContext& ctx) {
  if (bytes.size() > ctx.limits.max_document_bytes) {
    return TooLarge("HTML document of " + std::to_string(bytes.size()) +
                    " bytes exceeds the limit of " +
                    std::to_string(ctx.limits.max_document_bytes));
  }
  std::string utf8 = io::DecodeToUtf8(bytes, io::CharsetFromContentType(ctx.content_type), true);
  html::HtmlDocument doc = html::HtmlDocument::Parse(utf8);
  html::PageMetadata meta = html::ExtractMetadata(doc, ctx.url);
  Article a;
  a.blocks = html::ExtractMainContent(doc, {meta.title, meta.url});
  if (a.blocks.empty() && meta.title.empty()) return InvalidInput("no article text found in HTML");
  a.title = std::move(meta.title);
  a.author = std::move(meta.author);
  a.published = std::move(meta.published);
  a.published_source = a.published.empty() ? DateSource::kNone : meta.published_source;
  a.outlet = std::move(meta.outlet);
  a.url = meta.url.empty() ? ctx.url : std::move(meta.url);
  a.language = std::move(meta.language);
  a.source = ctx.source;
  a.id = !ctx.default_id.empty() ? ctx.default_id : DeriveArticleId(a.url, a.Text());
  return a;
}

}  // namespace parallax
