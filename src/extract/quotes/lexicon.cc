// Lists written for this project from general English usage of reporting
// verbs (what news style guides list as attribution verbs), checked against
// the cue words of PolNeAR's training split.
#include "lexicon.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace parallax::quotes::internal {
namespace {

using Set = std::unordered_set<std::string_view>;

bool In(const Set& set, std::string_view word) { return set.count(word) != 0; }

// Base forms; inflections are generated below.
constexpr std::string_view kCueLemmas[] = {
    "say",      "tell",     "add",      "write",     "ask",       "note",      "report",
    "announce", "suggest",  "argue",    "explain",   "declare",   "acknowledge", "claim",
    "insist",   "warn",     "deny",     "state",     "believe",   "think",     "tweet",
    "reply",    "respond",  "predict",  "promise",   "vow",       "pledge",    "recall",
    "reveal",   "indicate", "confirm",  "emphasize", "emphasise", "stress",    "concede",
    "admit",    "contend",  "maintain", "allege",    "estimate",  "complain",  "conclude",
    "agree",    "fear",     "expect",   "mention",   "testify",   "charge",    "observe",
    "caution",  "assert",   "boast",    "joke",      "quip",      "muse",      "remark",
    "point",    "comment",  "continue", "counter",   "retort",    "lament",    "hope",
    "feel",     "accuse",   "urge",     "signal",    "disclose",  "brief",     "predict",
    "speculate", "acknowledge", "contend", "posit",  "affirm",    "reiterate", "concur",
    "worry",    "demand",   "propose",  "announce",  "declare",   "exclaim",   "inform",
    "shout",    "yell",     "scream",   "answer",    "explain",   "recount",
    "predict",  "reason",   "acknowledge", "conclude", "describe", "wonder",   "whisper",
};

// Irregular or spelling-changed forms: {form, is -ing}.
constexpr std::pair<std::string_view, bool> kIrregular[] = {
    {"said", false},    {"says", false},    {"saying", true},   {"told", false},
    {"tells", false},   {"telling", true},  {"wrote", false},   {"written", false},
    {"writes", false},  {"writing", true},  {"thought", false},  {"thinks", false},
    {"thinking", true}, {"denied", false},  {"denies", false},  {"denying", true},
    {"replied", false}, {"replies", false}, {"replying", true}, {"testified", false},
    {"testifies", false}, {"worried", false}, {"worries", false}, {"admitted", false},
    {"admitting", true}, {"quipped", false}, {"quipping", true}, {"signalled", false},
    {"argued", false},  {"arguing", true},  {"noted", false},   {"noting", true},
    {"stated", false},  {"stating", true},  {"hoped", false},   {"hoping", true},
    {"felt", false},    {"believed", false}, {"believing", true}, {"urged", false},
    {"urging", true},   {"concluded", false}, {"concluding", true}, {"disclosed", false},
    {"acknowledged", false}, {"acknowledging", true}, {"declared", false}, {"declaring", true},
    {"announced", false}, {"announcing", true}, {"continued", false}, {"continuing", true},
    {"estimated", false}, {"estimating", true}, {"emphasized", false}, {"emphasizing", true},
    {"emphasised", false}, {"emphasising", true}, {"conceded", false}, {"conceding", true},
    {"observed", false}, {"observing", true}, {"speculated", false}, {"posited", false},
    {"reiterated", false}, {"reiterating", true}, {"cautioned", false}, {"promised", false},
    {"promising", true}, {"charged", false}, {"accused", false}, {"accusing", true},
    {"stressed", false}, {"stressing", true}, {"complained", false}, {"complaining", true},
    {"argues", false},  {"notes", false},   {"states", false},  {"hopes", false},
    {"feels", false},   {"believes", false}, {"urges", false},  {"concludes", false},
    {"proposed", false}, {"demanded", false}, {"exclaimed", false}, {"informed", false},
    {"joked", false},   {"mused", false},   {"vowed", false},   {"pledged", false},
    {"predicted", false}, {"barked", false}, {"snapped", false}, {"cried", false},
    {"points out", false}, {"pointed out", false}, {"described", false},
    {"show", false}, {"shows", false}, {"showed", false}, {"shown", false}, {"showing", true},
    {"found", false}, {"finds", false}, {"called", false}, {"calls", false}, {"calling", true},
    {"criticized", false}, {"criticizes", false}, {"criticizing", true}, {"praised", false},
    {"praises", false}, {"praising", true}, {"endorsed", false}, {"endorses", false},
    {"endorsing", true}, {"cited", false}, {"cites", false}, {"citing", true},
    {"defended", false}, {"defends", false}, {"defending", true}, {"questioned", false},
    {"questions", false}, {"questioning", true}, {"blamed", false}, {"blames", false},
    {"blaming", true}, {"dismissed", false}, {"dismisses", false}, {"dismissing", true},
    {"rejected", false}, {"rejects", false}, {"rejecting", true}, {"referring to", false},
};

struct CueTable {
  std::unordered_set<std::string> finite;
  std::unordered_set<std::string> ing;
  CueTable() {
    for (auto [form, ing_form] : kIrregular) (ing_form ? ing : finite).insert(std::string(form));
    for (std::string_view lemma : kCueLemmas) {
      std::string l(lemma);
      finite.insert(l);
      if (l.back() == 'e') {
        finite.insert(l + "s");
        finite.insert(l + "d");
        ing.insert(l.substr(0, l.size() - 1) + "ing");
      } else if (l.back() == 'y') {
        finite.insert(l + "s");
        finite.insert(l + "ed");
        ing.insert(l + "ing");
      } else if (l.back() == 's' || l.back() == 'h') {
        finite.insert(l + "es");
        finite.insert(l + "ed");
        ing.insert(l + "ing");
      } else {
        finite.insert(l + "s");
        finite.insert(l + "ed");
        ing.insert(l + "ing");
      }
    }
    // Forms that are more often nouns or other verbs than reporting verbs.
    for (const char* w : {"point", "points", "pointed", "pointing", "charge", "charges",
                          "report", "reports", "comment", "comments", "brief", "briefs",
                          "fear", "fears", "hope", "expect", "state", "states", "continue",
                          "continues", "feel", "maintain", "estimate", "promise", "demand",
                          "propose", "concur", "counter", "signal", "signals", "worry",
                          "add", "note", "claim", "tweet", "reply", "expects",
                          "expected", "expecting", "briefed", "briefing", "informed"}) {
      finite.erase(w);
      ing.erase(w);
    }
  }
};

const CueTable& Cues() {
  static const CueTable* table = new CueTable();
  return *table;
}

// CueTable merged for lookup by view (no string built per query, one hash):
// word -> true for an -ing form (ing wins, as IsCueVerb always checked it
// first), false for a finite one. The keys view the CueTable's strings.
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
};
using CueIndex = std::unordered_map<std::string_view, bool, ViewHash>;

const CueIndex& CueForms() {
  static const CueIndex* index = [] {
    const CueTable& t = Cues();
    auto* m = new CueIndex;
    for (const std::string& w : t.finite) m->emplace(w, false);
    for (const std::string& w : t.ing) (*m)[w] = true;
    return m;
  }();
  return *index;
}

}  // namespace

bool IsCueVerb(std::string_view word, bool* participle) {
  const CueIndex& forms = CueForms();
  auto it = forms.find(word);
  if (participle) *participle = it != forms.end() && it->second;
  return it != forms.end();
}

bool TakesListener(std::string_view word) {
  static const Set* s = new Set{"told", "tells", "tell", "telling", "informed", "informs",
                                "informing", "assured", "warned", "reminded", "asked", "urged",
                                "briefed"};
  return In(*s, word);
}

PronounKind Pronoun(std::string_view word) {
  if (word == "he" || word == "she") return PronounKind::kSingular;
  if (word == "they") return PronounKind::kPlural;
  if (word == "i" || word == "we") return PronounKind::kFirstPerson;
  return PronounKind::kNone;
}

bool IsClauseBoundary(std::string_view word) {
  static const Set* s = new Set{
      "that",   "and",    "but",     "while",  "as",     "because", "if",     "when",
      "after",  "before", "which",   "who",    "where",  "although", "though", "since",
      "so",     "or",     "than",    "whom",   "whose",  "what",    "how",    "why",
      "whether", "until", "unless",  "whereas", "yet",   "nor",     "once",   "even",
      "to",     "into",   "about",   "against", "with",  "without", "over",   "by",
      "like",   "also",   "then"};
  return In(*s, word);
}

bool IsVerbModifier(std::string_view word) {
  static const Set* s = new Set{
      "also",     "has",       "have",     "had",      "previously", "later",   "repeatedly",
      "publicly", "reportedly", "then",    "again",    "once",       "recently", "already",
      "often",    "would",     "will",     "could",    "may",        "might",   "did",
      "does",     "do",        "just",     "still",    "further",    "earlier", "privately",
      "separately", "first",   "flatly",   "simply",   "frequently", "himself", "herself",
      "themselves", "specifically", "explicitly", "bluntly", "openly", "always", "never",
      "has also", "initially", "subsequently", "later", "even", "quickly", "directly",
      "angrily", "firmly", "plainly", "clearly", "emphatically", "strongly", "only",
      "correctly", "wrongly", "falsely", "famously", "told"};
  return In(*s, word);
}

bool IsClauseVerb(std::string_view word) {
  if (word.size() > 3 && word.substr(word.size() - 3) == "n't") return true;
  static const Set* s = new Set{
      "is",    "was",   "are",   "were",  "be",    "been",   "being", "am",   "not",
      "would", "could", "should", "must", "can",   "will",   "shall", "might", "may",
      "do",    "does",  "did",   "has",   "have",  "had",    "there", "it",    "this",
      "said",  "says",  "told",  "seems", "seemed", "appear", "appears", "it's", "isn't",
      "wasn't", "don't", "doesn't", "didn't", "won't", "can't", "you", "your", "me", "us",
      "my",    "our",   "him",   "her",   "them",  "its",    "if",    "to",   "make", "made",
      "get",   "got",   "need",  "needs", "want",  "wants",  "wanted", "go",   "going", "see",
      "let",   "please", "yes",  "no",    "not",   "only"};
  return In(*s, word);
}

bool IsTimeWord(std::string_view word) {
  static const Set* s = new Set{
      "monday",  "tuesday",  "wednesday", "thursday", "friday",   "saturday", "sunday",
      "today",   "yesterday", "tonight",  "week",     "weekend",  "month",    "year",
      "morning", "afternoon", "evening",  "night",    "earlier",  "later",    "last",
      "this",    "next",     "recently",  "previously", "day",    "days",     "weeks",
      "months",  "years",    "ago",       "on",       "late",     "early",    "in",
      "january", "february", "march",     "april",    "may",      "june",     "july",
      "august",  "september", "october",  "november", "december", "sunday's", "monday's"};
  return In(*s, word);
}

bool IsPreposition(std::string_view word) {
  static const Set* s = new Set{"in",   "on",      "at",      "during", "after",   "before",
                                "via",  "through", "to",      "from",   "outside", "inside",
                                "upon", "over",    "while",   "when",   "following", "amid",
                                "ahead", "earlier", "late",   "last",   "this",    "yesterday",
                                "today", "monday", "tuesday", "wednesday", "thursday", "friday",
                                "saturday", "sunday", "tonight", "privately", "publicly",
                                "repeatedly", "again", "recently", "previously", "later",
                                "also", "then", "separately"};
  return In(*s, word);
}

bool IsTitleWord(std::string_view word) {
  static const Set* s = new Set{
      "president", "minister",  "premier",   "chancellor", "secretary", "senator", "governor",
      "mayor",     "king",      "queen",     "prince",     "pope",      "ambassador", "general",
      "commander", "chief",     "leader",    "speaker",    "director",  "chairman", "chairwoman",
      "chair",     "ceo",       "spokesman", "spokeswoman", "spokesperson", "candidate",
      "nominee",   "congressman", "congresswoman", "representative", "judge", "justice",
      "attorney",  "prosecutor", "sheriff",  "coach",      "emir",      "sheikh", "ayatollah",
      "adviser",   "advisor",   "envoy",     "negotiator", "commissioner", "founder",
      "executive", "frontrunner", "front-runner", "billionaire", "mogul", "businessman",
      "official",  "lawmaker",  "economist", "analyst",   "professor", "author"};
  return In(*s, word);
}

bool IsSourceNoun(std::string_view word) {
  static const Set* s = new Set{
      "official",   "officials",   "spokesman",  "spokeswoman", "spokesperson", "spokespeople",
      "source",     "sources",     "aide",       "aides",       "adviser",      "advisers",
      "advisor",    "advisors",    "diplomat",   "diplomats",   "people",       "person",
      "witness",    "witnesses",   "analyst",    "analysts",    "expert",       "experts",
      "lawmaker",   "lawmakers",   "critics",    "critic",      "supporters",   "residents",
      "resident",   "officer",     "officers",   "police",      "authorities",  "statement",
      "report",     "reports",     "spokespersons", "representative", "representatives",
      "minister",   "ministry",    "government", "campaign",    "observers",    "economists",
      "leaders",    "leader",      "member",     "members",     "voters",       "democrats",
      "republicans", "poll",       "polls",      "survey",      "study",        "agency",
      "military",   "army",        "office",     "department",  "administration", "team"};
  return In(*s, word);
}

bool IsDeterminer(std::string_view word) {
  static const Set* s = new Set{"the", "a", "an", "one", "two", "three", "several", "many",
                                "some", "his", "her", "their", "its", "another", "other",
                                "senior", "top", "most", "all", "both", "few", "four", "five",
                                "no"};
  return In(*s, word);
}

}  // namespace parallax::quotes::internal
