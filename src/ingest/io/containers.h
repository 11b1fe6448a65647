// Streaming readers for multi-document files (WARC, JSONL), used by
// ReadInputs. Each reads its input record by record, hands every article to
// the sink, and reports per-record problems without stopping. Memory is
// bounded by ReadLimits::max_document_bytes whatever the file size.
// Not thread-safe (a sink belongs to one ReadInputs call).
#pragma once

#include <string>
#include <string_view>

#include "ingest/io/stream.h"
#include "parallax/ingest.h"

namespace parallax::io {

// Delivers results to ReadCallbacks (either may be empty) and counts them.
class ReadSink {
 public:
  ReadSink(const ReadCallbacks& callbacks, ReadStats* stats)
      : callbacks_(callbacks), stats_(stats) {}
  void Article(parallax::Article&& a);
  void Error(std::string_view input, std::string problem);
  const ReadCallbacks& callbacks() const { return callbacks_; }
  ReadStats* stats() { return stats_; }

 private:
  const ReadCallbacks& callbacks_;
  ReadStats* stats_;
};

// WARC: every 2xx HTML `response` (and HTML `resource`) record through
// ParseHtmlArticle; article sources are "<name>#<record number>".
void ReadWarcStream(Reader* in, const std::string& name, const ReadLimits& limits,
                    ReadSink* sink);

// JSONL: one ArticleFromJsonRecord per non-blank line; problems read
// "line N: ..."; article sources are "<name>#<line number>".
void ReadJsonlStream(Reader* in, const std::string& name, const ReadLimits& limits,
                     ReadSink* sink);

}  // namespace parallax::io
