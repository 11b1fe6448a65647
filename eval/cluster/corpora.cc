#include "corpora.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parallax/text.h"

namespace parallax::eval {
namespace {

namespace fs = std::filesystem;

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path.string() + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void AddDoc(std::vector<EcbDoc>* out, std::string id, std::string event, const std::string& text) {
  std::string lines = SentencePerLine(text);
  if (lines.empty()) return;
  EcbDoc d;
  d.doc_id = std::move(id);
  d.event_cluster = std::move(event);
  d.text = std::move(lines);
  out->push_back(std::move(d));
}

Status AddMultiNews(const std::string& data_dir, std::vector<EcbDoc>* out) {
  const std::string path =
      data_dir + "/summarization/multinews-sample/multinews_validation_sample250.jsonl";
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("documents")) {
      return InvalidInput(path + ":" + std::to_string(n) + ": not a Multi-News record");
    }
    const std::string event = "mn:" + std::to_string(n);
    size_t k = 0;
    for (const auto& doc : j["documents"]) {
      if (doc.is_string()) AddDoc(out, event + "." + std::to_string(k++), event, doc.get<std::string>());
    }
  }
  return Status::Ok();
}

// "TITLE=> t ARTICLE=> body [SEP] TITLE=> ..." per line: one story per line.
Status AddAllSides(const std::string& data_dir, std::vector<EcbDoc>* out) {
  const std::string path = data_dir + "/claims/neus-allsides/val.source";
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    const std::string event = "as:" + std::to_string(n);
    size_t k = 0, from = 0;
    while (from <= line.size()) {
      size_t sep = line.find(" [SEP] ", from);
      std::string part = line.substr(from, sep == std::string::npos ? std::string::npos : sep - from);
      for (const char* tag : {"TITLE=> ", "ARTICLE=> "}) {
        for (size_t at; (at = part.find(tag)) != std::string::npos;) part.replace(at, std::strlen(tag), "\n\n");
      }
      AddDoc(out, event + "." + std::to_string(k++), event, part);
      if (sep == std::string::npos) break;
      from = sep + 7;
    }
  }
  return Status::Ok();
}

Status AddPolnear(const std::string& data_dir, std::vector<EcbDoc>* out) {
  for (const char* split : {"train", "dev"}) {
    const fs::path dir = fs::path(data_dir) / "ie/polnear" / split / "text";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return NotFound(dir.string() + ": no such folder");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      Result<std::string> text = ReadFile(f);
      if (!text.ok()) return text.status();
      const std::string event = "pn:" + f.stem().string();
      AddDoc(out, event, event, *text);
    }
  }
  return Status::Ok();
}

}  // namespace

std::string SentencePerLine(const std::string& text) {
  std::string out;
  for (text::Span s : text::SplitSentences(text)) {
    std::string_view sentence(text.data() + s.begin, s.end - s.begin);
    bool space = false;
    std::string line;
    for (char c : sentence) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = !line.empty();
        continue;
      }
      if (space) line += ' ';
      space = false;
      line += c;
    }
    if (line.empty()) continue;
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

Result<std::vector<EcbDoc>> LoadMixedCorpus(const std::string& data_dir) {
  Result<std::vector<EcbDoc>> ecb = LoadEcb(data_dir + "/clustering/ecbplus-dev/ecbplus_docs.jsonl");
  if (!ecb.ok()) return ecb.status();
  std::vector<EcbDoc> out = std::move(ecb).value();
  for (EcbDoc& d : out) d.event_cluster = "ecb:" + d.event_cluster;
  PARALLAX_RETURN_IF_ERROR(AddMultiNews(data_dir, &out));
  PARALLAX_RETURN_IF_ERROR(AddAllSides(data_dir, &out));
  PARALLAX_RETURN_IF_ERROR(AddPolnear(data_dir, &out));
  return out;
}

}  // namespace parallax::eval
