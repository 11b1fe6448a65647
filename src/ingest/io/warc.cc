#include "ingest/io/warc.h"

#include "ingest/io/http.h"

#include <cctype>

namespace parallax::io {
namespace {

constexpr size_t kMaxLine = 64 << 10;           // a header line or a scanned line
constexpr uint64_t kMaxHeaderBytes = 1 << 20;   // a whole record header
constexpr std::string_view kVersionPrefix = "WARC/1.";

bool ParseLength(std::string_view s, uint64_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 18) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::string WarcRecord::Describe() const {
  std::string s = "record " + std::to_string(number);
  if (!target_uri.empty()) {
    s += " (" + target_uri + ")";
  } else if (!record_id.empty()) {
    s += " " + record_id;
  }
  return s;
}

WarcReader::WarcReader(Reader* in, uint64_t max_record_bytes)
    : in_(in), max_record_bytes_(max_record_bytes) {}

WarcStep WarcReader::Fatal(Status s) {
  done_ = true;
  return {WarcStep::kProblem, std::move(s), true};
}

Result<bool> WarcReader::FindVersionLine(std::string* line, uint64_t* garbage) {
  *garbage = 0;
  for (;;) {
    uint64_t start = in_->offset();
    Result<LineStatus> st = in_->ReadLine(line, kMaxLine);
    if (!st.ok()) return st.status();
    if (*st == LineStatus::kEof) return false;
    if (*st == LineStatus::kLine) {
      std::string_view l = Trim(*line);
      if (l.starts_with(kVersionPrefix)) {
        pending_offset_ = start;
        return true;
      }
      if (l.empty()) continue;  // stray blank lines are harmless
    }
    *garbage += in_->offset() - start;
  }
}

Status WarcReader::ReadHeader(WarcRecord* r, bool* bad_length) {
  *bad_length = true;
  bool have_length = false;
  uint64_t header_bytes = 0;
  std::string* last_value = nullptr;
  std::string ignored;
  for (;;) {
    Result<LineStatus> st = in_->ReadLine(&line_, kMaxLine);
    if (!st.ok()) return st.status();
    if (*st == LineStatus::kEof) {
      return InvalidInput(r->Describe() + ": truncated record header at end of file");
    }
    header_bytes += line_.size() + 1;
    if (*st == LineStatus::kTooLong || header_bytes > kMaxHeaderBytes) {
      return Status::Ok();  // a damaged header: *bad_length makes the caller resync
    }
    std::string_view l = line_;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty()) break;
    if ((l.front() == ' ' || l.front() == '\t') && last_value != nullptr) {
      *last_value += ' ';
      *last_value += Trim(l);  // folded continuation line
      continue;
    }
    size_t colon = l.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = Trim(l.substr(0, colon));
    std::string_view value = Trim(l.substr(colon + 1));
    last_value = &ignored;
    if (IEquals(name, "WARC-Type")) {
      r->type.clear();
      for (char c : value) r->type += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      last_value = &r->type;
    } else if (IEquals(name, "WARC-Target-URI")) {
      // WARC/1.0 examples wrapped the URI in <>; some writers copied that.
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
        value = value.substr(1, value.size() - 2);
      }
      r->target_uri = std::string(value);
      last_value = &r->target_uri;
    } else if (IEquals(name, "WARC-Date")) {
      r->date = std::string(value);
    } else if (IEquals(name, "WARC-Record-ID")) {
      r->record_id = std::string(value);
    } else if (IEquals(name, "Content-Type")) {
      r->content_type = std::string(value);
      last_value = &r->content_type;
    } else if (IEquals(name, "Content-Length")) {
      have_length = ParseLength(value, &r->content_length);
    }
  }
  *bad_length = !have_length;
  return Status::Ok();
}

Status WarcReader::ConsumeTrailer() {
  // Two CRLFs end a record; accept bare LFs. Anything else is left for
  // FindVersionLine to report as unexpected data.
  Result<std::string_view> head = in_->Peek(4);
  if (!head.ok()) return head.status();
  size_t n = 0;
  while (n < head->size() && ((*head)[n] == '\r' || (*head)[n] == '\n')) ++n;
  Result<uint64_t> skipped = in_->Skip(n);
  return skipped.ok() ? Status::Ok() : skipped.status();
}

WarcStep WarcReader::Next(WarcRecord* r, const std::function<bool(const WarcRecord&)>& want) {
  if (done_) return {WarcStep::kEnd, {}, false};
  std::string version;
  uint64_t offset = 0;
  if (have_pending_) {
    have_pending_ = false;
    version = std::move(pending_line_);
    offset = pending_offset_;
  } else {
    uint64_t garbage = 0;
    Result<bool> found = FindVersionLine(&line_, &garbage);
    if (!found.ok()) return Fatal(found.status());
    bool report = garbage > 0 && !resyncing_;
    resyncing_ = false;
    if (!*found) done_ = true;
    if (report) {
      if (*found) {
        have_pending_ = true;
        pending_line_ = line_;
      }
      std::string where = number_ == 0 ? "before the first record"
                                       : "after record " + std::to_string(number_);
      return {WarcStep::kProblem,
              InvalidInput("skipped " + FormatBytes(garbage) + " of unexpected data " + where),
              false};
    }
    if (!*found) return {WarcStep::kEnd, {}, false};
    version = line_;
    offset = pending_offset_;
  }

  std::string buffer = std::move(r->block);  // keep its capacity across records
  buffer.clear();
  *r = WarcRecord();
  r->block = std::move(buffer);
  r->number = ++number_;
  r->offset = offset;
  r->version = std::string(Trim(version));
  bool bad_length = false;
  Status st = ReadHeader(r, &bad_length);
  if (!st.ok()) return Fatal(st);
  // Stream errors inside a record name the record.
  auto fatal_in_record = [&](const Status& s) {
    return Fatal(Status(s.code(), r->Describe() + ": " + s.message()));
  };
  if (bad_length) {
    resyncing_ = true;
    return {WarcStep::kProblem,
            InvalidInput(r->Describe() + ": missing or invalid Content-Length; skipped"), false};
  }

  bool wanted = want(*r);
  bool too_big = wanted && r->content_length > max_record_bytes_;
  if (!wanted || too_big) {
    Result<uint64_t> skipped = in_->Skip(r->content_length);
    if (!skipped.ok()) return fatal_in_record(skipped.status());
    if (*skipped < r->content_length) {
      return Fatal(InvalidInput(r->Describe() + ": truncated: expected " +
                                std::to_string(r->content_length) + " bytes of content, found " +
                                std::to_string(*skipped)));
    }
    Status t = ConsumeTrailer();
    if (!t.ok()) return Fatal(t);
    if (too_big) {
      return {WarcStep::kProblem,
              TooLarge(r->Describe() + ": record of " + FormatBytes(r->content_length) +
                       " exceeds the limit of " + FormatBytes(max_record_bytes_)),
              false};
    }
    return {WarcStep::kSkipped, {}, false};
  }

  r->block.reserve(r->content_length);
  Result<uint64_t> got = in_->ReadInto(r->content_length, &r->block);
  if (!got.ok()) return fatal_in_record(got.status());
  if (*got < r->content_length) {
    return Fatal(InvalidInput(r->Describe() + ": truncated: expected " +
                              std::to_string(r->content_length) + " bytes of content, found " +
                              std::to_string(*got)));
  }
  Status t = ConsumeTrailer();
  if (!t.ok()) return Fatal(t);
  return {WarcStep::kRecord, {}, false};
}

}  // namespace parallax::io
