// Unlabeled text for the word clusters, read from ../shared/data.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "parallax/ingest.h"
#include "resources.h"

namespace parallax::ner {
namespace {

namespace fs = std::filesystem;

// One token sequence per non-empty line.
void AddText(std::string_view text, Corpus* corpus) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::vector<std::string> toks = PtbTokens(text.substr(pos, eol - pos));
    if (!toks.empty()) corpus->push_back(std::move(toks));
    pos = eol + 1;
  }
}

Result<std::string> Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path.string() + ": cannot open");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// JSON lines; `visit` gets each parsed object.
template <typename Visit>
Status ForEachJsonLine(const fs::path& path, Visit visit) {
  std::ifstream in(path);
  if (!in) return IoError(path.string() + ": cannot open");
  std::string line;
  long n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return InvalidInput(path.string() + ":" + std::to_string(n) + ": not a JSON object");
    }
    visit(j);
  }
  return Status::Ok();
}

std::vector<fs::path> SortedFiles(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// TimeML (.tml): the text with every tag removed.
std::string StripTags(std::string_view xml) {
  std::string out;
  out.reserve(xml.size());
  bool in_tag = false;
  for (char c : xml) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag) {
      out.push_back(c);
    }
  }
  return out;
}

// Files under `dir` (recursively) whose name ends with `suffix`, sorted.
std::vector<std::string> FilesEndingWith(const fs::path& dir, std::string_view suffix) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Status ReadWebText(const std::string& shared_data, std::ostream* log, Corpus* corpus) {
  const fs::path root(shared_data);
  size_t before = corpus->size();
  std::vector<std::string> pages;
  for (const char* dir : {"extraction/trafilatura-eval/eval", "extraction/trafilatura-eval/cache",
                          "extraction/htmldate-eval/eval", "extraction/htmldate-eval/cache",
                          "extraction/htmldate-eval/test_set"}) {
    if (fs::exists(root / dir)) {
      std::vector<std::string> f = FilesEndingWith(root / dir, ".html.gz");
      pages.insert(pages.end(), f.begin(), f.end());
    } else if (log) {
      *log << "web text: " << (root / dir).string() << " missing, skipped\n";
    }
  }
  if (fs::exists(root / "extraction/readability-testpages/pages")) {
    std::vector<std::string> f =
        FilesEndingWith(root / "extraction/readability-testpages/pages", "source.html.gz");
    pages.insert(pages.end(), f.begin(), f.end());
  }
  size_t english = 0;
  ReadCallbacks cb;
  cb.on_article = [&](Article&& a) {
    if (a.language != "en") return;  // the clusters are for English
    ++english;
    for (const std::string& p : a.Paragraphs()) AddText(p, corpus);
  };
  cb.on_error = [](const InputError&) {};  // a page that does not parse is just skipped
  ReadStats stats = ReadInputs(pages, ReadOptions{}, cb);
  // Other news text: AllSides articles, TimeBank/AQUAINT.
  fs::path allsides = root / "claims/neus-allsides/val.source";
  if (fs::exists(allsides)) {
    Result<std::string> s = Slurp(allsides);
    if (!s.ok()) return s.status();
    AddText(*s, corpus);
  }
  fs::path tbaq = root / "ie/tempeval3/TBAQ-cleaned";
  if (fs::exists(tbaq)) {
    for (const std::string& p : FilesEndingWith(tbaq, ".tml")) {
      Result<std::string> s = Slurp(p);
      if (!s.ok()) return s.status();
      AddText(StripTags(*s), corpus);
    }
  }
  if (log) {
    *log << "web text: " << stats.articles << " pages read, " << english << " English, "
         << corpus->size() - before << " paragraphs (with AllSides, TimeBank/AQUAINT)\n";
  }
  return Status::Ok();
}

Status ReadUnlabeledText(const std::string& shared_data, std::ostream* log, Corpus* corpus) {
  const fs::path root(shared_data);
  auto present = [&](const fs::path& p) {
    bool ok = fs::exists(p);
    if (!ok && log) *log << "unlabeled text: " << p.string() << " missing, skipped\n";
    return ok;
  };
  size_t before = corpus->size();
  fs::path multinews = root / "summarization/multinews-sample/multinews_validation_sample250.jsonl";
  if (present(multinews)) {
    PARALLAX_RETURN_IF_ERROR(ForEachJsonLine(multinews, [&](const nlohmann::json& j) {
      if (auto d = j.find("documents"); d != j.end() && d->is_array()) {
        for (const auto& doc : *d) {
          if (doc.is_string()) AddText(doc.get<std::string>(), corpus);
        }
      }
    }));
  }
  fs::path ecb = root / "clustering/ecbplus-dev/ecbplus_docs.jsonl";
  if (present(ecb)) {
    PARALLAX_RETURN_IF_ERROR(ForEachJsonLine(ecb, [&](const nlohmann::json& j) {
      if (auto t = j.find("text"); t != j.end() && t->is_string()) AddText(t->get<std::string>(), corpus);
    }));
  }
  // PolNeAR train only: its dev split is the quote extractor's test set.
  fs::path polnear = root / "ie/polnear/train/text";
  if (present(polnear)) {
    for (const fs::path& p : SortedFiles(polnear, ".txt")) {
      Result<std::string> s = Slurp(p);
      if (!s.ok()) return s.status();
      AddText(*s, corpus);
    }
  }
  fs::path wcxb = root / "extraction/wcxb-dev-articles/ground-truth";
  if (present(wcxb)) {
    for (const fs::path& p : SortedFiles(wcxb, ".json")) {
      Result<std::string> s = Slurp(p);
      if (!s.ok()) return s.status();
      nlohmann::json j = nlohmann::json::parse(*s, nullptr, false);
      if (!j.is_object()) return InvalidInput(p.string() + ": not a JSON object");
      if (auto g = j.find("ground_truth"); g != j.end() && g->is_object()) {
        if (auto m = g->find("main_content"); m != g->end() && m->is_string()) {
          AddText(m->get<std::string>(), corpus);
        }
      }
    }
  }
  fs::path aeb = root / "extraction/aeb/ground-truth.json";
  if (present(aeb)) {
    Result<std::string> s = Slurp(aeb);
    if (!s.ok()) return s.status();
    nlohmann::json j = nlohmann::json::parse(*s, nullptr, false);
    if (!j.is_object()) return InvalidInput(aeb.string() + ": not a JSON object");
    for (const auto& [id, page] : j.items()) {  // nlohmann objects iterate in key order
      if (auto b = page.find("articleBody"); b != page.end() && b->is_string()) {
        AddText(b->get<std::string>(), corpus);
      }
    }
  }
  if (log) *log << "unlabeled text: " << corpus->size() - before << " paragraphs\n";
  return Status::Ok();
}

}  // namespace parallax::ner
