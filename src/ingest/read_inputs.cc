// ReadInputs: the front door. Expands folders, opens each file (or stdin),
// undoes gzip, sniffs the format and hands the bytes to the right reader:
// streamed for containers (WARC, JSONL), whole for single documents and feeds.
#include <algorithm>
#include <string>

#include "ingest/io/containers.h"
#include "ingest/io/encoding.h"
#include "ingest/io/gzip.h"
#include "ingest/io/sniff.h"
#include "ingest/io/stream.h"
#include "ingest/io/walk.h"
#include "parallax/ingest.h"

namespace parallax {
namespace {

constexpr size_t kSniffBytes = 4096;
// Past a limit we keep counting (without storing) up to this multiple, so the
// message can say how big the input really is; beyond it, "more than".
constexpr uint64_t kOvershootFactor = 8;

uint64_t SaturatingMul(uint64_t a, uint64_t b) {
  return (b != 0 && a > UINT64_MAX / b) ? UINT64_MAX : a * b;
}

// All of a non-streamed input, or TooLarge naming its (decompressed) size:
// "file is 3.1 GB after decompression; limit is 2 GB".
Result<std::string> ReadWhole(io::DecodedInput* in, uint64_t limit, const char* what) {
  uint64_t bound = SaturatingMul(std::max<uint64_t>(limit, 1), kOvershootFactor);
  if (in->gzip != nullptr) in->gzip->set_max_output_bytes(bound);
  std::string bytes;
  Status st = in->reader->ReadAll(limit, &bytes);
  if (st.ok()) return bytes;
  if (st.code() != StatusCode::kTooLarge) return st;
  bytes = std::string();
  bool more = true;
  if (in->reader->offset() < bound) {
    Result<uint64_t> skipped = in->reader->Skip(bound - in->reader->offset());
    if (skipped.ok()) {
      Result<bool> end = in->reader->AtEnd();
      more = !end.ok() || !*end;
    }
  }
  std::string size = io::FormatBytes(in->reader->offset());
  return TooLarge(std::string(what) + " is " + (more ? "more than " : "") + size +
                  (in->gzip != nullptr ? " after decompression" : "") + "; limit is " +
                  io::FormatBytes(limit));
}

class FileReader {
 public:
  FileReader(const ReadOptions& options, io::ReadSink* sink) : options_(options), sink_(sink) {}

  // Reads one expanded entry. `only_document` is true when it is the only
  // input, so --url may apply.
  void Read(const io::InputEntry& entry, bool only_document) {
    const std::string& path = entry.path;
    if (!entry.problem.empty()) return sink_->Error(path, entry.problem);
    Result<std::unique_ptr<io::ByteSource>> raw =
        path == "-" ? Result<std::unique_ptr<io::ByteSource>>(io::StdinSource())
                    : io::OpenFileSource(path);
    if (!raw.ok()) return sink_->Error(path, raw.status().message());
    ++sink_->stats()->files;
    Result<io::DecodedInput> in = io::OpenDecoded(std::move(raw).value());
    if (!in.ok()) return sink_->Error(path, in.status().message());
    Result<std::string_view> head = in->reader->Peek(kSniffBytes);
    if (!head.ok()) return sink_->Error(path, head.status().message());
    if (head->empty()) return sink_->Error(path, "empty file");

    InputFormat format = SniffFormat(path == "-" ? std::string_view() : path, *head);
    const ReadLimits& limits = options_.limits;
    switch (format) {
      case InputFormat::kWarc:
        return io::ReadWarcStream(in->reader.get(), path, limits, sink_);
      case InputFormat::kJsonl:
        return io::ReadJsonlStream(in->reader.get(), path, limits, sink_);
      case InputFormat::kFeed:
      case InputFormat::kJsonFeed:
        return ReadFeed(&*in, path);
      case InputFormat::kHtml:
      case InputFormat::kText:
        return ReadDocument(&*in, path, format, only_document);
      case InputFormat::kUnknown:
        return sink_->Error(path, io::LooksBinary(*head)
                                      ? "binary data, not a supported input format"
                                      : "unrecognised format: JSON that is neither JSONL (one "
                                        "object per line) nor a JSON Feed");
    }
  }

 private:
  void ReadFeed(io::DecodedInput* in, const std::string& path) {
    Result<std::string> bytes = ReadWhole(in, options_.limits.max_file_bytes, "file");
    if (!bytes.ok()) return sink_->Error(path, bytes.status().message());
    DocContext ctx;
    ctx.source = path;
    ctx.limits = options_.limits;
    ReadCallbacks counted;
    counted.on_article = [this](Article&& a) { sink_->Article(std::move(a)); };
    counted.on_error = [this, &path](const InputError& e) {
      sink_->Error(e.input.empty() ? path : e.input, e.problem);
    };
    Status st = ParseFeed(*bytes, ctx, counted);
    if (!st.ok()) sink_->Error(path, st.message());
  }

  void ReadDocument(io::DecodedInput* in, const std::string& path, InputFormat format,
                    bool only_document) {
    uint64_t limit = std::min(options_.limits.max_document_bytes, options_.limits.max_file_bytes);
    Result<std::string> bytes = ReadWhole(in, limit, "document");
    if (!bytes.ok()) return sink_->Error(path, bytes.status().message());
    DocContext ctx;
    ctx.source = path;
    ctx.default_id = io::DefaultIdForPath(path);
    ctx.limits = options_.limits;
    if (only_document) ctx.url = options_.url;
    Result<Article> a = format == InputFormat::kHtml
                            ? ParseHtmlArticle(*bytes, ctx)
                            : ParseTextArticle(io::DecodeToUtf8(*bytes, "", false), ctx);
    if (!a.ok()) return sink_->Error(path, a.status().message());
    sink_->Article(std::move(a).value());
  }

  const ReadOptions& options_;
  io::ReadSink* sink_;
};

}  // namespace

ReadStats ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                     const ReadCallbacks& callbacks) {
  ReadStats stats;
  io::ReadSink sink(callbacks, &stats);
  std::vector<io::InputEntry> entries;
  io::ExpandInputs(inputs, options.limits.max_folder_depth, &entries);
  bool only_document = entries.size() == 1;
  FileReader reader(options, &sink);
  for (const io::InputEntry& entry : entries) reader.Read(entry, only_document);
  return stats;
}

}  // namespace parallax
