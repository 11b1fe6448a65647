// eval_quantity: parallax::quantity on the English number specs of
// Microsoft Recognizers-Text (../shared/data/ie/recognizers_text_specs).
//
// For each spec file, the gold results of every case are matched one to one
// with our mentions of the matching type:
//   span  = same character start and end (gold End is inclusive);
//   value = overlapping spans whose resolved values are equal (relative 1e-6);
// P/R/F1 for both, the number of gold results whose value is comparable (a
// number, not "null" or a relative ordinal like "end-1"), and case accuracy
// (every gold result found with its value, nothing extra). Then speed, in
// process CPU time (the machine is shared).
//
//   build/eval/quantity/eval_quantity [--data DIR] [--verbose FILE]
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parallax/quantity.h"

namespace {

using nlohmann::json;
namespace q = parallax::quantity;

enum class Model { kNumber, kRange, kPercent, kOrdinal, kCurrency };

struct Pred {
  size_t start = 0, end = 0;  // characters, end exclusive
  double lo = NAN, hi = NAN;  // value, or range ends (NaN = open)
  std::string unit;
};

size_t CharsTo(const std::string& s, size_t byte) {
  size_t n = 0;
  for (size_t i = 0; i < byte && i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

std::vector<Pred> Predict(const std::string& input, Model model) {
  std::vector<Pred> out;
  for (const q::Quantity& x : q::FindQuantities(input)) {
    Pred p;
    double v = x.kind == q::Kind::kRatio && x.total != 0 ? x.value / x.total : x.value;
    switch (model) {
      case Model::kNumber:
        if (x.kind == q::Kind::kOrdinal || x.kind == q::Kind::kVague) continue;
        if (x.kind == q::Kind::kRatio) {
          p.start = CharsTo(input, x.number_begin);
          p.end = CharsTo(input, x.end);
        } else {
          p.start = CharsTo(input, x.number_begin);
          p.end = CharsTo(input, x.number_end);
          v = x.value;
        }
        p.lo = p.hi = v;
        break;
      case Model::kRange:
        if (x.bound == q::Bound::kExact || x.bound == q::Bound::kApproximate) continue;
        p.start = x.char_begin;
        p.end = x.char_end;
        p.lo = x.bound == q::Bound::kUpper ? NAN : v;
        p.hi = x.bound == q::Bound::kLower ? NAN : x.bound == q::Bound::kRange ? x.high : v;
        break;
      case Model::kPercent:
        if (x.unit != q::Unit::kPercent) continue;
        p.start = CharsTo(input, x.value_begin);
        p.end = x.char_end;
        p.lo = p.hi = v;
        break;
      case Model::kOrdinal:
        if (x.kind != q::Kind::kOrdinal) continue;
        p.start = CharsTo(input, x.value_begin);
        p.end = x.char_end;
        p.lo = p.hi = v;
        break;
      case Model::kCurrency:
        if (x.unit != q::Unit::kCurrency) continue;
        p.start = CharsTo(input, x.value_begin);
        p.end = x.char_end;
        p.lo = p.hi = v;
        p.unit = x.currency;
        break;
    }
    out.push_back(p);
  }
  return out;
}

std::optional<double> Num(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0') return std::nullopt;
  return v;
}

struct Gold {
  size_t start = 0, end = 0;
  bool comparable = false;
  double lo = NAN, hi = NAN;
  std::string unit;
};

std::optional<Gold> ReadGold(const json& r, Model model) {
  Gold g;
  g.start = r.value("Start", 0);
  g.end = static_cast<size_t>(r.value("End", 0)) + 1;
  const json& res = r.contains("Resolution") ? r["Resolution"] : json::object();
  std::string value = res.contains("value") && res["value"].is_string() ? res["value"].get<std::string>() : "";
  if (model == Model::kRange) {
    // "[20,30)", "(30,)", "(,100]"
    if (value.size() >= 3) {
      std::string inner = value.substr(1, value.size() - 2);
      size_t comma = inner.find(',');
      if (comma != std::string::npos) {
        auto lo = Num(inner.substr(0, comma));
        auto hi = Num(inner.substr(comma + 1));
        g.lo = lo ? *lo : NAN;
        g.hi = hi ? *hi : NAN;
        g.comparable = lo.has_value() || hi.has_value();
      }
    }
    return g;
  }
  if (model == Model::kPercent && !value.empty() && value.back() == '%') value.pop_back();
  if (auto v = Num(value)) {
    g.lo = g.hi = *v;
    g.comparable = true;
  }
  if (model == Model::kCurrency && res.contains("unit")) {
    g.unit = res["unit"].get<std::string>();
    // We resolve "34 cents" to 0.34 USD, "470 pence" to 4.70 GBP.
    if (g.unit == "Cent" || g.unit == "Pence" || g.unit == "Penny") {
      g.lo /= 100;
      g.hi /= 100;
    }
  }
  return g;
}

bool Same(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b));
}

struct Counts {
  int cases = 0, gold = 0, comparable = 0, pred = 0, span = 0, value = 0, cases_ok = 0;
  int unit_ok = 0, unit_gold = 0;
};

double F1(int tp, int pred, int gold) {
  double p = pred ? double(tp) / pred : 0, r = gold ? double(tp) / gold : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

const char* CurrencyCode(const std::string& unit) {
  if (unit == "Dollar" || unit == "United States dollar") return "USD";
  if (unit == "Euro") return "EUR";
  if (unit == "British pound" || unit == "Pound") return "GBP";
  if (unit == "Japanese yen") return "JPY";
  if (unit == "Chinese yuan") return "CNY";
  if (unit == "Indian rupee") return "INR";
  if (unit == "Swiss franc") return "CHF";
  if (unit == "Cent") return "USD";
  if (unit == "Pence" || unit == "Penny") return "GBP";
  if (unit == "Australian dollar") return "AUD";
  if (unit == "Canadian dollar") return "CAD";
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(PARALLAX_SHARED_DATA) + "/ie/recognizers_text_specs/Specs";
  std::string verbose;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--data") && i + 1 < argc) data = argv[++i];
    else if (!std::strcmp(argv[i], "--verbose") && i + 1 < argc) verbose = argv[++i];
    else if (!std::strcmp(argv[i], "--text") && i + 1 < argc) {
      // Ad-hoc check: the mentions of one text, one per line.
      for (const parallax::quantity::Quantity& q : parallax::quantity::FindQuantities(argv[++i])) {
        std::printf("%s\t%s\tvalue %g high %g total %g\t%s %s\tcounted \"%s\"\n", q.text.c_str(),
                    parallax::quantity::Describe(q).c_str(), q.value, q.high, q.total,
                    parallax::quantity::BoundName(q.bound), q.currency.c_str(), q.counted.c_str());
      }
      return 0;
    }
  }
  struct Spec {
    const char* file;
    Model model;
  };
  const Spec specs[] = {
      {"Number/English/NumberModel.json", Model::kNumber},
      {"Number/English/NumberModelExperimentalMode.json", Model::kNumber},
      {"Number/English/NumberModelPercentMode.json", Model::kNumber},
      {"Number/English/NumberRangeModel.json", Model::kRange},
      {"Number/English/NumberRangeModelExperimentalMode.json", Model::kRange},
      {"Number/English/PercentModel.json", Model::kPercent},
      {"Number/English/PercentModelPercentMode.json", Model::kPercent},
      {"Number/English/OrdinalModel.json", Model::kOrdinal},
      {"Number/English/OrdinalModelSuppressExtendedTypes.json", Model::kOrdinal},
      {"NumberWithUnit/English/CurrencyModel.json", Model::kCurrency},
  };
  std::ofstream log;
  if (!verbose.empty()) log.open(verbose);
  std::printf("%-52s %5s %5s %5s %5s | %-17s | %-17s | %6s\n", "spec file", "cases", "gold", "compa",
              "pred", "span P/R/F1", "value P/R/F1", "case%");
  Counts all;
  std::vector<std::string> inputs;
  for (const Spec& spec : specs) {
    std::ifstream in(data + "/" + spec.file);
    if (!in) {
      std::fprintf(stderr, "eval_quantity: %s/%s: cannot open (is ../shared/data present?)\n",
                   data.c_str(), spec.file);
      return 1;
    }
    json cases = json::parse(in);
    Counts c;
    for (const json& cs : cases) {
      std::string input = cs["Input"].get<std::string>();
      inputs.push_back(input);
      std::vector<Gold> gold;
      for (const json& r : cs["Results"]) {
        if (auto g = ReadGold(r, spec.model)) gold.push_back(*g);
      }
      std::vector<Pred> pred = Predict(input, spec.model);
      ++c.cases;
      c.gold += static_cast<int>(gold.size());
      c.pred += static_cast<int>(pred.size());
      std::vector<bool> used(pred.size(), false);
      int value_hits = 0;
      for (const Gold& g : gold) {
        c.comparable += g.comparable;
        // Exact span match first, else any overlap, one to one.
        int best = -1;
        for (size_t k = 0; k < pred.size(); ++k) {
          if (used[k]) continue;
          if (pred[k].start == g.start && pred[k].end == g.end) {
            best = static_cast<int>(k);
            break;
          }
          if (best < 0 && pred[k].start < g.end && g.start < pred[k].end) best = static_cast<int>(k);
        }
        if (best < 0) continue;
        used[best] = true;
        const Pred& p = pred[best];
        bool span = p.start == g.start && p.end == g.end;
        c.span += span;
        bool value = g.comparable && Same(p.lo, g.lo) && Same(p.hi, g.hi);
        c.value += value;
        value_hits += value;
        if (spec.model == Model::kCurrency && g.comparable) {
          ++c.unit_gold;
          c.unit_ok += value && p.unit == CurrencyCode(g.unit);
        }
      }
      bool ok = value_hits == static_cast<int>(gold.size()) && pred.size() == gold.size();
      c.cases_ok += ok;
      if (log.is_open() && !ok) {
        log << spec.file << "\t" << input << "\tgold=" << cs["Results"].dump() << "\tpred=";
        for (const Pred& p : pred) log << "[" << p.start << "," << p.end << ")=" << p.lo << ".." << p.hi << " ";
        log << "\n";
      }
    }
    std::printf("%-52s %5d %5d %5d %5d | %.3f/%.3f/%.3f | %.3f/%.3f/%.3f | %5.1f%%",
                spec.file, c.cases, c.gold, c.comparable, c.pred, c.pred ? double(c.span) / c.pred : 0,
                c.gold ? double(c.span) / c.gold : 0, F1(c.span, c.pred, c.gold),
                c.pred ? double(c.value) / c.pred : 0,
                c.comparable ? double(c.value) / c.comparable : 0, F1(c.value, c.pred, c.comparable),
                100.0 * c.cases_ok / std::max(1, c.cases));
    if (spec.model == Model::kCurrency) std::printf("  value+currency %d/%d", c.unit_ok, c.unit_gold);
    std::printf("\n");
    all.cases += c.cases;
    all.gold += c.gold;
    all.comparable += c.comparable;
    all.pred += c.pred;
    all.span += c.span;
    all.value += c.value;
    all.cases_ok += c.cases_ok;
  }
  std::printf("%-52s %5d %5d %5d %5d | %.3f/%.3f/%.3f | %.3f/%.3f/%.3f | %5.1f%%\n", "all (micro)",
              all.cases, all.gold, all.comparable, all.pred, all.pred ? double(all.span) / all.pred : 0,
              all.gold ? double(all.span) / all.gold : 0, F1(all.span, all.pred, all.gold),
              all.pred ? double(all.value) / all.pred : 0,
              all.comparable ? double(all.value) / all.comparable : 0,
              F1(all.value, all.pred, all.comparable), 100.0 * all.cases_ok / std::max(1, all.cases));

  // Speed: the spec inputs (short) and long news-like text built from them.
  size_t bytes = 0;
  for (const auto& s : inputs) bytes += s.size();
  size_t found = 0;
  std::clock_t t0 = std::clock();
  const int reps = 50;
  for (int r = 0; r < reps; ++r) {
    for (const auto& s : inputs) found += q::FindQuantities(s).size();
  }
  double secs = double(std::clock() - t0) / CLOCKS_PER_SEC;
  std::printf("speed (CPU): %zu inputs x %d = %.1f MB in %.3f s: %.1f MB/s, %.0f inputs/s (%zu mentions)\n",
              inputs.size(), reps, reps * bytes / 1e6, secs, reps * bytes / 1e6 / secs,
              reps * inputs.size() / secs, found);
  std::string seeds_dir = std::filesystem::path(PARALLAX_SHARED_DATA).parent_path() / "seeds";
  if (std::filesystem::is_directory(seeds_dir)) {
    std::string all_text;
    for (const auto& e : std::filesystem::directory_iterator(seeds_dir)) {
      std::ifstream f(e.path());
      std::stringstream ss;
      ss << f.rdbuf();
      all_text += ss.str() + "\n";
    }
    found = 0;
    t0 = std::clock();
    const int seed_reps = 200;
    for (int r = 0; r < seed_reps; ++r) found += q::FindQuantities(all_text).size();
    secs = double(std::clock() - t0) / CLOCKS_PER_SEC;
    std::printf("speed (CPU): seed articles (%zu bytes) x %d: %.1f MB/s (%zu mentions per pass)\n",
                all_text.size(), seed_reps, seed_reps * all_text.size() / 1e6 / secs,
                found / seed_reps);
  }
  return 0;
}
