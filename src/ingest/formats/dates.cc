#include "ingest/formats/dates.h"

#include "ingest/dates/date_parse.h"

namespace parallax::formats {

std::optional<std::string> NormalizeDate(std::string_view text) {
  if (text.empty() || text.size() > 200) return std::nullopt;
  return dates::ParseDateTime(text);
}

}  // namespace parallax::formats
