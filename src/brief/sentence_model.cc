#include "brief/sentence_model.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>

#include "parallax/text.h"

namespace parallax::brief {
namespace {

void Normalise(SparseVec* v) {
  double norm = 0;
  for (const auto& [t, w] : *v) norm += double(w) * w;
  if (norm <= 0) return;
  float inv = static_cast<float>(1.0 / std::sqrt(norm));
  for (auto& [t, w] : *v) w *= inv;
}

// Stemmers per language, created on first use.
class StemmerPool {
 public:
  text::Stemmer& For(const std::string& lang) {
    auto it = stemmers_.find(lang);
    if (it == stemmers_.end()) {
      it = stemmers_.emplace(lang, std::make_unique<text::Stemmer>(lang)).first;
    }
    return *it->second;
  }

 private:
  std::unordered_map<std::string, std::unique_ptr<text::Stemmer>> stemmers_;
};

constexpr uint32_t kNoTerm = ~0u;  // a stop word or a one-letter word

// Quotation marks read so far in a paragraph: curly and guillemet pairs
// nest, straight double quotes toggle.
class QuotationState {
 public:
  bool open() const { return curly_ > 0 || guillemets_ > 0 || straight_ % 2 != 0; }
  void Read(std::string_view t) {
    const QuoteMarks m = CountQuoteMarks(t);
    straight_ += m.straight;
    curly_ = std::max(0, curly_ + m.curly);
    guillemets_ = std::max(0, guillemets_ + m.guillemets);
  }

 private:
  int curly_ = 0, guillemets_ = 0, straight_ = 0;
};

}  // namespace

QuoteMarks CountQuoteMarks(std::string_view t) {
  QuoteMarks m;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '"') {
      ++m.straight;
    } else if (c == '\xE2' && i + 2 < t.size() && t[i + 1] == '\x80') {  // “ ”
      m.curly += t[i + 2] == '\x9C' ? 1 : t[i + 2] == '\x9D' ? -1 : 0;
    } else if (c == '\xC2' && i + 1 < t.size()) {  // « »
      m.guillemets += t[i + 1] == '\xAB' ? 1 : t[i + 1] == '\xBB' ? -1 : 0;
    }
  }
  return m;
}

float Cosine(const SparseVec& a, const SparseVec& b) {
  size_t i = 0, j = 0;
  double dot = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first == b[j].first) {
      dot += double(a[i].second) * b[j].second;
      ++i;
      ++j;
    } else if (a[i].first < b[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<float>(dot);
}

SentenceModel::SentenceModel(const std::vector<Article>& articles,
                             const std::vector<size_t>& members)
    : members_(members.size()) {
  std::unordered_map<std::string, uint32_t> vocab;
  StemmerPool stemmers;
  // Folded word -> term id (kNoTerm for stop words), per language.
  std::unordered_map<std::string, std::unordered_map<std::string, uint32_t>> word_cache;
  // Raw term counts per sentence, before weighting.
  std::vector<std::vector<std::pair<uint32_t, float>>> counts;
  for (size_t idx : members) {
    const Article& a = articles[idx];
    std::string lang = a.language.empty() ? "en" : a.language;
    text::Stemmer& stemmer = stemmers.For(lang);
    std::unordered_map<std::string, uint32_t>& terms_of_word = word_cache[lang];
    std::vector<uint32_t> seen_in_article;
    size_t first = sentences_.size();
    for (const Block& b : a.blocks) {
      if (b.kind == BlockKind::kHeading) continue;
      QuotationState quotation;
      for (const text::Span& sp : text::SplitSentences(b.text, lang)) {
        Sentence s;
        s.article = idx;
        s.text = b.text.substr(sp.begin, sp.end - sp.begin);
        s.words = CountWords(s.text);
        s.in_quote_block = b.kind == BlockKind::kQuote;
        s.inside_quotation = quotation.open();
        quotation.Read(s.text);
        for (const std::string& word : text::Words(s.text)) {
          // Stop-word test and stem once per distinct word form: most of a
          // story's words repeat.
          auto cached = terms_of_word.find(word);
          if (cached == terms_of_word.end()) {
            uint32_t term = kNoTerm;
            if (word.size() >= 2 && !text::IsStopWord(word, lang)) {
              auto [it, inserted] = vocab.emplace(stemmer.Stem(word), static_cast<uint32_t>(vocab.size()));
              if (inserted) df_.push_back(0);
              term = it->second;
            }
            cached = terms_of_word.emplace(word, term).first;
          }
          const uint32_t term = cached->second;
          if (term == kNoTerm) continue;
          s.terms.push_back(term);
          seen_in_article.push_back(term);
        }
        // Term counts from the sorted terms (no per-sentence hash map).
        std::vector<uint32_t> sorted = s.terms;
        std::sort(sorted.begin(), sorted.end());
        auto& tf = counts.emplace_back();
        for (uint32_t t : sorted) {
          if (tf.empty() || tf.back().first != t) tf.emplace_back(t, 0.0f);
          tf.back().second += 1;
        }
        sentences_.push_back(std::move(s));
      }
    }
    size_t n = sentences_.size() - first;
    for (size_t k = first; k < sentences_.size(); ++k) {
      sentences_[k].ordinal = k - first;
      sentences_[k].position = n > 1 ? double(k - first) / double(n - 1) : 0.0;
    }
    std::sort(seen_in_article.begin(), seen_in_article.end());
    seen_in_article.erase(std::unique(seen_in_article.begin(), seen_in_article.end()),
                          seen_in_article.end());
    for (uint32_t t : seen_in_article) ++df_[t];
  }

  // Sublinear tf times smoothed idf; the centroid sums sentence weights.
  const double n_docs = static_cast<double>(std::max<size_t>(members_, 1));
  std::vector<float> idf(df_.size());
  for (size_t t = 0; t < df_.size(); ++t) idf[t] = float(std::log((1.0 + n_docs) / (1.0 + df_[t])) + 1.0);
  std::unordered_map<uint32_t, double> centroid;
  for (size_t k = 0; k < sentences_.size(); ++k) {
    SparseVec v;
    v.reserve(counts[k].size());
    for (const auto& [t, c] : counts[k]) {
      float w = (1.0f + std::log(c)) * idf[t];
      v.emplace_back(t, w);
      centroid[t] += w;
    }
    std::sort(v.begin(), v.end());
    Normalise(&v);
    sentences_[k].vec = std::move(v);
  }
  centroid_.assign(centroid.begin(), centroid.end());
  std::sort(centroid_.begin(), centroid_.end());
  Normalise(&centroid_);
  dense_centroid_.assign(df_.size(), 0.0f);
  for (const auto& [t, w] : centroid_) dense_centroid_[t] = w;
}

float SentenceModel::CentroidSimilarity(const SparseVec& v) const {
  double dot = 0;
  for (const auto& [t, w] : v) dot += double(w) * dense_centroid_[t];
  return static_cast<float>(dot);
}

std::vector<std::pair<uint32_t, uint32_t>> SentenceModel::SimilarPairs(float threshold) const {
  // Accumulate dot products through postings. Terms in more than half of a
  // large story's sentences carry little weight (low idf) and are skipped for
  // speed, which slightly underestimates those pairs' cosine.
  std::vector<std::vector<std::pair<uint32_t, float>>> postings(df_.size());
  for (uint32_t s = 0; s < sentences_.size(); ++s) {
    for (const auto& [t, w] : sentences_[s].vec) postings[t].emplace_back(s, w);
  }
  const size_t cap = std::max<size_t>(64, sentences_.size() / 2);
  std::vector<std::pair<uint32_t, uint32_t>> out;
  std::vector<float> acc(sentences_.size(), 0.0f);
  std::vector<uint32_t> touched;
  for (uint32_t s = 0; s < sentences_.size(); ++s) {
    touched.clear();
    for (const auto& [t, w] : sentences_[s].vec) {
      const auto& plist = postings[t];
      if (plist.size() > cap) continue;
      for (const auto& [o, ow] : plist) {
        if (o <= s || sentences_[o].article == sentences_[s].article) continue;
        if (acc[o] == 0.0f) touched.push_back(o);
        acc[o] += w * ow;
      }
    }
    for (uint32_t o : touched) {
      if (acc[o] >= threshold) out.emplace_back(s, o);
      acc[o] = 0.0f;
    }
  }
  return out;
}

int CountWords(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

}  // namespace parallax::brief
