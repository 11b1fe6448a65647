#include "token_features.h"

#include <algorithm>

namespace parallax::ner {
namespace {

// Feature templates. The numbers are part of the model format.
enum Templ : uint32_t {
  kBias = 1, kWord, kNorm, kPrev1, kNext1, kPrev2, kNext2, kPrevCur, kCurNext,
  kShape, kShortShape, kShapeTri, kPrevShape, kNextShape, kPrefix, kSuffix = kPrefix + 8,
  kInitialShape = kSuffix + 8, kCapsSentShape, kPosition, kCluster,
  kPrevCluster = kCluster + kClusterLevels, kNextCluster = kPrevCluster + kClusterLevels,
  kGaz = kNextCluster + kClusterLevels, kGazPrev, kGazNext, kDocLower, kDocCap,
  kPrevWordCurShape, kCurShapeNextWord, kPrevPrevCur, kLength, kDocCapNoLower, kWordNextShape,
  kPrevShapeWord, kPrev2Shape, kNext2Shape, kTableShape, kTableWord, kAggContext,
  kCorpusCase, kCorpusCaseWhere,
};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

struct Tok {
  std::string_view word;
  std::string_view norm;
  uint64_t word_h = 0;
  uint64_t norm_h = 0;
  uint64_t shape_h = 0;
  uint64_t sshape_h = 0;
  ClusterIds cl{};
  bool cap = false;
};

// Hashes for positions outside the sentence.
constexpr uint64_t kStartH = 0x5354415254ULL;
constexpr uint64_t kEndH = 0x454e44ULL;

}  // namespace

std::string NormToken(std::string_view token) {
  std::string s(token);
  for (char& c : s) {
    if (IsUpper(c)) {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c >= '0' && c <= '9') {
      c = '0';
    }
  }
  return s;
}

std::string WordShape(std::string_view token, bool collapse) {
  std::string s;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(token[i]);
    if (u >= 0x80 && u < 0xC0) continue;  // UTF-8 continuation byte
    char c = token[i];
    char m = IsUpper(c) ? 'X' : IsLower(c) ? 'x' : (c >= '0' && c <= '9') ? 'd' : u >= 0xC0 ? 'u' : c;
    run = (m == last) ? run + 1 : 1;
    last = m;
    if (run > (collapse ? 1 : 4)) continue;
    s.push_back(m);
  }
  return s;
}

bool IsCapitalised(std::string_view token) { return !token.empty() && IsUpper(token[0]); }

bool IsAllCaps(std::string_view token) {
  bool letter = false;
  for (char c : token) {
    if (IsLower(c)) return false;
    if (IsUpper(c)) letter = true;
  }
  return letter;
}

bool IsAllCapsSentence(std::span<const std::string_view> tokens) {
  int letters = 0, caps = 0;
  for (std::string_view t : tokens) {
    bool has_letter = std::any_of(t.begin(), t.end(), [](char c) { return IsUpper(c) || IsLower(c); });
    if (!has_letter) continue;
    ++letters;
    if (IsAllCaps(t)) ++caps;
  }
  return letters >= 2 && caps * 10 >= letters * 7;
}

// A word whose occurrence contributes its context to the aggregate.
bool IsAggregateSource(std::string_view w, bool caps_sentence) {
  return !caps_sentence && IsCapitalised(w) && !IsAllCaps(w);
}

DocStats ComputeDocStats(const std::vector<std::vector<std::string_view>>& sentences) {
  DocStats d;
  std::vector<uint64_t> norm_keys;
  for (const auto& s : sentences) {
    bool caps_sentence = IsAllCapsSentence(s);
    norm_keys.clear();
    for (std::string_view w : s) norm_keys.push_back(WordKey(NormToken(w)));
    for (size_t i = 0; i < s.size(); ++i) {
      if (!IsAggregateSource(s[i], caps_sentence)) continue;
      uint32_t& slot = d.aggregate_index[norm_keys[i]];
      if (slot == 0) {
        d.aggregates.emplace_back();
        slot = static_cast<uint32_t>(d.aggregates.size());
      }
      DocStats::Aggregate& agg = d.aggregates[slot - 1];
      ++agg.sources;
      for (int off : {-2, -1, 1, 2}) {
        const ptrdiff_t j = static_cast<ptrdiff_t>(i) + off;
        if (j < 0 || j >= static_cast<ptrdiff_t>(s.size())) continue;
        const uint64_t key = FeatureKey(kAggContext, static_cast<uint64_t>(off + 2), norm_keys[j]);
        if (agg.keys.size() < DocStats::kMaxAggregated &&
            std::find(agg.keys.begin(), agg.keys.end(), key) == agg.keys.end()) {
          agg.keys.push_back(key);
        }
      }
    }
    for (size_t i = 0; i < s.size(); ++i) {
      std::string_view w = s[i];
      if (w.empty()) continue;
      if (IsLower(w[0]) && !IsAllCaps(w)) {
        d.seen_lower.insert(WordKey(NormToken(w)));
      } else if (i > 0 && !caps_sentence && IsCapitalised(w) && !IsAllCaps(w)) {
        // "(" or a quote before the word also makes it sentence-initial-like.
        std::string_view p = s[i - 1];
        if (p != "\"" && p != "(" && p != "``" && p != "'" && p != ":" && p != "-") {
          d.seen_capitalised.insert(WordKey(NormToken(w)));
        }
      }
    }
  }
  return d;
}

std::vector<uint64_t> GazetteerMarks(const Model& model, std::span<const std::string> norm,
                                     std::vector<uint8_t>* case_classes) {
  std::vector<uint64_t> marks(norm.size(), 0);
  if (case_classes != nullptr) case_classes->assign(norm.size(), 0);
  if (model.gazetteer_keys.empty()) return marks;
  std::string phrase;
  for (size_t i = 0; i < norm.size(); ++i) {
    unsigned char c0 = norm[i].empty() ? 0 : static_cast<unsigned char>(norm[i][0]);
    if (!(IsLower(static_cast<char>(c0)) || c0 >= 0x80)) continue;
    phrase.clear();
    size_t max_len = std::min(norm.size() - i, static_cast<size_t>(model.gazetteer_max_tokens));
    for (size_t len = 1; len <= max_len; ++len) {
      if (len > 1) phrase.push_back(' ');
      phrase += norm[i + len - 1];
      uint16_t mask = model.GazetteerMask(PhraseKey(phrase));
      if (len == 1 && case_classes != nullptr) {
        (*case_classes)[i] = static_cast<uint8_t>((mask & kGazCaseBits) >> kGazCaseShift);
      }
      for (int t = 0; t < kGazCount; ++t) {
        if (!(mask & (1u << t))) continue;
        if (len == 1) {
          marks[i] |= uint64_t{1} << (4 * t + kRoleU);
          continue;
        }
        marks[i] |= uint64_t{1} << (4 * t + kRoleB);
        for (size_t k = 1; k + 1 < len; ++k) marks[i + k] |= uint64_t{1} << (4 * t + kRoleI);
        marks[i + len - 1] |= uint64_t{1} << (4 * t + kRoleL);
      }
      if (model.gazetteer_prefixes && !(mask & kGazPrefixBit)) break;  // no longer phrase
    }
  }
  return marks;
}

void ExtractFeatures(const Model& model, std::span<const std::string_view> tokens,
                     const DocStats& doc, FeatureList* out, std::vector<uint32_t>* aggregate_begin) {
  const size_t n = tokens.size();
  out->keys.clear();
  out->offsets.assign(1, 0);
  if (aggregate_begin != nullptr) aggregate_begin->clear();
  if (n == 0) return;
  std::vector<Tok> toks(n);
  std::vector<std::string> norms(n);
  for (size_t i = 0; i < n; ++i) {
    Tok& t = toks[i];
    t.word = tokens[i];
    norms[i] = NormToken(t.word);
    t.norm = norms[i];  // a view: norms outlives toks
    t.word_h = HashBytes(t.word, 1);
    t.norm_h = WordKey(t.norm);
    t.shape_h = HashBytes(WordShape(t.word, false), 2);
    t.sshape_h = HashBytes(WordShape(t.word, true), 3);
    t.cl = model.Cluster(t.norm_h);
    t.cap = IsCapitalised(t.word);
  }
  std::vector<uint8_t> case_class;
  std::vector<uint64_t> gaz = GazetteerMarks(model, norms, model.corpus_case ? &case_class : nullptr);
  const bool caps_sentence = IsAllCapsSentence(tokens);
  // Result tables ("Vicenza 3 1 2 0 5 4 5") and score lines: many numbers.
  size_t numbers = 0;
  for (std::string_view w : tokens) numbers += (!w.empty() && w[0] >= '0' && w[0] <= '9') ? 1 : 0;
  const bool table_line = n >= 3 && numbers * 3 >= n;
  auto norm_at = [&](ptrdiff_t j) {
    return j < 0 ? kStartH : j >= static_cast<ptrdiff_t>(n) ? kEndH : toks[j].norm_h;
  };
  auto sshape_at = [&](ptrdiff_t j) {
    return j < 0 ? kStartH : j >= static_cast<ptrdiff_t>(n) ? kEndH : toks[j].sshape_h;
  };
  auto& k = out->keys;
  k.reserve(n * 48);  // about 40-50 keys a token
  out->offsets.reserve(n + 1);
  for (size_t u = 0; u < n; ++u) {
    const ptrdiff_t i = static_cast<ptrdiff_t>(u);
    const Tok& t = toks[u];
    k.push_back(FeatureKey(kBias, 0));
    k.push_back(FeatureKey(kWord, t.word_h));
    k.push_back(FeatureKey(kNorm, t.norm_h));
    k.push_back(FeatureKey(kPrev1, norm_at(i - 1)));
    k.push_back(FeatureKey(kNext1, norm_at(i + 1)));
    k.push_back(FeatureKey(kPrev2, norm_at(i - 2)));
    k.push_back(FeatureKey(kNext2, norm_at(i + 2)));
    k.push_back(FeatureKey(kPrevCur, norm_at(i - 1), t.norm_h));
    k.push_back(FeatureKey(kCurNext, t.norm_h, norm_at(i + 1)));
    k.push_back(FeatureKey(kPrevPrevCur, norm_at(i - 2), norm_at(i - 1)));
    k.push_back(FeatureKey(kShape, t.shape_h));
    k.push_back(FeatureKey(kShortShape, t.sshape_h));
    k.push_back(FeatureKey(kShapeTri, sshape_at(i - 1) * 31 + t.sshape_h, sshape_at(i + 1)));
    k.push_back(FeatureKey(kPrevShape, sshape_at(i - 1)));
    k.push_back(FeatureKey(kNextShape, sshape_at(i + 1)));
    k.push_back(FeatureKey(kPrevWordCurShape, norm_at(i - 1), t.sshape_h));
    k.push_back(FeatureKey(kCurShapeNextWord, t.sshape_h, norm_at(i + 1)));
    k.push_back(FeatureKey(kWordNextShape, t.norm_h, sshape_at(i + 1)));
    k.push_back(FeatureKey(kPrevShapeWord, sshape_at(i - 1), t.norm_h));
    k.push_back(FeatureKey(kPrev2Shape, sshape_at(i - 2), sshape_at(i - 1)));
    k.push_back(FeatureKey(kNext2Shape, sshape_at(i + 1), sshape_at(i + 2)));
    if (table_line) {
      k.push_back(FeatureKey(kTableShape, t.sshape_h, std::min<size_t>(u, 3)));
      k.push_back(FeatureKey(kTableWord, t.norm_h));
    }
    const std::string_view nv = t.norm;
    for (size_t a = 1; a <= 4 && a <= nv.size(); ++a) {
      k.push_back(FeatureKey(static_cast<uint32_t>(kPrefix + a), HashBytes(nv.substr(0, a))));
      k.push_back(FeatureKey(static_cast<uint32_t>(kSuffix + a), HashBytes(nv.substr(nv.size() - a))));
    }
    k.push_back(FeatureKey(kLength, std::min<size_t>(t.word.size(), 12)));
    if (u == 0) k.push_back(FeatureKey(kInitialShape, t.sshape_h));
    if (caps_sentence) k.push_back(FeatureKey(kCapsSentShape, t.sshape_h));
    k.push_back(FeatureKey(kPosition, std::min<size_t>(u, 3)));
    for (int l = 0; l < kClusterLevels; ++l) {
      if (t.cl[l] != 0) k.push_back(FeatureKey(static_cast<uint32_t>(kCluster + l), t.cl[l]));
      if (u > 0 && toks[u - 1].cl[l] != 0) {
        k.push_back(FeatureKey(static_cast<uint32_t>(kPrevCluster + l), toks[u - 1].cl[l]));
      }
      if (u + 1 < n && toks[u + 1].cl[l] != 0) {
        k.push_back(FeatureKey(static_cast<uint32_t>(kNextCluster + l), toks[u + 1].cl[l]));
      }
    }
    for (int b = 0; b < 4 * kGazCount; ++b) {
      const uint64_t bit = uint64_t{1} << b;
      if (gaz[u] & bit) k.push_back(FeatureKey(kGaz, static_cast<uint64_t>(b)));
      if (u > 0 && (gaz[u - 1] & bit)) k.push_back(FeatureKey(kGazPrev, static_cast<uint64_t>(b)));
      if (u + 1 < n && (gaz[u + 1] & bit)) {
        k.push_back(FeatureKey(kGazNext, static_cast<uint64_t>(b)));
      }
    }
    if (t.cap || caps_sentence) {
      bool lower = doc.seen_lower.count(t.norm_h) > 0;
      bool capd = doc.seen_capitalised.count(t.norm_h) > 0;
      uint64_t where = (u == 0 ? 1 : 0) + (caps_sentence ? 2 : 0);
      k.push_back(FeatureKey(kDocLower, where * 2 + (lower ? 1 : 0)));
      k.push_back(FeatureKey(kDocCap, where * 2 + (capd ? 1 : 0)));
      k.push_back(FeatureKey(kDocCapNoLower, where * 4 + (lower ? 2 : 0) + (capd ? 1 : 0)));
      if (model.corpus_case) {
        // How the word is cased in running news text: the evidence a
        // sentence-initial word or a headline lacks in its own casing.
        const uint64_t cls = case_class[u];
        k.push_back(FeatureKey(kCorpusCase, cls));
        k.push_back(FeatureKey(kCorpusCaseWhere, cls * 8 + where + (table_line ? 4 : 0)));
      }
      // Contexts of the word's other capitalised mentions (its own counts
      // once when it is a source itself), last.
      if (aggregate_begin != nullptr) aggregate_begin->push_back(static_cast<uint32_t>(k.size()));
      if (const uint32_t* a = doc.aggregate_index.Find(t.norm_h)) {
        const DocStats::Aggregate& agg = doc.aggregates[*a - 1];
        if (agg.sources > (IsAggregateSource(t.word, caps_sentence) ? 1 : 0)) {
          k.insert(k.end(), agg.keys.begin(), agg.keys.end());
        }
      }
    } else if (aggregate_begin != nullptr) {
      aggregate_begin->push_back(static_cast<uint32_t>(k.size()));
    }
    out->offsets.push_back(static_cast<uint32_t>(k.size()));
  }
}

}  // namespace parallax::ner
