// BuildBrief: assembles the story brief from sentence alignment and summary.
// Entities come from the entities stage (brief/entities.h), quotes from
// brief/quotes.h, the timeline from timeline.h, disagreements from
// quantities and characterisations (disagreements.h), framing from framing.h.
#include <algorithm>
#include <future>
#include <unordered_map>

#include "brief/alignment.h"
#include "brief/disagreements.h"
#include "brief/entities.h"
#include "brief/framing.h"
#include "brief/quotes.h"
#include "brief/sentence_model.h"
#include "brief/sources.h"
#include "brief/summary.h"
#include "brief/timeline.h"
#include "parallax/brief.h"
#include "parallax/text.h"

namespace parallax {
namespace {

using brief::Alignment;
using brief::SentenceModel;
using brief::SourceGroups;

// Citation list for a sentence: its own article first, then every other
// article whose sentence states the same fact.
std::vector<std::string> Cite(const std::vector<Article>& articles, const SentenceModel& model,
                              const Alignment& alignment, uint32_t sentence) {
  const auto& sents = model.sentences();
  std::vector<std::string> out{articles[sents[sentence].article].id};
  for (size_t a : alignment.groups[alignment.group_of[sentence]].articles) {
    const std::string& id = articles[a].id;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

std::string FirstWords(const std::string& s, int n) {
  std::string out;
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word && ++words > n) return out + "…";
    in_word = !space;
    out.push_back(c);
  }
  return out;
}

// Sentences only one independent source carries, with a specific detail
// (a name or number) that no other source mentions at all.
std::vector<Exclusive> FindExclusives(const std::vector<Article>& articles,
                                      const StoryCluster& story, const SentenceModel& model,
                                      const Alignment& alignment, const SourceGroups& sources,
                                      const std::vector<double>& salience) {
  // Words used by exactly one independent source: word -> that source, or
  // kMany once a second source uses it (one lookup per word, no sets).
  constexpr size_t kMany = ~size_t{0};
  std::unordered_map<std::string, size_t> source_of_word;
  for (size_t a : story.articles) {
    const size_t group = sources.GroupOf(a);
    for (std::string& w : text::Words(articles[a].Text())) {
      auto [it, inserted] = source_of_word.emplace(std::move(w), group);
      if (!inserted && it->second != group) it->second = kMany;
    }
  }
  const auto& sents = model.sentences();
  std::vector<uint32_t> picks;
  for (uint32_t i = 0; i < sents.size(); ++i) {
    if (alignment.echoed[i] || salience[i] <= 0) continue;
    const std::string& t = sents[i].text;
    bool specific = false;
    for (const text::Token& tok : text::Tokenize(t)) {
      if (tok.begin == 0 || tok.kind == text::TokenKind::kPunct) continue;
      unsigned char c = static_cast<unsigned char>(t[tok.begin]);
      bool capital_or_number = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xC0;
      if (!capital_or_number) continue;
      std::string w = text::Fold(t.substr(tok.begin, tok.end - tok.begin));
      if (text::IsStopWord(w)) continue;
      auto it = source_of_word.find(w);
      if (it != source_of_word.end() && it->second != kMany) {
        specific = true;
        break;
      }
    }
    if (specific) picks.push_back(i);
  }
  std::sort(picks.begin(), picks.end(),
            [&](uint32_t a, uint32_t b) { return salience[a] != salience[b] ? salience[a] > salience[b] : a < b; });
  std::unordered_map<size_t, int> per_article;
  std::vector<Exclusive> out;
  std::vector<uint32_t> taken;
  for (uint32_t i : picks) {
    if (out.size() >= 12) break;
    // Syndicated copies are one source: their shared sentence is listed once.
    const bool copy = std::any_of(taken.begin(), taken.end(), [&](uint32_t j) {
      return sources.GroupOf(sents[j].article) == sources.GroupOf(sents[i].article) &&
             brief::Cosine(sents[j].vec, sents[i].vec) >= 0.9f;
    });
    if (copy || ++per_article[sents[i].article] > 3) continue;
    taken.push_back(i);
    out.push_back({sents[i].text, articles[sents[i].article].id});
  }
  return out;
}

// "They need to know, he said.": a sentence that opens with a pronoun and
// names nothing (no capitalised word after the first, no number) says
// nothing on its own, however many sources share it.
bool NamesNothing(const std::string& t) {
  static constexpr std::string_view kOpeners[] = {"he", "she", "they", "it", "we", "i", "you",
                                                  "this", "that", "these", "those"};
  const std::vector<text::Token> toks = text::Tokenize(t);
  if (toks.empty()) return true;
  const std::string first = text::Fold(t.substr(toks[0].begin, toks[0].end - toks[0].begin));
  if (std::find(std::begin(kOpeners), std::end(kOpeners), first) == std::end(kOpeners)) return false;
  for (size_t k = 1; k < toks.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(t[toks[k].begin]);
    const bool one_letter_i = toks[k].end - toks[k].begin == 1 && c == 'I';
    if (((c >= 'A' && c <= 'Z') && !one_letter_i) || (c >= '0' && c <= '9') || c >= 0xC0) return false;
  }
  return true;
}

}  // namespace

StoryBrief BuildBrief(const std::vector<Article>& articles, const StoryCluster& story,
                      const BriefOptions& options) {
  StoryBrief b;
  b.id = story.id;
  // Tagging is the largest single cost and only the entity and quote stages
  // need it: a second thread starts on it while the sentence stages run
  // here, and this thread joins in on what is left when they are done.
  brief::StoryTagging tagging(articles, story);
  std::future<void> tagger_thread = std::async(std::launch::async, [&tagging] { tagging.Work(); });
  for (size_t a : story.articles) b.articles.push_back(articles[a].id);
  SourceGroups sources(articles, story);
  b.independent_sources = static_cast<int>(sources.group_count());
  SentenceModel model(articles, story.articles);
  Alignment alignment = brief::AlignSentences(model, sources);
  std::vector<double> salience = brief::Salience(model, alignment, sources.group_count());

  for (uint32_t s : brief::Summarize(model, salience, sources, {options.max_words, options.summary_cut_last})) {
    b.summary.push_back({brief::SummaryText(model.sentences()[s].text), Cite(articles, model, alignment, s)});
  }

  // Agreements: facts stated by at least two independent sources, the most
  // widely corroborated first.
  std::vector<const brief::FactGroup*> agreed;
  for (const auto& g : alignment.groups) {
    if (g.independent >= 2 && salience[g.sentences.front()] > 0 &&
        !NamesNothing(model.sentences()[g.sentences.front()].text)) {
      agreed.push_back(&g);
    }
  }
  std::stable_sort(agreed.begin(), agreed.end(), [&](const auto* x, const auto* y) {
    if (x->independent != y->independent) return x->independent > y->independent;
    return salience[x->sentences.front()] > salience[y->sentences.front()];
  });
  for (const auto* g : agreed) {
    if (b.agreements.size() >= 15) break;
    b.agreements.push_back({model.sentences()[g->sentences.front()].text,
                            Cite(articles, model, alignment, g->sentences.front())});
  }
  b.timeline = brief::BuildTimeline(articles, story, model, alignment, salience);
  b.disagreements = brief::FindDisagreements(articles, model, sources);
  // "Only one outlet reports this" means nothing when there is only one.
  if (sources.group_count() >= 2) {
    b.exclusives = FindExclusives(articles, story, model, alignment, sources, salience);
  }
  b.framing = brief::ComputeFraming(articles, story);

  tagging.Work();
  tagger_thread.get();
  const brief::StoryMentions mentions = tagging.Finish();  // tagged once, for both stages
  b.entities = brief::StoryEntities(articles, story, sources, mentions);
  b.quotes = brief::StoryQuotes(articles, story, mentions);

  // The story's title when an article has a headline; else the clusterer's
  // label is some body sentence of one article ("Part of the stated appeal
  // is simplicity."), and the summary's lead says more.
  const bool headlined = std::any_of(story.articles.begin(), story.articles.end(),
                                     [&](size_t a) { return !articles[a].title.empty(); });
  if (headlined) b.title = story.title;
  for (size_t k = 0; b.title.empty() && k < story.articles.size(); ++k) {
    b.title = articles[story.articles[k]].title;
  }
  if (b.title.empty() && !b.summary.empty()) b.title = FirstWords(b.summary.front().text, 12);
  if (b.title.empty()) b.title = story.title;
  return b;
}

}  // namespace parallax
