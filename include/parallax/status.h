// Status and Result<T>: errors as values for the Parallax library.
//
// Library code never throws for expected failures (bad input, missing files,
// limits exceeded); it returns a Status, or a Result<T> that holds either a
// value or a non-OK Status. Front ends (CLI, server) turn these into messages
// and exit codes. Both types are cheap to move and are not thread-safe to
// mutate concurrently (like any value type).
//
//   Result<Article> r = ParseTextArticle(bytes, ctx);
//   if (!r.ok()) return r.status();
//   Article a = std::move(r).value();
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace parallax {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad usage: option values, malformed query
  kInvalidInput,     // input data we cannot make sense of (garbage, bad syntax)
  kNotFound,         // file or record does not exist
  kIoError,          // read/write failure
  kTooLarge,         // a configured limit was exceeded (file size, expansion)
  kUnsupported,      // recognised but not handled (e.g. unknown format)
  kInternal,         // a bug or an unexpected library failure
};

// Human-readable name of a code ("invalid input").
const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // The problem, phrased to follow "FILE: " in a user-facing message.
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidInput(std::string m) { return {StatusCode::kInvalidInput, std::move(m)}; }
inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
inline Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// Holds a T or an error Status. Constructing from an OK Status is a bug.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "Result constructed from OK status");
    if (status_.ok()) status_ = Internal("Result constructed from OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace parallax

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define PARALLAX_RETURN_IF_ERROR(expr)        \
  do {                                        \
    ::parallax::Status _st = (expr);          \
    if (!_st.ok()) return _st;                \
  } while (false)
