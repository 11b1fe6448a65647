#include "ingest/formats/json_util.h"

namespace parallax::formats {
namespace {

// A SAX handler that only remembers where parsing failed. nlohmann reports
// errors to parse_error() and never throws when it returns false.
struct ErrorFinder : nlohmann::json_sax<nlohmann::json> {
  size_t position = 0;
  std::string reason;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) override {
    position = pos;
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
    // error while parsing value - invalid literal; last read: 'tru?'"
    size_t dash = what.find(" - ");
    reason = dash == std::string::npos ? what : what.substr(dash + 3);
    return false;
  }
};

}  // namespace

Result<nlohmann::json> ParseJson(std::string_view s) {
  nlohmann::json j = nlohmann::json::parse(s.begin(), s.end(), nullptr, false);
  if (!j.is_discarded()) return j;
  ErrorFinder finder;
  nlohmann::json::sax_parse(s.begin(), s.end(), &finder);
  std::string msg = "invalid JSON at byte " + std::to_string(finder.position);
  if (!finder.reason.empty()) msg += ": " + finder.reason;
  return InvalidInput(std::move(msg));
}

Status GetString(const nlohmann::json& obj, const char* key, std::string* out, bool allow_number) {
  out->clear();
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (it->is_string()) {
    *out = it->get_ref<const std::string&>();
    return Status::Ok();
  }
  if (allow_number && it->is_number_integer()) {
    *out = std::to_string(it->get<int64_t>());
    return Status::Ok();
  }
  if (allow_number && it->is_number_unsigned()) {
    *out = std::to_string(it->get<uint64_t>());
    return Status::Ok();
  }
  return InvalidInput(std::string("field '") + key + "' must be a string");
}

}  // namespace parallax::formats
