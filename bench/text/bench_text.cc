// Throughput of the text layer on realistic input: the five seed articles
// (examples/*.txt, ~20 KB of English news with typographic quotes and
// dashes), concatenated. Every benchmark checks its output once before
// timing; a wrong result aborts the run instead of timing it.
//
//   build-text/bench/text/bench_text --benchmark_repetitions=3
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "parallax/text.h"

namespace {

using namespace parallax::text;

const std::string& Seeds() {
  static const std::string* text = [] {
    auto* all = new std::string();
    for (const char* name : {"000_13c8aef171640ef1.txt", "001_d21e06c215a5d396.txt",
                             "002_c0def981657421ef.txt", "003_3b3853807bcc213d.txt",
                             "004_5be7fbd37ca0da08.txt"}) {
      std::ifstream f(std::string(PARALLAX_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
      std::stringstream ss;
      ss << f.rdbuf();
      *all += ss.str();
      *all += "\n\n";
    }
    return all;
  }();
  return *text;
}

// The seeds with every non-ASCII character replaced by an ASCII look-alike
// position filler: the common case for Normalize's fast path.
const std::string& AsciiSeeds() {
  static const std::string* text = [] {
    auto* out = new std::string();
    const std::string& s = Seeds();
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) out->push_back(static_cast<char>(c));
      else if ((c & 0xC0) == 0xC0) out->push_back('\'');
    }
    return out;
  }();
  return *text;
}

// French news prose in decomposed form (NFD: "e" + U+0301), ~20 KB: the
// slow path, where utf8proc's NFC runs.
const std::string& NfdFrench() {
  static const std::string* text = [] {
    const std::string para =
        "Le pre\xCC\x81sident a de\xCC\x81" "clare\xCC\x81 lundi que les ne\xCC\x81gociations "
        "allaient continuer, mais les responsables ont averti qu'un accord e\xCC\x81tait encore "
        "loin et que la situation humanitaire restait tre\xCC\x80s pre\xCC\x81occupante.\n\n";
    auto* out = new std::string();
    while (out->size() < 20000) *out += para;
    return out;
  }();
  return *text;
}

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench_text: output check failed: %s\n", what);
    std::abort();
  }
}

void BM_Normalize(benchmark::State& state) {
  const std::string& text =
      state.range(0) == 0 ? Seeds() : state.range(0) == 1 ? AsciiSeeds() : NfdFrench();
  std::string once = Normalize(text, true);
  Check(once.size() > text.size() * 8 / 10 && Normalize(once, true) == once, "Normalize idempotent");
  if (state.range(0) == 2) Check(once.find("pr\xC3\xA9sident") != std::string::npos, "NFC");
  for (auto _ : state) benchmark::DoNotOptimize(Normalize(text, true));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  const char* labels[] = {"seeds (utf-8 punctuation)", "ascii", "nfd french (NFC path)"};
  state.SetLabel(labels[state.range(0)]);
}
BENCHMARK(BM_Normalize)->Arg(0)->Arg(1)->Arg(2);

void BM_Fold(benchmark::State& state) {
  const std::string& text = Seeds();
  Check(Fold("U.S. President\xE2\x80\x99s") == "u.s. president\xE2\x80\x99s", "Fold");
  for (auto _ : state) benchmark::DoNotOptimize(Fold(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Fold);

void BM_SplitSentences(benchmark::State& state) {
  const std::string& text = Seeds();
  std::vector<Span> spans = SplitSentences(text);
  Check(spans.size() >= 115 && spans.size() <= 130, "sentence count of the seeds");
  for (const Span& s : spans) {
    std::string_view sv(text.data() + s.begin, s.end - s.begin);
    Check(sv.substr(0, 3) != "S. " && sv.substr(0, 3) != "N. ", "no split inside U.S./U.N.");
  }
  for (auto _ : state) benchmark::DoNotOptimize(SplitSentences(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["sentences"] = static_cast<double>(spans.size());
}
BENCHMARK(BM_SplitSentences);

void BM_Tokenize(benchmark::State& state) {
  const std::string& text = Seeds();
  std::vector<Token> tokens = Tokenize(text);
  Check(tokens.size() > 3000, "token count");
  for (auto _ : state) benchmark::DoNotOptimize(Tokenize(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens.size());
}
BENCHMARK(BM_Tokenize);

void BM_Words(benchmark::State& state) {
  const std::string& text = Seeds();
  std::vector<std::string> words = Words(text);
  Check(words.size() > 3000 && words[0] == "getty", "Words");
  for (auto _ : state) benchmark::DoNotOptimize(Words(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Words);

void BM_Stem(benchmark::State& state) {
  std::vector<std::string> words = Words(Seeds());
  size_t bytes = 0;
  for (const std::string& w : words) bytes += w.size();
  Stemmer stemmer("en");
  Check(stemmer.Stem("negotiations") == "negoti", "Stem");
  for (auto _ : state) {
    for (const std::string& w : words) benchmark::DoNotOptimize(stemmer.Stem(w));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
}
BENCHMARK(BM_Stem);

void BM_IsStopWord(benchmark::State& state) {
  std::vector<std::string> words = Words(Seeds());
  size_t stops = 0;
  for (const std::string& w : words) stops += IsStopWord(w, "en");
  Check(stops > words.size() / 4 && stops < words.size() * 3 / 4, "stop word share");
  for (auto _ : state) {
    for (const std::string& w : words) benchmark::DoNotOptimize(IsStopWord(w, "en"));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
}
BENCHMARK(BM_IsStopWord);

void BM_DetectLanguage(benchmark::State& state) {
  const std::string& text = Seeds();
  Check(DetectLanguage(text) == "en", "DetectLanguage");
  for (auto _ : state) benchmark::DoNotOptimize(DetectLanguage(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DetectLanguage);

}  // namespace

BENCHMARK_MAIN();
