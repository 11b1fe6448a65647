// The tense cue: whether the words around a time expression speak of the
// past or the future, which decides the year of "March", the week of
// "Friday" and the like (resolve.cc).
#include <unordered_set>

#include "extract/timex/scanner.h"

namespace parallax::timex::internal {
namespace {

const std::unordered_set<std::string>& PastWords() {
  static const auto* words = new std::unordered_set<std::string>{
      "was", "were", "had", "did", "said", "told", "went", "came", "took", "made", "met", "held",
      "began", "left", "gave", "won", "lost", "fell", "rose", "sold", "bought", "paid", "sent",
      "spent", "saw", "knew", "thought", "found", "became", "ran", "brought", "kept", "led",
      "wrote", "spoke", "broke", "chose", "drove", "flew", "fought", "grew", "stood", "struck",
      "hit", "shot", "quit", "set", "cut", "put", "ago", "last", "earlier", "previously", "got",
      "heard", "felt", "meant", "sought", "taught", "caught", "wore", "swore", "threw", "drew",
      "beat", "bore", "forgot", "overtook", "withdrew", "undertook", "rejected", "agreed", "since"};
  return *words;
}

const std::unordered_set<std::string>& FutureWords() {
  static const auto* words = new std::unordered_set<std::string>{
      "will", "ll", "shall", "would", "next", "upcoming", "scheduled", "expected", "expects",
      "expect", "plans", "plan", "planned", "planning", "tomorrow", "going", "aims", "intends",
      "forecast", "projected", "slated", "resume", "resumes"};
  return *words;
}

// Tense cue of one word: -1 past, +1 future, 0 none.
int Cue(const Tok& t) {
  if (t.kind != TokKind::kWord) return 0;
  const std::string& w = t.low;
  if (FutureWords().count(w)) return 1;
  if (PastWords().count(w)) return -1;
  if (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 && !t.cap) {
    static const auto* not_past = new std::unordered_set<std::string>{
        "need", "speed", "indeed", "united", "proceed", "succeed", "exceed", "breed", "embed",
        "scheduled", "expected", "planned", "proposed", "hundred", "armed", "based", "related",
        "concerned", "interested", "supposed", "advanced", "limited", "detailed", "alleged"};
    if (!not_past->count(w)) return -1;
  }
  return 0;
}

bool SentenceStop(const Tok& t) {
  return t.kind == TokKind::kPunct && (t.low == "." || t.low == "!" || t.low == "?" || t.low == ";");
}

}  // namespace

int Scanner::Tense(size_t begin, size_t end) const {
  // The nearest cue in the sentence wins (a cue after the expression counts
  // as three words further: the verb that governs a date mostly comes
  // before it, and the words after often belong to a relative clause, as
  // in "will double its flights by August in the search for markets
  // untouched by the crisis"). A
  // participle after "be" is no cue: "will be closed Monday"; nor is "was"
  // before a future word ("were planning ... on Saturday").
  auto Cue = [&](size_t k) {
    int c = internal::Cue(toks_[k]);
    if (c < 0 && k > 0 && IsAnyOf(k - 1, {"be", "is", "are", "being"})) return 0;
    // "were planning to", "was expected to": the future word decides.
    if (c < 0 && IsAnyOf(k, {"was", "were"}) && k + 1 < size() && internal::Cue(toks_[k + 1]) > 0) return 0;
    // "had been scheduled to expire at midnight Friday", "as previously
    // planned Saturday night": a plan already overtaken.
    if (c > 0 && k > 0 && (IsAnyOf(k - 1, {"had", "previously", "originally"}) ||
                           (k > 1 && Is(k - 1, "been") && Is(k - 2, "had")))) {
      return -1;
    }
    // After a determiner the word is a noun or an adjective, not a verb:
    // "announced the plan Aug. 21", "on a still unspecified date in January".
    if (c != 0 && !PastWords().count(toks_[k].low)) {
      size_t p = k;
      if (p > 0 && (Is(p - 1, "still") || Is(p - 1, "newly"))) --p;
      if (p > 0 && IsAnyOf(p - 1, {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})) {
        return 0;
      }
    }
    return c;
  };
  // "since March" is behind the anchor whatever the verb.
  if (begin > 0 && Is(begin - 1, "since")) return -1;
  // "a new office of the chairman, effective Feb. 1": a change announced
  // ahead of the day it takes effect.
  if (begin > 0 && Is(begin - 1, "effective")) return 1;
  // A possessive names an event already reported: "Friday's close",
  // "get around Wednesday's ruling" (but "ahead of Sunday's vote").
  if (Is(end, "'") && Is(end + 1, "s") && Adjacent(end) && !(begin > 1 && Is(begin - 2, "ahead"))) return -1;
  int best = 0, best_dist = 1 << 20;
  for (size_t k = begin, d = 1; k > 0 && d <= 12; ++d) {
    --k;
    const Tok& t = toks_[k];
    if (SentenceStop(t) && !(t.low == "." && k > 0 && toks_[k - 1].word != nullptr &&
                             toks_[k - 1].word->month_abbr)) {
      break;
    }
    int c = Cue(k);
    if (c == 0) continue;
    int dist = static_cast<int>(d);
    if (dist < best_dist) {
      best = c;
      best_dist = dist;
    }
  }
  for (size_t k = end, d = 1; k < size() && d <= 8; ++k, ++d) {
    const Tok& t = toks_[k];
    if (SentenceStop(t) || t.break_before) break;
    int c = Cue(k);
    if (c == 0) continue;
    int dist = static_cast<int>(d) + 3;
    if (dist < best_dist) {
      best = c;
      best_dist = dist;
    }
  }
  return best;
}

}  // namespace parallax::timex::internal
