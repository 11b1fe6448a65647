#include "speakers.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "first_names.h"
#include "lexicon.h"

namespace parallax::quotes::internal {
namespace {

bool IsWord(const Tok& t) { return t.kind == text::TokenKind::kWord; }

bool IsAdverb(const Tok& t) {
  return IsWord(t) && !t.capital && t.lower.size() > 4 &&
         t.lower.compare(t.lower.size() - 2, 2, "ly") == 0;
}

// A dot inside a noun phrase: "Mr. Smith", "U.S. officials".
bool NameDot(const Doc& d, uint32_t i) {
  return d.IsPunct(i, ".") && i > 0 && i + 1 < d.toks.size() && d.toks[i - 1].capital &&
         d.toks[i - 1].end - d.toks[i - 1].begin <= 4 && d.toks[i + 1].capital &&
         d.toks[i + 1].sentence == d.toks[i].sentence;
}

bool InsideNounPhrase(const Doc& d, uint32_t i) {
  const Tok& t = d.toks[i];
  if (IsWord(t) || t.kind == text::TokenKind::kNumber) return true;
  if (t.kind == text::TokenKind::kPunct) {
    return NameDot(d, i) || t.lower == "-" || t.lower == "&" || t.lower == "'";
  }
  return false;
}

}  // namespace

TokRange SubjectBefore(const Doc& d, uint32_t cue) {
  uint32_t sb = d.sents[d.toks[cue].sentence].tok_begin;
  int64_t i = static_cast<int64_t>(cue) - 1;
  auto word_at = [&](int64_t k) { return k >= sb && IsWord(d.toks[k]) && d.toks[k].mention < 0; };
  // Weekdays and months may be tagged as names; they are still time words.
  auto time_at = [&](int64_t k) {
    return k >= sb && IsWord(d.toks[k]) && IsTimeWord(d.toks[k].lower) &&
           (d.toks[k].mention < 0 || (k > sb && d.toks[k - 1].mention != d.toks[k].mention));
  };
  while (word_at(i) && (IsVerbModifier(d.toks[i].lower) || IsAdverb(d.toks[i]))) --i;
  // "Netanyahu on Wednesday said", "Officials last week said".
  int64_t j = i;
  bool time_seen = false;
  while (time_at(j)) {
    if (d.toks[j].lower != "on" && d.toks[j].lower != "in") time_seen = true;
    --j;
  }
  if (time_seen) i = j;
  while (word_at(i) && (IsVerbModifier(d.toks[i].lower) || IsAdverb(d.toks[i]))) --i;
  if (i < sb) return {cue, cue};
  if (d.IsPunct(static_cast<uint32_t>(i), ",")) {
    // Appositive: "Clinton, 35, the daughter of …, said" -> "Clinton".
    int64_t k = i - 1;
    int steps = 0;
    while (k >= sb && steps < 30) {
      const Tok& t = d.toks[k];
      if (t.kind == text::TokenKind::kPunct && (t.lower == ";" || t.lower == ":" || t.quote_mark))
        break;
      if (IsWord(t) && !t.capital && (t.lower == "that" || t.lower == "and" || t.lower == "but"))
        break;
      --k;
      ++steps;
    }
    uint32_t a = static_cast<uint32_t>(k + 1);
    uint32_t b = a;
    while (b < i && !d.IsPunct(b, ",")) ++b;
    // An introductory phrase ("On Sunday, Hillary Clinton, the front-runner,
    // called …"): the subject is the phrase after its comma.
    while (b < i && b > a && IsWord(d.toks[a]) &&
           (IsPreposition(d.toks[a].lower) || IsTimeWord(d.toks[a].lower))) {
      a = b + 1;
      b = a;
      while (b < i && !d.IsPunct(b, ",")) ++b;
    }
    if (b == a || b - a > 8) return {cue, cue};
    return {a, b};
  }
  uint32_t e = static_cast<uint32_t>(i + 1);
  int64_t k = i;
  while (k >= sb && InsideNounPhrase(d, static_cast<uint32_t>(k))) {
    const Tok& t = d.toks[k];
    if (IsWord(t) && t.mention < 0 && !t.capital && IsClauseBoundary(t.lower)) break;
    if (e - k > 10) return {cue, cue};
    --k;
  }
  uint32_t a = static_cast<uint32_t>(k + 1);
  // Sentence-initial connectives: "And he said", "But officials say".
  while (a < e && d.toks[a].mention < 0 &&
         (IsClauseBoundary(d.toks[a].lower) || d.toks[a].lower == "now" ||
          d.toks[a].lower == "still" || d.toks[a].lower == "meanwhile" ||
          d.toks[a].lower == "however" || d.toks[a].lower == "instead")) {
    ++a;
  }
  if (a >= e) return {cue, cue};
  for (uint32_t m = a; m < e; ++m) {
    if (d.toks[m].mention < 0 && IsClauseVerb(d.toks[m].lower) && !d.toks[m].capital)
      return {cue, cue};
  }
  return {a, e};
}

TokRange PhraseAfter(const Doc& d, uint32_t start) {
  if (start >= d.toks.size()) return {start, start};
  uint32_t s = d.toks[start].sentence;
  uint32_t end = d.sents[s].tok_end;
  uint32_t b = start;
  while (b < end && InsideNounPhrase(d, b) && b - start < 12) {
    const Tok& t = d.toks[b];
    if (IsWord(t) && t.mention < 0 && !t.capital && b > start &&
        (IsClauseBoundary(t.lower) || IsPreposition(t.lower)) && t.lower != "of" &&
        t.lower != "for") {
      break;
    }
    if (IsWord(t) && t.mention < 0 && !t.capital && IsClauseVerb(t.lower)) return {start, start};
    ++b;
  }
  return {start, b};
}

namespace {

// A share of a polled group: "47 percent", "Six in 10", "a majority".
bool IsShare(const Doc& d, TokRange r) {
  const Tok& last = d.toks[r.second - 1];
  if (last.lower == "percent" || last.lower == "%" || last.lower == "majority" ||
      last.lower == "majorities") {
    return true;
  }
  return r.second - r.first >= 3 && last.kind == text::TokenKind::kNumber &&
         d.toks[r.second - 2].lower == "in";
}

// A lone capitalised word opening the sentence that is no name: a function
// word or a participle ("Or", "Speaking", "Disillusioned", "There's").
bool OpenerNotName(const Doc& d, TokRange r) {
  if (r.second - r.first != 1) return false;
  const Tok& t = d.toks[r.first];
  if (t.mention >= 0 || !t.capital || r.first != d.sents[t.sentence].tok_begin) return false;
  const std::string& w = t.lower;
  if (Pronoun(w) != PronounKind::kNone || w == "it") return false;
  auto ends = [&](std::string_view x) {
    return w.size() > x.size() + 2 && w.compare(w.size() - x.size(), x.size(), x) == 0;
  };
  return text::IsStopWord(w) || ends("ing") || ends("ed") || w.find('\'') != std::string::npos ||
         w.find("\xE2\x80\x99") != std::string::npos;
}

}  // namespace

bool PlausibleSpeaker(const Doc& d, TokRange r) {
  if (r.first >= r.second) return false;
  const Tok& last = d.toks[r.second - 1];
  const Tok& first = d.toks[r.first];
  if (r.second - r.first == 1 && IsDeterminer(first.lower)) return false;  // "The show went on
  if (OpenerNotName(d, r)) return false;
  if (IsShare(d, r)) return true;
  if (last.mention >= 0 || last.capital) return true;
  if (Pronoun(last.lower) != PronounKind::kNone || last.lower == "it") return true;
  if (IsSourceNoun(last.lower) || IsTitleWord(last.lower)) return true;
  if (IsDeterminer(first.lower) && r.second - r.first >= 2) return true;
  for (uint32_t i = r.first; i < r.second; ++i) {
    if (d.toks[i].mention >= 0) return true;
  }
  return false;
}

TokRange SentenceSubject(const Doc& d, uint32_t cue) {
  uint32_t sb = d.sents[d.toks[cue].sentence].tok_begin;
  {
    // A description opening the sentence, up to its head noun: "The New
    // York businessman has praised Putin, saying …", "Some advisers …".
    uint32_t a = sb;
    while (a < cue && d.toks[a].mention < 0 && IsWord(d.toks[a]) &&
           (IsClauseBoundary(d.toks[a].lower) || d.toks[a].lower == "meanwhile")) {
      ++a;
    }
    for (uint32_t k = a; k < cue && k < a + 6; ++k) {
      const Tok& t = d.toks[k];
      if (!IsWord(t) || d.in_quote[k]) break;
      if (t.mention >= 0) {
        if (d.mentions[t.mention].type == ner::EntityType::kPerson || d.mention_possessive[t.mention])
          break;
        continue;
      }
      if (k > a && (IsClauseBoundary(t.lower) || IsPreposition(t.lower) || IsClauseVerb(t.lower))) break;
      if (!t.capital && k > a && (IsTitleWord(t.lower) || IsSourceNoun(t.lower))) {
        if (k + 1 < cue && d.toks[k + 1].mention >= 0) break;  // "spokesman Josh Earnest"
        return {a, k + 1};
      }
    }
  }
  for (uint32_t i = sb; i < cue; ++i) {
    int m = d.toks[i].mention;
    if (m < 0 || d.toks[i].quote_mark) continue;
    ner::EntityType type = d.mentions[m].type;
    if (type != ner::EntityType::kPerson && type != ner::EntityType::kOrganization) continue;
    if (d.mention_possessive[m]) continue;
    // Not a news agency in a dateline ("WASHINGTON, June 24 (UPI) --").
    if (i > sb && d.IsPunct(i - 1, "(")) continue;
    // Not the object of a preposition ("After meeting with Blinken, …").
    if (i > sb && (IsPreposition(d.toks[i - 1].lower) || d.toks[i - 1].lower == "with" ||
                   d.toks[i - 1].lower == "by" || d.toks[i - 1].lower == "of" ||
                   d.toks[i - 1].lower == "for")) {
      continue;
    }
    uint32_t j = i;
    while (j < cue && d.toks[j].mention == m) ++j;
    return {i, j};
  }
  for (uint32_t i = sb; i < cue && i < sb + 2; ++i) {
    if (Pronoun(d.toks[i].lower) == PronounKind::kSingular ||
        Pronoun(d.toks[i].lower) == PronounKind::kPlural) {
      return {i, i + 1};
    }
  }
  return {cue, cue};
}

Resolver::Resolver(const Doc& d) : d_(d) { LearnGenders(); }

ResolvedSpeaker Resolver::FromEntity(int entity) const {
  ResolvedSpeaker s;
  s.entity = entity;
  s.name = d_.entities[entity].canonical;
  s.type = d_.entities[entity].type == ner::EntityType::kPerson ? SpeakerType::kPerson
                                                                : SpeakerType::kOrganization;
  return s;
}

void Resolver::Note(const ResolvedSpeaker& s, uint32_t at) {
  if (s.type == SpeakerType::kUnknown) return;
  history_.push_back({at, s});
}

ResolvedSpeaker Resolver::ResolvePronoun(TokRange r) const {
  const Tok& t = d_.toks[r.first];
  PronounKind kind = Pronoun(t.lower);
  bool want_person = kind == PronounKind::kSingular;
  // "he" cannot be a woman the article calls "she" (and vice versa). (A
  // first pass preferring persons of known matching gender within the last
  // paragraphs over those of unknown gender cost 0.8 points of speaker
  // accuracy on PolNeAR train; only conflicts are excluded.)
  int want_gender = t.lower == "he" ? 1 : t.lower == "she" ? 2 : 0;
  {
    auto compatible = [&](int entity, uint32_t /*at*/) {
      return want_gender == 0 || entity < 0 || gender_[entity] == 0 || gender_[entity] == want_gender;
    };
    // The most recent person named as a speaker or as a sentence subject.
    uint32_t best_at = 0;
    ResolvedSpeaker best;
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      if (it->at >= r.first) continue;
      bool person = it->speaker.type == SpeakerType::kPerson;
      if ((want_person ? person : !person) && compatible(it->speaker.entity, it->at)) {
        best = it->speaker;
        best_at = it->at;
        break;
      }
    }
    if (want_person) {
      // A person who is the subject of a later sentence beats an older
      // speaker: the nearest sentence (the pronoun's own included, up to
      // the pronoun) whose subject is a person.
      int64_t s = d_.toks[r.first].sentence;
      for (; s >= 0 && d_.sents[s].tok_end > best_at; --s) {
        uint32_t subject_at = 0;
        int entity = SubjectPerson(static_cast<uint32_t>(s), r.first, &subject_at);
        if (entity == kPronounSubject) continue;  // "He …": refers further back
        // A subject named before the last speaker, in that speaker's own
        // sentence ("Cruz is the ablest candidate, Viguerie argues"), does
        // not beat the speaker.
        if (entity >= 0 && best.type != SpeakerType::kUnknown && subject_at < best_at) break;
        if (entity >= 0 && compatible(entity, 0)) return FromEntity(entity);
      }
    }
    if (best.type != SpeakerType::kUnknown) return best;
  }
  ResolvedSpeaker s;
  s.name = std::string(d_.Span(r.first, r.second));
  return s;
}

ResolvedSpeaker Resolver::SubjectBetween(uint32_t after, uint32_t at, TokRange* mention) const {
  for (int64_t s = d_.toks[at].sentence; s >= 0 && d_.sents[s].tok_end > after; --s) {
    uint32_t subject_at = 0;
    int entity = SubjectPerson(static_cast<uint32_t>(s), at, &subject_at);
    if (entity == kPronounSubject) continue;
    if (entity >= 0 && subject_at > after) {
      uint32_t e = subject_at;
      while (e < d_.toks.size() && d_.toks[e].mention == d_.toks[subject_at].mention) ++e;
      *mention = {subject_at, e};
      return FromEntity(entity);
    }
    if (entity >= 0) break;
  }
  return {};
}

// The person a sentence is about: its first person mention outside
// quotations, within its first words, neither a possessor nor the object of
// a preposition ("Asked by Stephanopoulos, Carson said"), and not after a
// personal pronoun ("Though he did not mention Rubio, he …"). Returns
// kPronounSubject when a he/she comes first, else -1 when none; sets *at
// to the mention's first token when it finds one.
int Resolver::SubjectPerson(uint32_t sentence, uint32_t before, uint32_t* at) const {
  const Sent& s = d_.sents[sentence];
  uint32_t end = std::min(s.tok_end, before);
  for (uint32_t i = s.tok_begin; i < end && i < s.tok_begin + 14; ++i) {
    const Tok& t = d_.toks[i];
    if (d_.in_quote[i]) continue;
    if (t.mention < 0) {
      if (t.lower == "he" || t.lower == "she") return kPronounSubject;
      continue;
    }
    int m = t.mention;
    if (i > s.tok_begin && d_.toks[i - 1].mention == m) continue;
    if (d_.mentions[m].type != ner::EntityType::kPerson || d_.mention_possessive[m]) continue;
    if (i > s.tok_begin) {
      const std::string& w = d_.toks[i - 1].lower;
      if (IsPreposition(w) || w == "with" || w == "by" || w == "of" || w == "for" || w == "to")
        continue;
    }
    *at = i;
    return d_.mention_entity[m];
  }
  return -1;
}

// Gender evidence per person: "Mr."/"Mrs."/"Ms." before a mention, and
// gendered pronouns in sentences (outside quotations) that name exactly
// one person.
void Resolver::LearnGenders() {
  gender_.assign(d_.entities.size(), 0);
  std::vector<int> male(d_.entities.size(), 0), female(d_.entities.size(), 0);
  for (size_t m = 0; m < d_.mentions.size(); ++m) {
    int e = d_.mention_entity[m];
    if (e < 0 || d_.mentions[m].type != ner::EntityType::kPerson) continue;
    size_t b = d_.mentions[m].begin;
    std::string_view before = d_.text.substr(b >= 5 ? b - 5 : 0, b >= 5 ? 5 : b);
    if (before.find("Mr.") != std::string_view::npos) male[e] += 2;
    if (before.find("Mrs.") != std::string_view::npos || before.find("Ms.") != std::string_view::npos)
      female[e] += 2;
  }
  for (const Sent& s : d_.sents) {
    int person = -1;
    bool several = false;
    int he = 0, she = 0;
    for (uint32_t i = s.tok_begin; i < s.tok_end; ++i) {
      if (d_.in_quote[i]) continue;
      const Tok& t = d_.toks[i];
      int m = t.mention;
      if (m >= 0 && d_.mentions[m].type == ner::EntityType::kPerson && d_.mention_entity[m] >= 0) {
        if (person >= 0 && person != d_.mention_entity[m]) several = true;
        person = d_.mention_entity[m];
      }
      if (person < 0) continue;  // only pronouns after the name: "Trump said he …"
      if (t.lower == "he" || t.lower == "his" || t.lower == "him" || t.lower == "himself") ++he;
      if (t.lower == "she" || t.lower == "her" || t.lower == "hers" || t.lower == "herself") ++she;
    }
    if (person < 0 || several) continue;
    male[person] += he;
    female[person] += she;
  }
  // A first name that usually goes with one gender ("Hillary", "Jake")
  // counts as one piece of evidence.
  for (size_t e = 0; e < gender_.size(); ++e) {
    if (d_.entities[e].type != ner::EntityType::kPerson) continue;
    std::string_view name = d_.entities[e].canonical;
    size_t sp = name.find(' ');
    if (sp == std::string_view::npos) continue;  // a surname alone
    std::string first(name.substr(0, sp));
    for (char& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Gender g = FirstNameGender(first);
    if (g == Gender::kMale) ++male[e];
    if (g == Gender::kFemale) ++female[e];
  }
  for (size_t e = 0; e < gender_.size(); ++e) {
    if (male[e] > female[e]) gender_[e] = 1;
    if (female[e] > male[e]) gender_[e] = 2;
  }
}

ResolvedSpeaker Resolver::ResolveTitle(TokRange r) const {
  const std::string& head = d_.toks[r.second - 1].lower;
  // A person mention with the title just before it ("Prime Minister Benjamin
  // Netanyahu") or in an appositive after it ("Netanyahu, the prime
  // minister"), nearest first.
  for (int64_t i = static_cast<int64_t>(r.first) - 1; i >= 0; --i) {
    int m = d_.toks[i].mention;
    if (m < 0 || d_.mentions[m].type != ner::EntityType::kPerson) continue;
    if (i > 0 && d_.toks[i - 1].mention == m) continue;  // first token of the mention only
    uint32_t s = d_.toks[i].sentence;
    bool titled = false;
    for (int64_t k = i - 1; k >= 0 && k >= i - 5 && d_.toks[k].sentence == s; --k) {
      if (d_.toks[k].lower == head) titled = true;
      if (d_.toks[k].kind == text::TokenKind::kPunct) break;
    }
    uint32_t j = static_cast<uint32_t>(i);
    while (j < d_.toks.size() && d_.toks[j].mention == m) ++j;
    if (j < d_.toks.size() && d_.IsPunct(j, ",")) {
      for (uint32_t k = j + 1; k < d_.toks.size() && k < j + 7 && d_.toks[k].sentence == s; ++k) {
        if (d_.toks[k].lower == head) titled = true;
        if (d_.toks[k].kind == text::TokenKind::kPunct) break;
      }
    }
    if (titled) return FromEntity(d_.mention_entity[m]);
  }
  ResolvedSpeaker s;
  s.name = std::string(d_.Span(r.first, r.second));
  s.type = SpeakerType::kAnonymous;
  return s;
}

ResolvedSpeaker Resolver::Resolve(TokRange r) {
  ResolvedSpeaker s;
  if (r.first >= r.second) return s;
  // Named: the last non-possessive person mention; else an organisation or
  // place ("Israel said"); a possessor ("Netanyahu's office") is not the
  // speaker.
  int person = -1, org = -1;
  for (uint32_t i = r.first; i < r.second; ++i) {
    int m = d_.toks[i].mention;
    if (m < 0 || d_.mention_possessive[m]) continue;
    // A mention must end inside the phrase to count.
    if (d_.mentions[m].end > d_.toks[r.second - 1].end) continue;
    ner::EntityType type = d_.mentions[m].type;
    // A person speaks as the head of the phrase ("analyst Marwan Bishara")
    // or before an apposition ("Clinton, 35, …"), not as a modifier ("the
    // Biden administration").
    if (type == ner::EntityType::kPerson) {
      uint32_t j = i;
      while (j < r.second && d_.toks[j].mention == m) ++j;
      if (j == r.second || d_.IsPunct(j, ",")) person = m;
    }
    // An organisation or place speaks only as the head of the phrase ("the
    // White House said"), not as a modifier ("US officials said").
    if ((type == ner::EntityType::kOrganization || type == ner::EntityType::kLocation) &&
        d_.toks[r.second - 1].mention == m) {
      org = m;
    }
  }
  if (person >= 0) return FromEntity(d_.mention_entity[person]);
  if (org >= 0) return FromEntity(d_.mention_entity[org]);
  const Tok& first = d_.toks[r.first];
  if (r.second - r.first == 1 && (Pronoun(first.lower) == PronounKind::kSingular ||
                                  Pronoun(first.lower) == PronounKind::kPlural)) {
    return ResolvePronoun(r);
  }
  if (r.second - r.first == 1 && first.lower == "it") {
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      if (it->at < r.first && it->speaker.type == SpeakerType::kOrganization) return it->speaker;
    }
  }
  if (first.lower == "the" && r.second - r.first <= 4 && IsTitleWord(d_.toks[r.second - 1].lower) &&
      d_.toks[r.second - 1].lower != "official") {
    return ResolveTitle(r);
  }
  s.name = std::string(d_.Span(r.first, r.second));
  s.type = SpeakerType::kAnonymous;
  return s;
}

}  // namespace parallax::quotes::internal
