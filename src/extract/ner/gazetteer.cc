// Gazetteer compilation from the ie/gazetteers sources.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "token_features.h"
#include "resources.h"

namespace parallax::ner {
namespace {

constexpr int kMaxPhraseTokens = 8;

bool IsSplitPunct(char c) {
  return std::strchr("\"()[]{},;:!?", c) != nullptr && c != '\0';
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class GazetteerBuilder {
 public:
  void Add(std::string_view phrase, int type) {
    std::vector<std::string> toks = PtbTokens(phrase);
    if (toks.empty() || toks.size() > kMaxPhraseTokens) return;
    std::string joined;
    for (const std::string& t : toks) {
      if (!joined.empty()) joined.push_back(' ');
      joined += NormToken(t);
    }
    // Single short tokens ("us", "in") would mark common words.
    if (toks.size() == 1 && joined.size() < 3) return;
    max_tokens_ = std::max<int>(max_tokens_, static_cast<int>(toks.size()));
    uint16_t& mask = masks_[PhraseKey(joined)];
    if ((mask & kGazTypeBits) == 0) ++phrases_;
    mask |= static_cast<uint16_t>(1u << type);
    // Every shorter prefix is marked, so matching can stop at the first
    // prefix that no phrase continues.
    size_t end = 0;
    for (size_t i = 0; i + 1 < toks.size(); ++i) {
      end = joined.find(' ', end + (i == 0 ? 0 : 1));
      masks_[PhraseKey(std::string_view(joined).substr(0, end))] |= kGazPrefixBit;
    }
  }
  void Emit(Model* m) const {
    m->gazetteer_keys.clear();
    m->gazetteer_masks.clear();
    for (const auto& [k, v] : masks_) {  // std::map: sorted, deterministic
      m->gazetteer_keys.push_back(k);
      m->gazetteer_masks.push_back(v);
    }
    m->gazetteer_max_tokens = max_tokens_;
  }
  size_t size() const { return phrases_; }

 private:
  std::map<uint64_t, uint16_t> masks_;
  size_t phrases_ = 0;
  int max_tokens_ = 0;
};

void AddJsonString(const nlohmann::json& j, const char* key, int type, GazetteerBuilder* g) {
  auto it = j.find(key);
  if (it != j.end() && it->is_string()) g->Add(it->get<std::string>(), type);
}

Status AddCountries(const std::string& path, GazetteerBuilder* g) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  nlohmann::json j = nlohmann::json::parse(*bytes, nullptr, false);
  if (!j.is_array()) return InvalidInput(path + ": expected a JSON array of countries");
  for (const auto& c : j) {
    if (!c.is_object()) continue;
    if (auto n = c.find("name"); n != c.end() && n->is_object()) {
      AddJsonString(*n, "common", kGazCountry, g);
      AddJsonString(*n, "official", kGazCountry, g);
    }
    if (auto a = c.find("altSpellings"); a != c.end() && a->is_array()) {
      for (const auto& s : *a) {
        if (s.is_string() && s.get<std::string>().size() > 3) g->Add(s.get<std::string>(), kGazCountry);
      }
    }
    if (auto cap = c.find("capital"); cap != c.end() && cap->is_array()) {
      for (const auto& s : *cap) {
        if (s.is_string()) g->Add(s.get<std::string>(), kGazCity);
      }
    }
    if (auto d = c.find("demonyms"); d != c.end() && d->is_object()) {
      if (auto e = d->find("eng"); e != d->end() && e->is_object()) {
        AddJsonString(*e, "f", kGazDemonym, g);
        AddJsonString(*e, "m", kGazDemonym, g);
      }
    }
  }
  return Status::Ok();
}

Status AddIso(const std::string& path, const char* list_key, int type, GazetteerBuilder* g) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  nlohmann::json j = nlohmann::json::parse(*bytes, nullptr, false);
  if (!j.is_object() || !j.contains(list_key) || !j[list_key].is_array()) {
    return InvalidInput(path + ": expected an object with a '" + list_key + "' array");
  }
  for (const auto& e : j[list_key]) {
    if (!e.is_object()) continue;
    AddJsonString(e, "name", type, g);
    AddJsonString(e, "common_name", type, g);
    AddJsonString(e, "official_name", type, g);
  }
  return Status::Ok();
}

std::string YamlValue(std::string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  if (v.size() >= 2 && (v.front() == '\'' || v.front() == '"') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

// The congress-legislators YAML files: person names under "name:" blocks;
// committee names at indent 2 ("  name: House Committee on ...").
Status AddYamlNames(const std::string& path, bool committees, GazetteerBuilder* g) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  std::map<std::string, std::string> name;
  auto flush = [&] {
    const std::string& first = name["first"];
    const std::string& last = name["last"];
    if (!last.empty()) {
      g->Add(last, kGazLastName);
      if (!first.empty()) g->Add(first + " " + last, kGazPersonFull);
      if (!name["nickname"].empty()) g->Add(name["nickname"] + " " + last, kGazPersonFull);
    }
    if (!first.empty()) g->Add(first, kGazFirstName);
    if (!name["nickname"].empty()) g->Add(name["nickname"], kGazFirstName);
    if (!name["official_full"].empty()) g->Add(name["official_full"], kGazPersonFull);
    name.clear();
  };
  bool in_name = false;
  size_t pos = 0;
  const std::string& s = *bytes;
  while (pos < s.size()) {
    size_t eol = s.find('\n', pos);
    if (eol == std::string::npos) eol = s.size();
    std::string_view line(s.data() + pos, eol - pos);
    pos = eol + 1;
    size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) continue;
    std::string_view body = line.substr(indent);
    if (committees) {
      if (indent == 2 && body.starts_with("name: ")) g->Add(YamlValue(body.substr(6)), kGazOrganization);
      continue;
    }
    if (indent == 2 && body == "name:") {
      in_name = true;
      continue;
    }
    if (in_name && indent == 4) {
      size_t colon = body.find(':');
      if (colon != std::string_view::npos) {
        name[std::string(body.substr(0, colon))] = YamlValue(body.substr(colon + 1));
      }
      continue;
    }
    if (in_name) {
      flush();
      in_name = false;
    }
  }
  if (in_name) flush();
  return Status::Ok();
}

// GeoNames cities compiled by libgweather-style tools: a GVariant array of
// records, each starting with NUL-terminated strings (id, name, ...). The
// array's framing offsets (4 bytes each, at the end) give each record's end;
// a record starts at the previous end rounded up to 8.
Status AddGeonames(const std::string& path, GazetteerBuilder* g, size_t* added) {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  const std::string& d = *bytes;
  auto bad = InvalidInput(path + ": not a GVariant array of city records");
  if (d.size() < 8) return bad;
  uint32_t table = 0;
  std::memcpy(&table, d.data() + d.size() - 4, 4);
  if (table >= d.size() || (d.size() - table) % 4 != 0) return bad;
  size_t count = (d.size() - table) / 4;
  size_t start = 0;
  for (size_t i = 0; i < count; ++i) {
    uint32_t end = 0;
    std::memcpy(&end, d.data() + table + 4 * i, 4);
    if (end > table || end < start) return bad;
    std::string_view rec(d.data() + start, end - start);
    size_t id_end = rec.find('\0');
    if (id_end != std::string_view::npos) {
      size_t name_end = rec.find('\0', id_end + 1);
      if (name_end != std::string_view::npos) {
        g->Add(rec.substr(id_end + 1, name_end - id_end - 1), kGazCity);
        ++*added;
      }
    }
    start = (end + 7) & ~static_cast<size_t>(7);
  }
  return Status::Ok();
}

}  // namespace

std::vector<std::string> PtbTokens(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t b = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view w = text.substr(b, i - b);
    std::vector<std::string> tail;
    while (!w.empty() && (IsSplitPunct(w.front()) || w.front() == '\'')) {
      out.emplace_back(1, w.front());
      w.remove_prefix(1);
    }
    while (!w.empty()) {
      char c = w.back();
      bool abbrev = c == '.' && (w.size() == 2 || w.substr(0, w.size() - 1).find('.') != std::string_view::npos);
      if (!(IsSplitPunct(c) || c == '\'' || (c == '.' && !abbrev))) break;
      tail.emplace_back(1, c);
      w.remove_suffix(1);
    }
    if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) {
      tail.emplace_back(w.substr(w.size() - 2));
      w.remove_suffix(2);
    } else if (w.size() > 3 && w.ends_with("n't")) {
      tail.emplace_back("n't");
      w.remove_suffix(3);
    }
    if (!w.empty()) out.emplace_back(w);
    out.insert(out.end(), tail.rbegin(), tail.rend());
  }
  return out;
}

Status BuildGazetteer(const std::string& dir, std::ostream* log, Model* model) {
  namespace fs = std::filesystem;
  GazetteerBuilder g;
  auto present = [&](const std::string& rel) {
    bool ok = fs::exists(dir + "/" + rel);
    if (!ok && log) *log << "gazetteer: " << dir << "/" << rel << " missing, skipped\n";
    return ok;
  };
  if (present("mledoze_countries/countries.json")) {
    PARALLAX_RETURN_IF_ERROR(AddCountries(dir + "/mledoze_countries/countries.json", &g));
  }
  if (present("iso-codes/iso_3166-1.json")) {
    PARALLAX_RETURN_IF_ERROR(AddIso(dir + "/iso-codes/iso_3166-1.json", "3166-1", kGazCountry, &g));
  }
  if (present("iso-codes/iso_3166-2.json")) {
    PARALLAX_RETURN_IF_ERROR(AddIso(dir + "/iso-codes/iso_3166-2.json", "3166-2", kGazRegion, &g));
  }
  for (const char* f : {"legislators-current.yaml", "executive.yaml"}) {
    if (present(std::string("congress_legislators/") + f)) {
      PARALLAX_RETURN_IF_ERROR(AddYamlNames(dir + "/congress_legislators/" + f, false, &g));
    }
  }
  if (present("congress_legislators/committees-current.yaml")) {
    PARALLAX_RETURN_IF_ERROR(
        AddYamlNames(dir + "/congress_legislators/committees-current.yaml", true, &g));
  }
  size_t cities = 0;
  if (present("geonames_cities.compiled")) {
    PARALLAX_RETURN_IF_ERROR(AddGeonames(dir + "/geonames_cities.compiled", &g, &cities));
  }
  g.Emit(model);
  if (log) *log << "gazetteer: " << g.size() << " phrases (" << cities << " GeoNames cities)\n";
  return Status::Ok();
}

}  // namespace parallax::ner
