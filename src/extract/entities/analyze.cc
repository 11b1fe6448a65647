// Analyze: reads titles, appositions, title-noun phrases and pronouns around
// the tagger's mentions. Token-level and linear in the article length.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities/lexicon.h"
#include "extract/entities/resolve_internal.h"
#include "parallax/text.h"

namespace parallax::entities::internal {
namespace {

// "i'm", "we're", "it's" (either apostrophe).
bool IsPronounContraction(std::string_view folded) {
  static constexpr std::string_view kPronouns[] = {"i", "we", "you", "he", "she", "it", "they", "that"};
  size_t apostrophe = folded.find('\'');
  size_t width = 1;
  if (apostrophe == std::string_view::npos) {
    apostrophe = folded.find("\xE2\x80\x99");
    width = 3;
  }
  if (apostrophe == std::string_view::npos || apostrophe == 0) return false;
  const std::string_view head = folded.substr(0, apostrophe), tail = folded.substr(apostrophe + width);
  if (std::find(std::begin(kPronouns), std::end(kPronouns), head) == std::end(kPronouns)) return false;
  return tail == "m" || tail == "re" || tail == "s" || tail == "ve" || tail == "ll" || tail == "d";
}

struct Tok {
  size_t begin = 0, end = 0;
  text::TokenKind kind = text::TokenKind::kWord;
  std::string_view surface;
  std::string folded;  // possessive removed
  bool upper = false;
  bool possessive = false;
};

bool IsUpperStart(std::string_view t) {
  if (t.empty()) return false;
  unsigned char c = static_cast<unsigned char>(t[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && t.size() > 1) {
    unsigned char d = static_cast<unsigned char>(t[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

// Bytes of a trailing possessive ("'s", "’s", or a bare apostrophe after s).
size_t PossessiveBytes(std::string_view t) {
  if (t.size() > 2 && t.ends_with("'s")) return 2;
  if (t.size() > 4 && t.ends_with("\xE2\x80\x99s")) return 4;
  if (t.size() > 2 && t.ends_with("s'")) return 1;
  if (t.size() > 4 && t.ends_with("s\xE2\x80\x99")) return 3;
  return 0;
}

class Analyzer {
 public:
  explicit Analyzer(std::string_view text) : text_(text) {
    for (const text::Token& t : text::Tokenize(text)) {
      Tok k;
      k.begin = t.begin;
      k.end = t.end;
      k.kind = t.kind;
      k.surface = text.substr(t.begin, t.end - t.begin);
      size_t pos = k.kind == text::TokenKind::kWord ? PossessiveBytes(k.surface) : 0;
      k.possessive = pos > 0;
      k.folded = text::Fold(k.surface.substr(0, k.surface.size() - pos));
      k.upper = IsUpperStart(k.surface);
      toks_.push_back(std::move(k));
    }
    // ECB+-style pre-tokenised text writes the possessive as its own token.
    for (size_t i = 0; i + 1 < toks_.size(); ++i) {
      if (toks_[i + 1].surface == "'s" || toks_[i + 1].surface == "\xE2\x80\x99s") toks_[i].possessive = true;
    }
    consumed_.assign(toks_.size(), false);
  }

  Document Run(const std::vector<ner::Mention>& mentions) {
    Document doc;
    doc.text = text_;
    for (const text::Span& s : text::SplitSentences(text_)) doc.sentence_begins.push_back(s.begin);
    doc.sentence_count = doc.sentence_begins.size();
    for (const ner::Mention& m : mentions) AddName(m, &doc);
    for (size_t i = 0; i < doc.names.size(); ++i) {
      if (doc.names[i].type == EntityType::kPerson) FindRoles(i, &doc);
    }
    DropTitleNames(&doc);
    FindTitles(&doc);
    FindPronouns(&doc);
    return doc;
  }

 private:
  size_t TokenAt(size_t offset) const {
    return std::lower_bound(toks_.begin(), toks_.end(), offset,
                            [](const Tok& t, size_t o) { return t.begin < o; }) - toks_.begin();
  }
  bool IsWord(size_t i) const { return i < toks_.size() && toks_[i].kind == text::TokenKind::kWord; }
  bool IsPunct(size_t i, std::initializer_list<std::string_view> p) const {
    if (i >= toks_.size() || toks_[i].kind == text::TokenKind::kWord) return false;
    for (std::string_view s : p) {
      if (toks_[i].surface == s) return true;
    }
    return false;
  }

  // "Israeli", "Israel's", "US": a country word inside a title.
  std::string CountryWord(size_t i) const {
    if (!IsWord(i) || !toks_[i].upper) return {};
    std::string c = CountryOfDemonym(toks_[i].surface);
    if (c.empty()) c = CountryOf(toks_[i].folded);
    return c;
  }
  bool IsTitleWord(size_t i) const {
    if (!IsWord(i)) return false;
    return lexicon::IsTitleModifier(toks_[i].folded) || !CountryWord(i).empty();
  }
  bool IsHead(size_t i) const { return IsWord(i) && lexicon::IsTitleHead(toks_[i].folded); }

  // Role text of tokens [b, e): title words folded, names as written.
  std::string RoleText(size_t b, size_t e) const {
    // A title with a name in it ("White House Press Secretary") is kept as
    // written; a plain one is folded except its country word.
    bool has_name = false;
    for (size_t k = b; k < e; ++k) {
      has_name = has_name || (toks_[k].upper && !IsTitleWord(k) && toks_[k].folded != "of");
    }
    std::string out;
    for (size_t k = b; k < e; ++k) {
      if (!out.empty()) out += ' ';
      if (has_name || !CountryWord(k).empty()) {
        out += toks_[k].surface;
      } else {
        out += toks_[k].folded;
      }
    }
    return out;
  }

  // Start of the title run ending at token `last` (inclusive), or SIZE_MAX.
  // With `allow_names`, capitalised words join too ("Strategic Affairs
  // Minister", "Hamas leader"), but not stop words or dates.
  size_t TitleRunStart(size_t last, bool allow_names) const {
    size_t b = last;
    // "Secretary of State", "Minister of Defence": a head, "of", a capitalised word.
    if (!IsHead(last) && last >= 2 && toks_[last].upper && IsWord(last - 1) && toks_[last - 1].folded == "of" &&
        IsHead(last - 2)) {
      b = last - 2;
    } else if (!IsHead(last)) {
      return SIZE_MAX;
    }
    while (b > 0 && last - b < 7) {
      size_t k = b - 1;
      if (text_.substr(toks_[k].end, toks_[b].begin - toks_[k].end).find('\n') != std::string_view::npos) break;
      if (IsTitleWord(k) && !toks_[k].possessive) {
        b = k;
      } else if (allow_names && IsWord(k) && toks_[k].upper && !toks_[k].possessive &&
                 !text::IsStopWord(toks_[k].folded) && !lexicon::IsCalendarWord(toks_[k].folded) &&
                 !lexicon::IsTitleHead(toks_[k].folded)) {
        b = k;
      } else if (IsWord(k) && (toks_[k].folded == "of" || toks_[k].folded == "for") && k > 0 && IsTitleWord(k - 1)) {
        b = k;
      } else if (IsWord(k) && toks_[k].possessive && !CountryWord(k).empty()) {
        b = k;  // "Israel's prime minister"
        break;
      } else {
        break;
      }
    }
    while (b < last && (toks_[b].folded == "of" || toks_[b].folded == "for")) ++b;
    return b;
  }

  void AddName(const ner::Mention& m, Document* doc) {
    size_t tb = TokenAt(m.begin), te = TokenAt(m.end);
    while (tb < te && toks_[tb].kind != text::TokenKind::kWord) ++tb;
    while (te > tb && (toks_[te - 1].kind != text::TokenKind::kWord || toks_[te - 1].surface == "'s")) --te;
    if (tb < te && toks_[tb].folded == "the") ++tb;
    NameMention n;
    n.type = m.type == ner::EntityType::kPerson         ? EntityType::kPerson
             : m.type == ner::EntityType::kOrganization ? EntityType::kOrganization
             : m.type == ner::EntityType::kLocation     ? EntityType::kPlace
                                                        : EntityType::kOther;
    std::string inner_role;
    if (n.type == EntityType::kPerson) {
      int gender = 0;
      while (tb + 1 < te && lexicon::IsHonorific(toks_[tb].folded, &gender)) {
        n.gender = gender;
        ++tb;
      }
      // Titles the tagger included ("President Biden"): peel them off as a role.
      size_t title_end = tb;
      while (title_end + 1 < te && IsTitleWord(title_end)) ++title_end;
      if (title_end > tb && IsHead(title_end - 1)) {
        inner_role = RoleText(tb, title_end);
        tb = title_end;
      }
    }
    // A lone honorific the tagger took for a name ("Mr" of "Mr. Pettitt"
    // typed ORG at a paragraph start) names nobody, nor does a pronoun with
    // a contraction ("I’m", tagged in quoted speech).
    if (int g = 0; te == tb + 1 && lexicon::IsHonorific(toks_[tb].folded, &g)) return;
    while (tb < te && IsPronounContraction(toks_[tb].folded)) ++tb;
    if (tb >= te) return;
    n.begin = toks_[tb].begin;
    const Tok& last = toks_[te - 1];
    n.end = last.end - (last.possessive && last.surface != "'s" ? PossessiveBytes(last.surface) : 0);
    n.text = std::string(text_.substr(n.begin, n.end - n.begin));
    bool any_upper = false, all_calendar = true;
    for (size_t k = tb; k < te; ++k) {
      if (toks_[k].kind != text::TokenKind::kWord && toks_[k].kind != text::TokenKind::kNumber) continue;
      n.words.push_back(toks_[k].folded);
      n.surface_words.emplace_back(toks_[k].surface.substr(0, toks_[k].surface.size() -
                                                                   (toks_[k].possessive ? PossessiveBytes(toks_[k].surface) : 0)));
      any_upper = any_upper || toks_[k].upper;
      all_calendar = all_calendar && lexicon::IsCalendarWord(toks_[k].folded);
    }
    if (n.words.empty() || !any_upper || all_calendar) return;
    // A name suffix or a street abbreviation alone ("Jr", "Blvd") names
    // nothing; a name ending in "Jr."/"Sr." is a person's, whatever the
    // tagger typed ("Keith Fitzgerald Knowles Jr." as ORG).
    if (n.words.size() == 1) {
      static constexpr std::string_view kAlone[] = {"jr", "jr.", "sr", "sr.", "blvd", "blvd.", "ave", "ave."};
      if (std::find(std::begin(kAlone), std::end(kAlone), n.words[0]) != std::end(kAlone)) return;
    } else if (const std::string& w = n.words.back(); w == "jr" || w == "jr." || w == "sr" || w == "sr.") {
      n.type = EntityType::kPerson;
    }
    // A photo credit the tagger read as a name ("Getty Images White House").
    for (size_t k = 0; k + 1 < n.words.size(); ++k) {
      if (n.words[k] == "getty" && n.words[k + 1] == "images") return;
    }
    // "Florida-based", "Gaza-born": an adjective made from a name.
    static constexpr std::string_view kAdjectiveEnds[] = {"-based", "-born", "-led", "-backed", "-owned"};
    for (std::string_view end : kAdjectiveEnds) {
      if (n.words.back().ends_with(end)) return;
    }
    if (n.type != EntityType::kPerson) {
      if (!CountryOfDemonym(n.text).empty()) return;  // "Israeli", "Palestinians": adjectives
      n.country = CountryOf(n.text);
      if (!n.country.empty()) n.type = EntityType::kPlace;
    }
    if (!inner_role.empty()) doc->roles.push_back({doc->names.size(), std::move(inner_role), 0, 0});
    name_tokens_.push_back({tb, te});
    doc->names.push_back(std::move(n));
  }

  // Titles before a person's name and appositions after it.
  void FindRoles(size_t index, Document* doc) {
    auto [tb, te] = name_tokens_[index];
    // "Prime Minister Benjamin Netanyahu", "Israel's defense minister Yoav Gallant".
    if (tb > 0) {
      size_t b = TitleRunStart(tb - 1, /*allow_names=*/true);
      if (b != SIZE_MAX && !AnyConsumed(b, tb)) {
        doc->roles.push_back({index, RoleText(b, tb), 0, 0});
        Consume(b, tb);
      }
    }
    // "the Israeli prime minister, Benjamin Netanyahu,"
    if (tb > 1 && IsPunct(tb - 1, {","})) {
      size_t b = TitleRunStart(tb - 2, /*allow_names=*/false);
      if (b != SIZE_MAX && b > 0 && IsWord(b - 1) && toks_[b - 1].folded == "the" && !AnyConsumed(b - 1, tb)) {
        doc->roles.push_back({index, RoleText(b, tb - 1), toks_[b - 1].begin, toks_[tb - 2].end});
        Consume(b - 1, tb);
      }
    }
    // "Sullivan, the national security adviser," / "Sullivan, Biden's national security adviser."
    if (IsPunct(te, {","})) {
      size_t j = te + 1;
      size_t phrase = j;
      if (IsWord(j) && (toks_[j].folded == "the" || toks_[j].folded == "a" || toks_[j].folded == "an")) {
        ++j;
      } else {
        size_t k = j;
        while (k < te + 4 && IsWord(k) && toks_[k].upper && !toks_[k].possessive) ++k;
        if (IsWord(k) && toks_[k].possessive && CountryWord(k).empty()) j = k + 1;
      }
      size_t e = j;
      while (e < toks_.size() && e - j < 7 && (IsTitleWord(e) || (IsWord(e) && toks_[e].folded == "of" && IsTitleWord(e + 1)))) ++e;
      while (e > j && !IsHead(e - 1)) --e;
      if (e > j && (e >= toks_.size() || IsPunct(e, {",", ".", ";", ")", "\xE2\x80\x94", "\xE2\x80\x93"})) &&
          !AnyConsumed(te, e)) {
        doc->roles.push_back({index, RoleText(j, e), toks_[phrase].begin, toks_[e - 1].end});
        Consume(te, e);
      }
    }
  }

  void FindTitles(Document* doc) {
    for (size_t i = 0; i + 1 < toks_.size(); ++i) {
      if (!IsWord(i) || toks_[i].folded != "the" || consumed_[i]) continue;
      size_t e = i + 1;
      while (e < toks_.size() && e - i <= 6 && IsTitleWord(e) && !consumed_[e]) {
        ++e;
        if (toks_[e - 1].possessive) break;
      }
      while (e > i + 1 && !IsHead(e - 1)) --e;
      if (e == i + 1) continue;
      // Followed by a name: a title before it, not an anaphor.
      if (IsWord(e) && toks_[e].upper && !toks_[e - 1].possessive) continue;
      TitlePhrase t;
      std::string core;
      for (size_t k = i + 1; k < e; ++k) {
        std::string c = CountryWord(k);
        if (!c.empty()) {
          t.country = c;
          continue;
        }
        if (!core.empty()) core += ' ';
        core += toks_[k].folded;
      }
      if (core.empty()) continue;
      // "the president of France"
      if (IsWord(e) && toks_[e].folded == "of" && !CountryWord(e + 1).empty()) {
        t.country = CountryWord(e + 1);
        e += 2;
      }
      t.begin = toks_[i].begin;
      const Tok& last = toks_[e - 1];
      t.end = last.end - (last.possessive ? PossessiveBytes(last.surface) : 0);
      t.core = std::move(core);
      doc->titles.push_back(std::move(t));
      i = e - 1;
    }
  }

  void FindPronouns(Document* doc) {
    size_t s = 0;
    int straight = 0, open = 0;  // quotation state within the current sentence
    size_t scanned = 0;
    for (size_t i = 0; i < toks_.size(); ++i) {
      const size_t sent = doc->SentenceOf(toks_[i].begin);
      if (sent != s || i == 0) {
        s = sent;
        straight = open = 0;
        scanned = s < doc->sentence_begins.size() ? doc->sentence_begins[s] : toks_[i].begin;
      }
      for (; scanned < toks_[i].begin; ++scanned) {
        char c = text_[scanned];
        if (c == '"') ++straight;
        if (text_.compare(scanned, 3, "\xE2\x80\x9C") == 0) ++open;
        if (text_.compare(scanned, 3, "\xE2\x80\x9D") == 0) --open;
        if (c == '`' && scanned + 1 < text_.size() && text_[scanned + 1] == '`') ++open;
        if (c == '\'' && scanned + 1 < text_.size() && text_[scanned + 1] == '\'') --open;
      }
      if (!IsWord(i) || consumed_[i]) continue;
      int g = lexicon::PronounGender(toks_[i].folded);
      if (g == 0 || toks_[i].possessive) continue;
      if (straight % 2 == 1 || open > 0) continue;
      doc->pronouns.push_back({toks_[i].begin, toks_[i].end, g});
    }
  }

  // "National Security Adviser" tagged as an organisation inside a title
  // before a name is part of the title, not an entity (countries stay).
  void DropTitleNames(Document* doc) {
    std::vector<size_t> new_index(doc->names.size(), SIZE_MAX);
    std::vector<NameMention> kept;
    std::vector<std::pair<size_t, size_t>> kept_tokens;
    for (size_t i = 0; i < doc->names.size(); ++i) {
      auto [tb, te] = name_tokens_[i];
      bool inside = doc->names[i].type != EntityType::kPerson && doc->names[i].country.empty();
      for (size_t k = tb; k < te && inside; ++k) inside = consumed_[k] && IsTitleWord(k);
      if (inside) continue;
      new_index[i] = kept.size();
      kept.push_back(std::move(doc->names[i]));
      kept_tokens.push_back(name_tokens_[i]);
    }
    std::vector<RoleLink> roles;
    for (RoleLink& r : doc->roles) {
      if (new_index[r.name_index] == SIZE_MAX) continue;
      r.name_index = new_index[r.name_index];
      roles.push_back(std::move(r));
    }
    doc->names = std::move(kept);
    doc->roles = std::move(roles);
    name_tokens_ = std::move(kept_tokens);
  }

  bool AnyConsumed(size_t b, size_t e) const {
    for (size_t k = b; k < e && k < toks_.size(); ++k) {
      if (consumed_[k]) return true;
    }
    return false;
  }
  void Consume(size_t b, size_t e) {
    for (size_t k = b; k < e && k < toks_.size(); ++k) consumed_[k] = true;
  }

  std::string_view text_;
  std::vector<Tok> toks_;
  std::vector<bool> consumed_;
  std::vector<std::pair<size_t, size_t>> name_tokens_;  // token range of each doc name
};

}  // namespace

size_t Document::SentenceOf(size_t offset) const {
  auto it = std::upper_bound(sentence_begins.begin(), sentence_begins.end(), offset);
  return it == sentence_begins.begin() ? 0 : static_cast<size_t>(it - sentence_begins.begin()) - 1;
}

Document Analyze(std::string_view text, const std::vector<ner::Mention>& mentions) {
  return Analyzer(text).Run(mentions);
}

TitleParts SplitTitle(std::string_view role) {
  TitleParts p;
  size_t pos = 0;
  while (pos < role.size()) {
    size_t sp = role.find(' ', pos);
    std::string_view w = role.substr(pos, sp == std::string_view::npos ? role.npos : sp - pos);
    pos = sp == std::string_view::npos ? role.size() : sp + 1;
    std::string c;
    if (IsUpperStart(w)) {
      c = CountryOfDemonym(w);
      if (c.empty()) {
        size_t cut = PossessiveBytes(w);
        c = CountryOf(w.substr(0, w.size() - cut));
      }
    }
    if (!c.empty()) {
      p.country = c;
    } else {
      if (!p.core.empty()) p.core += ' ';
      p.core += w;
    }
  }
  return p;
}

std::vector<std::string> DedupeRoles(const std::vector<std::string>& roles) {
  struct Entry {
    std::string surface, core, country;
    int count = 0;
    std::vector<std::pair<std::string, int>> spellings;
  };
  std::vector<Entry> entries;
  for (const std::string& r : roles) {
    TitleParts p = SplitTitle(r);
    std::string core = text::Fold(p.core);
    for (size_t at = core.find("advisor"); at != std::string::npos; at = core.find("advisor", at + 1)) {
      core.replace(at, 7, "adviser");  // one title, two spellings
    }
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](const Entry& e) { return e.core == core && e.country == p.country; });
    if (it == entries.end()) it = entries.insert(entries.end(), Entry{r, core, p.country, 0, {}});
    ++it->count;
    auto sp = std::find_if(it->spellings.begin(), it->spellings.end(), [&](const auto& x) { return x.first == r; });
    if (sp == it->spellings.end()) it->spellings.push_back({r, 1});
    else ++sp->second;
  }
  for (Entry& e : entries) {  // the most frequent spelling, first seen on ties
    int best = 0;
    for (const auto& [sp, n] : e.spellings) {
      if (n > best) {
        best = n;
        e.surface = sp;
      }
    }
  }
  std::vector<Entry> kept;
  for (const Entry& e : entries) {
    bool subsumed = e.country.empty() && std::any_of(entries.begin(), entries.end(), [&](const Entry& o) {
                      return o.core == e.core && !o.country.empty();
                    });
    if (!subsumed) kept.push_back(e);
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Entry& a, const Entry& b) { return a.count > b.count; });
  std::vector<std::string> out;
  for (Entry& e : kept) out.push_back(std::move(e.surface));
  return out;
}

std::vector<std::string> PlaceKey(const std::vector<std::string>& w) {
  static constexpr std::string_view kGeneric[] = {
      "strip", "city", "province", "region", "county", "district", "governorate", "state", "territory",
      "center", "centre", "clinic", "hospital", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "co.",
      "company", "group", "university"};
  if (w.size() >= 2 && std::find(std::begin(kGeneric), std::end(kGeneric), w.back()) != std::end(kGeneric)) {
    return {w.begin(), w.end() - 1};
  }
  return w;
}

}  // namespace parallax::entities::internal
