#include "ingest/io/containers.h"

#include "ingest/io/http.h"
#include "ingest/io/warc.h"

namespace parallax::io {

void ReadSink::Article(parallax::Article&& a) {
  ++stats_->articles;
  if (callbacks_.on_article) callbacks_.on_article(std::move(a));
}

void ReadSink::Error(std::string_view input, std::string problem) {
  ++stats_->errors;
  if (callbacks_.on_error) callbacks_.on_error({std::string(input), std::move(problem)});
}

namespace {

bool WantRecord(const WarcRecord& r) {
  if (r.type == "response") {
    // HTTP responses; a missing Content-Type is given the benefit of the doubt.
    return r.content_type.empty() || r.content_type.find("application/http") != std::string::npos;
  }
  return r.type == "resource" && IsHtmlContentType(r.content_type);
}

// The HTML page inside a wanted record (a view into the record or into
// `storage`), or "" when the record holds none (non-2xx status, not HTML); a
// Status for a damaged page.
Result<std::string_view> HtmlPayload(const WarcRecord& r, const ReadLimits& limits,
                                     std::string* content_type, std::string* storage) {
  if (r.type == "resource") {
    *content_type = r.content_type;
    return std::string_view(r.block);
  }
  Result<HttpResponse> http = ParseHttpResponse(r.block);
  if (!http.ok()) return http.status();
  if (http->status < 200 || http->status > 299) return std::string_view();
  bool html = http->content_type.empty() ? LooksLikeHtml(http->body.substr(0, 4096))
                                         : IsHtmlContentType(http->content_type);
  if (!html) return std::string_view();
  *content_type = http->content_type;
  return DecodeHttpBody(*http, limits.max_document_bytes, storage);
}

}  // namespace

void ReadWarcStream(Reader* in, const std::string& name, const ReadLimits& limits,
                    ReadSink* sink) {
  WarcReader warc(in, limits.max_document_bytes);
  WarcRecord rec;
  std::string storage;
  bool any_record = false;
  for (;;) {
    WarcStep step = warc.Next(&rec, WantRecord);
    if (step.kind == WarcStep::kEnd) break;
    if (step.kind == WarcStep::kProblem) {
      sink->Error(name, step.problem.message());
      if (step.fatal) return;
      continue;
    }
    any_record = true;
    if (step.kind == WarcStep::kSkipped) continue;

    std::string content_type;
    Result<std::string_view> page = HtmlPayload(rec, limits, &content_type, &storage);
    if (!page.ok()) {
      sink->Error(name, rec.Describe() + ": " + page.status().message());
      continue;
    }
    if (page->empty()) continue;
    DocContext ctx;
    ctx.source = name + "#" + std::to_string(rec.number);
    ctx.url = rec.target_uri;
    ctx.content_type = std::move(content_type);
    ctx.limits = limits;
    Result<parallax::Article> a = ParseHtmlArticle(*page, ctx);
    if (!a.ok()) {
      sink->Error(name, rec.Describe() + ": " + a.status().message());
      continue;
    }
    sink->Article(std::move(a).value());
  }
  if (!any_record && warc.records() == 0) sink->Error(name, "no WARC records found");
}

void ReadJsonlStream(Reader* in, const std::string& name, const ReadLimits& limits,
                     ReadSink* sink) {
  std::string line;
  uint64_t number = 0;
  for (;;) {
    uint64_t start = in->offset();
    Result<LineStatus> st = in->ReadLine(&line, limits.max_document_bytes);
    if (!st.ok()) {
      sink->Error(name, "line " + std::to_string(number + 1) + ": " + st.status().message());
      return;
    }
    if (*st == LineStatus::kEof) return;
    ++number;
    if (*st == LineStatus::kTooLong) {
      sink->Error(name, "line " + std::to_string(number) + ": line of " +
                            FormatBytes(in->offset() - start) + " exceeds the limit of " +
                            FormatBytes(limits.max_document_bytes));
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // UTF-8 BOM
    if (line.find_first_not_of(" \t\r\f\v") == std::string::npos) continue;
    DocContext ctx;
    ctx.source = name + "#" + std::to_string(number);
    ctx.limits = limits;
    Result<parallax::Article> a = ArticleFromJsonRecord(line, ctx);
    if (!a.ok()) {
      sink->Error(name, "line " + std::to_string(number) + ": " + a.status().message());
      continue;
    }
    sink->Article(std::move(a).value());
  }
}

}  // namespace parallax::io
