// Extractor: direct quotes from paired marks with their attribution
// clause before or after them, then indirect speech around cue verbs, then
// speakers resolved in reading order (so pronouns see earlier speakers).
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "direct.h"
#include "document.h"
#include "lexicon.h"
#include "model.h"
#include "parallax/quotes.h"
#include "speakers.h"

namespace parallax::quotes {

using internal::Doc;
using internal::MarkSpan;
using internal::TokRange;
using internal::Tok;
using internal::IsPreposition;
using internal::IsTimeWord;

const char* QuoteKindName(QuoteKind kind) {
  return kind == QuoteKind::kDirect ? "direct" : "indirect";
}

const char* SpeakerTypeName(SpeakerType type) {
  switch (type) {
    case SpeakerType::kPerson: return "person";
    case SpeakerType::kOrganization: return "organization";
    case SpeakerType::kAnonymous: return "anonymous";
    case SpeakerType::kUnknown: break;
  }
  return "unknown";
}

namespace {

// A quote before its speaker is resolved.
struct Raw {
  std::vector<TokRange> parts;  // content tokens, in order
  QuoteKind kind = QuoteKind::kDirect;
  int64_t cue = -1;             // cue token ("according" for "according to")
  int64_t cue_end = -1;         // after a learned cue phrase ("is expected")
  TokRange speaker{0, 0};
  bool inherit = false;         // speaker of the previous quote (continuations)
  uint32_t tail_end = 0;        // token after a trailing attribution clause
  uint32_t order = 0;           // token position that decides resolution order
};

bool IsWord(const internal::Tok& t) { return t.kind == text::TokenKind::kWord; }

int CountWords(const Doc& d, uint32_t a, uint32_t b) {
  int n = 0;
  for (uint32_t i = a; i < b; ++i) n += IsWord(d.toks[i]);
  return n;
}

bool IsCue(const Doc& d, uint32_t i, bool* participle) {
  const internal::Tok& t = d.toks[i];
  return IsWord(t) && !t.capital && t.mention < 0 && internal::IsCueVerb(t.lower, participle);
}

bool AccordingTo(const Doc& d, uint32_t i) {
  return d.toks[i].lower == "according" && i + 1 < d.toks.size() && d.toks[i + 1].lower == "to" &&
         d.toks[i + 1].sentence == d.toks[i].sentence;
}

// End of the clause that starts at `i`: the next punctuation other than a
// name dot, within the sentence.
uint32_t ClauseEnd(const Doc& d, uint32_t i) {
  uint32_t end = d.sents[d.toks[i].sentence].tok_end;
  while (i < end) {
    const internal::Tok& t = d.toks[i];
    if (t.kind == text::TokenKind::kPunct && t.lower != "-" && t.lower != "'" &&
        !(t.lower == "." && i + 1 < end && d.toks[i + 1].capital && i > 0 &&
          d.toks[i - 1].end - d.toks[i - 1].begin <= 3)) {
      break;
    }
    ++i;
  }
  return i;
}

// Cue verbs that come before their subject after a statement ("…, said
// Brad Bannon"); others after a comma close an appositive ("Erin
// Brockovich, an activist, endorsed Sanders' approach").
bool InvertsSubject(std::string_view w) {
  static const std::set<std::string_view> verbs = {
      "said", "says", "added", "adds", "wrote", "writes", "asked", "asks", "explained", "explains",
      "continued", "continues", "noted", "notes", "argued", "argues", "insisted", "insists",
      "recalled", "recalls", "replied", "replies", "responded", "warned", "warns", "told",
      "tells", "declared", "observed", "concluded", "admitted", "acknowledged", "countered",
      "conceded", "quipped", "joked", "cautioned", "predicted", "suggested", "stated", "claimed"};
  return verbs.count(w) > 0;
}

// How far above the cue detector's threshold a cue verb of the rules must
// score for its indirect speech to be kept (train: F1 62.7 -> 63.1 on
// texts 0-399 with a model trained on 400-839).
constexpr float kRuleCueMargin = 4;

class Finder {
 public:
  Finder(const Doc& d, const Options& options, const internal::Model* model)
      : d_(d), options_(options), model_(model) {
    inside_.assign(d.toks.size(), 0);
    used_.assign(d.toks.size(), 0);
  }

  std::vector<Raw> Run() {
    spans_ = internal::FindQuoteSpans(d_);
    for (const MarkSpan& s : spans_) {
      for (uint32_t i = s.open; i <= s.close; ++i) inside_[i] = 1;
    }
    std::vector<char> merged(spans_.size(), 0);
    for (size_t k = 0; k < spans_.size(); ++k) {
      if (!merged[k]) Direct(k, &merged);
    }
    if (options_.indirect) {
      for (const internal::Sent& s : d_.sents) Indirect(s);
      if (model_ != nullptr) {
        for (const internal::Sent& s : d_.sents) Learned(s);
      }
    }
    return std::move(out_);
  }

 private:
  // Speaker and cue after a closing mark: `"…," he said` / `"…," said X`.
  // Returns the token after the attribution clause, or 0 when there is none.
  uint32_t Trailer(const MarkSpan& s, Raw* r) {
    uint32_t j = s.close + 1;
    if (j >= d_.toks.size() || d_.toks[j].paragraph != d_.toks[s.close].paragraph) return 0;
    if (d_.IsPunct(j, ",")) ++j;
    if (j >= d_.toks.size() || d_.toks[j].paragraph != d_.toks[s.close].paragraph) return 0;
    // `"…." Officials said …` starts a new sentence: not this quote's trailer.
    if (d_.toks[j].sentence != d_.toks[s.close].sentence) return 0;
    if (AccordingTo(d_, j)) {
      TokRange who{j + 2, ClauseEnd(d_, j + 2)};
      if (who.second <= who.first) return 0;
      r->cue = j;
      r->speaker = who;
      used_[j] = 1;
      r->tail_end = d_.sents[d_.toks[j].sentence].tok_end;
      return who.second;
    }
    // The cue may follow an appositive: `"…," Graham, a former candidate, told CBS`.
    uint32_t end = d_.sents[d_.toks[j].sentence].tok_end;
    for (uint32_t q = j; q < end && q < j + 25; ++q) {
      const Tok& t = d_.toks[q];
      if (t.quote_mark || d_.IsPunct(q, ";") || d_.IsPunct(q, ":")) break;
      bool participle = false;
      if (!IsCue(d_, q, &participle)) continue;
      TokRange who = q == j ? internal::PhraseAfter(d_, q + 1) : internal::SubjectBefore(d_, q);
      if (q != j && who.first != j) return 0;  // something else sits between
      if (!internal::PlausibleSpeaker(d_, who)) return 0;
      r->cue = q;
      r->speaker = who;
      used_[q] = 1;
      // The rest of the attribution's sentence belongs to it too ("said
      // Senator Jeff Sessions, Republican of Alabama.").
      r->tail_end = d_.sents[d_.toks[q].sentence].tok_end;
      return std::max(ClauseEnd(d_, q + 1), who.second);
    }
    return 0;
  }

  // True when only `prev`'s own attribution and punctuation separate it
  // from token `open`, at most one paragraph break away.
  bool FollowsDirect(const Raw& prev, uint32_t open) const {
    if (prev.kind != QuoteKind::kDirect) return false;
    uint32_t from = prev.parts.back().second;
    if (from == 0 || d_.toks[open].paragraph > d_.toks[from - 1].paragraph + 1) return false;
    for (uint32_t k = from; k < open; ++k) {
      if (d_.toks[k].kind == text::TokenKind::kPunct) continue;
      if (static_cast<int64_t>(k) == prev.cue) continue;
      if (k >= prev.speaker.first && k < prev.speaker.second) continue;
      if (k < prev.tail_end) continue;  // "Trump said of waterboarding."
      return false;
    }
    return true;
  }

  // A short quote in title case is a name of a work ("The Art of the
  // Deal", "Friends"), not a statement.
  bool LooksLikeTitle(const MarkSpan& s) const {
    int words = 0, content = 0;
    bool inner_capital = false;
    for (uint32_t i = s.open + 1; i < s.close; ++i) {
      const Tok& t = d_.toks[i];
      if (!IsWord(t)) continue;
      ++words;
      if (text::IsStopWord(t.lower)) continue;
      if (!t.capital) return false;
      ++content;
      if (words > 1) inner_capital = true;
    }
    return content > 0 && words <= 6 && (words == 1 || inner_capital);
  }

  // The speaker of an earlier attribution in the cue's sentence, for a
  // participle ("Netanyahu stated, '…,' adding, '…'").
  bool EarlierInSentence(uint32_t cue, Raw* r) const {
    for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
      if (it->cue < 0 || it->cue >= cue || d_.toks[it->cue].sentence != d_.toks[cue].sentence) continue;
      r->speaker = it->speaker;
      r->inherit = it->inherit;
      return true;
    }
    return false;
  }

  // The speaker for a participle cue: an earlier attribution of the same
  // sentence, else the sentence's subject, else the previous speaker.
  void ParticipleSpeaker(uint32_t cue, Raw* r) const {
    if (EarlierInSentence(cue, r)) return;
    r->speaker = internal::SentenceSubject(d_, cue);
    if (r->speaker.first >= r->speaker.second) r->inherit = true;
  }

  // True when the quote's sentence goes on after the closing mark with more
  // of the statement ("'the operation in Rafah,' where over a million …"),
  // as opposed to ending or carrying an attribution.
  bool ContinuesAfter(const MarkSpan& s) const {
    uint32_t end = d_.sents[d_.toks[s.close].sentence].tok_end;
    uint32_t k = s.close + 1;
    while (k < end && d_.toks[k].kind == text::TokenKind::kPunct && !d_.toks[k].quote_mark) ++k;
    if (k >= end || d_.toks[k].quote_mark) return false;
    bool participle = false;
    if (IsCue(d_, k, &participle) || AccordingTo(d_, k)) return false;
    return true;
  }

  // A cue right before the opening mark (`X said: "…"`, `X said that "…"`),
  // or -1. *weak is set when a cue occurs earlier in the sentence without
  // leading into the quote (a partial quote inside indirect speech).
  int64_t CueBefore(const MarkSpan& s, bool* weak) const {
    *weak = false;
    uint32_t sb = d_.sents[d_.toks[s.open].sentence].tok_begin;
    int64_t p = static_cast<int64_t>(s.open) - 1;
    if (p < sb) return -1;
    bool lead_in = d_.IsPunct(p, ":") || d_.IsPunct(p, ",");
    if (lead_in) --p;
    if (p >= sb && d_.toks[p].lower == "that") --p;
    for (int64_t q = p; q >= sb; --q) {
      bool participle = false;
      if (inside_[q] || used_[q] || !IsCue(d_, static_cast<uint32_t>(q), &participle)) continue;
      if ((q == p || lead_in) && q > p - 12) return q;
      *weak = true;
      return -1;
    }
    return -1;
  }

  void Direct(size_t k, std::vector<char>* merged) {
    const MarkSpan& s = spans_[k];
    if (LooksLikeTitle(s)) return;
    Raw r;
    r.kind = QuoteKind::kDirect;
    r.parts.push_back({s.open, s.close + 1});
    r.order = s.open;
    bool weak = false;
    int64_t cue = CueBefore(s, &weak);
    if (cue >= 0) {
      if (ContinuesAfter(s)) return;  // partial quote: the indirect pass takes the sentence
      bool participle = false;
      IsCue(d_, static_cast<uint32_t>(cue), &participle);
      r.cue = cue;
      used_[cue] = 1;
      r.speaker = internal::SubjectBefore(d_, static_cast<uint32_t>(cue));
      if (participle || !internal::PlausibleSpeaker(d_, r.speaker)) {
        ParticipleSpeaker(static_cast<uint32_t>(cue), &r);
      }
      out_.push_back(std::move(r));
      return;
    }
    if (weak) return;
    uint32_t after = s.closed ? Trailer(s, &r) : 0;
    if (after != 0) {
      // Split quote: `"…," he said, "…"`.
      if (after + 1 < d_.toks.size() && d_.IsPunct(after, ",") && k + 1 < spans_.size() &&
          spans_[k + 1].open == after + 1) {
        r.parts.push_back({spans_[k + 1].open, spans_[k + 1].close + 1});
        (*merged)[k + 1] = 1;
      }
      out_.push_back(std::move(r));
      return;
    }
    uint32_t sb = d_.sents[d_.toks[s.open].sentence].tok_begin;
    int words = CountWords(d_, s.open, s.close + 1);
    if (static_cast<int64_t>(s.open) - 1 < sb) {
      // A quote that opens a sentence which goes on after it ("'Boots on
      // the ground' would be appropriate, Carson said") is part of that
      // sentence's statement, not a statement of its own.
      if (ContinuesAfter(s)) return;
      // Standalone right after a quote and its attribution: more of the same
      // statement (`"…," Barkley said. "…"`), one quote in several parts.
      if (!out_.empty() && FollowsDirect(out_.back(), s.open)) {
        out_.back().parts.push_back({s.open, s.close + 1});
        return;
      }
      // Otherwise it continues the previous speaker when close by.
      if (!out_.empty()) {
        uint32_t prev = out_.back().parts.back().second - 1;
        if (d_.toks[s.open].paragraph <= d_.toks[prev].paragraph + 2) {
          r.inherit = true;
          out_.push_back(std::move(r));
          return;
        }
      }
      if (words >= options_.min_unattributed_words) out_.push_back(std::move(r));
      return;
    }
    // Embedded quote without a cue: a scare quote or a quoted title, kept
    // only when long enough to be a statement.
    if (words >= 12 && !out_.empty()) {
      r.inherit = true;
      out_.push_back(std::move(r));
    }
  }

  // Skips what follows a cue before its content: a listener ("told
  // reporters"), adverbials ("on Monday", "in a statement"), ":" and ",".
  uint32_t ContentStart(uint32_t cue, uint32_t end) {
    uint32_t i = cue + 1;
    auto that_within = [&](uint32_t from) -> int64_t {
      for (uint32_t k = from; k < end && k < from + 15; ++k) {
        if (d_.toks[k].kind == text::TokenKind::kPunct && !d_.IsPunct(k, ".") &&
            !d_.IsPunct(k, ",")) {
          return -1;
        }
        if (d_.toks[k].lower == "that") return k;
      }
      return -1;
    };
    if (i < end && internal::TakesListener(d_.toks[cue].lower)) {
      if (int64_t t = that_within(i); t >= 0) return static_cast<uint32_t>(t);
      while (i < end && IsWord(d_.toks[i]) &&
             (d_.toks[i].capital || d_.toks[i].mention >= 0 ||
              internal::IsDeterminer(d_.toks[i].lower) || d_.toks[i].lower == "reporters" ||
              d_.toks[i].lower == "journalists" || internal::IsSourceNoun(d_.toks[i].lower) ||
              internal::Pronoun(d_.toks[i].lower) != internal::PronounKind::kNone ||
              d_.toks[i].lower == "him" || d_.toks[i].lower == "them" || d_.toks[i].lower == "us")) {
        ++i;
      }
    }
    for (int guard = 0; guard < 4 && i < end; ++guard) {
      if (d_.IsPunct(i, ":") || d_.IsPunct(i, ",")) {
        ++i;
        continue;
      }
      if (!IsWord(d_.toks[i]) || !internal::IsPreposition(d_.toks[i].lower)) break;
      if (int64_t t = that_within(i); t >= 0) return static_cast<uint32_t>(t);
      uint32_t c = ClauseEnd(d_, i);
      if (c < end && c < i + 9 && d_.IsPunct(c, ",")) {
        i = c + 1;
        continue;
      }
      break;
    }
    return i;
  }

  // An -ing word that opens a participle clause after a comma ("…, calling
  // them boring"), not a preposition-like one ("including", "according").
  static bool Participle(std::string_view w) {
    return w.size() > 5 && w.substr(w.size() - 3) == "ing" && w != "including" && w != "according" &&
           w != "regarding" && w != "concerning" && w != "during" && w != "following" && w != "nothing" &&
           w != "everything" && w != "something" && w != "anything";
  }

  // Content end for forward content: the sentence end, or a comma that
  // opens a postposed attribution (", according to X", ", officials said").
  uint32_t ContentEnd(uint32_t from, uint32_t end) {
    for (uint32_t i = from; i + 1 < end; ++i) {
      // "…,” adding that …": a participle right after a quotation that ends
      // on a comma.
      if (d_.toks[i].quote_mark && i > from + 1 && d_.IsPunct(i - 1, ",") && !inside_[i + 1] &&
          Participle(d_.toks[i + 1].lower)) {
        return i + 1;
      }
      if (inside_[i]) continue;
      // The next clause is another statement: "; …", " — a modest boost",
      // ", but he said …", ", while …".
      if (d_.IsPunct(i, ";") || d_.IsPunct(i, "\xE2\x80\x94") || d_.IsPunct(i, "\xE2\x80\x93") ||
          d_.IsPunct(i, "--")) {
        if (i > from) return i;
      }
      if (d_.IsPunct(i, ",") && i + 1 < end && i > from) {
        const std::string& next = d_.toks[i + 1].lower;
        if (Participle(next)) return i;
        if (next == "while" || next == "although" || next == "though" ||
            next == "whereas" || next == "before" || next == "when" || next == "along" || next == "after") {
          return i;
        }
      }
      // "… next week, and other GOP leaders said …": a coordinated clause with
      // its own cue is another attribution.
      if ((d_.toks[i].lower == "and" || d_.toks[i].lower == "but") && i > from + 2) {
        for (uint32_t q = i + 1; q < end && q < i + 9; ++q) {
          if (d_.toks[q].kind == text::TokenKind::kPunct) break;
          bool participle = false;
          if (IsCue(d_, q, &participle) && !participle) return d_.IsPunct(i - 1, ",") ? i - 1 : i;
        }
      }
      if (!d_.IsPunct(i, ",") || inside_[i]) continue;
      if (AccordingTo(d_, i + 1)) return i;
      uint32_t c = ClauseEnd(d_, i + 1);
      for (uint32_t q = i + 1; q < c && q < i + 7; ++q) {
        bool participle = false;
        if (IsCue(d_, q, &participle) && !participle && (c == end || c + 1 == end)) return i;
      }
    }
    while (end > from && d_.toks[end - 1].kind == text::TokenKind::kPunct &&
           d_.toks[end - 1].quote_mark == 0) {
      --end;
    }
    return end;
  }

  // True when nothing but adverbials, a listener or time words follow the
  // cue up to the sentence end or a comma: the cue closes its clause
  // ("…, the official said on Monday.").
  bool EndsClause(uint32_t cue, uint32_t end) {
    uint32_t c = ClauseEnd(d_, cue + 1);
    if (c < end && !d_.IsPunct(c, ",") && !d_.IsPunct(c, ".") && !d_.IsPunct(c, ";") &&
        d_.toks[c].quote_mark == 0) {
      return false;
    }
    if (c - cue - 1 > 8) return false;
    for (uint32_t k = cue + 1; k < c; ++k) {
      if (d_.toks[k].lower == "that") return false;
    }
    if (c == cue + 1) return true;
    const Tok& next = d_.toks[cue + 1];
    return IsPreposition(next.lower) || IsTimeWord(next.lower) ||
           internal::TakesListener(d_.toks[cue].lower) || next.lower == "of";
  }

  uint32_t SentenceEndTrimmed(uint32_t from, uint32_t end) {
    while (end > from && d_.toks[end - 1].kind == text::TokenKind::kPunct &&
           d_.toks[end - 1].quote_mark == 0) {
      --end;
    }
    return end;
  }

  // A headline "Trump: Cruz Has 'To Come a Long Way'": a short speaker,
  // a colon, a statement; only in a paragraph of one sentence that does not
  // end with a full stop (a headline or a subhead) or is the article's first.
  void Headline(const internal::Sent& s) {
    bool whole_paragraph = (s.tok_begin == 0 || d_.toks[s.tok_begin - 1].paragraph != s.paragraph) &&
                           (s.tok_end == d_.toks.size() || d_.toks[s.tok_end].paragraph != s.paragraph);
    // The article's first paragraph is its headline even when it ends with
    // a full stop (as Breitbart's do).
    if (!whole_paragraph || (s.tok_begin != 0 && d_.IsPunct(s.tok_end - 1, "."))) return;
    for (uint32_t c = s.tok_begin + 1; c < s.tok_end && c <= s.tok_begin + 6; ++c) {
      if (!d_.IsPunct(c, ":")) continue;
      TokRange who{s.tok_begin, c};
      if (!d_.toks[s.tok_begin].capital || !internal::PlausibleSpeaker(d_, who)) return;
      uint32_t a = c + 1;
      uint32_t b = SentenceEndTrimmed(a, s.tok_end);
      if (CountWords(d_, a, b) < 3 || Covered(a, b)) return;
      Raw r;
      r.kind = QuoteKind::kIndirect;
      r.cue = c;
      r.order = c;
      r.speaker = who;
      r.parts.push_back({a, b});
      out_.push_back(std::move(r));
      return;
    }
  }

  void Indirect(const internal::Sent& s) {
    Headline(s);
    for (uint32_t i = s.tok_begin; i < s.tok_end; ++i) {
      if (inside_[i] || used_[i]) continue;
      if (AccordingTo(d_, i)) {
        According(s, i);
        continue;
      }
      bool participle = false;
      if (!IsCue(d_, i, &participle)) continue;
      Raw r;
      r.kind = QuoteKind::kIndirect;
      r.cue = i;
      r.order = i;
      if (!participle && i > s.tok_begin + 2 && d_.IsPunct(i - 1, ",") &&
          InvertsSubject(d_.toks[i].lower)) {
        // Inverted: "CONTENT, said Brad Bannon, a Democratic pollster."
        TokRange after = internal::PhraseAfter(d_, i + 1);
        uint32_t c = after.second;
        if (internal::PlausibleSpeaker(d_, after) &&
            (c >= s.tok_end || d_.toks[c].kind == text::TokenKind::kPunct)) {
          r.speaker = after;
          r.parts.push_back({s.tok_begin, i - 1});
          if (CountWords(d_, s.tok_begin, i - 1) >= 2) {
            used_[i] = 1;
            out_.push_back(std::move(r));
          }
          continue;
        }
      }
      TokRange who = internal::SubjectBefore(d_, i);
      bool have_subject = internal::PlausibleSpeaker(d_, who);
      if (participle) {
        // "Besides emphasizing …," "After saying …": an adverbial, not speech.
        const std::string& prev = d_.toks[i - (i > s.tok_begin ? 1 : 0)].lower;
        if (i == s.tok_begin || prev == "besides" || prev == "despite") {
          continue;
        }
        if (!have_subject || d_.IsPunct(i - 1, ",") || d_.toks[who.second - 1].mention < 0) {
          ParticipleSpeaker(i, &r);
          who = r.speaker;
          have_subject = who.first < who.second;
        }
      }
      if (have_subject && who.first > s.tok_begin &&
          (d_.IsPunct(who.first - 1, ",") || d_.toks[who.first - 1].quote_mark) && !participle &&
          EndsClause(i, s.tok_end)) {
        // Postposed: "CONTENT, the official said." or mid-sentence
        // "The move, he said, was a mistake."
        uint32_t c = ClauseEnd(d_, i + 1);
        uint32_t tail_end = SentenceEndTrimmed(i, s.tok_end);
        bool participle_next = false;
        bool attribution_next = c + 1 < tail_end && (IsCue(d_, c + 1, &participle_next) ||
                                                     AccordingTo(d_, c + 1) ||
                                                     d_.toks[c + 1].quote_mark);
        if (c < tail_end && d_.IsPunct(c, ",") && !attribution_next &&
            CountWords(d_, c + 1, tail_end) >= 3) {
          r.parts.push_back({s.tok_begin, tail_end});
        } else {
          r.parts.push_back({s.tok_begin, who.first - 1});
        }
      } else if (!have_subject && !r.inherit && i > s.tok_begin && d_.IsPunct(i - 1, ",") &&
                 InvertsSubject(d_.toks[i].lower)) {
        // Inverted: "CONTENT, said the official."
        who = internal::PhraseAfter(d_, i + 1);
        if (!internal::PlausibleSpeaker(d_, who)) continue;
        r.parts.push_back({s.tok_begin, i - 1});
      } else if (have_subject || r.inherit) {
        uint32_t a = ContentStart(i, s.tok_end);
        uint32_t b = ContentEnd(a, s.tok_end);
        r.parts.push_back({a, b});
      } else {
        continue;
      }
      const TokRange& part = r.parts.front();
      if (part.second <= part.first || CountWords(d_, part.first, part.second) < 2) continue;
      if (model_ != nullptr) {
        // The cue detector vetoes cue verbs used otherwise ("the polls
        // show little", "they call it"): a rule's cue must score this much
        // above the detector's own threshold (tuned on train).
        internal::Features f;
        internal::CueFeatures(d_, i, &f);
        if (model_->cue.Score(f) < model_->cue_threshold + options_.cue_threshold_delta + kRuleCueMargin) {
          continue;
        }
      }
      r.speaker = who;
      used_[i] = 1;
      out_.push_back(std::move(r));
    }
  }

  void According(const internal::Sent& s, uint32_t i) {
    Raw r;
    r.kind = QuoteKind::kIndirect;
    r.cue = i;
    r.order = i;
    uint32_t src_begin = i + 2;
    uint32_t src_end = ClauseEnd(d_, src_begin);
    if (src_end <= src_begin) return;
    r.speaker = {src_begin, src_end};
    uint32_t lead = s.tok_begin;
    while (lead < i && IsWord(d_.toks[lead]) && internal::IsClauseBoundary(d_.toks[lead].lower)) ++lead;
    if (lead == i) {
      // "According to X, CONTENT."
      if (src_end >= s.tok_end || !d_.IsPunct(src_end, ",")) return;
      uint32_t a = src_end + 1;
      r.parts.push_back({a, ContentEnd(a, s.tok_end)});
    } else {
      // "CONTENT, according to X." or, with content on both sides, "At the
      // heart of the trouble, according to X, was …" (the source is the gap).
      uint32_t b = i;
      if (d_.IsPunct(b - 1, ",")) --b;
      uint32_t tail = SentenceEndTrimmed(src_end, s.tok_end);
      bool around = src_end < tail && d_.IsPunct(src_end, ",") && d_.IsPunct(i - 1, ",") &&
                    CountWords(d_, src_end + 1, tail) >= 3;
      r.parts.push_back({s.tok_begin, around ? tail : b});
    }
    const TokRange& part = r.parts.front();
    if (part.second <= part.first || CountWords(d_, part.first, part.second) < 2) return;
    used_[i] = 1;
    out_.push_back(std::move(r));
  }

  // True when [a, b) overlaps an earlier quote's content by half of the
  // shorter of the two.
  bool Covered(uint32_t a, uint32_t b) const {
    for (const Raw& r : out_) {
      for (const TokRange& p : r.parts) {
        uint32_t lo = std::max(a, p.first), hi = std::min(b, p.second);
        if (hi > lo && 2 * (hi - lo) >= std::min(b - a, p.second - p.first)) return true;
      }
    }
    return false;
  }

  // A short lowercase plural noun phrase at the start of the sentence, e.g.
  // "Abortion opponents", "Supporters of abortion rights".
  bool GroupSubject(TokRange r, const internal::Sent& s) const {
    if (r.first >= r.second || r.first != s.tok_begin || r.second - r.first > 6) return false;
    const internal::Tok& last = d_.toks[r.second - 1];
    if (last.kind != text::TokenKind::kWord || last.capital || last.mention >= 0) return false;
    const std::string& w = last.lower;
    return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != '\'';
  }

  // Attributions the cue-verb rules missed: runs of tokens the trained cue
  // detector marks, with the content the span model picks among candidate
  // clause boundaries (model.h).
  void Learned(const internal::Sent& s) {
    float threshold = model_->cue_threshold + options_.cue_threshold_delta;
    std::vector<char> cue(s.tok_end - s.tok_begin, 0);
    internal::Features f;
    for (uint32_t i = s.tok_begin; i < s.tok_end; ++i) {
      if (inside_[i] || used_[i] || !internal::CueCandidate(d_, i)) continue;
      f.Clear();
      internal::CueFeatures(d_, i, &f);
      cue[i - s.tok_begin] = model_->cue.Score(f) > threshold;
    }
    for (uint32_t i = s.tok_begin; i < s.tok_end;) {
      if (!cue[i - s.tok_begin]) {
        ++i;
        continue;
      }
      uint32_t j = i + 1;
      while (j < s.tok_end && cue[j - s.tok_begin]) ++j;
      TokRange phrase{i, j};
      i = j;
      if (!internal::CuePhrase(d_, phrase)) continue;
      TokRange subject = internal::SubjectBefore(d_, phrase.first);
      const TokRange raw_subject = subject;
      if (subject.first >= subject.second || !internal::PlausibleSpeaker(d_, subject)) subject = {0, 0};
      std::vector<internal::SpanCandidate> cands = internal::SpanCandidates(d_, phrase, subject);
      size_t best = 0;
      float best_score = 0;
      for (size_t c = 0; c < cands.size(); ++c) {
        f.Clear();
        internal::SpanFeatures(d_, phrase, subject, cands[c], &f);
        float score = model_->span.Score(f);
        if (c == 0 || score > best_score) {
          best = c;
          best_score = score;
        }
      }
      if (cands[best].kind == internal::SpanKind::kNone) continue;
      TokRange content = cands[best].content;
      if (CountWords(d_, content.first, content.second) < 2 || Covered(content.first, content.second)) {
        continue;
      }
      Raw r;
      r.kind = QuoteKind::kIndirect;
      r.cue = phrase.first;
      r.cue_end = phrase.second;
      r.order = phrase.first;
      r.speaker = subject;
      // A participle after a comma ("…, urging voters to …") has the main
      // clause's subject, found below, not the phrase before its comma.
      if (phrase.first > s.tok_begin && d_.IsPunct(phrase.first - 1, ",") &&
          Participle(d_.toks[phrase.first].lower)) {
        r.speaker = {0, 0};
      }
      // Passive: "The proposal was criticized by fellow Republicans".
      uint32_t by = d_.toks[phrase.second - 1].lower == "by" ? phrase.second - 1 : phrase.second;
      if (by < s.tok_end && d_.toks[by].lower == "by" &&
          cands[best].kind != internal::SpanKind::kToEnd &&
          cands[best].kind != internal::SpanKind::kToClause &&
          cands[best].kind != internal::SpanKind::kToNextSent && cands[best].kind != internal::SpanKind::kObject) {
        TokRange agent = internal::PhraseAfter(d_, by + 1);
        if (internal::PlausibleSpeaker(d_, agent)) r.speaker = agent;
      }
      if (r.speaker.first >= r.speaker.second) {
        TokRange after = internal::PhraseAfter(d_, phrase.second);
        bool before = cands[best].kind == internal::SpanKind::kBefore ||
                      cands[best].kind == internal::SpanKind::kBeforeCue;
        if (before && internal::PlausibleSpeaker(d_, after)) {
          r.speaker = after;
        } else {
          ParticipleSpeaker(phrase.first, &r);
        }
      }
      // A speaker inside its own content ("Inside the White House, the move
      // was viewed") or no plausible speaker phrase: not an attribution.
      if (r.speaker.first < r.speaker.second &&
          (!internal::PlausibleSpeaker(d_, r.speaker) ||
           (r.speaker.first < content.second && content.first < r.speaker.second))) {
        continue;
      }
      // A group named by a plural noun opening the sentence ("Abortion
      // opponents hailed …", "Big investors expect …") speaks for itself
      // rather than whoever spoke last.
      if (r.inherit && GroupSubject(raw_subject, s) &&
          !(raw_subject.first < content.second && content.first < raw_subject.second)) {
        r.speaker = raw_subject;
        r.inherit = false;
      }
      r.parts.push_back(content);
      for (uint32_t k = phrase.first; k < phrase.second; ++k) used_[k] = 1;
      out_.push_back(std::move(r));
    }
  }

  const Doc& d_;
  const Options& options_;
  const internal::Model* model_;
  std::vector<MarkSpan> spans_;
  std::vector<char> inside_;
  std::vector<char> used_;
  std::vector<Raw> out_;
};

size_t CharOffset(std::string_view text, size_t byte, size_t* cache_byte, size_t* cache_char) {
  size_t b = *cache_byte, c = *cache_char;
  if (byte < b) b = c = 0;
  for (; b < byte && b < text.size(); ++b) {
    if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) ++c;
  }
  *cache_byte = b;
  *cache_char = c;
  return c;
}

// Quote text without its enclosing marks and the comma a quote ends on.
std::string PartText(const Doc& d, TokRange r) {
  uint32_t a = r.first, b = r.second;
  if (b > a && d.toks[a].quote_mark) ++a;
  if (b > a && d.toks[b - 1].quote_mark) --b;
  while (b > a && (d.IsPunct(b - 1, ",") || d.IsPunct(b - 1, ":"))) --b;
  if (b <= a) return "";
  std::string out;
  // Drop the opening marks that continue the quote in later paragraphs.
  size_t from = d.toks[a].begin;
  for (uint32_t i = a + 1; i < b; ++i) {
    if (d.toks[i].quote_mark && d.toks[i].paragraph != d.toks[i - 1].paragraph) {
      out.append(d.text.substr(from, d.toks[i].begin - from));
      from = d.toks[i].end;
    }
  }
  out.append(d.text.substr(from, d.toks[b - 1].end - from));
  return out;
}

}  // namespace

namespace {

// Models loaded once per path and process (extractors share them).
std::shared_ptr<const internal::Model> SharedModel(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const internal::Model>> loaded;
  std::lock_guard<std::mutex> lock(mu);
  auto it = loaded.find(path);
  if (it != loaded.end()) return it->second;
  Result<internal::Model> m = internal::LoadModel(path);
  std::shared_ptr<const internal::Model> out;
  if (m.ok()) out = std::make_shared<const internal::Model>(std::move(m).value());
  loaded[path] = out;
  return out;
}

}  // namespace

Extractor::Extractor(ner::Tagger tagger, Options options)
    : tagger_(std::move(tagger)), options_(std::move(options)) {
  if (options_.learned) {
    model_ = SharedModel(options_.model_path.empty() ? internal::DefaultModelPath() : options_.model_path);
  }
}

std::vector<Quote> Extractor::Extract(std::string_view text) const {
  std::vector<ner::Mention> mentions =
      tagger_ ? tagger_->TagText(text) : internal::GuessMentions(text);
  return Extract(text, mentions);
}

std::vector<Quote> Extractor::Extract(std::string_view text,
                                      const std::vector<ner::Mention>& mentions) const {
  Doc d = internal::BuildDoc(text, mentions);
  Finder finder(d, options_, model_.get());
  std::vector<Raw> raws = finder.Run();
  std::stable_sort(raws.begin(), raws.end(), [](const Raw& x, const Raw& y) {
    return std::min<int64_t>(x.order, x.cue < 0 ? x.order : x.cue) <
           std::min<int64_t>(y.order, y.cue < 0 ? y.order : y.cue);
  });
  internal::Resolver resolver(d);
  internal::ResolvedSpeaker previous;
  TokRange previous_mention{0, 0};
  std::vector<Quote> out;
  size_t cache_byte = 0, cache_char = 0;
  for (const Raw& r : raws) {
    Quote q;
    q.kind = r.kind;
    internal::ResolvedSpeaker who;
    TokRange mention = r.speaker;
    // A quote standing alone (no cue, no speaker of its own) after another
    // speaker's: a person who became a sentence's subject since that
    // speaker was named speaks it ("Walz sees it otherwise. “…”"). (The same
    // for indirect speech that inherits its speaker: −11 speakers on the
    // train folds.)
    TokRange since_mention{0, 0};
    internal::ResolvedSpeaker since;
    if ((r.inherit || r.speaker.first >= r.speaker.second) && r.kind == QuoteKind::kDirect && r.cue < 0 &&
        previous.type != SpeakerType::kUnknown) {
      since = resolver.SubjectBetween(previous_mention.first, r.parts.front().first, &since_mention);
    }
    if (since.type != SpeakerType::kUnknown) {
      who = since;
      mention = since_mention;
    } else if (r.inherit || mention.first >= mention.second) {
      who = previous;
      mention = previous_mention;
    } else {
      who = resolver.Resolve(mention);
      resolver.Note(who, mention.first);
    }
    q.speaker = who.name;
    q.speaker_type = who.type;
    if (mention.first < mention.second) {
      q.speaker_begin = d.toks[mention.first].begin;
      q.speaker_end = d.toks[mention.second - 1].end;
      q.speaker_mention = std::string(d.Span(mention.first, mention.second));
    }
    if (r.cue >= 0) {
      uint32_t c = static_cast<uint32_t>(r.cue);
      uint32_t ce = r.cue_end > r.cue ? static_cast<uint32_t>(r.cue_end) : c + 1;
      q.cue = r.kind == QuoteKind::kIndirect && AccordingTo(d, c) ? "according to"
                                                                   : std::string(d.Span(c, ce));
    }
    q.begin = d.toks[r.parts.front().first].begin;
    q.end = d.toks[r.parts.back().second - 1].end;
    for (const TokRange& p : r.parts) {
      std::string t = r.kind == QuoteKind::kDirect ? PartText(d, p) : std::string(d.Span(p.first, p.second));
      if (t.empty()) continue;
      if (!q.text.empty()) {
        // A part that starts a new sentence follows a finished one: "…
        // works. And that strategy …"; a split sentence just continues.
        char last = q.text.back();
        bool capital = t[0] >= 'A' && t[0] <= 'Z';
        if (capital && last != '.' && last != '?' && last != '!' && last != ':') q.text += '.';
        q.text += ' ';
      }
      q.text += t;
    }
    if (q.text.empty()) continue;
    out.push_back(std::move(q));
    if (who.type != SpeakerType::kUnknown) {
      previous = who;
      previous_mention = mention;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Quote& x, const Quote& y) { return x.begin < y.begin; });
  for (Quote& q : out) {
    q.char_begin = CharOffset(text, q.begin, &cache_byte, &cache_char);
    q.char_end = CharOffset(text, q.end, &cache_byte, &cache_char);
  }
  return out;
}

}  // namespace parallax::quotes
