#include <filesystem>
#include <fstream>
#include <sstream>

#include "parallax/ingest.h"

namespace parallax {

// Placeholder: plain files only, whole-file reads. Replaced by the streaming
// implementation (folders, stdin, gzip, WARC, JSONL).
ReadStats ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                     const ReadCallbacks& callbacks) {
  ReadStats stats;
  for (const std::string& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      ++stats.errors;
      callbacks.on_error({path, "cannot open file"});
      continue;
    }
    ++stats.files;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    DocContext ctx;
    ctx.source = path;
    ctx.url = options.url;
    ctx.default_id = std::filesystem::path(path).stem().string();
    ctx.limits = options.limits;
    InputFormat f = SniffFormat(path, std::string_view(bytes).substr(0, 4096));
    Result<Article> r = f == InputFormat::kHtml ? ParseHtmlArticle(bytes, ctx)
                                                : ParseTextArticle(bytes, ctx);
    if (!r.ok()) {
      ++stats.errors;
      callbacks.on_error({path, r.status().message()});
      continue;
    }
    ++stats.articles;
    callbacks.on_article(std::move(r).value());
  }
  return stats;
}

const char* InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kText: return "text";
    case InputFormat::kHtml: return "html";
    case InputFormat::kFeed: return "feed";
    case InputFormat::kJsonFeed: return "jsonfeed";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kWarc: return "warc";
    case InputFormat::kUnknown: return "unknown";
  }
  return "unknown";
}

InputFormat SniffFormat(std::string_view name, std::string_view head) {
  if (name.ends_with(".html") || name.ends_with(".htm") || head.find("<html") != head.npos ||
      head.find("<!DOCTYPE") != head.npos || head.find("<!doctype") != head.npos) {
    return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

}  // namespace parallax
