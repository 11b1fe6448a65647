// Abbreviation tables for the sentence splitter, written for this project
// from style guides' abbreviation conventions (AP style titles, months and
// US states; common Latin abbreviations; German, French, Spanish, Italian,
// Portuguese, Dutch and Russian everyday abbreviations).
#include "text/abbreviations.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "parallax/text.h"
#include "text/lexicon.h"

namespace parallax::text::internal {
namespace {

struct Group {
  const char* language;  // "" = every language
  AbbrevKind kind;
  const char* words;  // space separated, without the final dot
};

constexpr Group kGroups[] = {
    // Titles and ranks (English and widely borrowed).
    {"", AbbrevKind::kTitle,
     "Mr Mrs Ms Messrs Mmes Dr Drs Prof Profs Gen Gens Sen Sens Rep Reps Gov Govs Lt Col Sgt Capt "
     "Cmdr Cmdt Adm Maj Brig Cpl Pvt Spc Rev Revs Hon Pres Supt Det Insp Atty Amb Sec Treas Msgr "
     "Const Dep Dist Asst Assoc Commr Ald Cpt Ens Mgr Dir Chmn "
     "Fr Sra Srta Mme Mlle Mlles Dra"},
    // Before numbers.
    {"", AbbrevKind::kNumeric,
     "No Nos no nos Nr nr Vol vol Vols vols pp p Fig fig Figs figs Art art Ch ch Chap chap Sec sec "
     "Sect sect Pt pt Ex ex Ed ed Eds eds Tel tel Ph ph Op op Apt apt Rm rm Ste Ext ext"},
    // Often the last word of a sentence.
    {"", AbbrevKind::kFinal,
     "etc Inc Corp Ltd Plc Bros Esq a.m p.m A.M P.M Ph.D Ph.Ds"},
    // Months, places, companies and Latin: final only before a sentence starter.
    {"", AbbrevKind::kStarter,
     "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun "
     "St Mt Ft Pt Ave Blvd Rd Hwy Sq Ln Pl Ct Jr Sr Co Cos Assn Dept Univ Govt Intl Natl Est approx "
     "est vs v cf viz esp incl excl avg min max approx misc dept ca al"},
    // US states in AP style.
    {"", AbbrevKind::kState,
     "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont "
     "Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo"},
    {"de", AbbrevKind::kTitle, "Hr Hrn Fr Dr Prof Dipl Ing"},
    {"de", AbbrevKind::kStarter,
     "bzw ca usw vgl evtl ggf inkl sog bspw zzgl abzgl Str Mio Mrd Jh Abs Bd Nr Tsd Jan Feb Mär "
     "Apr Jun Jul Aug Sep Sept Okt Nov Dez St geb gest verh"},
    {"fr", AbbrevKind::kTitle, "M MM Mme Mmes Mlle Mlles Me Mgr Pr Dr"},
    {"fr", AbbrevKind::kStarter,
     "av bd boul env cf chap éd St Ste janv févr avr juil sept oct nov déc p.ex"},
    {"es", AbbrevKind::kTitle, "Sr Sra Srta Sres Dr Dra Lic Ing D Dña Ud Uds Vd Vds"},
    {"es", AbbrevKind::kStarter,
     "aprox pág págs núm art av avda Av Avda ene feb mar abr may jun jul ago sept oct nov dic EE.UU"},
    {"it", AbbrevKind::kTitle, "Sig Sigg Sig.ra Dott Dott.ssa Prof Avv Ing On Mons"},
    {"it", AbbrevKind::kFinal, "ecc"},
    {"it", AbbrevKind::kStarter, "pag pagg num art gen feb mar apr mag giu lug ago sett ott nov dic"},
    {"pt", AbbrevKind::kTitle, "Sr Sra Srta Dr Dra Prof Profa Exmo Exma"},
    {"pt", AbbrevKind::kStarter, "pág núm art av jan fev mar abr mai jun jul ago set out nov dez"},
    {"nl", AbbrevKind::kTitle, "dhr mevr mr dr prof ir ing drs"},
    {"nl", AbbrevKind::kStarter, "bijv enz ca nr blz jl vnl d.w.z o.a m.b.t"},
    {"ru", AbbrevKind::kStarter, "г гг ул д им тыс млн млрд руб коп см т.е т.к т.н др проф акад"},
    {"ru", AbbrevKind::kFinal, "т.д т.п"},
};

struct Tables {
  // language ("" for universal) -> word -> kind
  std::unordered_map<std::string_view, std::unordered_map<std::string_view, AbbrevKind>> by_lang;
  Tables() {
    for (const Group& g : kGroups) {
      auto& m = by_lang[g.language];
      std::string_view all(g.words);
      size_t i = 0;
      while (i < all.size()) {
        size_t j = all.find(' ', i);
        if (j == std::string_view::npos) j = all.size();
        // Language-specific entries are looked up first, so a universal entry
        // can be refined; within one language the first group wins.
        if (j > i) m.emplace(all.substr(i, j - i), g.kind);
        i = j + 1;
      }
    }
  }
};

const Tables& GetTables() {
  static const Tables* t = new Tables();
  return *t;
}

AbbrevKind Find(std::string_view w, std::string_view language) {
  const Tables& t = GetTables();
  if (!language.empty()) {
    if (auto it = t.by_lang.find(language); it != t.by_lang.end()) {
      if (auto e = it->second.find(w); e != it->second.end()) return e->second;
    }
  }
  const auto& universal = t.by_lang.at("");
  if (auto e = universal.find(w); e != universal.end()) return e->second;
  return AbbrevKind::kNone;
}

bool IsSingleCodePoint(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return w.size() == len;
}

}  // namespace

AbbrevKind LookupAbbreviation(std::string_view word, std::string_view language) {
  AbbrevKind k = Find(word, language);
  if (k != AbbrevKind::kNone || IsSingleCodePoint(word)) return k;
  std::string lower = Fold(word);
  if (lower != word) {
    k = Find(lower, language);
    if (k != AbbrevKind::kNone) return k;
    // Titlecase for words written all in capitals ("MR" -> "Mr"), never for
    // lowercase ones ("rear" is no "Rear").
    for (char ch : word) {
      if (ch >= 'a' && ch <= 'z') return AbbrevKind::kNone;
    }
    unsigned char c = static_cast<unsigned char>(word[0]);
    size_t first = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (first <= word.size()) {
      std::string title(word.substr(0, first));
      title += Fold(word.substr(first));
      k = Find(title, language);
    }
  }
  return k;
}

bool ContinuesAfterFinal(std::string_view w) {
  static const WordSet* zones = new WordSet{
      "ET",   "EST",  "EDT",  "CT",   "CST", "CDT", "MT",  "MST",     "MDT",     "PT",
      "PST",  "PDT",  "AKST", "AKDT", "HST", "GMT", "UTC", "BST",     "CET",     "CEST",
      "EET",  "EEST", "WET",  "IST",  "JST", "KST", "HKT", "AEST",    "AEDT",    "SGT",
      "MSK",  "Eastern", "Pacific", "Central", "Mountain", "Atlantic", "Greenwich",
      // "at 9:40 p.m. Friday": a day or date after a time continues the sentence.
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
      "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "January", "February", "March",
      "April", "May", "June", "July", "August", "September", "October", "November",
      "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
      "Nov", "Dec", "Local", "Christmas", "New",
      // "Apple Inc. CEO Tim Cook": a company's officer after Inc./Corp./Ltd.
      "CEO", "CFO", "COO", "CTO", "Chief", "Chairman", "Chairwoman", "Founder"};
  return zones->count(w) != 0;
}

bool IsExtraStarter(std::string_view w) {
  static const WordSet* s = new WordSet{
      "according", "asked",   "earlier",  "later",    "last",      "meanwhile", "separately",
      "today",     "yesterday", "tomorrow", "tonight", "finally",  "overall",   "first",
      "second",    "third",   "next",     "now",      "still",     "many",      "several",
      "despite",   "although", "officials", "critics", "analysts", "experts",   "police",
      "sources",   "instead", "speaking", "asked",    "but",       "yes",       "no"};
  return s->count(w) != 0;
}

bool IsSpeechVerb(std::string_view w) {
  static const WordSet* s = new WordSet{
      "said",    "says",     "asked",   "asks",    "added",    "adds",      "told",
      "tells",   "wrote",    "writes",  "replied", "replies",  "recalled",  "explained",
      "continued", "shouted", "noted",  "notes",   "tweeted",  "posted",    "insisted",
      "declared", "demanded", "wondered", "argued", "warned",  "stated",    "remarked",
      "responded", "answered", "exclaimed", "cried", "yelled", "whispered", "joked",
      "conceded", "acknowledged", "admitted", "claimed", "countered", "quipped"};
  return s->count(w) != 0;
}

}  // namespace parallax::text::internal
