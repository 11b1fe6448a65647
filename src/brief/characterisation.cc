// Characterisation conflicts: outlets describing the same event's fate with
// incompatible words ("cancelled" vs "postponed" vs "held virtually").
//
// A status word (from small families of verbs and nouns) counts when an
// event noun (meeting, visit, talks, vote...) stands within eight words of
// it, and no negation, modal or threat precedes it closely ("could be
// postponed", "threatened to cancel", "did not cancel" do not count).
// Mentions group when they share a name with a mention of the group
// (sentence or the one before). A group is reported when two independent
// sources use different families; "conflict" when the families exclude each
// other (cancelled / postponed / went ahead), "spread" otherwise.
#include "brief/characterisation.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/text.h"

namespace parallax::brief {
namespace {

struct Family {
  const char* label;
  std::vector<const char*> prefixes;  // folded word prefixes
  bool exclusive;                     // excludes the other exclusive families
};

const std::vector<Family>& Families() {
  static const std::vector<Family> kFamilies = {
      {"cancelled", {"cancel", "scrap", "scrapping", "axed", "scuttl"}, true},
      // Not "reschedule": asking to reschedule follows a cancellation.
      {"postponed", {"postpon", "delayed", "pushed back", "put off"}, true},
      {"held virtually", {"virtual", "videoconferenc"}, false},
      {"went ahead", {"went ahead", "took place"}, true},
  };
  return kFamilies;
}

bool EventNoun(const std::string& w) {
  static const std::set<std::string> kNouns = {
      "meeting", "meetings", "visit", "trip", "delegation", "talks", "summit", "vote",
      "election", "match", "game", "event", "conference", "hearing", "trial", "session",
      "ceremony", "concert", "launch", "rally", "negotiations", "festival", "tournament"};
  return kNouns.count(w) > 0;
}

bool Blocker(const std::string& w) {
  return w == "not" || w == "n't" || w == "never" || w == "no" || w == "could" || w == "may" ||
         w == "might" || w == "would" || w == "should" || w == "if" || w.rfind("threat", 0) == 0 ||
         w == "whether" || w == "didn't" || w == "won't" || w == "wouldn't";
}

// Whether words[k], or words[k] + " " + words[k + 1] when there is a next
// word, starts with `prefix`, without building the two-word string: for a
// word without a space, a prefix with a space must match words[k] whole
// and the next word's start (a prefix without one, words[k]'s start).
bool StartsWithPrefix(const std::vector<std::string>& words, size_t k, std::string_view prefix) {
  const std::string& w = words[k];
  const size_t space = prefix.find(' ');
  if (space == std::string_view::npos) return w.starts_with(prefix);
  if (w.starts_with(prefix)) return true;
  if (k + 1 >= words.size()) return false;
  if (w.find(' ') != std::string::npos) return (w + " " + words[k + 1]).starts_with(prefix);
  return std::string_view(w) == prefix.substr(0, space) && words[k + 1].starts_with(prefix.substr(space + 1));
}

struct Mention {
  size_t article = 0;
  uint32_t sentence = 0;
  int family = 0;
  std::string target;
  std::set<std::string> names;
};

void Names(const std::string& s, std::set<std::string>* names) {
  bool first = true;
  for (const text::Token& tok : text::Tokenize(s)) {
    if (tok.kind != text::TokenKind::kWord) continue;
    bool was_first = first;
    first = false;
    unsigned char c = static_cast<unsigned char>(s[tok.begin]);
    if (was_first || c < 'A' || c > 'Z') continue;
    std::string w = text::Fold(std::string_view(s).substr(tok.begin, tok.end - tok.begin));
    if (w.size() >= 3 && !text::IsStopWord(w)) names->insert(w);
  }
}

}  // namespace

std::vector<Disagreement> FindCharacterisations(const std::vector<Article>& articles,
                                                const SentenceModel& model,
                                                const SourceGroups& sources) {
  const auto& sents = model.sentences();
  const auto& fams = Families();
  std::vector<Mention> mentions;
  for (uint32_t s = 0; s < sents.size(); ++s) {
    const std::string& lang = articles[sents[s].article].language;
    if (!lang.empty() && lang != "en") continue;
    std::vector<std::string> words = text::Words(sents[s].text);
    for (std::string& w : words) {
      if (w.size() > 2 && w.ends_with("'s")) w.resize(w.size() - 2);  // "meeting's"
    }
    for (size_t k = 0; k < words.size(); ++k) {
      int family = -1;
      for (size_t f = 0; f < fams.size() && family < 0; ++f) {
        for (const char* p : fams[f].prefixes) {
          if (StartsWithPrefix(words, k, p)) {
            family = static_cast<int>(f);
            break;
          }
        }
      }
      if (family < 0) continue;
      bool blocked = false;
      for (size_t b = k >= 3 ? k - 3 : 0; b < k; ++b) blocked = blocked || Blocker(words[b]);
      if (blocked) continue;
      std::string target;
      size_t best = 9;
      for (size_t j = k >= 8 ? k - 8 : 0; j < words.size() && j <= k + 8; ++j) {
        size_t d = j > k ? j - k : k - j;
        if (d < best && EventNoun(words[j])) {
          best = d;
          target = words[j];
        }
      }
      if (target.empty()) continue;
      Mention m;
      m.article = sents[s].article;
      m.sentence = s;
      m.family = family;
      m.target = target;
      Names(sents[s].text, &m.names);
      if (sents[s].ordinal > 0) Names(sents[s - 1].text, &m.names);
      mentions.push_back(std::move(m));
      break;  // one status per sentence
    }
  }
  // Greedy groups: share a name with some mention of the group (status
  // mentions are few per story, so single links rarely chain unrelated events).
  std::vector<std::vector<size_t>> groups;
  for (size_t i = 0; i < mentions.size(); ++i) {
    bool placed = false;
    for (auto& g : groups) {
      bool shared = std::any_of(g.begin(), g.end(), [&](size_t j) {
        return std::any_of(mentions[i].names.begin(), mentions[i].names.end(),
                           [&](const std::string& n) { return mentions[j].names.count(n) > 0; });
      });
      if (shared) {
        g.push_back(i);
        placed = true;
        break;
      }
    }
    if (!placed) groups.push_back({i});
  }
  std::vector<Disagreement> out;
  for (const auto& g : groups) {
    std::map<int, std::vector<size_t>> by_family;  // family -> articles
    std::map<int, uint32_t> first_sentence;
    std::map<std::string, int> targets;
    for (size_t i : g) {
      const Mention& m = mentions[i];
      by_family[m.family].push_back(m.article);
      first_sentence.emplace(m.family, m.sentence);
      ++targets[m.target];
    }
    if (by_family.size() < 2) continue;
    // Each family must be used by a source that does not use every other one,
    // and at least two independent sources must be involved.
    std::vector<size_t> all;
    for (const auto& [f, arts] : by_family) all.insert(all.end(), arts.begin(), arts.end());
    if (sources.CountIndependent(all) < 2) continue;
    std::set<size_t> family_groups;
    for (const auto& [f, arts] : by_family) family_groups.insert(sources.GroupOf(arts.front()));
    if (family_groups.size() < 2) continue;
    Disagreement d;
    std::string target;
    int best = 0;
    for (const auto& [t, n] : targets) {
      if (n > best) best = n, target = t;
    }
    d.topic = "what happened to the " + target;
    int exclusive = 0;
    for (const auto& [f, arts] : by_family) {
      exclusive += fams[f].exclusive;
      DisagreementValue v;
      v.value = fams[f].label;
      v.text = sents[first_sentence[f]].text;
      for (size_t a : arts) {
        if (std::find(v.sources.begin(), v.sources.end(), articles[a].id) == v.sources.end()) {
          v.sources.push_back(articles[a].id);
        }
      }
      d.values.push_back(std::move(v));
    }
    d.kind = exclusive >= 2 ? "conflict" : "spread";
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace parallax::brief
