// Per-script language decisions for DetectLanguage. Scores are counts of
// function words (one hash lookup per word against all lists at once) plus
// weighted counts of letters that only some languages use.
#include "text/language_scores.h"

#include <unordered_map>
#include <vector>

#include "text/lexicon.h"

namespace parallax::text::internal {
namespace {

using Mask = uint32_t;
static_assert(kLangCount <= 32, "language masks are 32 bits");

// Function words of languages that have no stop list in IsStopWord; only
// used to tell close languages apart.
struct ExtraList {
  Lang lang;
  const char* words;
};
constexpr ExtraList kExtra[] = {
    {kCa, "el la els les de del i a en que per amb un una és als al no hi ha són va com més "
          "però aquest aquesta aquests seu seva seus també ens ells elles molt fins"},
    {kSk, "a v na sa je že s z do o to aj ako by bol bola bolo boli sú som nie ale tak už len "
          "pre po od pri za podľa ktorý ktorá ktoré ktorí jeho jej ich tento táto toto čo alebo "
          "aby keď ešte však medzi pred bez pod nad tým"},
    {kHi, "है हैं और के में की को से का एक यह ने पर भी नहीं था थी थे कि तो लिए इस हो गया कर वह"},
    {kMr, "आहे आहेत आणि व ते हे होते केले त्या म्हणून तर पण हा ही असे आता मध्ये"},
    {kNe, "छ छन् र को मा ले पनि गरेको हो भएको थियो यो त्यो गर्न लागि भने"},
};

const std::unordered_map<std::string_view, Mask>& WordMasks() {
  static const auto* masks = [] {
    auto* m = new std::unordered_map<std::string_view, Mask>();
    for (const StopList& l : AllStopLists()) {
      for (int k = 0; k < kLangCount; ++k) {
        if (l.language != kLangCodes[k]) continue;
        for (std::string_view w : *l.words) (*m)[w] |= Mask{1} << k;
      }
    }
    for (const ExtraList& e : kExtra) {
      std::string_view all(e.words);
      size_t i = 0;
      while (i < all.size()) {
        size_t j = all.find(' ', i);
        if (j == std::string_view::npos) j = all.size();
        if (j > i) (*m)[all.substr(i, j - i)] |= Mask{1} << e.lang;
        i = j + 1;
      }
    }
    return m;
  }();
  return *masks;
}

// Word endings typical of one language (inflections and derivational
// suffixes), counted on words longer than the ending by two bytes or more.
struct Ending {
  const char* suffix;
  Lang lang;
  double weight;
};
constexpr Ending kEndings[] = {
    {"ság", kHu, 1},    {"ség", kHu, 1},    {"ban", kHu, .5},   {"ben", kHu, .5},
    {"nak", kHu, .5},   {"nek", kHu, .5},   {"ból", kHu, 1},    {"ből", kHu, 1},
    {"ról", kHu, 1},    {"ről", kHu, 1},    {"tól", kHu, 1},    {"től", kHu, 1},
    {"ként", kHu, 1},   {"ett", kHu, .5},   {"ött", kHu, 1},    {"ját", kHu, 1},   {"ssä", kFi, 1},    {"llä", kFi, 1},    {"stä", kFi, 1},
    {"ään", kFi, 1},    {"ksi", kFi, .5},   {"isen", kFi, 1},   {"ları", kTr, 1},
    {"leri", kTr, 1},   {"ının", kTr, 1},   {"inin", kTr, .5},  {"ması", kTr, 1},
    {"mesi", kTr, 1},   {"dır", kTr, 1},    {"erne", kDa, 1},   {"hed", kDa, .5},
    {"sjon", kNo, 1.5}, {"ingene", kNo, 1}, {"arna", kSv, 1},   {"erna", kSv, 1},   {"ość", kPl, 1.5},
    {"ych", kPl, 1},    {"owie", kPl, 1},   {"ów", kPl, 1},     {"ých", kCs, 1},
    {"ého", kCs, .5},   {"ého", kSk, .5},   {"ción", kEs, 1.5}, {"ciones", kEs, 1},
    {"ção", kPt, 1.5},  {"ções", kPt, 1.5}, {"zione", kIt, 1.5}, {"zioni", kIt, 1.5},
    {"ció", kCa, 1.5},  {"cions", kCa, 1.5}, {"ement", kFr, .5}, {"eux", kFr, 1},
    {"ului", kRo, 1.5}, {"ilor", kRo, 1.5}, {"ația", kRo, 1.5}, {"heid", kNl, 1.5},
    {"lijk", kNl, 1.5}, {"lijke", kNl, 1.5}, {"ung", kDe, 1},   {"ungen", kDe, 1},
    {"keit", kDe, 1},   {"heit", kDe, 1},   {"lich", kDe, 1},   {"isch", kDe, 1},
    {"kan", kId, .5},   {"nya", kId, 1},
};

const std::unordered_multimap<std::string_view, std::pair<Lang, double>>& Endings() {
  static const auto* m = [] {
    auto* e = new std::unordered_multimap<std::string_view, std::pair<Lang, double>>();
    for (const Ending& x : kEndings) e->emplace(x.suffix, std::make_pair(x.lang, x.weight));
    return e;
  }();
  return *m;
}

struct Bonus {
  char32_t letter;  // lowercase
  double weight;    // added to each language in `langs` per occurrence
  std::vector<Lang> langs;
};

const std::vector<Bonus>& LatinBonuses() {
  static const auto* b = new std::vector<Bonus>{
      {U'ß', 2, {kDe}},           {U'ä', .5, {kDe, kSv, kFi, kSk}},
      {U'ö', .5, {kDe, kSv, kFi, kHu, kTr}}, {U'ü', .5, {kDe, kTr, kHu}},
      {U'å', 1, {kSv, kDa, kNo}}, {U'æ', 1.5, {kDa, kNo}},  {U'æ', .5, {kDa}},
      {U'ø', 1.5, {kDa, kNo}},
      {U'ñ', 2, {kEs}},           {U'ã', 2, {kPt}},         {U'õ', 2, {kPt}},
      {U'ç', .7, {kFr, kPt, kTr, kCa}}, {U'è', .7, {kFr, kIt, kCa}},
      {U'é', .3, {kFr, kEs, kPt, kIt, kHu, kCs, kCa, kSk}}, {U'ê', .7, {kFr, kPt}},
      {U'â', .5, {kFr, kPt, kRo, kTr}}, {U'î', .7, {kFr, kRo}}, {U'ô', .7, {kFr, kPt, kSk}},
      {U'û', .7, {kFr}},          {U'ë', .5, {kFr, kNl}},   {U'ï', .5, {kFr, kNl, kCa}},
      {U'à', .5, {kFr, kIt, kPt, kCa}}, {U'ì', 1, {kIt}},  {U'ò', .7, {kIt, kCa}},
      {U'ù', .7, {kIt, kFr}},     {U'á', .3, {kEs, kPt, kHu, kCs, kSk}},
      {U'í', .3, {kEs, kPt, kHu, kCs, kSk, kCa}}, {U'ó', .3, {kEs, kPt, kPl, kHu, kCs, kSk, kCa}},
      {U'ú', .3, {kEs, kPt, kHu, kCs, kSk, kCa}}, {U'ő', 2, {kHu}}, {U'ű', 2, {kHu}},
      {U'ł', 2, {kPl}},           {U'ż', 2, {kPl}},         {U'ź', 2, {kPl}},
      {U'ś', 2, {kPl}},           {U'ć', 1, {kPl}},         {U'ń', 2, {kPl}},
      {U'ą', 2, {kPl}},           {U'ę', 2, {kPl}},         {U'ř', 2, {kCs}},
      {U'ů', 2, {kCs}},           {U'ě', 2, {kCs}},         {U'č', .7, {kCs, kSk}},
      {U'š', .7, {kCs, kSk}},     {U'ž', .7, {kCs, kSk}},   {U'ý', .7, {kCs, kSk}},
      {U'ď', 1, {kCs, kSk}},      {U'ť', 1, {kCs, kSk}},    {U'ň', 1, {kCs, kSk}},
      {U'ľ', 2, {kSk}},           {U'ĺ', 2, {kSk}},         {U'ŕ', 2, {kSk}},
      {U'ş', 1, {kTr, kRo}},      {U'ğ', 2, {kTr}},         {U'ı', 2, {kTr}},
      {U'ș', 2, {kRo}},           {U'ț', 2, {kRo}},         {U'ţ', 1.5, {kRo}},
      {U'ă', 2, {kRo}},           {U'ŀ', 2, {kCa}},
  };
  return *b;
}

// The best of `langs` by score, or "" when it is weak or too close to the
// runner-up to call.
std::string Pick(const std::vector<std::pair<Lang, double>>& scores, double min_score) {
  Lang best = kLangCount;
  double b = -1, second = -1;
  for (const auto& [lang, s] : scores) {
    if (s > b) {
      second = b;
      b = s;
      best = lang;
    } else if (s > second) {
      second = s;
    }
  }
  if (best == kLangCount || b < min_score) return "";
  if (b - second < 1.0 + 0.06 * b) return "";
  return kLangCodes[best];
}

}  // namespace

void ScriptTally::AddWord(std::string_view word, bool elided) {
  ++words;
  // A lone consonant is a word only as an elision ("l'", "d'", "qu'"); alone
  // it is an initial or an abbreviation ("Palm Bay d. Rockledge").
  if (word.size() == 1 && !elided && word.find_first_of("aeiouy") == std::string_view::npos) {
    return;
  }
  const auto& masks = WordMasks();
  auto it = masks.find(word);
  if (it != masks.end()) {
    for (int k = 0; k < kLangCount; ++k) {
      if (it->second & (Mask{1} << k)) hits[k] += 1.0;
    }
    return;
  }
  const auto& endings = Endings();
  for (size_t len = 2; len <= 7 && len + 2 <= word.size(); ++len) {
    auto [b, e] = endings.equal_range(word.substr(word.size() - len));
    for (; b != e; ++b) hits[b->second.first] += b->second.second;
  }
}

std::string DecideLatin(const ScriptTally& t) {
  const int latin_letters = t.scripts[USCRIPT_LATIN];
  int viet = t.vietnamese + t.Latin(U'ơ') + t.Latin(U'ư') + t.Latin(U'đ');
  if (viet >= 5 && viet * 20 >= latin_letters) return "vi";
  if (t.words < 4) return "";
  std::vector<double> score(kLangCount, 0.0);
  for (int k = 0; k < kLangCount; ++k) score[k] = t.hits[k];
  for (const Bonus& b : LatinBonuses()) {
    int n = t.Latin(b.letter);
    if (n == 0) continue;
    for (Lang l : b.langs) score[l] += b.weight * n;
  }
  std::vector<std::pair<Lang, double>> latin;
  for (Lang l : {kEn, kDe, kFr, kEs, kIt, kPt, kNl, kSv, kDa, kNo, kFi, kPl, kCs, kTr, kRo, kHu,
                 kId, kCa, kSk}) {
    latin.emplace_back(l, score[l]);
  }
  return Pick(latin, 3.0);
}

std::string DecideCyrillic(const ScriptTally& t) {
  if (t.Cyr(U'ѓ') + t.Cyr(U'ќ') + t.Cyr(U'ѕ') >= 2) return "mk";
  if (t.Cyr(U'ђ') + t.Cyr(U'ћ') + t.Cyr(U'ј') + t.Cyr(U'љ') + t.Cyr(U'њ') + t.Cyr(U'џ') >= 3) {
    return "sr";
  }
  int kazakh = t.Cyr(U'ә') + t.Cyr(U'ғ') + t.Cyr(U'қ') + t.Cyr(U'ң') + t.Cyr(U'ө') + t.Cyr(U'ұ') +
               t.Cyr(U'һ');
  if (kazakh >= 3) return "kk";
  if (t.Cyr(U'ў') >= 2) return "be";
  double ru = t.hits[kRu] + 1.5 * (t.Cyr(U'ы') + t.Cyr(U'э') + t.Cyr(U'ё'));
  double uk = t.hits[kUk] + 1.5 * (t.Cyr(U'і') + t.Cyr(U'ї') + t.Cyr(U'є') + t.Cyr(U'ґ'));
  double bg = t.hits[kBg] + 0.5 * t.Cyr(U'ъ');
  return Pick({{kRu, ru}, {kUk, uk}, {kBg, bg}}, 2.0);
}

std::string DecideArabic(const ScriptTally& t) {
  // Urdu's letters for retroflex and nasal sounds; Persian's four extra
  // letters and its own forms of yeh and kaf; Arabic's yeh, kaf, teh marbuta.
  double ur = 3.0 * (t.Arab(0x06D2) + t.Arab(0x06BA) + t.Arab(0x0679) + t.Arab(0x0688) +
                     t.Arab(0x0691)) +
              2.0 * (t.Arab(0x06C1) + t.Arab(0x06BE));  // heh goal, do-chashmi heh
  double fa = t.Arab(0x06CC) + t.Arab(0x06A9) +
              2.0 * (t.Arab(0x067E) + t.Arab(0x0686) + t.Arab(0x0698) + t.Arab(0x06AF));
  double ar = t.Arab(0x064A) + t.Arab(0x0643) + t.Arab(0x0629) + 2.0 * t.hits[kAr];
  if (ur > fa && ur > ar && ur >= 6) return "ur";
  if (fa > ar) return fa >= 3 ? "fa" : "";
  return ar >= 3 ? "ar" : "";
}

std::string DecideDevanagari(const ScriptTally& t) {
  double hi = t.hits[kHi], mr = t.hits[kMr], ne = t.hits[kNe];
  if (hi + mr + ne < 2) return "hi";  // Hindi is by far the most written
  std::string pick = Pick({{kHi, hi}, {kMr, mr}, {kNe, ne}}, 2.0);
  return pick.empty() ? "hi" : pick;
}

}  // namespace parallax::text::internal
