#include "brief/disagreements.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "brief/characterisation.h"
#include "parallax/quantity.h"
#include "parallax/text.h"

namespace parallax::brief {
namespace {

using quantity::Quantity;

// Role families: a figure for the killed is never compared with one for the
// injured. Matched as stem prefixes of the words near the number.
struct RoleFamily {
  const char* name;
  std::vector<const char*> stems;
};

const std::vector<RoleFamily>& Roles() {
  static const std::vector<RoleFamily> kRoles = {
      {"dead", {"kill", "dead", "die", "death", "fatal", "bodi", "slain", "murder"}},
      {"injured", {"injur", "wound", "hurt", "hospitalis", "hospitaliz", "stab", "treat"}},
      {"missing", {"miss", "unaccount"}},
      {"detained", {"arrest", "detain", "detent", "jail", "imprison", "prison", "custodi", "book"}},
      {"captive", {"hostag", "captiv", "abduct", "kidnap"}},
      {"sheltering", {"displac", "shelter", "refug", "flee", "fled", "evacu", "homeless", "home",
                      "resid", "inhabit", "popul", "host", "live", "hous"}},
      {"deployed", {"troop", "soldier", "deploy", "forc"}},
      {"voted", {"vote", "ballot", "turnout"}},
  };
  return kRoles;
}

struct Mention {
  uint32_t sentence = 0;
  size_t article = 0;
  Quantity q;
  std::string head_stem;
  std::set<std::string> counted_stems;
  bool person = false;
  int role = -1;                    // index into Roles(), -1 none
  std::set<std::string> context;    // content stems of this and the previous sentence
  std::set<std::string> names;      // capitalised non-initial words (folded)
  std::string age;                  // "year-old geraldine": ages compare only for one named person
};

int RoleOf(const std::vector<std::string>& stems, size_t center) {
  int best = -1;
  size_t best_dist = 9;
  for (size_t k = 0; k < stems.size(); ++k) {
    size_t dist = k > center ? k - center : center - k;
    if (dist >= best_dist) continue;
    const auto& roles = Roles();
    for (size_t r = 0; r < roles.size(); ++r) {
      for (const char* p : roles[r].stems) {
        if (stems[k].rfind(p, 0) == 0) {
          best = static_cast<int>(r);
          best_dist = dist;
        }
      }
    }
  }
  return best;
}

bool CalendarWord(const std::string& w) {
  static const std::set<std::string> kWords = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december"};
  return kWords.count(w) > 0;
}

// Nouns for people in general: "1.5 million people" and "1.4 million
// civilians" may count the same crowd; "four children" and "ten soldiers" not.
bool GenericPeople(const std::string& head) {
  static const std::set<std::string> kGeneric = {
      "people", "persons", "civilians", "residents", "inhabitants", "individuals",
      "population", "citizens", "locals", "souls"};
  return kGeneric.count(head) > 0;
}

// Durations and repetitions are not counts of a thing outlets report.
bool TimeUnit(const std::string& head) {
  static const std::set<std::string> kUnits = {
      "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
      "minute", "minutes", "second", "seconds", "decade", "decades", "century", "centuries",
      "time", "times", "percent"};
  return kUnits.count(head) > 0;
}

// Content stems and names of one sentence.
void AddContext(const std::string& sentence, text::Stemmer& stemmer, std::set<std::string>* context,
                std::set<std::string>* names) {
  bool first = true;
  for (const text::Token& tok : text::Tokenize(sentence)) {
    if (tok.kind != text::TokenKind::kWord) continue;
    std::string_view raw(sentence.data() + tok.begin, tok.end - tok.begin);
    std::string w = text::Fold(raw);
    if (auto p = w.find("'s"); p != std::string::npos && p + 2 == w.size()) w.resize(p);
    if (auto p = w.find("\u2019s"); p != std::string::npos && p + 4 == w.size()) w.resize(p);
    bool was_first = first;
    first = false;
    if (w.size() < 3 || text::IsStopWord(w)) continue;
    double ignored = 0;
    if (quantity::ParseNumber(w, &ignored)) continue;
    context->insert(stemmer.Stem(w));
    unsigned char c = static_cast<unsigned char>(raw[0]);
    if (!was_first && c >= 'A' && c <= 'Z' && !CalendarWord(w)) names->insert(w);
  }
}

size_t Shared(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t n = 0;
  for (const auto& x : a) n += b.count(x);
  return n;
}

bool Disjoint(const Quantity& a, const Quantity& b, double tol) {
  return a.High(tol) < b.Low(tol) * (1 - 1e-9) || b.High(tol) < a.Low(tol) * (1 - 1e-9);
}

bool Comparable(const Mention& a, const Mention& b, const DisagreementOptions& o) {
  if (a.q.unit != b.q.unit || a.q.currency != b.q.currency) return false;
  if (a.sentence == b.sentence) return false;  // a sentence listing figures lists different things
  // An outlet does not contradict itself: two of its figures that cannot both
  // hold are about different things.
  if (a.article == b.article && Disjoint(a.q, b.q, o.approx_tolerance)) return false;
  if (a.age != b.age) return false;
  bool same_thing = (!a.head_stem.empty() && a.head_stem == b.head_stem) || (a.person && b.person);
  // Two sums of money with nothing counted: only with much shared context.
  bool bare_money = a.q.unit == quantity::Unit::kCurrency && a.head_stem.empty() &&
                    b.head_stem.empty();
  if (!same_thing && !bare_money) return false;
  if (a.role != b.role) return false;
  double lo = std::min(a.q.value, b.q.value), hi = std::max(a.q.value, b.q.value);
  if (lo <= 0 || hi / lo > o.max_ratio) return false;
  if (Shared(a.names, b.names) == 0) return false;
  int need = o.min_shared_context + (same_thing ? 0 : 2);
  return static_cast<int>(Shared(a.context, b.context)) >= need;
}

std::string Topic(const std::vector<const Mention*>& members) {
  std::map<std::string, int> counted, names;
  for (const Mention* m : members) {
    if (!m->q.counted.empty()) ++counted[m->q.counted];
    for (const auto& n : m->names) ++names[n];
  }
  std::string what;
  int best = 0;
  for (const auto& [c, n] : counted) {
    if (n > best) best = n, what = c;
  }
  const Quantity& q = members.front()->q;
  std::string topic = q.unit == quantity::Unit::kPercent    ? "share"
                      : q.unit == quantity::Unit::kCurrency ? "amount"
                                                            : "number";
  if (!what.empty()) topic += " of " + what;
  // The name most members share (a place, an organisation).
  std::string name;
  best = 1;
  for (const auto& [n, c] : names) {
    if (c > best) best = c, name = n;
  }
  if (!name.empty()) {
    // Show it capitalised as the sources wrote it.
    std::string shown = name;
    shown[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(shown[0])));
    topic += " (" + shown + ")";
  }
  return topic;
}

}  // namespace

std::vector<Disagreement> FindDisagreements(const std::vector<Article>& articles,
                                            const SentenceModel& model,
                                            const SourceGroups& sources,
                                            const DisagreementOptions& options) {
  text::Stemmer stemmer("en");
  const auto& sents = model.sentences();
  std::vector<Mention> mentions;
  // Per sentence, computed once however many figures it and the next
  // sentence hold: word starts and stems (for the role), and the content
  // stems and names AddContext finds (a mention's context is the union of
  // its sentence's and the previous one's).
  struct SentenceWords {
    bool done = false;
    std::vector<size_t> begins;
    std::vector<std::string> stems;
  };
  struct SentenceContext {
    bool done = false;
    std::set<std::string> context, names;
  };
  std::vector<SentenceWords> sentence_words(sents.size());
  std::vector<SentenceContext> sentence_context(sents.size());
  auto words_of = [&](uint32_t s) -> const SentenceWords& {
    SentenceWords& w = sentence_words[s];
    if (!w.done) {
      w.done = true;
      for (const text::Token& tok : text::Tokenize(sents[s].text)) {
        if (tok.kind != text::TokenKind::kWord) continue;
        w.begins.push_back(tok.begin);
        w.stems.push_back(stemmer.Stem(text::Fold(
            std::string_view(sents[s].text).substr(tok.begin, tok.end - tok.begin))));
      }
    }
    return w;
  };
  auto context_of = [&](uint32_t s) -> const SentenceContext& {
    SentenceContext& c = sentence_context[s];
    if (!c.done) {
      c.done = true;
      AddContext(sents[s].text, stemmer, &c.context, &c.names);
    }
    return c;
  };
  for (uint32_t s = 0; s < sents.size(); ++s) {
    const std::string& lang = articles[sents[s].article].language;
    if (!lang.empty() && lang != "en") continue;
    for (Quantity& q : quantity::FindQuantities(sents[s].text)) {
      if (q.kind != quantity::Kind::kCardinal || q.value <= 0) continue;
      if (q.unit == quantity::Unit::kNone && (q.head.empty() || q.value < 2)) continue;
      if (q.unit == quantity::Unit::kPercent && q.head.empty()) continue;
      Mention m;
      m.sentence = s;
      m.article = sents[s].article;
      m.head_stem = q.head.empty() ? "" : stemmer.Stem(q.head);
      for (const std::string& w : text::Words(q.counted)) {
        if (!text::IsStopWord(w)) m.counted_stems.insert(stemmer.Stem(w));
      }
      // Rates ("five children per woman") are not counts.
      std::string_view after = std::string_view(sents[s].text).substr(q.end);
      after = after.substr(0, std::min<size_t>(after.size(), q.counted.size() + 8));
      if (after.find(" per ") != std::string_view::npos ||
          after.find(" a year") != std::string_view::npos ||
          after.find(" each") != std::string_view::npos) {
        continue;
      }
      // Durations, and possessives read as nouns ("nine of Anaheim's").
      if (TimeUnit(q.head) || q.head.ends_with("'s")) continue;
      if (q.counted.find("year-old") != std::string::npos ||
          q.counted.find("year old") != std::string::npos) {
        // "29-year-old Geraldine Alcorn": an age, comparable only for the same name.
        size_t last_space = q.counted.rfind(' ');
        if (last_space == std::string::npos) continue;
        unsigned char c = static_cast<unsigned char>(q.counted[last_space + 1]);
        if (c < 'A' || c > 'Z') continue;
        m.age = text::Fold(q.counted);
      }
      m.person = GenericPeople(q.head);
      // Demonyms in the plural ("Palestinians", "Israelis") count people too.
      if (!m.person && !q.counted.empty() && q.head.size() > 3 && q.head.back() == 's') {
        size_t last_space = q.counted.rfind(' ');
        char c = q.counted[last_space == std::string::npos ? 0 : last_space + 1];
        m.person = c >= 'A' && c <= 'Z';
      }
      // Role: nearest role word to the number within the sentence.
      // center: the last word starting before the number (0 when none).
      const SentenceWords& sw = words_of(s);
      const size_t before = static_cast<size_t>(
          std::lower_bound(sw.begins.begin(), sw.begins.end(), q.begin) - sw.begins.begin());
      m.role = RoleOf(sw.stems, before > 0 ? before - 1 : 0);
      const SentenceContext& own = context_of(s);
      m.context = own.context;
      m.names = own.names;
      if (sents[s].ordinal > 0) {
        const SentenceContext& prev = context_of(s - 1);
        m.context.insert(prev.context.begin(), prev.context.end());
        m.names.insert(prev.names.begin(), prev.names.end());
      }
      for (const auto& c : m.counted_stems) m.context.erase(c);
      m.q = std::move(q);
      mentions.push_back(std::move(m));
    }
  }

  // Greedy slots: a mention joins the first slot all of whose members it is
  // comparable with (no chaining through a middle figure).
  // Comparable() requires equal unit, currency, age and role, so every
  // member of a slot shares them, and a mention with another combination
  // fails on a slot's first member: only the slots of the mention's own
  // combination are tried (in creation order, as before), which keeps the
  // result and avoids trying every slot of a large story.
  std::vector<std::vector<size_t>> slots;
  using BlockKey = std::tuple<int, std::string, std::string, int>;
  std::map<BlockKey, std::vector<size_t>> slots_of_block;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& mi = mentions[i];
    std::vector<size_t>& block =
        slots_of_block[BlockKey{static_cast<int>(mi.q.unit), mi.q.currency, mi.age, mi.role}];
    bool placed = false;
    for (size_t k : block) {
      auto& slot = slots[k];
      bool ok = std::all_of(slot.begin(), slot.end(), [&](size_t j) {
        return Comparable(mi, mentions[j], options);
      });
      if (ok) {
        slot.push_back(i);
        placed = true;
        break;
      }
    }
    if (!placed) {
      block.push_back(slots.size());
      slots.push_back({i});
    }
  }

  struct Scored {
    Disagreement d;
    size_t independent;
  };
  std::vector<Scored> found;
  for (const auto& slot : slots) {
    std::vector<size_t> arts;
    for (size_t i : slot) arts.push_back(mentions[i].article);
    size_t independent = sources.CountIndependent(arts);
    if (independent < 2) continue;
    // Values as displayed; one entry per distinct value, citing every article.
    std::vector<const Mention*> members;
    std::map<std::string, size_t> index;
    Disagreement d;
    std::vector<const Quantity*> reps;
    std::vector<std::vector<size_t>> value_articles;
    for (size_t i : slot) {
      const Mention& m = mentions[i];
      members.push_back(&m);
      std::string v = quantity::Describe(m.q);
      auto [it, inserted] = index.emplace(v, d.values.size());
      if (inserted) {
        d.values.push_back({v, sents[m.sentence].text, {}});
        reps.push_back(&m.q);
        value_articles.emplace_back();
      }
      auto& ids = d.values[it->second].sources;
      const std::string& id = articles[m.article].id;
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      value_articles[it->second].push_back(m.article);
    }
    if (d.values.size() < 2) continue;
    // Distinct values must come from at least two independent sources, or it
    // is one outlet's own range of figures rather than a disagreement.
    std::set<size_t> value_groups;
    for (const auto& va : value_articles) {
      for (size_t a : va) value_groups.insert(sources.GroupOf(a));
    }
    if (value_groups.size() < 2) continue;
    bool conflict = false;
    for (size_t x = 0; x < reps.size(); ++x) {
      for (size_t y = x + 1; y < reps.size(); ++y) {
        if (Disjoint(*reps[x], *reps[y], options.approx_tolerance)) conflict = true;
      }
    }
    // "12,000" and "some 12,000" agree: a spread needs two different figures.
    bool same_figure = std::all_of(reps.begin(), reps.end(), [&](const Quantity* q) {
      return q->value == reps[0]->value && q->high == reps[0]->high;
    });
    if (!conflict && same_figure) continue;
    d.kind = conflict ? "conflict" : "spread";
    // Values in ascending order of their figure.
    std::vector<size_t> order(d.values.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return reps[a]->value < reps[b]->value; });
    std::vector<DisagreementValue> sorted;
    for (size_t k : order) sorted.push_back(d.values[k]);
    d.values = std::move(sorted);
    d.topic = Topic(members);
    found.push_back({std::move(d), independent});
  }
  std::stable_sort(found.begin(), found.end(), [](const Scored& a, const Scored& b) {
    if ((a.d.kind == "conflict") != (b.d.kind == "conflict")) return a.d.kind == "conflict";
    return a.independent > b.independent;
  });
  std::vector<Disagreement> out;
  for (auto& f : found) {
    if (out.size() >= options.max_slots) break;
    out.push_back(std::move(f.d));
  }
  // Then the words outlets chose for what happened ("cancelled" / "postponed").
  for (auto& d : FindCharacterisations(articles, model, sources)) {
    if (out.size() >= options.max_slots) break;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace parallax::brief
