// Streaming WARC/1.0 and WARC/1.1 reader (ISO 28500), plain or gzip (one
// member per record, as Common Crawl writes them; the Reader handles that).
//
// Records are read one at a time: the header is parsed, then the caller's
// `want` predicate decides whether the block is loaded into memory (up to
// max_record_bytes) or skipped without copying. Memory stays flat however
// large the file is.
//
//   WarcReader warc(&reader, limits.max_document_bytes);
//   WarcRecord rec;
//   for (;;) {
//     WarcStep step = warc.Next(&rec, [](const WarcRecord& h) { return h.type == "response"; });
//     if (step.kind == WarcStep::kEnd) break;
//     if (step.kind == WarcStep::kProblem) { Report(step.problem); continue; }
//     if (step.kind == WarcStep::kRecord) Use(rec.block);
//   }
//
// Damage is reported per record and reading resumes at the next line that
// starts with "WARC/1." (garbage between records, a bad Content-Length, a
// record over the limit). A truncated last record or a stream error (corrupt
// gzip) is one fatal problem, followed by kEnd. Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "ingest/io/stream.h"
#include "parallax/status.h"

namespace parallax::io {

struct WarcRecord {
  uint64_t number = 0;   // 1-based position in the file (garbage does not count)
  uint64_t offset = 0;   // offset of the "WARC/1.x" line in the decompressed stream
  std::string version;   // "WARC/1.0" or "WARC/1.1"
  std::string type;      // WARC-Type, lowercased ("response", "request", ...)
  std::string target_uri;
  std::string date;       // WARC-Date as written
  std::string record_id;  // WARC-Record-ID, e.g. "<urn:uuid:...>"
  std::string content_type;  // the record's Content-Type (e.g. "application/http; msgtype=response")
  uint64_t content_length = 0;
  std::string block;  // the record block; filled only for kRecord

  // "record 12 (https://example.com/a)", for messages.
  std::string Describe() const;
};

struct WarcStep {
  enum Kind {
    kRecord,   // a wanted record, block loaded
    kSkipped,  // a record the predicate did not want; block skipped
    kProblem,  // a problem (in `problem`); call Next again unless `fatal`
    kEnd,      // no more records
  };
  Kind kind = kEnd;
  Status problem;
  bool fatal = false;
};

class WarcReader {
 public:
  // `in` must outlive the reader; it is read from its current position.
  WarcReader(Reader* in, uint64_t max_record_bytes);

  WarcStep Next(WarcRecord* record, const std::function<bool(const WarcRecord&)>& want);

  uint64_t records() const { return number_; }

 private:
  // Finds the next "WARC/1." line; sets *garbage to bytes skipped before it.
  Result<bool> FindVersionLine(std::string* line, uint64_t* garbage);
  Status ReadHeader(WarcRecord* record, bool* bad_length);
  Status ConsumeTrailer();
  WarcStep Fatal(Status s);

  Reader* in_;
  uint64_t max_record_bytes_;
  uint64_t number_ = 0;
  bool done_ = false;
  bool resyncing_ = false;       // after a bad record: do not report the skip again
  bool have_pending_ = false;    // a version line was found after reporting garbage
  std::string pending_line_;
  uint64_t pending_offset_ = 0;
  std::string line_;
};

}  // namespace parallax::io
