#include <cstdlib>

#include "conll.h"
#include "consistency.h"
#include "decode.h"
#include "token_features.h"
#include "model.h"
#include "nonlocal.h"
#include "parallax/ner.h"
#include "parallax/text.h"
#include "tag.h"
#include "truecase.h"

#ifndef PARALLAX_MODELS_DIR
#define PARALLAX_MODELS_DIR "models"
#endif

namespace parallax::ner {

namespace {

// A sentence-opening conjunction or adverb the tagger sometimes takes into
// the name after it ("When Biden proposed ...", "But Netanyahu said ...").
// Closed-class words only: "The" and "A" open real names ("The Hague").
bool IsOpeningFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "After", "Also", "Although", "And", "As", "Because", "Before", "But", "If", "Meanwhile",
      "Now", "Once", "Since", "So", "Still", "Then", "Though", "Unless", "Until", "When",
      "Whereas", "While", "Yet"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// The training data is plain ASCII: straight quotes, "'s", "-". Web text
// uses typographic forms; showing the model their ASCII equivalents keeps
// its punctuation features working. Returns "" when `token` needs no change.
std::string_view AsciiEquivalent(std::string_view token) {
  static constexpr std::pair<std::string_view, std::string_view> kMap[] = {
      {"\xE2\x80\x9C", "\""},   {"\xE2\x80\x9D", "\""},   {"\xE2\x80\x9E", "\""},
      {"\xC2\xAB", "\""},        {"\xC2\xBB", "\""},        {"\xE2\x80\x98", "'"},
      {"\xE2\x80\x99", "'"},     {"\xE2\x80\x99s", "'s"},   {"\xE2\x80\x99S", "'S"},
      {"n\xE2\x80\x99t", "n't"}, {"\xE2\x80\x93", "-"},     {"\xE2\x80\x94", "--"},
      {"\xE2\x80\xA6", "..."},
  };
  for (const auto& [from, to] : kMap) {
    if (token == from) return to;
  }
  return {};
}

std::vector<std::vector<int>> TagCanonical(const Model& model,
                                           const std::vector<std::vector<std::string_view>>& sentences);

}  // namespace

std::vector<std::vector<int>> TagDocumentLabels(
    const Model& model, const std::vector<std::vector<std::string_view>>& sentences) {
  std::vector<std::vector<int>> out = TagDocumentTags(model, sentences);
  for (std::vector<int>& s : out) s = ToIob2(s);
  return out;
}

std::vector<std::vector<int>> TagDocumentTags(
    const Model& model, const std::vector<std::vector<std::string_view>>& sentences) {
  bool ascii = true;
  for (const auto& s : sentences) {
    for (std::string_view w : s) {
      if (!w.empty() && static_cast<unsigned char>(w[0]) >= 0x80) ascii = false;
      if (w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80) ascii = false;
    }
  }
  if (ascii) return TagCanonical(model, sentences);
  std::vector<std::vector<std::string_view>> canon = sentences;
  for (auto& s : canon) {
    for (std::string_view& w : s) {
      if (std::string_view a = AsciiEquivalent(w); !a.empty()) w = a;
    }
  }
  return TagCanonical(model, canon);
}

namespace {

std::vector<std::vector<int>> TagCanonical(const Model& model,
                                           const std::vector<std::vector<std::string_view>>& sentences) {
  DocStats stats = ComputeDocStats(sentences);
  std::vector<std::vector<int>> out(sentences.size());
  const bool two_stages = !model.stage2.empty();
  std::vector<std::vector<int32_t>> sum2(two_stages ? sentences.size() : 0);
  FeatureList features;
  std::vector<int32_t> sum1;
  std::vector<float> em;
  for (size_t s = 0; s < sentences.size(); ++s) {
    ExtractFeatures(model, sentences[s], stats, &features);
    LocalSums(model, features, &sum1, two_stages ? &sum2[s] : nullptr);
    ScaleSums(sum1, model.rows.scale(0), &em);
    Viterbi(em.data(), features.size(), model.stage1.transitions.data(), &out[s]);
  }
  if (!two_stages) return out;
  std::vector<FeatureList> nonlocal = NonLocalFeatures(sentences, out);
  for (size_t s = 0; s < sentences.size(); ++s) {
    AddStage2Sums(model, nonlocal[s], &sum2[s]);
    ScaleSums(sum2[s], model.rows.scale(1), &em);
    Viterbi(em.data(), out[s].size(), model.stage2.transitions.data(), &out[s]);
  }
  return out;
}

}  // namespace

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kLocation: return "LOC";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

std::string DefaultModelPath() {
  const char* env = std::getenv("PARALLAX_MODELS");
  std::string dir = (env != nullptr && *env != '\0') ? env : PARALLAX_MODELS_DIR;
  return dir + "/ner/ner.model";
}

Tagger::Tagger(std::shared_ptr<const Model> model) : model_(std::move(model)) {}

Result<Tagger> Tagger::Load(const std::string& path) {
  Result<Model> m = LoadModel(path);
  if (!m.ok()) return m.status();
  return Tagger(std::make_shared<const Model>(std::move(m).value()));
}

Result<Tagger> Tagger::LoadDefault() { return Load(DefaultModelPath()); }

std::vector<std::string> Tagger::Tag(const std::vector<std::string>& tokens) const {
  return TagDocument({tokens}).front();
}

std::vector<std::vector<std::string>> Tagger::TagDocument(
    const std::vector<std::vector<std::string>>& sentences) const {
  std::vector<std::vector<std::string_view>> views;
  views.reserve(sentences.size());
  for (const auto& s : sentences) views.emplace_back(s.begin(), s.end());
  std::vector<std::vector<int>> labels = TagDocumentLabels(*model_, views);
  std::vector<std::vector<std::string>> out(sentences.size());
  for (size_t s = 0; s < labels.size(); ++s) {
    for (int y : labels[s]) out[s].emplace_back(LabelName(y));
  }
  return out;
}

namespace {

// The training data follows Penn Treebank tokenisation, which splits the
// possessive and "n't" off a word ("Netanyahu 's"); the text layer keeps
// them inside. Splitting here makes raw text look like what the model saw.
void AppendPtbTokens(std::string_view text, size_t begin, size_t end,
                     std::vector<std::pair<size_t, size_t>>* out) {
  std::string_view w = text.substr(begin, end - begin);
  static constexpr std::string_view kSuffixes[] = {"'s", "\xE2\x80\x99s", "'S", "n't", "N'T"};
  for (std::string_view suf : kSuffixes) {
    if (w.size() > suf.size() && w.ends_with(suf)) {
      size_t cut = end - suf.size();
      out->emplace_back(begin, cut);
      out->emplace_back(cut, end);
      return;
    }
  }
  out->emplace_back(begin, end);
}

}  // namespace

std::vector<Mention> Tagger::TagText(std::string_view text) const {
  std::vector<std::vector<std::pair<size_t, size_t>>> spans;
  for (const text::Span& s : text::SplitSentences(text)) {
    std::string_view sentence = text.substr(s.begin, s.end - s.begin);
    std::vector<std::pair<size_t, size_t>> toks;
    for (const text::Token& t : text::Tokenize(sentence)) {
      AppendPtbTokens(text, s.begin + t.begin, s.begin + t.end, &toks);
    }
    if (!toks.empty()) spans.push_back(std::move(toks));
  }
  std::vector<std::vector<std::string_view>> views(spans.size());
  for (size_t s = 0; s < spans.size(); ++s) {
    for (auto [b, e] : spans[s]) views[s].push_back(text.substr(b, e - b));
  }
  // Raw text only: a title-case line there is a headline. (Token input such
  // as CoNLL's has title-case lines that are lists of names.)
  std::vector<std::string> truecased;  // backs the views TrueCaseTitleSentences changes
  TrueCaseTitleSentences(&views, &truecased);
  std::vector<std::vector<int>> labels = TagDocumentLabels(*model_, views);
  std::vector<Mention> out;
  for (size_t s = 0; s < spans.size(); ++s) {
    for (Chunk c : Chunks(labels[s])) {
      if (c.begin == 0 && c.end - c.begin > 1 && IsOpeningFunctionWord(views[s][0])) ++c.begin;
      Mention m;
      m.begin = spans[s][c.begin].first;
      m.end = spans[s][c.end - 1].second;
      m.type = static_cast<EntityType>(c.type - 1);
      m.text = std::string(text.substr(m.begin, m.end - m.begin));
      out.push_back(std::move(m));
    }
  }
  InstitutionsAreNotPersons(&out);
  SurnamesOfPersons(&out);
  return out;
}

}  // namespace parallax::ner
