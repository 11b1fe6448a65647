#include "ingest/html/content/jsonld.h"

#include <nlohmann/json.hpp>

namespace parallax::html::content {
namespace {

using nlohmann::json;

void Find(const json& j, int depth, std::string* best) {
  if (depth > 16) return;
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "articleBody" && it.value().is_string()) {
        const auto& s = it.value().get_ref<const std::string&>();
        if (s.size() > best->size()) *best = s;
      } else if (it.value().is_structured()) {
        Find(it.value(), depth + 1, best);
      }
    }
  } else if (j.is_array()) {
    for (const auto& v : j) Find(v, depth + 1, best);
  }
}

}  // namespace

std::string JsonLdArticleBody(const HtmlDocument& doc) {
  std::string best;
  for (const std::string& raw : doc.json_ld()) {
    if (raw.find("articleBody") == std::string::npos) continue;  // cheap skip
    json j = json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    Find(j, 0, &best);
  }
  return best;
}

}  // namespace parallax::html::content
