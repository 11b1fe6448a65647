#include "model.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "lexicon.h"
#include "speakers.h"

namespace parallax::quotes::internal {
namespace {

constexpr std::string_view kMagic = "parallax-quotes-model 1";

bool IsWordTok(const Tok& t) { return t.kind == text::TokenKind::kWord; }

const char* MentionTag(const Doc& d, uint32_t i) {
  int m = d.toks[i].mention;
  if (m < 0) return nullptr;
  return ner::EntityTypeName(d.mentions[m].type);
}

std::string_view WordAt(const Doc& d, int64_t i, uint32_t s) {
  const Sent& sent = d.sents[s];
  if (i < static_cast<int64_t>(sent.tok_begin)) return "<s>";
  if (i >= static_cast<int64_t>(sent.tok_end)) return "</s>";
  const Tok& t = d.toks[static_cast<size_t>(i)];
  if (t.quote_mark) return "\"";
  if (t.mention >= 0 && t.capital) return ner::EntityTypeName(d.mentions[t.mention].type);
  if (t.kind == text::TokenKind::kNumber) return "<num>";
  return t.lower;
}

const char* Bucket(int n) {
  if (n <= 0) return "0";
  if (n == 1) return "1";
  if (n == 2) return "2";
  if (n <= 4) return "3-4";
  if (n <= 8) return "5-8";
  if (n <= 16) return "9-16";
  if (n <= 32) return "17-32";
  return "33+";
}

int Words(const Doc& d, uint32_t a, uint32_t b) {
  int n = 0;
  for (uint32_t i = a; i < b; ++i) n += IsWordTok(d.toks[i]);
  return n;
}

bool IsHeadline(const Doc& d, const Sent& s) {
  bool whole = (s.tok_begin == 0 || d.toks[s.tok_begin - 1].paragraph != s.paragraph) &&
               (s.tok_end == d.toks.size() || d.toks[s.tok_end].paragraph != s.paragraph);
  return whole && s.tok_end > s.tok_begin && !d.IsPunct(s.tok_end - 1, ".");
}

// Next punctuation (not a hyphen, apostrophe or quote mark) from `i`
// within the sentence.
uint32_t NextClausePunct(const Doc& d, uint32_t i, uint32_t end) {
  while (i < end) {
    const Tok& t = d.toks[i];
    if (t.kind == text::TokenKind::kPunct && !t.quote_mark && t.lower != "-" && t.lower != "'") break;
    ++i;
  }
  return i;
}

uint32_t TrimEnd(const Doc& d, uint32_t from, uint32_t end) {
  while (end > from && d.toks[end - 1].kind == text::TokenKind::kPunct &&
         d.toks[end - 1].quote_mark == 0) {
    --end;
  }
  return end;
}

uint32_t SkipLead(const Doc& d, uint32_t a, uint32_t end) {
  while (a < end && (d.IsPunct(a, ",") || d.IsPunct(a, ":"))) ++a;
  return a;
}

}  // namespace

uint64_t FeatureId(std::string_view name) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : name) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

void Features::Add(std::string_view name, std::string_view value) {
  // FeatureId of `name=value` (or `name`), without building the string.
  uint64_t h = 1469598103934665603ull;
  auto mix = [&h](std::string_view part) {
    for (unsigned char c : part) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  mix(name);
  if (!value.empty()) {
    mix("=");
    mix(value);
  }
  ids_.push_back(h);
}

float Weights::Score(const Features& f) const {
  // An absent id adds +0.0f, which leaves the sum unchanged (the sum is
  // never -0.0f: it starts at +0.0f and an exact cancellation rounds to
  // +0.0f), so the result equals skipping it as the old map lookup did.
  float s = 0;
  for (uint64_t id : f.ids()) s += Get(id);
  return s;
}

void Weights::Set(uint64_t id, float weight) {
  if (id == 0) {
    has_zero_ = true;
    zero_weight_ = weight;
    return;
  }
  if (4 * (count_ + 1) > 3 * slots_.size()) Grow();
  for (size_t i = Home(id);; i = (i + 1) & mask_) {
    Slot& sl = slots_[i];
    if (sl.id == id) {
      sl.weight = weight;
      return;
    }
    if (sl.id == 0) {
      sl = {id, weight};
      ++count_;
      return;
    }
  }
}

void Weights::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& sl : old) {
    if (sl.id == 0) continue;
    size_t i = Home(sl.id);
    while (slots_[i].id != 0) i = (i + 1) & mask_;
    slots_[i] = sl;
  }
}

std::string DefaultModelPath() {
  const char* env = std::getenv("PARALLAX_MODELS");
  std::string dir = (env != nullptr && *env != '\0') ? env : PARALLAX_MODELS_DIR;
  return dir + "/quotes/quotes.model";
}

Result<Model> LoadModel(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound("no quotes model at " + path);
  std::string line;
  if (!std::getline(in, line) || line != kMagic) {
    return InvalidInput("not a quotes model: " + path);
  }
  Model m;
  Weights* into = nullptr;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line.rfind("threshold\t", 0) == 0) {
      m.cue_threshold = std::strtof(line.c_str() + 10, nullptr);
      continue;
    }
    if (line == "[cue]") {
      into = &m.cue;
      continue;
    }
    if (line == "[span]") {
      into = &m.span;
      continue;
    }
    size_t tab = line.rfind('\t');
    if (into == nullptr || tab == std::string::npos) {
      return InvalidInput("malformed quotes model line in " + path);
    }
    into->Set(std::strtoull(line.c_str(), nullptr, 16), std::strtof(line.c_str() + tab + 1, nullptr));
  }
  return m;
}

bool CueCandidate(const Doc& d, uint32_t i) {
  const Tok& t = d.toks[i];
  if (d.in_quote[i]) return false;
  if (IsWordTok(t)) return true;
  return d.IsPunct(i, ":") && IsHeadline(d, d.sents[t.sentence]);
}

void CueFeatures(const Doc& d, uint32_t i, Features* f) {
  const Tok& t = d.toks[i];
  uint32_t s = t.sentence;
  const Sent& sent = d.sents[s];
  int64_t k = i;
  std::string_view w = WordAt(d, k, s);
  f->Add("b");
  f->Add("w", w);
  f->Add("l", t.lower);
  if (t.lower.size() > 4) {
    f->Add("s3", std::string_view(t.lower).substr(t.lower.size() - 3));
    f->Add("s2", std::string_view(t.lower).substr(t.lower.size() - 2));
  }
  std::string_view p1 = WordAt(d, k - 1, s), p2 = WordAt(d, k - 2, s);
  std::string_view n1 = WordAt(d, k + 1, s), n2 = WordAt(d, k + 2, s);
  f->Add("p1", p1);
  f->Add("p2", p2);
  f->Add("n1", n1);
  f->Add("n2", n2);
  std::string pair;
  pair.append(p1).append("|").append(w);
  f->Add("p1w", pair);
  pair.clear();
  pair.append(w).append("|").append(n1);
  f->Add("wn1", pair);
  pair.clear();
  pair.append(p2).append("|").append(p1).append("|").append(w);
  f->Add("p2p1w", pair);
  if (const char* m = MentionTag(d, i)) f->Add("m", m);
  if (t.capital && i != sent.tok_begin) f->Add("cap");
  bool participle = false;
  if (IsCueVerb(t.lower, &participle)) f->Add(participle ? "rule-ing" : "rule");
  if (i > sent.tok_begin && IsCueVerb(d.toks[i - 1].lower)) f->Add("p1rule");
  if (i + 1 < sent.tok_end && IsCueVerb(d.toks[i + 1].lower)) f->Add("n1rule");
  TokRange subj = SubjectBefore(d, i);
  bool has_subject = subj.first < subj.second && PlausibleSpeaker(d, subj);
  if (has_subject) {
    f->Add("subj");
    f->Add("subj-w", w);
    const Tok& head = d.toks[subj.second - 1];
    if (head.mention >= 0) f->Add("subj-m", ner::EntityTypeName(d.mentions[head.mention].type));
    if (Pronoun(head.lower) != PronounKind::kNone) f->Add("subj-pron");
    if (IsSourceNoun(head.lower)) f->Add("subj-src");
  }
  f->Add("pos", Bucket(static_cast<int>(i - sent.tok_begin)));
  f->Add("rest", Bucket(static_cast<int>(sent.tok_end - i - 1)));
  bool quote_in_sentence = false;
  for (uint32_t q = sent.tok_begin; q < sent.tok_end; ++q) {
    if (d.toks[q].quote_mark) {
      quote_in_sentence = true;
      f->Add(q < i ? "q-before" : "q-after");
    }
  }
  if (quote_in_sentence) f->Add("q-sent");
  if (IsHeadline(d, sent)) f->Add("headline", w == ":" ? ":" : "w");
  if (i > sent.tok_begin && d.IsPunct(i - 1, ",")) f->Add("comma-before");
  for (uint32_t q = i + 1; q < sent.tok_end && q <= i + 4; ++q) {
    if (d.toks[q].kind == text::TokenKind::kPunct) break;
    if (d.toks[q].lower == "that") f->Add("that-near");
  }
  if (has_subject) {
    pair.clear();
    pair.append(w).append("|").append(n1);
    f->Add("subj-wn1", pair);
  }
  if (i + 1 < sent.tok_end && d.IsPunct(i + 1, ",")) f->Add("comma-after");
}

bool CuePhrase(const Doc& d, TokRange cue) {
  for (uint32_t i = cue.first; i < cue.second; ++i) {
    if (d.IsPunct(i, ":") || (IsWordTok(d.toks[i]) && !text::IsStopWord(d.toks[i].lower))) return true;
  }
  return false;
}

const char* SpanKindName(SpanKind k) {
  switch (k) {
    case SpanKind::kNone: return "none";
    case SpanKind::kToEnd: return "end";
    case SpanKind::kToClause: return "clause";
    case SpanKind::kToNextSent: return "next";
    case SpanKind::kBefore: return "before";
    case SpanKind::kBeforeCue: return "beforecue";
    case SpanKind::kObject: return "object";
    case SpanKind::kCount: break;
  }
  return "none";
}

std::vector<SpanCandidate> SpanCandidates(const Doc& d, TokRange cue, TokRange subject) {
  std::vector<SpanCandidate> out;
  out.push_back({SpanKind::kNone, {0, 0}});
  const Sent& s = d.sents[d.toks[cue.first].sentence];
  auto add = [&](SpanKind k, uint32_t a, uint32_t b) {
    if (b <= a || Words(d, a, b) < 1) return;
    for (const SpanCandidate& c : out) {
      if (c.content.first == a && c.content.second == b) return;
    }
    out.push_back({k, {a, b}});
  };
  uint32_t a = SkipLead(d, cue.second, s.tok_end);
  uint32_t end = TrimEnd(d, a, s.tok_end);
  add(SpanKind::kToEnd, a, end);
  add(SpanKind::kToClause, a, NextClausePunct(d, a, end));
  uint32_t next = s.tok_end;
  if (next < d.toks.size() && d.toks[next].paragraph == s.paragraph) {
    const Sent& ns = d.sents[d.toks[next].sentence];
    add(SpanKind::kToNextSent, a, TrimEnd(d, a, ns.tok_end));
  }
  if (subject.first < subject.second && subject.first > s.tok_begin) {
    add(SpanKind::kBefore, s.tok_begin, TrimEnd(d, s.tok_begin, subject.first));
  }
  uint32_t o = a;
  while (o < end && (o == a || (IsWordTok(d.toks[o]) && !IsPreposition(d.toks[o].lower) &&
                                !IsClauseBoundary(d.toks[o].lower) && !IsClauseVerb(d.toks[o].lower)) ||
                     d.toks[o].kind == text::TokenKind::kNumber)) {
    ++o;
  }
  add(SpanKind::kObject, a, o);
  if (cue.first > s.tok_begin) add(SpanKind::kBeforeCue, s.tok_begin, TrimEnd(d, s.tok_begin, cue.first));
  return out;
}

void SpanFeatures(const Doc& d, TokRange cue, TokRange subject, const SpanCandidate& c,
                  Features* f) {
  uint32_t s = d.toks[cue.first].sentence;
  const Sent& sent = d.sents[s];
  std::string k = SpanKindName(c.kind);
  auto add = [&](std::string_view name, std::string_view value = {}) {
    std::string n = k;
    n.push_back('|');
    n.append(name);
    f->Add(n, value);
  };
  add("b");
  add("cw", WordAt(d, cue.first, s));
  add("cl", WordAt(d, cue.second - 1, s));
  add("p1", WordAt(d, static_cast<int64_t>(cue.first) - 1, s));
  add("n1", WordAt(d, cue.second, s));
  add("n2", WordAt(d, static_cast<int64_t>(cue.second) + 1, s));
  add("clen", Bucket(static_cast<int>(cue.second - cue.first)));
  bool has_subject = subject.first < subject.second;
  add("subj", has_subject ? "y" : "n");
  if (has_subject) {
    add("subj-p1", WordAt(d, static_cast<int64_t>(subject.first) - 1, s));
  }
  add("headline", IsHeadline(d, sent) ? "y" : "n");
  add("cw-subj", std::string(WordAt(d, cue.first, s)) + (has_subject ? "|y" : "|n"));
  add("cl-n1", std::string(WordAt(d, cue.second - 1, s)) + "|" + std::string(WordAt(d, cue.second, s)));
  add("rule", IsCueVerb(d.toks[cue.first].lower) ? "y" : "n");
  add("comma-before", cue.first > sent.tok_begin && d.IsPunct(cue.first - 1, ",") ? "y" : "n");
  add("p1-cl", std::string(WordAt(d, static_cast<int64_t>(cue.first) - 1, s)) + "|" +
                   std::string(WordAt(d, cue.second - 1, s)));
  add("before", Bucket(Words(d, sent.tok_begin, cue.first)));
  add("after", Bucket(Words(d, cue.second, sent.tok_end)));
  if (c.kind == SpanKind::kNone) return;
  int words = Words(d, c.content.first, c.content.second);
  add("len", Bucket(words));
  add("first", WordAt(d, c.content.first, d.toks[c.content.first].sentence));
  uint32_t last = c.content.second - 1;
  add("last", WordAt(d, last, d.toks[last].sentence));
  add("stop", WordAt(d, c.content.second, d.toks[last].sentence));
  // The two words at the stop, and the stop with the cue's last word: "Obama |
  // last week", "criticized … | for".
  add("stop2", std::string(WordAt(d, c.content.second, d.toks[last].sentence)) + "|" +
                   std::string(WordAt(d, c.content.second + 1, d.toks[last].sentence)));
  add("cl-stop", std::string(WordAt(d, cue.second - 1, s)) + "|" +
                     std::string(WordAt(d, c.content.second, d.toks[last].sentence)));
  bool quote = false;
  for (uint32_t i = c.content.first; i < c.content.second; ++i) quote = quote || d.toks[i].quote_mark;
  add("quote", quote ? "y" : "n");
  bool inner_cue = false;
  for (uint32_t i = c.content.first; i < c.content.second; ++i) inner_cue = inner_cue || IsCueVerb(d.toks[i].lower);
  add("inner-cue", inner_cue ? "y" : "n");
  add("sent-end", c.content.second >= TrimEnd(d, c.content.first, sent.tok_end) ? "y" : "n");
  std::string pair;
  pair.append(WordAt(d, cue.second - 1, s)).append("|").append(Bucket(words));
  add("cl-len", pair);
}

}  // namespace parallax::quotes::internal
