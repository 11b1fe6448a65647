#include "rouge.h"

#include <libstemmer.h>

#include <fstream>
#include <sstream>

namespace parallax::eval {

struct Rouge::StemmerHolder {
  sb_stemmer* s = sb_stemmer_new("porter", "UTF_8");
  ~StemmerHolder() {
    if (s != nullptr) sb_stemmer_delete(s);
  }
};

Rouge::Rouge(const std::string& dir) : stemmer_(std::make_unique<StemmerHolder>()) {
  if (dir.empty()) return;
  for (const char* pos : {"adj", "adv", "noun", "verb"}) {
    std::ifstream in(dir + "/" + pos + ".exc");
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ss(line);
      std::string inflected, base;
      if (ss >> inflected >> base) exceptions_.emplace(inflected, base);
    }
  }
}

Rouge::~Rouge() = default;

std::string Rouge::Stem(const std::string& token) {
  if (token.size() <= 3) return token;
  std::string t = token;
  auto it = exceptions_.find(t);
  if (it != exceptions_.end()) t = it->second;
  if (stemmer_->s == nullptr) return t;
  const sb_symbol* out = sb_stemmer_stem(stemmer_->s, reinterpret_cast<const sb_symbol*>(t.data()),
                                         static_cast<int>(t.size()));
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(stemmer_->s)));
}

std::vector<std::string> Rouge::Tokens(std::string_view text, int max_words) {
  // The length cut applies to whitespace-separated words of the raw text.
  std::string kept;
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word && max_words > 0 && ++words > max_words) break;
    in_word = !space;
    kept.push_back(c);
  }
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(Stem(cur));
    cur.clear();
  };
  for (char c : kept) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    // "-" is spaced out and then dropped as a token: a hyphen splits words.
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
      cur.push_back(l);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

namespace {
std::unordered_map<std::string, int> Grams(const std::vector<std::string>& toks, int n) {
  std::unordered_map<std::string, int> g;
  for (size_t i = 0; i + static_cast<size_t>(n) <= toks.size(); ++i) {
    std::string key = toks[i];
    for (int k = 1; k < n; ++k) key += " " + toks[i + static_cast<size_t>(k)];
    ++g[key];
  }
  return g;
}
}  // namespace

RougeScore Rouge::Score(std::string_view peer, const std::vector<std::string>& references, int n,
                        int max_words, bool cut_references) {
  auto peer_grams = Grams(Tokens(peer, max_words), n);
  int peer_total = 0;
  for (const auto& [g, c] : peer_grams) peer_total += c;
  double hits = 0, ref_total = 0, peer_total_all = 0;
  for (const std::string& ref : references) {
    auto ref_grams = Grams(Tokens(ref, cut_references ? max_words : 0), n);
    for (const auto& [g, c] : ref_grams) {
      ref_total += c;
      auto it = peer_grams.find(g);
      if (it != peer_grams.end()) hits += std::min(c, it->second);
    }
    peer_total_all += peer_total;
  }
  RougeScore s;
  s.recall = ref_total > 0 ? hits / ref_total : 0;
  s.precision = peer_total_all > 0 ? hits / peer_total_all : 0;
  s.f1 = (s.recall + s.precision) > 0 ? 2 * s.recall * s.precision / (s.recall + s.precision) : 0;
  return s;
}

}  // namespace parallax::eval
