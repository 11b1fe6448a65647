// ResolveArticle: groups one article's tagger mentions into entities.
// The rules are deliberately few and precise (entities.h); when a rule would
// have to guess between two entities it picks the one mentioned most so far,
// and pronouns are left alone unless one person is in view.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities/lexicon.h"
#include "extract/entities/resolve_internal.h"
#include "parallax/entities.h"
#include "parallax/text.h"

namespace parallax::entities {
namespace {

using internal::IsSubsequence;

using internal::Document;
using internal::NameMention;

// One entity under construction.
struct Work {
  EntityType type = EntityType::kOther;
  std::string country;                 // canonical country name when it is one
  std::vector<std::vector<std::string>> word_forms;  // folded words of each name form
  std::vector<std::string> form_texts;               // surface of each form
  std::vector<int> form_counts;
  std::vector<std::string> roles;
  std::vector<EntityMention> mentions;
  int gender = 0;
  int parent = -1;  // merged into this entity
  int votes[4] = {0, 0, 0, 0};  // name mentions by tagger type (the type is their majority)

  const std::vector<std::string>& Longest() const {
    size_t best = 0;
    for (size_t i = 1; i < word_forms.size(); ++i) {
      if (word_forms[i].size() > word_forms[best].size()) best = i;
    }
    return word_forms[best];
  }
  int NameMentions() const {
    int n = 0;
    for (int c : form_counts) n += c;
    return n;
  }
};

bool IsNameSuffix(std::string_view w) {
  return w == "jr." || w == "jr" || w == "sr." || w == "sr" || w == "ii" || w == "iii" || w == "iv";
}

std::string_view LastName(const std::vector<std::string>& words) {
  for (size_t i = words.size(); i-- > 0;) {
    if (!IsNameSuffix(words[i])) return words[i];
  }
  return {};
}

bool IsAcronym(std::string_view surface) {
  int letters = 0;
  for (char c : surface) {
    if (c == '.') continue;
    if (c < 'A' || c > 'Z') return false;
    ++letters;
  }
  return letters >= 2 && letters <= 6;
}

// Initials of an organisation name; acronym words contribute all their letters.
std::string Signature(const std::vector<std::string>& folded, const std::vector<std::string>& surface) {
  std::string sig;
  for (size_t i = 0; i < folded.size(); ++i) {
    const std::string& w = folded[i];
    if (w == "of" || w == "the" || w == "and" || w == "for" || w == "&" || w == "de") continue;
    if (IsAcronym(surface[i])) {
      for (char c : w) {
        if (c != '.') sig.push_back(c);
      }
    } else if (!w.empty()) {
      sig.push_back(w[0]);
    }
  }
  return sig;
}

bool IsSuffixOf(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  if (shorter.size() < 2 || shorter.size() >= longer.size()) return false;
  return std::equal(shorter.begin(), shorter.end(), longer.end() - static_cast<long>(shorter.size()));
}

class Resolver {
 public:
  explicit Resolver(const Document& doc) : doc_(doc) {}

  std::vector<ArticleEntity> Run() {
    for (const NameMention& m : doc_.names) AddName(m);
    MergeLoneNames();
    for (const internal::RoleLink& r : doc_.roles) {
      if (r.name_index < name_entity_.size()) AddRole(Root(name_entity_[r.name_index]), r);
    }
    ResolveTitles();
    ResolvePronouns();
    return Finish();
  }

 private:
  int Root(int e) const {
    while (work_[e].parent >= 0) e = work_[e].parent;
    return e;
  }

  int NewEntity(const NameMention& m) {
    Work w;
    w.type = m.type;
    w.country = m.country;
    work_.push_back(std::move(w));
    return static_cast<int>(work_.size()) - 1;
  }

  void AddForm(int e, const NameMention& m) {
    Work& w = work_[e];
    for (size_t i = 0; i < w.word_forms.size(); ++i) {
      if (w.word_forms[i] == m.words) {
        ++w.form_counts[i];
        return;
      }
    }
    w.word_forms.push_back(m.words);
    w.form_texts.push_back(m.text);
    w.form_counts.push_back(1);
  }

  // Among candidate roots, the one with most name mentions (ties: earliest).
  int Best(const std::vector<int>& cands) const {
    int best = -1;
    for (int c : cands) {
      if (best < 0 || work_[c].NameMentions() > work_[best].NameMentions()) best = c;
    }
    return best;
  }

  int MatchPerson(const NameMention& m) const {
    std::vector<int> exact, last, first;
    const auto& mw = m.words;
    for (int e = 0; e < static_cast<int>(work_.size()); ++e) {
      const Work& w = work_[e];
      if (w.parent >= 0 || w.type != EntityType::kPerson) continue;
      if (std::find(w.word_forms.begin(), w.word_forms.end(), mw) != w.word_forms.end()) {
        exact.push_back(e);
        continue;
      }
      const auto& lw = w.Longest();
      if (mw.size() == 1) {
        if (lw.size() >= 2 && LastName(lw) == mw[0]) last.push_back(e);
        else if (lw.size() >= 2 && lw[0] == mw[0]) first.push_back(e);
      } else if (lw.size() == 1) {
        if (LastName(mw) == lw[0]) last.push_back(e);
        else if (mw[0] == lw[0]) first.push_back(e);
      } else if (LastName(mw) == LastName(lw) &&
                 (mw[0] == lw[0] || IsSubsequence(mw, lw) || IsSubsequence(lw, mw) ||
                  (mw[0].size() == 2 && mw[0][1] == '.' && lw[0][0] == mw[0][0]) ||
                  (lw[0].size() == 2 && lw[0][1] == '.' && mw[0][0] == lw[0][0]))) {
        last.push_back(e);
      }
    }
    if (!exact.empty()) return Best(exact);
    if (!last.empty()) return Best(last);
    return Best(first);
  }

  // Exactly this name form, whatever the tagger's type ("Klitschko" as PER
  // and as ORG); countries aside.
  int MatchSameName(const NameMention& m) const {
    std::vector<int> cands;
    for (int e = 0; e < static_cast<int>(work_.size()); ++e) {
      const Work& w = work_[e];
      if (w.parent >= 0 || !w.country.empty()) continue;
      if (std::find(w.word_forms.begin(), w.word_forms.end(), m.words) != w.word_forms.end()) cands.push_back(e);
    }
    return Best(cands);
  }

  int MatchOrganization(const NameMention& m) const {
    std::vector<int> exact, loose;
    const std::string sig = Signature(m.words, m.surface_words);
    const bool acronym = m.words.size() == 1 && IsAcronym(m.surface_words[0]);
    for (int e = 0; e < static_cast<int>(work_.size()); ++e) {
      const Work& w = work_[e];
      if (w.parent >= 0 || (w.type != EntityType::kOrganization && w.type != EntityType::kOther)) continue;
      if (std::find(w.word_forms.begin(), w.word_forms.end(), m.words) != w.word_forms.end()) {
        exact.push_back(e);
        continue;
      }
      for (size_t i = 0; i < w.word_forms.size(); ++i) {
        const auto& f = w.word_forms[i];
        const std::string fsig = Signature(f, org_surface_[e][i]);
        const bool f_acronym = f.size() == 1 && IsAcronym(org_surface_[e][i][0]);
        const bool last_word = m.words.size() == 1 && !acronym && f.size() >= 2 && f.size() <= 3 &&
                               f.back() == m.words[0];  // "the Post", "Reid" (tagged ORG)
        if (last_word || (acronym && f.size() >= 2 && fsig == sig) || (f_acronym && m.words.size() >= 2 && fsig == sig) ||
            (f.size() >= 2 && m.words.size() >= 2 && fsig == sig && f.back() == m.words.back()) ||
            IsSuffixOf(m.words, f) || IsSuffixOf(f, m.words)) {
          loose.push_back(e);
          break;
        }
      }
    }
    if (!exact.empty()) return Best(exact);
    return Best(loose);
  }

  // Same name (or same name but for a generic last word), any non-person
  // type: the tagger's ORG/LOC/MISC choice for one name often varies.
  int MatchExact(const NameMention& m) const {
    for (int e = 0; e < static_cast<int>(work_.size()); ++e) {
      const Work& w = work_[e];
      if (w.parent >= 0 || w.type == EntityType::kPerson) continue;
      if (!m.country.empty() || !w.country.empty()) {
        if (w.country == m.country) return e;
        continue;
      }
      if (std::find(w.word_forms.begin(), w.word_forms.end(), m.words) != w.word_forms.end()) return e;
      const std::vector<std::string> key = internal::PlaceKey(m.words);
      for (const auto& f : w.word_forms) {
        if (internal::PlaceKey(f) == key) return e;
      }
    }
    return -1;
  }

  void AddName(const NameMention& m) {
    int e = m.country.empty() ? MatchSameName(m) : -1;
    if (e >= 0) {
      // found: the same name under another tagger type
    } else if (m.type == EntityType::kPerson) {
      e = MatchPerson(m);
    } else if ((m.type == EntityType::kOrganization || m.type == EntityType::kOther) && m.country.empty()) {
      e = MatchOrganization(m);
      if (e < 0) e = MatchExact(m);
    } else {
      e = MatchExact(m);
    }
    if (e < 0) {
      e = NewEntity(m);
      org_surface_.resize(work_.size());
    }
    Work& w = work_[e];
    ++w.votes[static_cast<int>(m.type)];
    size_t before = w.word_forms.size();
    AddForm(e, m);
    if (w.word_forms.size() > before) org_surface_[e].push_back(m.surface_words);
    if (m.gender != 0 && w.gender == 0) w.gender = m.gender;
    w.mentions.push_back({m.begin, m.end, m.text, MentionKind::kName});
    name_entity_.push_back(e);
  }

  void MergeInto(int from, int to) {
    Work& a = work_[from];
    Work& b = work_[to];
    for (size_t i = 0; i < a.word_forms.size(); ++i) {
      auto it = std::find(b.word_forms.begin(), b.word_forms.end(), a.word_forms[i]);
      if (it == b.word_forms.end()) {
        b.word_forms.push_back(a.word_forms[i]);
        b.form_texts.push_back(a.form_texts[i]);
        b.form_counts.push_back(a.form_counts[i]);
        org_surface_[to].push_back(org_surface_[from][i]);
      } else {
        b.form_counts[it - b.word_forms.begin()] += a.form_counts[i];
      }
    }
    for (auto& m : a.mentions) b.mentions.push_back(std::move(m));
    for (auto& r : a.roles) {
      if (std::find(b.roles.begin(), b.roles.end(), r) == b.roles.end()) b.roles.push_back(r);
    }
    if (b.gender == 0) b.gender = a.gender;
    for (int t = 0; t < 4; ++t) b.votes[t] += a.votes[t];
    a.parent = to;
  }

  // A lone word (a headline's "Netanyahu", or "Reid" tagged as an
  // organisation) joins the one multi-word person whose last name it is.
  // A person's own lone surname is already joined when it comes after the
  // full name; this catches the ones before it.
  void MergeLoneNames() {
    for (int e = 0; e < static_cast<int>(work_.size()); ++e) {
      Work& w = work_[e];
      // Places keep their name: "Washington", "Jordan" and "Houston" are surnames too.
      if (w.parent >= 0 || w.word_forms.size() != 1 || w.word_forms[0].size() != 1 || !w.country.empty() ||
          w.type == EntityType::kPlace) {
        continue;
      }
      const std::string& word = w.word_forms[0][0];
      std::vector<int> cands;
      for (int p = 0; p < static_cast<int>(work_.size()); ++p) {
        const Work& pw = work_[p];
        if (p == e || pw.parent >= 0 || pw.type != EntityType::kPerson) continue;
        const auto& lw = pw.Longest();
        if (lw.size() >= 2 && LastName(lw) == word) cands.push_back(p);
      }
      if (cands.size() == 1) MergeInto(e, cands[0]);
    }
  }

  void AddRole(int e, const internal::RoleLink& r) {
    Work& w = work_[e];
    if (std::find(w.roles.begin(), w.roles.end(), r.role) == w.roles.end()) w.roles.push_back(r.role);
    if (r.phrase_end > r.phrase_begin) {
      w.mentions.push_back({r.phrase_begin, r.phrase_end,
                            std::string(doc_.text.substr(r.phrase_begin, r.phrase_end - r.phrase_begin)),
                            MentionKind::kTitle});
    }
  }

  // "the Israeli prime minister": the one person who carried that title.
  void ResolveTitles() {
    for (const internal::TitlePhrase& t : doc_.titles) {
      std::vector<int> cands;
      for (int e = 0; e < static_cast<int>(work_.size()); ++e) {
        const Work& w = work_[e];
        if (w.parent >= 0 || w.type != EntityType::kPerson || w.mentions.empty()) continue;
        bool earlier = false;
        for (const auto& m : w.mentions) earlier = earlier || m.begin < t.begin;
        if (!earlier) continue;
        for (const std::string& role : w.roles) {
          internal::TitleParts p = internal::SplitTitle(role);
          if (p.core == t.core && (t.country.empty() || p.country.empty() || p.country == t.country)) {
            cands.push_back(e);
            break;
          }
        }
      }
      if (cands.size() != 1) continue;
      work_[cands[0]].mentions.push_back(
          {t.begin, t.end, std::string(doc_.text.substr(t.begin, t.end - t.begin)), MentionKind::kTitle});
    }
  }

  // he/she: the one person named (or titled) earlier in the sentence, else
  // the one person of the previous sentence; never inside a quotation.
  void ResolvePronouns() {
    // Person mentions by sentence, as (offset, root).
    std::vector<std::vector<std::pair<size_t, int>>> by_sentence(doc_.sentence_count + 1);
    for (int e = 0; e < static_cast<int>(work_.size()); ++e) {
      if (work_[e].parent >= 0 || work_[e].type != EntityType::kPerson) continue;
      for (const auto& m : work_[e].mentions) by_sentence[doc_.SentenceOf(m.begin)].push_back({m.begin, e});
    }
    for (const internal::Pronoun& p : doc_.pronouns) {
      const size_t s = doc_.SentenceOf(p.begin);
      auto distinct = [&](size_t sent, size_t before) {
        std::vector<int> roots;
        for (const auto& [pos, e] : by_sentence[sent]) {
          if (pos < before && std::find(roots.begin(), roots.end(), e) == roots.end()) roots.push_back(e);
        }
        return roots;
      };
      std::vector<int> roots = distinct(s, p.begin);
      if (roots.empty() && s > 0) roots = distinct(s - 1, SIZE_MAX);
      if (roots.size() != 1) continue;
      Work& w = work_[roots[0]];
      if (w.gender != 0 && w.gender != p.gender) continue;
      w.gender = p.gender;
      w.mentions.push_back({p.begin, p.end, std::string(doc_.text.substr(p.begin, p.end - p.begin)), MentionKind::kPronoun});
      by_sentence[s].push_back({p.begin, roots[0]});
    }
  }

  std::vector<ArticleEntity> Finish() {
    std::vector<ArticleEntity> out;
    for (int e = 0; e < static_cast<int>(work_.size()); ++e) {
      Work& w = work_[e];
      if (w.parent >= 0) continue;
      ArticleEntity a;
      a.type = w.type;
      if (w.country.empty()) {  // majority of the tagger's types; persons win ties
        int best_t = static_cast<int>(w.type);
        for (int t = 0; t < 4; ++t) {
          if (w.votes[t] > w.votes[best_t] || (w.votes[t] == w.votes[best_t] && t < best_t)) best_t = t;
        }
        a.type = static_cast<EntityType>(best_t);
      }
      size_t best = 0;
      for (size_t i = 1; i < w.word_forms.size(); ++i) {
        if (w.word_forms[i].size() > w.word_forms[best].size() ||
            (w.word_forms[i].size() == w.word_forms[best].size() && w.form_counts[i] > w.form_counts[best])) {
          best = i;
        }
      }
      a.name = w.country.empty() ? w.form_texts[best] : w.country;
      for (size_t i = 0; i < w.form_texts.size(); ++i) {
        const std::string& t = w.form_texts[i];
        if (t != a.name && std::find(a.aliases.begin(), a.aliases.end(), t) == a.aliases.end()) {
          a.aliases.push_back(t);
        }
      }
      a.roles = internal::DedupeRoles(w.roles);
      a.mentions = std::move(w.mentions);
      std::sort(a.mentions.begin(), a.mentions.end(),
                [](const EntityMention& x, const EntityMention& y) { return x.begin < y.begin; });
      out.push_back(std::move(a));
    }
    std::stable_sort(out.begin(), out.end(), [](const ArticleEntity& x, const ArticleEntity& y) {
      return x.mentions.front().begin < y.mentions.front().begin;
    });
    return out;
  }

  const Document& doc_;
  std::vector<Work> work_;
  std::vector<std::vector<std::vector<std::string>>> org_surface_;  // per entity, per form: surface words
  std::vector<int> name_entity_;  // entity of each doc_.names[i] at the time it was added
};

}  // namespace

std::vector<ArticleEntity> ResolveArticle(std::string_view text, const std::vector<ner::Mention>& mentions) {
  Document doc = internal::Analyze(text, mentions);
  return Resolver(doc).Run();
}

}  // namespace parallax::entities
