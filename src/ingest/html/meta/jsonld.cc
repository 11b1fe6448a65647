#include "ingest/html/meta/jsonld.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "ingest/html/meta/text_util.h"

namespace parallax::html::meta {

namespace {

using nlohmann::json;

// Makes common real-world breakage parseable: HTML comment or CDATA
// wrappers, raw control characters inside strings, trailing commas.
std::string Sanitize(std::string_view raw) {
  std::string_view s = raw;
  const size_t open = s.find_first_of("{[");
  const size_t close = s.find_last_of("}]");
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return "";
  s = s.substr(open, close - open + 1);
  std::string out;
  out.reserve(s.size());
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\' && i + 1 < s.size()) {
        out.push_back(c);
        out.push_back(s[++i]);
        continue;
      }
      if (c == '"') in_string = false;
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
      out.push_back(c);
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '}' || c == ']') {
      // Drop a trailing comma before a closer.
      size_t j = out.size();
      while (j > 0 && (out[j - 1] == ' ' || out[j - 1] == '\n' || out[j - 1] == '\r' ||
                       out[j - 1] == '\t')) {
        --j;
      }
      if (j > 0 && out[j - 1] == ',') out.erase(j - 1, 1);
    }
    out.push_back(c);
  }
  return out;
}

// A string value, the first string of an array, or an object's @value.
std::string StringOf(const json& v) {
  if (v.is_string()) return CollapseSpaces(v.get_ref<const std::string&>());
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_array()) {
    for (const json& e : v) {
      if (std::string s = StringOf(e); !s.empty()) return s;
    }
  }
  if (v.is_object()) {
    if (auto it = v.find("@value"); it != v.end()) return StringOf(*it);
  }
  return "";
}

std::string Field(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? "" : StringOf(*it);
}

std::vector<std::string> Types(const json& obj) {
  std::vector<std::string> types;
  auto it = obj.find("@type");
  if (it == obj.end()) return types;
  if (it->is_string()) types.push_back(it->get<std::string>());
  if (it->is_array()) {
    for (const json& t : *it) {
      if (t.is_string()) types.push_back(t.get<std::string>());
    }
  }
  return types;
}

bool IsArticleType(std::string_view t) {
  return t.find("Article") != std::string_view::npos ||
         t.find("Posting") != std::string_view::npos || t == "ReportageNews" || t == "Report" ||
         t == "Review" || t == "Blog" || t == "Recipe" || t == "HowTo";
}

bool IsPageType(std::string_view t) {
  return t.find("Page") != std::string_view::npos || t == "CreativeWork";
}

struct Collector {
  std::vector<const json*> objects;
  std::unordered_map<std::string, const json*> by_id;

  void Add(const json& v, int depth) {
    if (depth > 6) return;
    if (v.is_array()) {
      for (const json& e : v) Add(e, depth + 1);
      return;
    }
    if (!v.is_object()) return;
    objects.push_back(&v);
    if (auto it = v.find("@id"); it != v.end() && it->is_string()) by_id.emplace(it->get<std::string>(), &v);
    for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage", "itemReviewed"}) {
      if (auto it = v.find(key); it != v.end() && (it->is_array() || it->is_object())) {
        Add(*it, depth + 1);
      }
    }
  }

  const json& Resolve(const json& v) const {
    if (v.is_object() && v.size() <= 2) {
      if (auto it = v.find("@id"); it != v.end() && it->is_string()) {
        auto found = by_id.find(it->get<std::string>());
        if (found != by_id.end()) return *found->second;
      }
    }
    return v;
  }

  void AddNames(const json& v, std::vector<std::string>* names, int depth) const {
    if (depth > 3) return;
    if (v.is_array()) {
      for (const json& e : v) AddNames(e, names, depth + 1);
      return;
    }
    std::string name;
    if (v.is_string()) {
      name = CollapseSpaces(v.get_ref<const std::string&>());
      if (StartsWithIgnoreCase(name, "http")) name.clear();  // a profile URL, not a name
    } else if (v.is_object()) {
      const json& o = Resolve(v);
      if (!o.is_object()) return;
      name = Field(o, "name");
      if (name.empty()) {
        std::string given = Field(o, "givenName"), family = Field(o, "familyName");
        name = CollapseSpaces(given + " " + family);
      }
    }
    if (!name.empty() && std::find(names->begin(), names->end(), name) == names->end()) {
      names->push_back(std::move(name));
    }
  }
};

// Tolerant fallback: the string value after "key": in unparseable text.
std::string ScanKey(std::string_view text, std::string_view key) {
  const std::string quoted = "\"" + std::string(key) + "\"";
  size_t at = text.find(quoted);
  if (at == std::string_view::npos) return "";
  size_t i = at + quoted.size();
  while (i < text.size() && (text[i] == ' ' || text[i] == ':' || text[i] == '\t' || text[i] == '\n')) ++i;
  if (i >= text.size() || text[i] != '"') return "";
  const size_t end = text.find('"', i + 1);
  if (end == std::string_view::npos || end - i > 64) return "";
  return std::string(text.substr(i + 1, end - i - 1));
}

}  // namespace

JsonLdInfo ReadJsonLd(const std::vector<std::string>& blocks) {
  JsonLdInfo info;
  std::vector<json> docs;
  docs.reserve(blocks.size());
  std::string fallback_published, fallback_modified;
  for (const std::string& raw : blocks) {
    json j = json::parse(Sanitize(raw), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      if (fallback_published.empty()) fallback_published = ScanKey(raw, "datePublished");
      if (fallback_modified.empty()) fallback_modified = ScanKey(raw, "dateModified");
      continue;
    }
    docs.push_back(std::move(j));
  }
  Collector c;
  for (const json& d : docs) c.Add(d, 0);

  // The main work: the best-scored article, else the best page; ties go to
  // the first (top-level objects come before nested ones).
  const json* best = nullptr;
  int best_score = 0;
  for (const json* o : c.objects) {
    int score = 0;
    for (const std::string& t : Types(*o)) {
      if (IsArticleType(t)) score = std::max(score, 100);
      else if (IsPageType(t)) score = std::max(score, 50);
      else if (t == "WebSite" && info.site_name.empty()) info.site_name = Field(*o, "name");
    }
    if (score == 0) continue;
    if (o->contains("datePublished")) score += 4;
    if (o->contains("headline")) score += 2;
    if (o->contains("author")) score += 1;
    if (score > best_score) {
      best = o;
      best_score = score;
    }
  }
  if (best != nullptr) {
    const json& o = *best;
    std::vector<std::string> types = Types(o);
    info.type = types.empty() ? "" : types[0];
    info.is_article = best_score >= 100;
    info.headline = Field(o, "headline");
    info.name = Field(o, "name");
    if (info.headline.empty()) info.headline = info.name;
    for (const char* key : {"author", "creator"}) {
      if (auto it = o.find(key); it != o.end() && info.authors.empty()) {
        c.AddNames(*it, &info.authors, 0);
      }
    }
    info.date_published = Field(o, "datePublished");
    info.date_created = Field(o, "dateCreated");
    info.date_modified = Field(o, "dateModified");
    if (auto it = o.find("publisher"); it != o.end()) {
      std::vector<std::string> names;
      c.AddNames(*it, &names, 0);
      if (!names.empty()) info.publisher = names[0];
    }
    info.url = Field(o, "url");
    if (info.url.empty()) {
      if (auto it = o.find("mainEntityOfPage"); it != o.end()) {
        info.url = it->is_object() ? Field(*it, "@id") : StringOf(*it);
      }
    }
    if (auto it = o.find("inLanguage"); it != o.end()) {
      info.language = it->is_object() ? Field(*it, "name") : StringOf(*it);
    }
    info.description = Field(o, "description");
  }
  if (info.date_published.empty()) info.date_published = fallback_published;
  if (info.date_modified.empty()) info.date_modified = fallback_modified;
  return info;
}

}  // namespace parallax::html::meta
