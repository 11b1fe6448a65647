#include "nonlocal.h"

#include <array>

#include "conll.h"
#include "flat_map.h"

namespace parallax::ner {
namespace {

enum Templ : uint32_t {
  kTokMaj = 200, kTokAny, kTokCount, kEntMaj, kEntAgree, kSuper, kPrior, kPriorPrev, kPriorNext,
};

using Counts = std::array<int, 5>;  // O, PER, ORG, LOC, MISC

bool HasLetter(std::string_view w) {
  for (char c : w) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) {
      return true;
    }
  }
  return false;
}

// Majority type (ties to the lower type) and a confidence bucket.
std::pair<int, int> Majority(const Counts& c) {
  int best = 0, total = 0;
  for (int t = 0; t < 5; ++t) {
    total += c[t];
    if (c[t] > c[best]) best = t;
  }
  int bucket = c[best] == total ? 3 : 2 * c[best] >= total ? 2 : 1;
  return {best, bucket};
}

}  // namespace

std::vector<FeatureList> NonLocalFeatures(const std::vector<std::vector<std::string_view>>& doc,
                                          const std::vector<std::vector<int>>& stage1) {
  // Keys of tokens and of chunk strings.
  std::vector<std::vector<uint64_t>> keys(doc.size());
  FlatMap<Counts> tok, ent, super;
  std::vector<std::vector<Chunk>> chunks(doc.size());
  std::vector<std::vector<uint64_t>> chunk_keys(doc.size());
  std::vector<uint64_t> word_keys;  // WordKey(NormToken(token)) of sentence s, computed once
  for (size_t s = 0; s < doc.size(); ++s) {
    word_keys.clear();
    keys[s].reserve(doc[s].size());
    for (size_t i = 0; i < doc[s].size(); ++i) {
      const uint64_t wk = WordKey(NormToken(doc[s][i]));
      word_keys.push_back(wk);
      uint64_t k = HasLetter(doc[s][i]) ? wk : 0;
      keys[s].push_back(k);
      if (k != 0) ++tok[k][TagType(stage1[s][i])];
    }
    chunks[s] = Chunks(ToIob2(stage1[s]));
    for (const Chunk& c : chunks[s]) {
      uint64_t h = 0x51;
      for (size_t i = c.begin; i < c.end; ++i) h = Mix64(h ^ word_keys[i]);
      chunk_keys[s].push_back(h);
      ++ent[h][c.type];
      if (c.end - c.begin >= 2) {
        for (size_t i = c.begin; i < c.end; ++i) {
          if (keys[s][i] != 0) ++super[keys[s][i]][c.type];
        }
      }
    }
  }
  std::vector<FeatureList> out(doc.size());
  for (size_t s = 0; s < doc.size(); ++s) {
    FeatureList& fl = out[s];
    fl.offsets.reserve(doc[s].size() + 1);
    fl.keys.reserve(doc[s].size() * 8);
    fl.offsets.assign(1, 0);
    const std::vector<int>& y = stage1[s];
    size_t ci = 0;
    for (size_t i = 0; i < doc[s].size(); ++i) {
      const int own = TagType(y[i]);
      fl.keys.push_back(FeatureKey(kPrior, static_cast<uint64_t>(y[i])));
      fl.keys.push_back(FeatureKey(kPriorPrev, i > 0 ? static_cast<uint64_t>(y[i - 1]) : 99));
      fl.keys.push_back(FeatureKey(kPriorNext, i + 1 < y.size() ? static_cast<uint64_t>(y[i + 1]) : 99));
      const uint64_t k = keys[s][i];
      if (k != 0) {
        Counts c = tok[k];
        --c[own];
        int total = c[0] + c[1] + c[2] + c[3] + c[4];
        if (total > 0) {
          auto [m, bucket] = Majority(c);
          fl.keys.push_back(FeatureKey(kTokMaj, static_cast<uint64_t>(m * 4 + bucket)));
          fl.keys.push_back(FeatureKey(kTokCount, static_cast<uint64_t>(std::min(total, 3))));
          for (int t = 1; t < 5; ++t) {
            if (c[t] > 0) fl.keys.push_back(FeatureKey(kTokAny, static_cast<uint64_t>(t)));
          }
        }
      }
      while (ci < chunks[s].size() && chunks[s][ci].end <= i) ++ci;
      const bool in_chunk = ci < chunks[s].size() && chunks[s][ci].begin <= i;
      if (in_chunk) {
        Counts c = ent[chunk_keys[s][ci]];
        --c[chunks[s][ci].type];
        if (c[1] + c[2] + c[3] + c[4] > 0) {
          auto [m, bucket] = Majority(c);
          fl.keys.push_back(FeatureKey(kEntMaj, static_cast<uint64_t>(m * 4 + bucket)));
          fl.keys.push_back(FeatureKey(kEntAgree, m == own ? 1 : 0));
        }
      }
      if (k != 0) {
        if (const Counts* found = super.Find(k)) {
          Counts c = *found;
          if (in_chunk && chunks[s][ci].end - chunks[s][ci].begin >= 2) --c[chunks[s][ci].type];
          if (c[1] + c[2] + c[3] + c[4] > 0) {
            auto [m, bucket] = Majority(c);
            fl.keys.push_back(FeatureKey(kSuper, static_cast<uint64_t>(m * 4 + bucket)));
          }
        }
      }
      fl.offsets.push_back(static_cast<uint32_t>(fl.keys.size()));
    }
  }
  return out;
}

}  // namespace parallax::ner
