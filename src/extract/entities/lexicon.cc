#include "extract/entities/lexicon.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "parallax/entities.h"
#include "parallax/text.h"

namespace parallax::entities {
namespace {

constexpr std::string_view kCountries =
#include "extract/entities/countries.inc"
    ;

struct CountryTables {
  std::unordered_map<std::string, std::string> by_name;     // CountryKey -> common name
  std::unordered_map<std::string, std::string> by_demonym;  // folded demonym -> common name
};

void SplitInto(std::string_view s, char sep, auto&& fn) {
  while (!s.empty()) {
    size_t p = s.find(sep);
    std::string_view part = s.substr(0, p);
    if (!part.empty()) fn(part);
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
}

const CountryTables& Countries() {
  static const CountryTables* tables = [] {
    auto* t = new CountryTables;
    SplitInto(kCountries, '\n', [&](std::string_view line) {
      size_t t1 = line.find('\t');
      if (t1 == std::string_view::npos) return;
      size_t t2 = line.find('\t', t1 + 1);
      std::string common(line.substr(0, t1));
      std::string_view names = line.substr(t1 + 1, t2 == std::string_view::npos ? line.npos : t2 - t1 - 1);
      std::string_view demonyms = t2 == std::string_view::npos ? "" : line.substr(t2 + 1);
      t->by_name.emplace(lexicon::CountryKey(common), common);
      SplitInto(names, '|', [&](std::string_view n) { t->by_name.emplace(lexicon::CountryKey(n), common); });
      SplitInto(demonyms, '|', [&](std::string_view d) { t->by_demonym.emplace(text::Fold(d), common); });
    });
    return t;
  }();
  return *tables;
}

bool InSet(std::string_view folded, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (w == folded) return true;
  }
  return false;
}

}  // namespace

namespace lexicon {

std::string CountryKey(std::string_view name) {
  std::string f = text::Fold(name);
  std::string out;
  out.reserve(f.size());
  for (char c : f) {
    if (c != '.') out.push_back(c);
  }
  if (out.starts_with("the ")) out.erase(0, 4);
  return out;
}

bool IsTitleHead(std::string_view w) {
  static const std::unordered_set<std::string_view> kHeads = {
      "president", "minister", "secretary", "adviser", "advisor", "spokesman", "spokeswoman",
      "spokesperson", "chancellor", "senator", "sen.", "representative", "rep.", "congressman",
      "congresswoman", "governor", "gov.", "mayor", "king", "queen", "prince", "princess",
      "pope", "ambassador", "general", "gen.", "director", "chief", "chairman", "chairwoman",
      "chair", "ceo", "leader", "commander", "judge", "justice", "attorney", "envoy", "premier",
      "sheikh", "emir", "sultan", "colonel", "col.", "captain", "capt.", "sergeant", "sgt.",
      "admiral", "adm.", "lieutenant", "lt.", "officer", "coordinator", "negotiator", "speaker",
      "manager", "coach", "founder", "executive", "head", "pastor", "archbishop", "bishop",
      "cardinal", "rabbi", "imam", "ayatollah", "prosecutor", "sheriff", "commissioner",
      "inspector", "lawmaker", "publicist", "lawyer", "actor", "actress", "singer", "rapper",
      "quarterback", "striker", "goalkeeper", "midfielder", "defender", "detective", "deputy",
      "councillor", "councilman", "councilwoman", "mp", "diplomat", "correspondent", "editor",
      "economist", "analyst", "professor", "chancellor", "treasurer", "administrator",
      "superintendent", "magistrate", "principal", "owner", "president-elect", "aide"};
  return kHeads.contains(w);
}

bool IsTitleModifier(std::string_view w) {
  static const std::unordered_set<std::string_view> kModifiers = {
      "prime", "vice", "deputy", "foreign", "defense", "defence", "national", "security", "state",
      "interior", "finance", "home", "former", "acting", "chief", "executive", "press", "senior",
      "top", "health", "education", "energy", "treasury", "trade", "homeland", "economy",
      "economic", "military", "army", "navy", "affairs", "war", "cabinet", "opposition",
      "majority", "minority", "senate", "house", "special", "presidential", "assistant",
      "associate", "communications", "intelligence", "staff", "general", "head",
      "district", "police", "fire", "county", "city", "supreme", "court", "federal", "agriculture",
      "labor", "labour", "transport", "transportation", "justice", "culture", "environment",
      "public", "information", "party", "managing", "operating", "financial", "first", "lady",
      "crown", "grand", "team", "news", "lead", "regional", "provincial", "junior", "parliamentary",
      "commerce", "industry", "tourism", "communication", "immigration", "climate", "budget",
      "development", "sports", "youth", "water", "housing", "veterans"};
  return kModifiers.contains(w) || IsTitleHead(w);
}

bool IsHonorific(std::string_view w, int* gender) {
  if (InSet(w, {"mr", "mr.", "sir", "lord"})) {
    *gender = 1;
    return true;
  }
  if (InSet(w, {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady"})) {
    *gender = 2;
    return true;
  }
  if (InSet(w, {"dr", "dr.", "prof", "prof."})) {
    *gender = 0;
    return true;
  }
  return false;
}

int PronounGender(std::string_view w) {
  if (InSet(w, {"he", "him", "his", "himself"})) return 1;
  if (InSet(w, {"she", "her", "hers", "herself"})) return 2;
  return 0;
}

bool IsCalendarWord(std::string_view w) {
  return InSet(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december", "jan.", "feb.", "mar.",
                   "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."});
}

}  // namespace lexicon

std::string CountryOf(std::string_view name) {
  const auto& m = Countries().by_name;
  auto it = m.find(lexicon::CountryKey(name));
  return it == m.end() ? std::string() : it->second;
}

std::string CountryOfDemonym(std::string_view word) {
  const auto& m = Countries().by_demonym;
  std::string f = text::Fold(word);
  auto it = m.find(f);
  if (it == m.end() && f.size() > 3 && f.back() == 's') it = m.find(f.substr(0, f.size() - 1));
  return it == m.end() ? std::string() : it->second;
}

}  // namespace parallax::entities
