#include "document.h"

#include <algorithm>
#include <unordered_map>

#include "direct.h"
#include "lexicon.h"
#include "parallax/quotes.h"

namespace parallax::quotes {

std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> w = text::Words(name);
  for (std::string& x : w) {
    if (x.size() > 2 && x.compare(x.size() - 2, 2, "'s") == 0) x.resize(x.size() - 2);
  }
  return w;
}

bool NameWithin(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  size_t j = 0;
  for (const std::string& w : whole) {
    if (j < part.size() && w == part[j]) ++j;
  }
  return j == part.size();
}

namespace internal {
namespace {

int QuoteMarkRole(std::string_view t) {
  if (t == "\xE2\x80\x9C" || t == "\xC2\xAB" || t == "\xE2\x80\x9E") return 1;  // “ « „
  if (t == "\xE2\x80\x9D" || t == "\xC2\xBB") return 2;                        // ” »
  if (t == "\"" || t == "''") return 3;
  return 0;
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  return c >= 0xC3 && c < 0xE0 && text::Fold(s.substr(0, 2)) != s.substr(0, 2);
}

std::string Lower(std::string_view s) {
  std::string f = text::Fold(s);
  // Typographic apostrophe -> ASCII, as text::Words does.
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f.compare(i, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(f[i]);
    }
  }
  return out;
}

}  // namespace

Doc BuildDoc(std::string_view text, std::vector<ner::Mention> mentions) {
  Doc d;
  d.text = text;
  d.mentions = std::move(mentions);
  // Paragraphs: split at blank lines.
  uint32_t paragraph = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t brk = text.find("\n\n", pos);
    size_t end = brk == std::string_view::npos ? text.size() : brk;
    std::string_view para = text.substr(pos, end - pos);
    for (const text::Span& s : text::SplitSentences(para)) {
      Sent sent;
      sent.begin = pos + s.begin;
      sent.end = pos + s.end;
      sent.paragraph = paragraph;
      sent.tok_begin = static_cast<uint32_t>(d.toks.size());
      std::string_view st = text.substr(sent.begin, sent.end - sent.begin);
      std::vector<text::Token> raw_toks = text::Tokenize(st);
      for (size_t ti = 0; ti < raw_toks.size(); ++ti) {
        text::Token t = raw_toks[ti];
        // Two apostrophes are one quotation mark (the New York Times' '').
        if (st.substr(t.begin, t.end - t.begin) == "'" && ti + 1 < raw_toks.size() &&
            raw_toks[ti + 1].begin == t.end && st.substr(t.end, 1) == "'") {
          t.end = raw_toks[++ti].end;
        }
        Tok tok;
        tok.begin = sent.begin + t.begin;
        tok.end = sent.begin + t.end;
        tok.kind = t.kind;
        std::string_view raw = text.substr(tok.begin, tok.end - tok.begin);
        tok.lower = Lower(raw);
        tok.capital = StartsUpper(raw);
        tok.sentence = static_cast<uint32_t>(d.sents.size());
        tok.paragraph = paragraph;
        if (t.kind == text::TokenKind::kPunct) tok.quote_mark = QuoteMarkRole(raw);
        d.toks.push_back(std::move(tok));
      }
      sent.tok_end = static_cast<uint32_t>(d.toks.size());
      if (sent.tok_end > sent.tok_begin) d.sents.push_back(sent);
    }
    if (brk == std::string_view::npos) break;
    pos = brk + 2;
    while (pos < text.size() && text[pos] == '\n') ++pos;
    ++paragraph;
  }
  // Mentions onto tokens (mentions may end inside a token: "Netanyahu’s").
  size_t t = 0;
  d.mention_possessive.assign(d.mentions.size(), 0);
  for (size_t m = 0; m < d.mentions.size(); ++m) {
    const ner::Mention& mn = d.mentions[m];
    while (t < d.toks.size() && d.toks[t].end <= mn.begin) ++t;
    for (size_t k = t; k < d.toks.size() && d.toks[k].begin < mn.end; ++k) {
      d.toks[k].mention = static_cast<int>(m);
    }
    std::string_view after = text.substr(mn.end, 4);
    if (after.rfind("'s", 0) == 0 || after.rfind("\xE2\x80\x99s", 0) == 0 ||
        after.rfind("'", 0) == 0 || after.rfind("\xE2\x80\x99", 0) == 0) {
      d.mention_possessive[m] = 1;
    }
  }
  // Entities: a mention whose words all occur, in order, in a longer mention
  // of the same type is the same entity ("Netanyahu" in "Benjamin
  // Netanyahu"). The longest such name is canonical.
  std::vector<std::vector<std::string>> words(d.mentions.size());
  for (size_t m = 0; m < d.mentions.size(); ++m) words[m] = NameWords(d.mentions[m].text);
  // A short name the tagger typed otherwise in one place ("Carson" as a
  // place, "Rubio" as an organisation) is the person whose longer name the
  // article uses ("Ben Carson").
  for (size_t m = 0; m < d.mentions.size(); ++m) {
    if (d.mentions[m].type == ner::EntityType::kPerson || words[m].empty() || words[m].size() > 2) continue;
    for (size_t o = 0; o < d.mentions.size(); ++o) {
      if (d.mentions[o].type == ner::EntityType::kPerson && words[o].size() > words[m].size() &&
          words[o].size() <= 3 && NameWithin(words[m], words[o])) {
        d.mentions[m].type = ner::EntityType::kPerson;
        break;
      }
    }
  }
  d.mention_entity.assign(d.mentions.size(), -1);
  std::unordered_map<std::string, int> by_canonical;
  // How often each name occurs in full, for ties between equally long names.
  std::vector<int> uses(d.mentions.size(), 0);
  for (size_t m = 0; m < d.mentions.size(); ++m) {
    for (size_t o = 0; o < d.mentions.size(); ++o) {
      uses[m] += d.mentions[o].type == d.mentions[m].type && words[o] == words[m];
    }
  }
  for (size_t m = 0; m < d.mentions.size(); ++m) {
    if (words[m].empty()) continue;
    // Ties between equally long names ("Bill Clinton", "Hillary Clinton"
    // for "Clinton") go to the one mentioned last before this mention.
    size_t best = m;
    for (size_t o = 0; o < d.mentions.size(); ++o) {
      if (d.mentions[o].type != d.mentions[m].type || !NameWithin(words[m], words[o])) continue;
      // Names run together by the tagger ("Bush Hits Marco Rubio" in a
      // headline) are not anyone's full name.
      if (words[o].size() > 3 && words[o].size() > words[m].size() + 1) continue;
      bool longer = words[o].size() > words[best].size();
      bool tie = words[o].size() == words[best].size() && best != m;
      bool tie_used = tie && uses[o] != uses[best];
      bool tie_nearer = tie && !tie_used && o < m && (best > m || o > best);
      if (longer || (tie_used && uses[o] > uses[best]) || tie_nearer) best = o;
    }
    std::string key;
    for (const std::string& w : words[best]) key += w + " ";
    auto [it, inserted] = by_canonical.emplace(key, static_cast<int>(d.entities.size()));
    if (inserted) {
      std::string name = d.mentions[best].text;
      // Drop a possessive the tagger left on the name.
      for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
        if (name.size() > suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
          name.resize(name.size() - suffix.size());
        }
      }
      d.entities.push_back({d.mentions[best].type, name});
    }
    d.mention_entity[m] = it->second;
  }
  d.in_quote.assign(d.toks.size(), 0);
  for (const MarkSpan& q : FindQuoteSpans(d)) {
    for (uint32_t i = q.open; i <= q.close; ++i) d.in_quote[i] = 1;
  }
  return d;
}

std::vector<ner::Mention> GuessMentions(std::string_view text) {
  std::vector<ner::Mention> out;
  for (const text::Span& s : text::SplitSentences(text)) {
    std::string_view st = text.substr(s.begin, s.end - s.begin);
    std::vector<text::Token> toks = text::Tokenize(st);
    for (size_t i = 0; i < toks.size();) {
      std::string_view w = st.substr(toks[i].begin, toks[i].end - toks[i].begin);
      if (toks[i].kind != text::TokenKind::kWord || !StartsUpper(w) || i == 0 ||
          text::IsStopWord(Lower(w))) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < toks.size() && toks[j].kind == text::TokenKind::kWord &&
             StartsUpper(st.substr(toks[j].begin, toks[j].end - toks[j].begin))) {
        ++j;
      }
      ner::Mention m;
      m.begin = s.begin + toks[i].begin;
      m.end = s.begin + toks[j - 1].end;
      m.type = ner::EntityType::kPerson;
      m.text = std::string(text.substr(m.begin, m.end - m.begin));
      out.push_back(std::move(m));
      i = j;
    }
  }
  return out;
}

}  // namespace internal
}  // namespace parallax::quotes
