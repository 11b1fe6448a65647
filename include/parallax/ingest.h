// Reading articles from any input: files, folders, stdin; plain text, HTML,
// RSS/Atom/JSON Feed, JSONL, WARC; each optionally gzip-compressed.
//
// ReadInputs() is the front door. It walks folders recursively (sorted, so the
// order is deterministic), sniffs each file's format from its name and first
// bytes, streams containers (WARC, JSONL) record by record, and calls back once
// per article and once per problem. A bad input never stops the batch: the
// problem is reported with the input's name and reading goes on.
//
// The per-format parsers below are usable alone on in-memory data.
// Everything here is thread-compatible: distinct calls may run in parallel;
// callbacks are invoked on the calling thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax {

// Limits that keep hostile input from exhausting memory. Exceeding one is a
// reported problem for that input (or record), never a crash.
struct ReadLimits {
  uint64_t max_document_bytes = 64ull << 20;  // one page, text, feed, JSON line, WARC record
  uint64_t max_file_bytes = 2ull << 30;       // a non-streamed file after decompression
  int max_folder_depth = 64;                  // recursion into folders (symlink loops)
};

struct ReadOptions {
  std::string url;  // --url: URL of the (single) input document, used for HTML pages
  ReadLimits limits;
};

// A problem with one input; `input` names the file ("-" for stdin) and
// `problem` says what went wrong ("line 7: invalid JSON: ...").
struct InputError {
  std::string input;
  std::string problem;
};

struct ReadCallbacks {
  std::function<void(Article&&)> on_article;
  std::function<void(const InputError&)> on_error;
};

struct ReadStats {
  uint64_t files = 0;     // files opened (stdin counts as one)
  uint64_t articles = 0;  // articles delivered
  uint64_t errors = 0;    // problems reported
};

// Reads every input ("-" is stdin) and delivers articles in input order.
ReadStats ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                     const ReadCallbacks& callbacks);

// ---- Formats ---------------------------------------------------------------

enum class InputFormat { kUnknown, kText, kHtml, kFeed, kJsonFeed, kJsonl, kWarc };
const char* InputFormatName(InputFormat f);

// Guesses the format from a file name (may be empty) and the first bytes of
// the (decompressed) content. Content wins over the name when they disagree
// in an unambiguous way (a ".txt" that starts with "WARC/1.0" is WARC).
InputFormat SniffFormat(std::string_view name, std::string_view head);

// What a parser knows about a document besides its bytes.
struct DocContext {
  std::string source;        // path or "-", for messages and Article::source
  std::string url;           // known URL (WARC target URI, --url, JSONL url)
  std::string content_type;  // HTTP Content-Type, may carry a charset
  std::string default_id;    // id when the document gives none (file basename)
  ReadLimits limits;
};

// Plain text following the seed conventions (headline lines, "-----" rules,
// datelines, a leading "date YYYY-MM-DD", photo credits, section heads).
// `text` must be UTF-8.
Result<Article> ParseTextArticle(std::string_view text, const DocContext& ctx);

// An HTML page in any encoding: main content plus metadata.
Result<Article> ParseHtmlArticle(std::string_view bytes, const DocContext& ctx);

// RSS 2.0, RSS 1.0/RDF, Atom, or JSON Feed. Each item becomes an article;
// items with only a summary have Article::summary_only set. A feed with no
// items is not an error (zero callbacks). Item-level problems go to on_error.
Status ParseFeed(std::string_view bytes, const DocContext& ctx, const ReadCallbacks& callbacks);

// One JSONL record (CONTRACT.md fields) to an article; `html` is run through
// main-content extraction, `text` through the plain-text reader.
Result<Article> ArticleFromJsonRecord(std::string_view json_line, const DocContext& ctx);

// ---- Ids ---------------------------------------------------------------------

// CONTRACT.md id rule, applied by readers when a record carries no id:
// a stable id from the URL when there is one, else from the content.
std::string DeriveArticleId(std::string_view url, std::string_view content);

}  // namespace parallax
