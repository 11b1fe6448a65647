#include "store/test_util.h"

#include <random>

namespace parallax::store_testing {
namespace {

const char* const kOutlets[] = {"Reuters", "AP", "BBC", "CNN", "Al Jazeera", "NPR", "DW", "ABC"};
const char* const kOnsets[] = {"b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v",
                               "br", "st", "tr", "pl", "gr", "sh", "ch"};
const char* const kNuclei[] = {"a", "e", "i", "o", "u", "ai", "ou", "ea"};
const char* const kCodas[] = {"", "n", "r", "s", "t", "l", "m", "nd", "st"};

}  // namespace

ArticleGenerator::ArticleGenerator(uint64_t seed, int paragraphs, int words_per_paragraph)
    : seed_(seed), paragraphs_(paragraphs), words_per_paragraph_(words_per_paragraph) {
  std::mt19937_64 rng(seed);
  vocabulary_.reserve(4000);
  for (int i = 0; i < 4000; ++i) {
    std::string w;
    int syllables = 1 + static_cast<int>(rng() % 3);
    for (int s = 0; s < syllables; ++s) {
      w += kOnsets[rng() % std::size(kOnsets)];
      w += kNuclei[rng() % std::size(kNuclei)];
      w += kCodas[rng() % std::size(kCodas)];
    }
    vocabulary_.push_back(std::move(w));
  }
}

std::string ArticleGenerator::UniqueWord(int64_t index) {
  // Ends in 'x' so no Porter rule can fold two markers together ("qzas" and
  // "qza" would both stem to "qza").
  return "qz" + std::to_string(index) + "x";
}

Article ArticleGenerator::Make(int64_t index) const {
  std::mt19937_64 rng(seed_ * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(index));
  // A Zipf-like pick: squaring a uniform favours the first words.
  auto word = [&]() -> const std::string& {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return vocabulary_[static_cast<size_t>(u * u * static_cast<double>(vocabulary_.size()))];
  };
  Article a;
  const char* outlet = kOutlets[static_cast<size_t>(index) % std::size(kOutlets)];
  a.id = "gen-" + std::to_string(index);
  a.outlet = outlet;
  a.url = "https://news.example/" + std::to_string(index % 8) + "/story-" + std::to_string(index);
  for (int i = 0; i < 6; ++i) a.title += (i ? " " : "") + word();
  a.title[0] = static_cast<char>(a.title[0] - 'a' + 'A');
  a.author = "Reporter " + std::to_string(index % 97);
  a.published = "2024-03-" + std::string(index % 28 < 9 ? "0" : "") + std::to_string(1 + index % 28);
  a.published_source = DateSource::kMetadata;
  a.language = "en";
  a.source = "generated#" + std::to_string(index);
  for (int p = 0; p < paragraphs_; ++p) {
    Block b;
    b.kind = p == 1 ? BlockKind::kQuote : BlockKind::kParagraph;
    for (int w = 0; w < words_per_paragraph_; ++w) b.text += (w ? " " : "") + word();
    if (p == 0) b.text += " " + UniqueWord(index);
    b.text += '.';
    a.blocks.push_back(std::move(b));
  }
  if (index % 5 == 0) a.captions.push_back("Photo: " + word() + " / " + outlet);
  return a;
}

std::vector<Article> ArticleGenerator::MakeRange(int64_t begin, int64_t end) const {
  std::vector<Article> out;
  out.reserve(static_cast<size_t>(end - begin));
  for (int64_t i = begin; i < end; ++i) out.push_back(Make(i));
  return out;
}

}  // namespace parallax::store_testing
