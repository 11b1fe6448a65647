#include "ingest/dates/date_words.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace parallax::dates {

namespace {

struct MonthName {
  std::string_view name;
  int month;
};

// Full month names; abbreviations are derived as prefixes (see BuildMonths).
constexpr MonthName kMonthNames[] = {
    // English
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12},
    // German
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3}, {"mai", 5},
    {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12},
    // French
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"decembre", 12},
    // Spanish
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12},
    // Italian
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    // Portuguese
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"marco", 3}, {"maio", 5}, {"junho", 6},
    {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
    // Dutch
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    // Swedish, Danish, Norwegian
    {"maj", 5}, {"augusti", 8},
    // Polish (genitive, as in dates)
    {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6},
    {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10}, {"listopada", 11},
    {"grudnia", 12},
    // Turkish
    {"ocak", 1}, {"şubat", 2}, {"mart", 3}, {"nisan", 4}, {"mayıs", 5}, {"haziran", 6},
    {"temmuz", 7}, {"ağustos", 8}, {"eylül", 9}, {"ekim", 10}, {"kasım", 11}, {"aralık", 12},
    // Russian (nominative and genitive)
    {"январь", 1}, {"января", 1}, {"февраль", 2}, {"февраля", 2}, {"март", 3}, {"марта", 3},
    {"апрель", 4}, {"апреля", 4}, {"май", 5}, {"мая", 5}, {"июнь", 6}, {"июня", 6},
    {"июль", 7}, {"июля", 7}, {"август", 8}, {"августа", 8}, {"сентябрь", 9},
    {"сентября", 9}, {"октябрь", 10}, {"октября", 10}, {"ноябрь", 11}, {"ноября", 11},
    {"декабрь", 12}, {"декабря", 12},
    // Ukrainian (nominative and genitive)
    {"січень", 1}, {"січня", 1}, {"лютий", 2}, {"лютого", 2}, {"березень", 3}, {"березня", 3},
    {"квітень", 4}, {"квітня", 4}, {"травень", 5}, {"травня", 5}, {"червень", 6},
    {"червня", 6}, {"липень", 7}, {"липня", 7}, {"серпень", 8}, {"серпня", 8},
    {"вересень", 9}, {"вересня", 9}, {"жовтень", 10}, {"жовтня", 10}, {"листопад", 11},
    {"листопада", 11}, {"грудень", 12}, {"грудня", 12},
    // Arabic (Egyptian/Gulf transliterations, with common spelling variants)
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"ابريل", 4}, {"إبريل", 4},
    {"مايو", 5}, {"يونيو", 6}, {"يونيه", 6}, {"يوليو", 7}, {"يوليه", 7}, {"أغسطس", 8},
    {"اغسطس", 8}, {"سبتمبر", 9}, {"أكتوبر", 10}, {"اكتوبر", 10}, {"نوفمبر", 11},
    {"ديسمبر", 12},
};

// Abbreviations that are not prefixes of a full name.
constexpr MonthName kExtraAbbreviations[] = {
    {"mrz", 3}, {"mrt", 3}, {"mär", 3}, {"sept", 9}, {"févr", 2}, {"déc", 12},
};

std::unordered_map<std::string, int> BuildMonths() {
  // A prefix of three or more letters names a month when every full name it
  // starts belongs to that month ("jui" is juin or juillet: not a month).
  std::unordered_map<std::string, int> prefixes;
  for (const MonthName& m : kMonthNames) {
    // Latin-script names only (other scripts abbreviate differently);
    // prefixes of three or more characters, cut on character boundaries.
    if (static_cast<unsigned char>(m.name[0]) >= 0x80) continue;
    size_t chars = 0;
    for (size_t len = 1; len <= m.name.size(); ++len) {
      if (len < m.name.size() && (static_cast<unsigned char>(m.name[len]) & 0xC0) == 0x80) continue;
      if (++chars < 3) continue;
      std::string p(m.name.substr(0, len));
      auto [it, inserted] = prefixes.emplace(p, m.month);
      if (!inserted && it->second != m.month) it->second = 0;
    }
  }
  // Full names always win over a clash with another name's prefix.
  for (const MonthName& m : kMonthNames) prefixes[std::string(m.name)] = m.month;
  for (const MonthName& m : kExtraAbbreviations) prefixes[std::string(m.name)] = m.month;
  return prefixes;
}

}  // namespace

int LookupMonth(std::string_view lower_word) {
  static const std::unordered_map<std::string, int> kMonths = BuildMonths();
  if (lower_word.size() < 3 || lower_word.size() > 24) return 0;
  auto it = kMonths.find(std::string(lower_word));
  return it == kMonths.end() ? 0 : it->second;
}

bool IsWeekday(std::string_view lower_word) {
  static const std::unordered_set<std::string_view> kWeekdays = {
      // English
       "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
       "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun",
       // German
       "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
       "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
       // French
       "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lun",
       "mer", "jeu", "ven", "sam", "dim",
       // Spanish
       "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado",
       "domingo",
       // Italian
       "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi",
       "venerdì", "venerdi", "sabato", "domenica",
       // Portuguese ("segunda-feira": the "-feira" is skipped by the parser)
       "segunda", "terça", "terca", "quarta", "quinta", "sexta",
       // Dutch
       "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
       // Scandinavian
       "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "mandag",
       "tirsdag", "lørdag", "søndag",
      // Polish
      "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
      // Turkish
      "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
      // Russian, Ukrainian
      "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
      "понеділок", "вівторок", "середа", "четвер", "пʼятниця", "п'ятниця", "субота", "неділя",
      // Arabic
      "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
      "الأحد", "الاحد"};
  return kWeekdays.count(lower_word) != 0;
}

std::optional<Zone> LookupZone(std::string_view lower_word) {
  struct Entry {
    std::string_view name;
    ZoneRule rule;
    int offset;
  };
  static constexpr Entry kZones[] = {
      {"z", ZoneRule::kFixed, 0},        {"utc", ZoneRule::kFixed, 0},
      {"ut", ZoneRule::kFixed, 0},       {"gmt", ZoneRule::kFixed, 0},
      {"est", ZoneRule::kFixed, -300},   {"edt", ZoneRule::kFixed, -240},
      {"cst", ZoneRule::kFixed, -360},   {"cdt", ZoneRule::kFixed, -300},
      {"mst", ZoneRule::kFixed, -420},   {"mdt", ZoneRule::kFixed, -360},
      {"pst", ZoneRule::kFixed, -480},   {"pdt", ZoneRule::kFixed, -420},
      {"akst", ZoneRule::kFixed, -540},  {"akdt", ZoneRule::kFixed, -480},
      {"hst", ZoneRule::kFixed, -600},   {"ast", ZoneRule::kFixed, -240},
      {"adt", ZoneRule::kFixed, -180},   {"et", ZoneRule::kUsDst, -300},
      {"ct", ZoneRule::kUsDst, -360},    {"mt", ZoneRule::kUsDst, -420},
      {"pt", ZoneRule::kUsDst, -480},    {"wet", ZoneRule::kFixed, 0},
      {"west", ZoneRule::kFixed, 60},    {"bst", ZoneRule::kFixed, 60},
      {"cet", ZoneRule::kFixed, 60},     {"cest", ZoneRule::kFixed, 120},
      {"met", ZoneRule::kFixed, 60},     {"mest", ZoneRule::kFixed, 120},
      {"mez", ZoneRule::kFixed, 60},     {"mesz", ZoneRule::kFixed, 120},
      {"eet", ZoneRule::kFixed, 120},    {"eest", ZoneRule::kFixed, 180},
      {"msk", ZoneRule::kFixed, 180},    {"ist", ZoneRule::kFixed, 330},
      {"pkt", ZoneRule::kFixed, 300},    {"wib", ZoneRule::kFixed, 420},
      {"ict", ZoneRule::kFixed, 420},    {"hkt", ZoneRule::kFixed, 480},
      {"sgt", ZoneRule::kFixed, 480},    {"awst", ZoneRule::kFixed, 480},
      {"jst", ZoneRule::kFixed, 540},    {"kst", ZoneRule::kFixed, 540},
      {"acst", ZoneRule::kFixed, 570},   {"aest", ZoneRule::kFixed, 600},
      {"aedt", ZoneRule::kFixed, 660},   {"nzst", ZoneRule::kFixed, 720},
      {"nzdt", ZoneRule::kFixed, 780},   {"sast", ZoneRule::kFixed, 120},
      {"eat", ZoneRule::kFixed, 180},    {"wat", ZoneRule::kFixed, 60},
      {"cat", ZoneRule::kFixed, 120},
  };
  for (const Entry& e : kZones) {
    if (e.name == lower_word) return Zone{e.rule, e.offset};
  }
  return std::nullopt;
}

bool IsDateFiller(std::string_view lower_word) {
  static const std::unordered_set<std::string_view> kFillers = {
      "published", "publish", "updated", "update", "posted", "modified", "created", "last",
       "first", "date", "dated", "time", "on", "at", "the", "of", "pm", "am",
       // other languages
       "le", "publié", "publie", "mis", "à", "jour", "den", "am", "um", "veröffentlicht",
       "aktualisiert", "stand", "datum", "el", "publicado", "publicada", "actualizado",
       "fecha", "il", "pubblicato", "aggiornato", "data", "publicado", "atualizado", "em",
       "op", "gepubliceerd", "bijgewerkt", "uhr", "h", "hrs", "horas", "ore", "kl", "klo"};
  return kFillers.count(lower_word) != 0;
}

bool IsTimeConnector(std::string_view lower_word) {
  static constexpr std::array<std::string_view, 13> kConnectors = {
      "at", "um", "à", "a", "las", "la", "às", "alle", "ore", "om", "kl", "klo", "t"};
  return std::find(kConnectors.begin(), kConnectors.end(), lower_word) != kConnectors.end();
}

bool IsDateJoiner(std::string_view lower_word) {
  return lower_word == "de" || lower_word == "of" || lower_word == "del" || lower_word == "di" ||
         lower_word == "do" || lower_word == "da";
}

}  // namespace parallax::dates
