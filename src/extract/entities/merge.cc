// MergeStoryEntities: joins the entities of a story's articles.
//
// Two passes over a union-find of (article, entity) items:
//  1. items sharing a name form join: any multi-word form ("Benjamin
//     Netanyahu", "United Nations"), the name without a generic last word
//     ("Gaza Strip" = "Gaza", "Betty Ford Center" = "Betty Ford Centre"),
//     or, between entities known only by one word, that word (places apart);
//     person names one inside the other join ("Ellen DeGeneres" and
//     "comedian Ellen DeGeneres");
//  2. a group known only by one word joins the group it can abbreviate:
//     "Netanyahu" -> the person (or "Colts" -> the team) whose last word it
//     is, "UN" -> the organisation whose initials it spells; when several
//     fit, only one with more than twice the articles of the next wins.
#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/entities/lexicon.h"
#include "extract/entities/resolve_internal.h"
#include "parallax/entities.h"
#include "parallax/text.h"

namespace parallax::entities {
namespace {

using internal::IsSubsequence;

struct Item {
  size_t article = 0;
  size_t index = 0;  // in per_article[article]
  const ArticleEntity* entity = nullptr;
};

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

std::vector<std::string> Words(const std::string& key) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= key.size()) {
    size_t sp = key.find(' ', pos);
    if (sp == std::string::npos) sp = key.size();
    if (sp > pos) out.push_back(key.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

std::vector<std::string> Forms(const ArticleEntity& e) {
  std::vector<std::string> f{e.name};
  for (const std::string& a : e.aliases) f.push_back(a);
  return f;
}

bool IsAcronymForm(const std::string& surface) {
  int letters = 0;
  for (char c : surface) {
    if (c == '.') continue;
    if (c < 'A' || c > 'Z') return false;
    ++letters;
  }
  return letters >= 2 && letters <= 6;
}

std::string Initials(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) {
    if (w == "of" || w == "the" || w == "and" || w == "for" || w == "&" || w == "de") continue;
    s.push_back(w[0]);
  }
  return s;
}

bool IsNameSuffix(const std::string& w) { return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv"; }

// Last word that is not "Jr.", "III"...
std::string_view Surname(const std::vector<std::string>& words) {
  for (size_t i = words.size(); i-- > 0;) {
    if (!IsNameSuffix(words[i])) return words[i];
  }
  return words.back();
}

struct FormStats {
  std::string surface;
  std::vector<size_t> articles;
  int mentions = 0;
  size_t words = 0;
};

}  // namespace

std::vector<StoryEntity> MergeStoryEntities(const std::vector<std::vector<ArticleEntity>>& per_article) {
  std::vector<Item> items;
  for (size_t a = 0; a < per_article.size(); ++a) {
    for (size_t k = 0; k < per_article[a].size(); ++k) items.push_back({a, k, &per_article[a][k]});
  }
  UnionFind uf(items.size());
  // Pass 1: shared forms.
  std::unordered_map<std::string, size_t> first_with;
  auto key_of = [](const std::vector<std::string>& words, EntityType type) {
    std::string key = words.size() == 1 ? (type == EntityType::kPlace ? "place:" : "name:") : "";
    for (size_t k = 0; k < words.size(); ++k) key += (k ? " " : "") + words[k];
    return key;
  };
  auto join = [&](const std::string& key, size_t i) {
    auto [it, fresh] = first_with.emplace(key, i);
    if (!fresh) uf.Union(i, it->second);
  };
  for (size_t i = 0; i < items.size(); ++i) {
    const ArticleEntity& e = *items[i].entity;
    const std::vector<std::string> name_words = Words(lexicon::CountryKey(e.name));
    for (const std::string& form : Forms(e)) {
      std::vector<std::string> w = Words(lexicon::CountryKey(form));
      if (w.empty()) continue;
      // A first name or surname alias of a fuller name is not evidence.
      if (w.size() == 1 && name_words.size() != 1) continue;
      join(key_of(w, e.type), i);
    }
    if (e.type != EntityType::kPerson && name_words.size() >= 2) {  // "Gaza Strip" = "Gaza"
      std::vector<std::string> stripped = internal::PlaceKey(name_words);
      if (stripped.size() < name_words.size()) join(key_of(stripped, e.type), i);
    }
  }
  // Pass 1b: person names one inside the other ("Ellen DeGeneres",
  // "comedian Ellen DeGeneres"; "Joseph Comeaux", "Arcade Joseph Comeaux Jr.").
  {
    std::unordered_map<std::string, std::vector<std::pair<size_t, std::vector<std::string>>>> by_surname;
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].entity->type != EntityType::kPerson) continue;
      for (const std::string& form : Forms(*items[i].entity)) {
        std::vector<std::string> w = Words(lexicon::CountryKey(form));
        if (w.size() >= 2) by_surname[std::string(Surname(w))].push_back({i, std::move(w)});
      }
    }
    for (auto& [surname, forms] : by_surname) {
      for (size_t a = 0; a < forms.size(); ++a) {
        for (size_t b = a + 1; b < forms.size(); ++b) {
          if (uf.Find(forms[a].first) == uf.Find(forms[b].first)) continue;
          if (IsSubsequence(forms[a].second, forms[b].second) || IsSubsequence(forms[b].second, forms[a].second)) {
            uf.Union(forms[a].first, forms[b].first);
          }
        }
      }
    }
  }
  // Pass 2: one-word groups to the fuller group they abbreviate: the only
  // one, or one with more than twice the articles of any other.
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < items.size(); ++i) groups[uf.Find(i)].push_back(i);
  std::unordered_map<std::string, std::vector<size_t>> by_last, by_initials;  // -> group roots
  std::unordered_map<size_t, size_t> group_articles;
  std::vector<std::pair<size_t, std::string>> lone;  // (root, folded word) of one-word groups
  for (const auto& [root, members] : groups) {
    bool multi = false;
    std::vector<std::string> last_names, initials;
    std::string only_word;
    bool only_acronym = false;
    std::vector<size_t> arts;
    for (size_t m : members) {
      if (std::find(arts.begin(), arts.end(), items[m].article) == arts.end()) arts.push_back(items[m].article);
      const EntityType type = items[m].entity->type;
      for (const std::string& form : Forms(*items[m].entity)) {
        std::vector<std::string> w = Words(lexicon::CountryKey(form));
        if (w.size() >= 2) {
          multi = true;
          if (type != EntityType::kPlace) last_names.emplace_back(Surname(w));
          if (type == EntityType::kOrganization) initials.push_back(Initials(w));
        } else if (w.size() == 1) {
          only_word = w[0];
          only_acronym = IsAcronymForm(form);
        }
      }
    }
    group_articles[root] = arts.size();
    if (multi) {
      std::sort(last_names.begin(), last_names.end());
      last_names.erase(std::unique(last_names.begin(), last_names.end()), last_names.end());
      for (const std::string& l : last_names) by_last[l].push_back(root);
      std::sort(initials.begin(), initials.end());
      initials.erase(std::unique(initials.begin(), initials.end()), initials.end());
      for (const std::string& x : initials) by_initials[x].push_back(root);
    } else if (!only_word.empty() && items[members[0]].entity->type != EntityType::kPlace) {
      lone.push_back({root, (only_acronym ? "#" : "") + only_word});
    }
  }
  for (const auto& [root, word] : lone) {
    const bool acronym = word[0] == '#';
    const auto& index = acronym ? by_initials : by_last;
    auto it = index.find(acronym ? word.substr(1) : word);
    if (it == index.end()) continue;
    std::vector<size_t> cands = it->second;
    std::stable_sort(cands.begin(), cands.end(),
                     [&](size_t x, size_t y) { return group_articles[x] > group_articles[y]; });
    if (cands.size() == 1 || group_articles[cands[0]] > 2 * group_articles[cands[1]]) uf.Union(root, cands[0]);
  }

  // Build the story entities.
  std::map<size_t, std::vector<size_t>> merged;
  for (size_t i = 0; i < items.size(); ++i) merged[uf.Find(i)].push_back(i);
  std::vector<StoryEntity> out;
  for (const auto& [root, members] : merged) {
    StoryEntity se;
    std::map<EntityType, int> type_votes;
    std::vector<FormStats> forms;
    std::unordered_map<std::string, size_t> form_index;  // folded -> forms[i]
    std::vector<std::string> roles;
    auto add_form = [&](const std::string& surface, size_t article, int mentions) {
      std::string key = text::Fold(surface);
      auto [it, fresh] = form_index.emplace(key, forms.size());
      if (fresh) forms.push_back({surface, {}, 0, Words(key).size()});
      FormStats& f = forms[it->second];
      if (std::find(f.articles.begin(), f.articles.end(), article) == f.articles.end()) f.articles.push_back(article);
      f.mentions += mentions;
    };
    for (size_t m : members) {
      const ArticleEntity& e = *items[m].entity;
      se.members.push_back({items[m].article, items[m].index});
      type_votes[e.type] += static_cast<int>(e.mentions.size());
      se.mentions += static_cast<int>(e.mentions.size());
      if (std::find(se.articles.begin(), se.articles.end(), items[m].article) == se.articles.end()) {
        se.articles.push_back(items[m].article);
      }
      for (const std::string& f : Forms(e)) {
        int n = 0;
        for (const EntityMention& mention : e.mentions) n += mention.kind == MentionKind::kName && mention.text == f;
        add_form(f, items[m].article, n);
      }
      roles.insert(roles.end(), e.roles.begin(), e.roles.end());
    }
    std::sort(se.articles.begin(), se.articles.end());
    se.type = std::max_element(type_votes.begin(), type_votes.end(), [](const auto& x, const auto& y) {
                return x.second < y.second;
              })->first;
    const bool several = se.articles.size() >= 2;
    auto better = [&](const FormStats& x, const FormStats& y) {  // x ranks before y as the name
      bool xf = !several || x.articles.size() >= 2, yf = !several || y.articles.size() >= 2;
      if (xf != yf) return xf;
      if (x.words != y.words) return x.words > y.words;
      if (x.articles.size() != y.articles.size()) return x.articles.size() > y.articles.size();
      return x.mentions > y.mentions;
    };
    std::stable_sort(forms.begin(), forms.end(), better);
    se.name = forms.front().surface;
    std::stable_sort(forms.begin() + 1, forms.end(), [](const FormStats& x, const FormStats& y) {
      if (x.articles.size() != y.articles.size()) return x.articles.size() > y.articles.size();
      return x.mentions > y.mentions;
    });
    for (size_t i = 1; i < forms.size(); ++i) se.aliases.push_back(forms[i].surface);
    se.roles = internal::DedupeRoles(roles);
    out.push_back(std::move(se));
  }
  std::stable_sort(out.begin(), out.end(), [](const StoryEntity& x, const StoryEntity& y) {
    if (x.articles.size() != y.articles.size()) return x.articles.size() > y.articles.size();
    if (x.mentions != y.mentions) return x.mentions > y.mentions;
    return x.name < y.name;
  });
  return out;
}

}  // namespace parallax::entities
