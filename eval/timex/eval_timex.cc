// eval_timex: time-expression recognition and normalisation.
//
//   build/eval/timex/eval_timex [--data DIR] [--dump FILE] [--errors FILE] [--speed]
//
// (a) TempEval-3 training data (TimeBank, AQUAINT; ie/tempeval3): strict and
//     relaxed extent F1, value F1, per corpus, each document anchored on its
//     DCT (the DCT TIMEX3 itself is not scored).
// (b) Microsoft Recognizers-Text English date specs (ie/recognizers_text_specs):
//     cases whose expected resolution is a single TIMEX3 value (not a range);
//     correct when an expression overlapping the expected span has that value
//     (for underspecified expectations such as XXXX-10-02, either of the
//     spec's past and future resolutions).
// AQUAINT is split by a hash of the document name (FNV-1a 32 of the file
// name, even = half A, odd = half B) and reported per half: half A may be
// looked at for errors, half B is held out.
// --dump writes every TempEval-3 miss and wrong value; --errors the same for
// the development documents only (TimeBank and AQUAINT half A).
#include <chrono>
#include <cstdint>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "parallax/timex.h"
#include "timeml.h"

namespace fs = std::filesystem;
using parallax::eval::Counts;
using parallax::eval::Span;
namespace tx = parallax::timex;

namespace {

constexpr int kSpeedRepeats = 20;

// FNV-1a 32-bit hash of a document's file name; decides its AQUAINT half.
uint32_t NameHash(const std::string& name) {
  uint32_t h = 2166136261u;
  for (unsigned char ch : name) {
    h ^= ch;
    h *= 16777619u;
  }
  return h;
}

bool HalfA(const fs::path& file) { return NameHash(file.filename().string()) % 2 == 0; }

std::vector<Span> Predict(const std::string& text, const std::string& dct) {
  tx::TimexOptions options;
  options.anchor = tx::ParseIsoDate(dct);
  std::vector<Span> out;
  for (const auto& e : tx::FindTimexes(text, options)) {
    out.push_back({e.char_begin, e.char_end, tx::TimexTypeName(e.type), e.value});
  }
  return out;
}

std::string Slice(const std::string& text, size_t b, size_t e);

// "...words [[expression]] words..." around character span [b, e), one line.
std::string Context(const std::string& text, size_t b, size_t e) {
  constexpr size_t kAround = 90;
  std::string s = Slice(text, b > kAround ? b - kAround : 0, b) + "[[" + Slice(text, b, e) + "]]" +
                  Slice(text, e, e + kAround);
  for (char& ch : s) {
    if (ch == '\n' || ch == '\t') ch = ' ';
  }
  return s;
}

std::string Slice(const std::string& text, size_t b, size_t e) {
  // Character offsets to bytes.
  size_t chars = 0, bb = text.size(), be = text.size();
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == b) bb = i;
      if (chars == e) be = i;
      ++chars;
    }
  }
  return bb < be ? text.substr(bb, be - bb) : "";
}

void PrintRow(const std::string& name, size_t docs, const Counts& c) {
  auto f = [&](size_t k) { return 100 * parallax::eval::F1(k, c.predicted, c.gold); };
  auto p = [&](size_t k) { return c.predicted ? 100.0 * k / c.predicted : 0; };
  auto r = [&](size_t k) { return c.gold ? 100.0 * k / c.gold : 0; };
  std::printf("%-9s docs %3zu gold %4zu pred %4zu | strict P %.1f R %.1f F1 %.2f | relaxed P %.1f R %.1f "
              "F1 %.2f | value P %.1f R %.1f F1 %.2f | type F1 %.2f\n",
              name.c_str(), docs, c.gold, c.predicted, p(c.strict), r(c.strict), f(c.strict),
              p(c.relaxed), r(c.relaxed), f(c.relaxed), p(c.value), r(c.value), f(c.value), f(c.type));
}

int TempEval(const fs::path& root, std::ofstream* dump, bool dev_only, bool speed) {
  Counts all, half_a, half_b;
  size_t docs_a = 0, docs_b = 0;
  size_t all_docs = 0, bytes = 0, expressions = 0;
  double seconds = 0;
  for (const char* corpus : {"TimeBank", "AQUAINT"}) {
    fs::path dir = root / "TBAQ-cleaned" / corpus;
    if (!fs::exists(dir)) {
      std::cerr << "eval_timex: " << dir << " missing\n";
      return 1;
    }
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(dir)) {
      if (f.path().extension() == ".tml") files.push_back(f.path());
    }
    std::sort(files.begin(), files.end());
    Counts c;
    for (const fs::path& f : files) {
      auto doc = parallax::eval::ReadTimeML(f.string());
      if (!doc.ok()) {
        std::cerr << "eval_timex: " << f << ": " << doc.status().message() << "\n";
        continue;
      }
      // CPU time (the machine is shared); the scan is repeated for a steadier figure.
      std::clock_t t0 = std::clock();
      std::vector<Span> pred = Predict(doc->text, doc->dct);
      for (int rep = 1; speed && rep < kSpeedRepeats; ++rep) pred = Predict(doc->text, doc->dct);
      seconds += double(std::clock() - t0) / CLOCKS_PER_SEC / (speed ? kSpeedRepeats : 1);
      bytes += doc->text.size();
      expressions += pred.size();
      std::vector<int> matched;
      Counts d = parallax::eval::Score(doc->timexes, pred, &matched);
      c.Add(d);
      bool aquaint = std::string(corpus) == "AQUAINT";
      if (aquaint) {
        (HalfA(f) ? half_a : half_b).Add(d);
        ++(HalfA(f) ? docs_a : docs_b);
      }
      if (dump && !(dev_only && aquaint && !HalfA(f))) {
        std::set<int> used;
        // File name and the words around, so an error can be read in place.
        auto where = [&](const Span& s) {
          return f.filename().string() + "\t" + Context(doc->text, s.begin, s.end);
        };
        for (size_t g = 0; g < doc->timexes.size(); ++g) {
          const Span& gs = doc->timexes[g];
          std::string gt = Slice(doc->text, gs.begin, gs.end);
          if (matched[g] < 0) {
            *dump << corpus << "\tMISS\t" << gt << "\t" << gs.type << "\t" << gs.value << "\t" << where(gs) << "\n";
            continue;
          }
          used.insert(matched[g]);
          const Span& ps = pred[matched[g]];
          std::string pt = Slice(doc->text, ps.begin, ps.end);
          if (ps.value != gs.value || pt != gt) {
            *dump << corpus << (ps.value != gs.value ? "\tVALUE\t" : "\tSPAN\t") << gt << "\t" << gs.type
                  << "\t" << gs.value << "\t|\t" << pt << "\t" << ps.type << "\t" << ps.value << "\tdct "
                  << doc->dct << "\t" << where(gs) << "\n";
          }
        }
        for (size_t p = 0; p < pred.size(); ++p) {
          if (used.count(static_cast<int>(p))) continue;
          *dump << corpus << "\tFALSE\t" << Slice(doc->text, pred[p].begin, pred[p].end) << "\t"
                << pred[p].type << "\t" << pred[p].value << "\t" << where(pred[p]) << "\n";
        }
      }
    }
    PrintRow(corpus, files.size(), c);
    if (std::string(corpus) == "AQUAINT") {
      PrintRow("AQUAINT-A", docs_a, half_a);
      PrintRow("AQUAINT-B", docs_b, half_b);
    }
    all.Add(c);
    all_docs += files.size();
  }
  PrintRow("all", all_docs, all);
  if (speed) {
    std::printf("speed (CPU, single thread, mean of %d runs): %zu expressions in %.1f KB of text in %.4f s: "
                "%.1f MB/s, %.0f expressions/s\n", kSpeedRepeats,
                expressions, bytes / 1024.0, seconds, bytes / 1e6 / seconds, expressions / seconds);
  }
  return 0;
}

// ---------------------------------------------------------------- recognizers

nlohmann::json LoadJson(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
  return nlohmann::json::parse(s);
}

struct Case {
  std::string input;
  std::string reference;  // YYYY-MM-DD
  size_t start = 0, length = 0;
  std::set<std::string> accepted;  // empty: not comparable
};

bool PlainTimex(const std::string& t) {
  return !t.empty() && t.find('(') == std::string::npos && t.find('T') == std::string::npos;
}

std::vector<Case> LoadCases(const fs::path& dir, size_t* total) {
  std::vector<Case> out;
  for (const char* file : {"DateParser.json", "DatePeriodParser.json"}) {
    for (const auto& item : LoadJson(dir / file)) {
      if (!item.contains("Results")) continue;
      for (const auto& r : item["Results"]) {
        ++*total;
        Case c;
        c.input = item["Input"];
        if (item.contains("Context")) c.reference = item["Context"]["ReferenceDateTime"].get<std::string>().substr(0, 10);
        c.start = r.value("Start", 0);
        c.length = r.value("Length", 0);
        const auto& v = r["Value"];
        std::string timex = v.value("Timex", "");
        if (!PlainTimex(timex) || c.reference.empty()) {
          out.push_back(c);
          continue;
        }
        if (timex.find('X') == std::string::npos) {
          c.accepted.insert(timex);
        } else {
          for (const char* res : {"PastResolution", "FutureResolution"}) {
            if (!v.contains(res)) continue;
            const auto& rr = v[res];
            std::string d = rr.contains("date") ? rr["date"].get<std::string>()
                                                : rr.value("startDate", "");
            if (d.size() >= timex.size()) c.accepted.insert(d.substr(0, timex.size()));
          }
        }
        out.push_back(c);
      }
    }
  }
  for (const auto& item : LoadJson(dir / "DateTimeModel.json")) {
    if (!item.contains("Results")) continue;
    for (const auto& r : item["Results"]) {
      std::string tn = r.value("TypeName", "");
      if (tn != "datetimeV2.date" && tn != "datetimeV2.daterange") continue;
      ++*total;
      Case c;
      c.input = item["Input"];
      if (item.contains("Context")) c.reference = item["Context"]["ReferenceDateTime"].get<std::string>().substr(0, 10);
      c.start = r.value("Start", 0);
      c.length = r.value("End", 0) + 1 - c.start;
      for (const auto& v : r["Resolution"]["values"]) {
        std::string timex = v.value("timex", "");
        if (!PlainTimex(timex) || c.reference.empty()) continue;
        if (timex.find('X') == std::string::npos) {
          c.accepted.insert(timex);
        } else {
          std::string d = v.contains("value") ? v["value"].get<std::string>() : v.value("start", "");
          if (d.size() >= timex.size()) c.accepted.insert(d.substr(0, timex.size()));
        }
      }
      out.push_back(c);
    }
  }
  return out;
}

int Recognizers(const fs::path& dir, std::ofstream* dump) {
  size_t total = 0;
  std::vector<Case> cases = LoadCases(dir, &total);
  size_t comparable = 0, found = 0, correct = 0;
  for (const Case& c : cases) {
    if (c.accepted.empty()) continue;
    ++comparable;
    tx::TimexOptions options;
    options.anchor = tx::ParseIsoDate(c.reference);
    const tx::TimeExpression* best = nullptr;
    size_t best_overlap = 0;
    auto found_all = tx::FindTimexes(c.input, options);
    for (const auto& e : found_all) {
      size_t lo = std::max(e.char_begin, c.start), hi = std::min(e.char_end, c.start + c.length);
      if (hi > lo && hi - lo > best_overlap) {
        best = &e;
        best_overlap = hi - lo;
      }
    }
    if (best) ++found;
    bool ok = best && c.accepted.count(best->value);
    if (ok) ++correct;
    if (dump && !ok) {
      *dump << "SPEC\t" << c.input << "\t" << c.reference << "\texpected";
      for (const auto& a : c.accepted) *dump << " " << a;
      *dump << "\tgot " << (best ? best->text + " " + best->value : "-") << "\n";
    }
  }
  std::printf("recognizers-text date specs: %zu date cases, %zu comparable (single TIMEX3 value), "
              "%zu found (overlapping expression), %zu correct value: accuracy %.1f%% of comparable\n",
              total, comparable, found, correct, comparable ? 100.0 * correct / comparable : 0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data = PARALLAX_SHARED_DATA;
  std::string dump_path;
  bool speed = false, dev_only = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--dump" && i + 1 < argc) dump_path = argv[++i];
    else if (a == "--errors" && i + 1 < argc) dump_path = argv[++i], dev_only = true;
    else if (a == "--speed") speed = true;
    else {
      std::cerr << "usage: eval_timex [--data DIR] [--dump FILE] [--errors FILE] [--speed]\n";
      return 2;
    }
  }
  std::ofstream dump_file;
  std::ofstream* dump = nullptr;
  if (!dump_path.empty()) {
    dump_file.open(dump_path);
    dump = &dump_file;
  }
  int rc = TempEval(data / "ie" / "tempeval3", dump, dev_only, speed);
  if (rc != 0) return rc;
  if (dev_only) return 0;
  return Recognizers(data / "ie" / "recognizers_text_specs" / "Specs" / "DateTime" / "English", dump);
}
