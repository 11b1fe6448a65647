#include "brief/quotes.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "parallax/ner.h"
#include "parallax/text.h"

namespace parallax::brief {
namespace {

// "a senior US official", "Israeli officials", "Two people familiar with
// the talks": a description has a lowercase word or opens with a determiner
// or a number word; "Hidden Message", "Please" and "in a statement" do not.
bool ReadsAsDescription(const std::string& speaker) {
  if (speaker.empty()) return false;
  // "in a statement", "to reporters": where it was said, not who said it.
  static constexpr std::string_view kPrepositions[] = {"in", "on", "at", "to", "from", "by", "with",
                                                       "for", "of", "during", "after", "before"};
  const std::string_view first = std::string_view(speaker).substr(0, speaker.find(' '));
  if (std::find(std::begin(kPrepositions), std::end(kPrepositions), first) != std::end(kPrepositions)) return false;
  for (size_t i = 0; i < speaker.size(); ++i) {
    if ((i == 0 || speaker[i - 1] == ' ') && speaker[i] >= 'a' && speaker[i] <= 'z') return true;
  }
  static constexpr std::string_view kOpeners[] = {"A", "An", "The", "One", "Two", "Three", "Four", "Five",
                                                  "Several", "Some", "Many", "Other", "Another", "Senior",
                                                  "Both", "Most", "All", "Officials", "Sources", "People"};
  return std::find(std::begin(kOpeners), std::end(kOpeners), first) != std::end(kOpeners);
}

// Below this many words a direct quote is a fragment ("save face").
constexpr int kMinWords = 4;
// Two quotes state the same thing when this share of the smaller one's
// content-word stems occurs in the other, with at least kMinShared stems.
constexpr double kMinContainment = 0.6;
constexpr size_t kMinShared = 3;

struct Item {
  size_t article = 0;  // index into per_article
  const quotes::Quote* quote = nullptr;
  std::vector<uint32_t> stems;  // distinct content-word stem ids, sorted
  std::string speaker;  // merged across articles
  bool named = false;   // person or organisation
  int words = 0;
};

// Named speakers of the whole story mapped to their longest name: a name
// whose words all occur, in order, in a longer one is that speaker.
std::map<std::string, std::string> MergeSpeakers(const std::vector<ArticleQuotes>& in) {
  std::map<std::string, int> count;
  for (const auto& a : in) {
    for (const auto& q : a.quotes) {
      if (q.speaker_type == quotes::SpeakerType::kPerson ||
          q.speaker_type == quotes::SpeakerType::kOrganization) {
        ++count[q.speaker];
      }
    }
  }
  // Name words computed once per name: the pairwise loop below is quadratic
  // in distinct speakers (hundreds in a large story).
  std::vector<std::pair<const std::string*, int>> names;
  std::vector<std::vector<std::string>> name_words;
  for (const auto& [name, n] : count) {
    names.emplace_back(&name, n);
    name_words.push_back(quotes::NameWords(name));
  }
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::vector<std::string>& words = name_words[i];
    size_t best = i;
    size_t best_len = words.size();
    int best_count = names[i].second;
    for (size_t j = 0; j < names.size() && !words.empty(); ++j) {
      const std::vector<std::string>& ow = name_words[j];
      if (ow.size() < best_len || !quotes::NameWithin(words, ow)) continue;
      const int m = names[j].second;
      if (ow.size() > best_len || (ow.size() == best_len && m > best_count)) {
        best = j;
        best_len = ow.size();
        best_count = m;
      }
    }
    out[*names[i].first] = *names[best].first;
  }
  return out;
}

size_t Find(std::vector<size_t>& parent, size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

std::string WordingKey(const std::string& s) {
  std::string key;
  for (const std::string& w : text::Words(s)) key += w + ' ';
  return key;
}

}  // namespace

std::vector<BriefQuote> AlignQuotes(const std::vector<ArticleQuotes>& per_article, size_t max_quotes) {
  std::map<std::string, std::string> speakers = MergeSpeakers(per_article);
  text::Stemmer stemmer("en");
  std::unordered_map<std::string, uint32_t> stem_ids;
  // Word -> its stem id, or kStop: each distinct word is stop-tested and
  // stemmed once (ids are still given in order of first use).
  constexpr uint32_t kStop = ~uint32_t{0};
  std::unordered_map<std::string, uint32_t> word_stem;
  std::vector<Item> items;
  for (size_t a = 0; a < per_article.size(); ++a) {
    for (const quotes::Quote& q : per_article[a].quotes) {
      Item it;
      it.article = a;
      it.quote = &q;
      for (std::string& w : text::Words(q.text)) {
        ++it.words;
        auto known = word_stem.find(w);
        if (known == word_stem.end()) {
          uint32_t id = kStop;
          if (!text::IsStopWord(w)) {
            id = stem_ids.emplace(stemmer.Stem(w), static_cast<uint32_t>(stem_ids.size())).first->second;
          }
          known = word_stem.emplace(std::move(w), id).first;
        }
        if (known->second != kStop) it.stems.push_back(known->second);
      }
      std::sort(it.stems.begin(), it.stems.end());
      it.stems.erase(std::unique(it.stems.begin(), it.stems.end()), it.stems.end());
      if (it.words < kMinWords) continue;
      auto sp = speakers.find(q.speaker);
      it.named = sp != speakers.end();
      it.speaker = it.named ? sp->second : q.speaker;
      items.push_back(std::move(it));
    }
  }
  // Link quotes that state the same thing, by compatible speakers.
  std::vector<size_t> parent(items.size());
  std::iota(parent.begin(), parent.end(), 0);
  // The named speaker of each group (by root), so that two speakers are not
  // joined through an unnamed quote between them ("the White House" and
  // "Donald Trump" through "a White House official").
  std::vector<const std::string*> group_speaker(items.size(), nullptr);
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].named) group_speaker[i] = &items[i].speaker;
  }
  // Candidate pairs share a stem: found through an inverted index over the
  // earlier items (all pairs was quadratic: most of a 500-article brief).
  std::vector<std::vector<uint32_t>> postings(stem_ids.size());
  std::vector<uint32_t> shared_with(items.size(), 0);
  std::vector<uint32_t> touched;
  for (size_t j = 0; j < items.size(); ++j) {
    touched.clear();
    for (uint32_t s : items[j].stems) {
      for (uint32_t i : postings[s]) {
        if (shared_with[i]++ == 0) touched.push_back(i);
      }
      postings[s].push_back(static_cast<uint32_t>(j));
    }
    for (uint32_t i : touched) {
      const size_t shared = shared_with[i];
      shared_with[i] = 0;
      const Item& x = items[i];
      const Item& y = items[j];
      if (x.named && y.named && x.speaker != y.speaker) continue;
      size_t smaller = std::min(x.stems.size(), y.stems.size());
      if (shared < kMinShared || smaller == 0 ||
          static_cast<double>(shared) < kMinContainment * static_cast<double>(smaller)) {
        continue;
      }
      const size_t ri = Find(parent, i), rj = Find(parent, j);
      if (ri == rj) continue;
      const std::string* si = group_speaker[ri];
      const std::string* sj = group_speaker[rj];
      if (si != nullptr && sj != nullptr && *si != *sj) continue;
      parent[ri] = rj;
      if (sj == nullptr) group_speaker[rj] = si;
    }
  }
  std::map<size_t, std::vector<size_t>> groups;  // root -> members in story order
  for (size_t i = 0; i < items.size(); ++i) groups[Find(parent, i)].push_back(i);

  struct Ranked {
    BriefQuote quote;
    size_t first = 0;  // first member's position, for a stable order
  };
  std::vector<Ranked> ranked;
  for (const auto& [root, members] : groups) {
    // The most complete direct wording heads the group.
    int head = -1;
    for (size_t m : members) {
      const Item& it = items[m];
      if (it.quote->kind != quotes::QuoteKind::kDirect) continue;
      if (head < 0 || it.words > items[head].words) head = static_cast<int>(m);
    }
    if (head < 0) continue;
    // Speaker: the most frequent named speaker, else the head's description.
    std::map<std::string, int> votes;
    for (size_t m : members) {
      if (items[m].named) ++votes[items[m].speaker];
    }
    std::string speaker = items[head].speaker;
    int best = 0;
    for (const auto& [name, n] : votes) {
      if (n > best) {
        best = n;
        speaker = name;
      }
    }
    if (speaker.empty()) continue;  // unattributed: not worth a brief line
    // A pronoun with no antecedent ("he", speaker type unknown) names nobody:
    // printed as the speaker it would read as a name.
    if (best == 0 && items[head].quote->speaker_type == quotes::SpeakerType::kUnknown) continue;
    // An anonymous speaker is a description ("a senior US official", "the
    // agency"); a capitalised phrase that is neither a name nor one ("Hidden
    // Message", "Please") is a misreading.
    if (best == 0 && items[head].quote->speaker_type == quotes::SpeakerType::kAnonymous &&
        !ReadsAsDescription(speaker)) {
      continue;
    }
    Ranked r;
    r.first = members.front();
    r.quote.speaker = speaker;
    r.quote.text = items[head].quote->text;
    std::set<std::string> wordings;
    for (size_t m : members) {
      const std::string& id = per_article[items[m].article].article_id;
      if (std::find(r.quote.sources.begin(), r.quote.sources.end(), id) == r.quote.sources.end()) {
        r.quote.sources.push_back(id);
      }
      if (wordings.insert(WordingKey(items[m].quote->text)).second) {
        r.quote.variants.push_back({items[m].quote->text, id});
      }
    }
    if (r.quote.variants.size() < 2) r.quote.variants.clear();  // one wording: nothing to compare
    ranked.push_back(std::move(r));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& x, const Ranked& y) {
    if (x.quote.sources.size() != y.quote.sources.size())
      return x.quote.sources.size() > y.quote.sources.size();
    return x.first < y.first;
  });
  std::vector<BriefQuote> out;
  for (Ranked& r : ranked) {
    if (out.size() >= max_quotes) break;
    out.push_back(std::move(r.quote));
  }
  return out;
}

std::vector<BriefQuote> StoryQuotes(const std::vector<Article>& articles, const StoryCluster& story,
                                    const quotes::Extractor& extractor) {
  std::vector<ArticleQuotes> per_article;
  for (size_t a : story.articles) {
    per_article.push_back({articles[a].id, extractor.Extract(articles[a].Text())});
  }
  return AlignQuotes(per_article);
}

namespace {

const quotes::Extractor& SharedExtractor() {
  static const quotes::Extractor* extractor = [] {
    Result<ner::Tagger> tagger = ner::Tagger::LoadDefault();
    return tagger.ok() ? new quotes::Extractor(*tagger) : new quotes::Extractor();
  }();
  return *extractor;
}

}  // namespace

std::vector<BriefQuote> StoryQuotes(const std::vector<Article>& articles, const StoryCluster& story) {
  return StoryQuotes(articles, story, SharedExtractor());
}

std::vector<BriefQuote> StoryQuotes(const std::vector<Article>& articles, const StoryCluster& story,
                                    const StoryMentions& mentions) {
  if (!mentions.tagged) return StoryQuotes(articles, story);
  const quotes::Extractor& extractor = SharedExtractor();
  std::vector<ArticleQuotes> per_article;
  for (size_t i = 0; i < story.articles.size(); ++i) {
    per_article.push_back({articles[story.articles[i]].id,
                           extractor.Extract(mentions.texts[i], mentions.mentions[i])});
  }
  return AlignQuotes(per_article);
}

}  // namespace parallax::brief
