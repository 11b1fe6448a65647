// MergeStoryEntities: joins the entities of a story's articles.
//
// Two passes over a union-find of (article, entity) items:
//  1. items sharing a name form join: any multi-word form ("Benjamin
//     Netanyahu", "United Nations"), or, between entities known only by one
//     word, that word with the same type ("Hamas" the organisation);
//  2. a group known only by one word joins the one group it can abbreviate:
//     "Netanyahu" -> the single person group whose last name it is, "UN" ->
//     the single organisation group whose initials it spells.
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
  for (size_t i = 0; i < items.size(); ++i) {
    const ArticleEntity& e = *items[i].entity;
    const bool one_word_name = lexicon::CountryKey(e.name).find(' ') == std::string::npos;
    for (const std::string& form : Forms(e)) {
      std::string key = lexicon::CountryKey(form);
      if (key.find(' ') == std::string::npos) {
        // A first name or surname alias of a fuller name is not evidence.
        if (!one_word_name) continue;
        key = std::string(EntityTypeName(e.type)) + ":" + key;
      }
      auto [it, fresh] = first_with.emplace(key, i);
      if (!fresh) uf.Union(i, it->second);
    }
    if (e.type == EntityType::kPlace) {  // "Gaza Strip" = "Gaza"
      std::vector<std::string> w = internal::PlaceKey(Words(lexicon::CountryKey(e.name)));
      std::string key = "place:";
      for (const std::string& x : w) key += x + (&x == &w.back() ? "" : " ");
      auto [it, fresh] = first_with.emplace(key, i);
      if (!fresh) uf.Union(i, it->second);
    }
  }
  // Pass 2: one-word groups to the one fuller group they abbreviate.
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < items.size(); ++i) groups[uf.Find(i)].push_back(i);
  std::unordered_map<std::string, std::vector<size_t>> by_last, by_initials;  // -> group roots
  std::vector<std::pair<size_t, std::string>> lone;  // (root, folded word) of one-word groups
  for (const auto& [root, members] : groups) {
    bool multi = false;
    EntityType type = items[members[0]].entity->type;
    std::vector<std::string> last_names, initials;
    std::string only_word;
    bool only_acronym = false;
    for (size_t m : members) {
      for (const std::string& form : Forms(*items[m].entity)) {
        std::vector<std::string> w = Words(lexicon::CountryKey(form));
        if (w.size() >= 2) {
          multi = true;
          if (type == EntityType::kPerson) last_names.push_back(w.back());
          if (type == EntityType::kOrganization) initials.push_back(Initials(w));
        } else if (w.size() == 1) {
          only_word = w[0];
          only_acronym = IsAcronymForm(form);
        }
      }
    }
    if (multi) {
      std::sort(last_names.begin(), last_names.end());
      last_names.erase(std::unique(last_names.begin(), last_names.end()), last_names.end());
      for (const std::string& l : last_names) by_last[l].push_back(root);
      std::sort(initials.begin(), initials.end());
      initials.erase(std::unique(initials.begin(), initials.end()), initials.end());
      for (const std::string& s : initials) by_initials[s].push_back(root);
    } else if (!only_word.empty() && items[members[0]].entity->type != EntityType::kPlace) {
      lone.push_back({root, (only_acronym ? "#" : "") + only_word});
    }
  }
  for (const auto& [root, word] : lone) {
    const bool acronym = word[0] == '#';
    const auto& index = acronym ? by_initials : by_last;
    auto it = index.find(acronym ? word.substr(1) : word);
    if (it != index.end() && it->second.size() == 1) uf.Union(root, it->second[0]);
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
