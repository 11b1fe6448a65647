// Gazetteer phrases mined from the unlabeled news text by pattern
// (resources.h AddMinedPhrases).
#include <algorithm>
#include <map>
#include <set>

#include "resources.h"
#include "token_features.h"

namespace parallax::ner {
namespace {

constexpr size_t kMaxMinedTokens = 6;

// Last words of organisation names ("Acme Widget Corp", "Ohio State
// University", "Labour Party").
const std::set<std::string_view>& OrgEnds() {
  static const std::set<std::string_view> s = {
      "Inc",        "Inc.",       "Corp",      "Corp.",        "Corporation",  "Ltd",
      "Ltd.",       "Co",         "Co.",       "Company",      "Group",        "Party",
      "Bank",       "University", "Ministry",  "Council",      "Association",  "FC",
      "United",     "Club",       "Committee", "Commission",   "Agency",       "Institute",
      "Foundation", "Federation", "Union",     "Department",   "Airlines",     "Airways",
      "Motors",     "Holdings",   "Bancorp",   "Plc",          "PLC",          "plc",
      "AG",         "SA",         "LLC",       "Organization", "Organisation", "Fund",
      "Board",      "Authority",  "League",    "Church",       "College",      "Society",
      "Securities", "Trust",      "Exchange",  "Industries",   "Systems",      "Technologies",
      "Partners",   "Service",    "Times",     "Post",         "Journal",      "Bureau",
      "Office",     "Court",      "Army",      "Police",       "Front",        "Movement"};
  return s;
}

// Titles before person names ("Mr. Smith", "Senator John Doe").
const std::set<std::string_view>& PersonTitles() {
  static const std::set<std::string_view> s = {
      "Mr",         "Mrs",       "Ms",          "Dr",       "Sen",       "Rep",   "Gov",
      "Gen",        "Rev",       "Sgt",         "Lt",       "Col",       "Capt",  "President",
      "Senator",    "Governor",  "Chancellor",  "Minister", "Secretary", "Judge", "General",
      "Prince",     "Princess",  "King",        "Queen",    "Pope",      "Mayor", "Chairman",
      "Chairwoman", "spokesman", "spokeswoman", "coach"};
  return s;
}

bool ShortTitle(std::string_view w) {
  static const std::set<std::string_view> s = {"Mr",  "Mrs", "Ms",  "Dr", "Sen", "Rep", "Gov",
                                               "Gen", "Rev", "Sgt", "Lt", "Col", "Capt"};
  return s.count(w) > 0;
}

// A capitalised name word: capital first letter, some lowercase after it
// (not an all-caps headline word), letters, hyphens, periods, apostrophes.
bool IsNameWord(std::string_view w) {
  if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
  bool lower = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (!((c >= 'A' && c <= 'Z') || c == '-' || c == '.' || c == '\'' || c == '&')) {
      return false;
    }
  }
  return lower || w.size() <= 4;  // "IBM", "AT&T" inside a name
}

}  // namespace

void AddMinedPhrases(const Corpus& corpus, std::ostream* log, Model* model) {
  std::set<std::vector<std::string>> orgs, people;
  const auto& ends = OrgEnds();
  const auto& titles = PersonTitles();
  std::vector<std::string_view> views;
  for (const std::vector<std::string>& para : corpus) {
    views.assign(para.begin(), para.end());
    if (IsAllCapsSentence(views)) continue;
    for (size_t i = 0; i < para.size(); ++i) {
      if (ends.count(para[i]) > 0 && i > 0) {
        // The name words before the ending, across "of" and "&" ("Bank of
        // America" ends elsewhere; "Smith & Wesson Holding Corp" here).
        size_t b = i;
        while (b > 0 && i - b + 1 < kMaxMinedTokens &&
               (IsNameWord(para[b - 1]) || ((para[b - 1] == "of" || para[b - 1] == "&") && b >= 2 &&
                                            IsNameWord(para[b - 2])))) {
          --b;
        }
        if (b < i && (para[b] == "The" || para[b] == "A")) ++b;
        if (b < i) orgs.insert(std::vector<std::string>(para.begin() + b, para.begin() + i + 1));
      }
      if (titles.count(para[i]) > 0) {
        size_t e = i + 1;
        // The tokenizer splits the period off "Mr." (it keeps it only in
        // "U.S."-like words).
        if (e < para.size() && para[e] == "." && ShortTitle(para[i])) ++e;
        const size_t first = e;
        while (e < para.size() && e - first < 3 && IsNameWord(para[e]) &&
               titles.count(para[e]) == 0)
          ++e;
        if (e > first)
          people.insert(std::vector<std::string>(para.begin() + first, para.begin() + e));
      }
    }
  }
  std::map<uint64_t, uint16_t> masks;  // sorted: the file stays deterministic
  for (size_t r = 0; r < model->gazetteer_keys.size(); ++r) {
    masks[model->gazetteer_keys[r]] = model->gazetteer_masks[r];
  }
  auto add = [&](const std::vector<std::string>& toks, int type) {
    std::string joined;
    for (size_t t = 0; t < toks.size(); ++t) {
      if (t > 0) {
        masks[PhraseKey(joined)] |= kGazPrefixBit;
        joined.push_back(' ');
      }
      joined += NormToken(toks[t]);
    }
    masks[PhraseKey(joined)] |= static_cast<uint16_t>(1u << type);
    model->gazetteer_max_tokens =
        std::max(model->gazetteer_max_tokens, static_cast<int>(toks.size()));
  };
  for (const auto& p : orgs) add(p, kGazMinedOrg);
  for (const auto& p : people) add(p, kGazMinedPerson);
  model->gazetteer_keys.clear();
  model->gazetteer_masks.clear();
  for (const auto& [k, v] : masks) {
    model->gazetteer_keys.push_back(k);
    model->gazetteer_masks.push_back(v);
  }
  if (log)
    *log << "mined phrases: " << orgs.size() << " organisations, " << people.size() << " people\n";
}

}  // namespace parallax::ner
