#include "brief/timeline.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <string>

#include "brief/summary.h"
#include "parallax/text.h"
#include "parallax/timex.h"

namespace parallax::brief {
namespace {

using timex::Granularity;

struct Candidate {
  std::string date;  // YYYY-MM-DD or YYYY-MM
  uint32_t sentence = 0;
  double salience = 0;
};

// Anchor of every input article: its publication date, or for undated
// articles the median publication date of the story's dated articles.
std::vector<std::optional<timex::CivilDate>> Anchors(const std::vector<Article>& articles,
                                                     const StoryCluster& story) {
  std::vector<std::optional<timex::CivilDate>> out(articles.size());
  std::vector<int64_t> days;
  for (size_t a : story.articles) {
    out[a] = timex::ParseIsoDate(articles[a].published);
    if (out[a]) days.push_back(timex::DaysFromCivil(*out[a]));
  }
  if (days.empty()) return out;
  std::sort(days.begin(), days.end());
  timex::CivilDate median = timex::CivilFromDays(days[(days.size() - 1) / 2]);
  for (size_t a : story.articles) {
    if (!out[a]) out[a] = median;
  }
  return out;
}

bool English(const Article& a) { return a.language.empty() || a.language == "en"; }

// "WASHINGTON, March 25, 2024 - ...", "March 25 (Reuters) -": the date is
// followed by a dash, a bracket or a colon, or opens the sentence.
bool IsDateline(const std::string& text, const timex::TimeExpression& e) {
  if (e.begin == 0) return true;
  size_t k = e.end;
  while (k < text.size() && text[k] == ' ') ++k;
  if (k >= text.size()) return true;
  return text[k] == '-' || text[k] == '(' || text[k] == ':' || text.compare(k, 3, "\u2014") == 0 ||
         text.compare(k, 3, "\u2013") == 0;
}

// A time expression inside a comma-delimited aside that follows a name: an
// appositive or relative clause ("Donald Trump, Biden's rival for the White
// House this November, said ...", "Netanyahu, who met Blinken on Friday,
// said ..."): it dates something other than the sentence's own event. The
// aside must open like one ("who", "a", "Biden's"), so a place's commas
// ("her Boulder, Colorado, home on Dec. 26") do not count.
bool InAsideAfterName(const std::string& text, const timex::TimeExpression& e) {
  const size_t open = text.rfind(", ", e.begin);
  if (open == std::string::npos || open == 0) return false;
  const size_t close = text.find(',', e.end);
  if (close == std::string::npos) return false;
  // ", on Monday," is the main clause's own date adverbial, not an aside.
  const std::string_view aside = std::string_view(text).substr(open + 2, e.begin - open - 2);
  if (aside.empty() || aside == "on " || aside == "in " || aside == "late " || aside == "early " ||
      aside == "earlier " || aside == "later ") {
    return false;
  }
  // The aside opens like a relative clause or an appositive: "who ...",
  // "a former ...", "Biden's rival ..." (not "Boulder, Colorado, home on ...").
  const std::string_view first = aside.substr(0, aside.find(' '));
  static constexpr std::string_view kOpeners[] = {"who", "whom", "whose", "which", "a", "an", "the"};
  const bool opens_aside = std::find(std::begin(kOpeners), std::end(kOpeners), first) != std::end(kOpeners) ||
                           first.ends_with("'s") || first.ends_with("\xE2\x80\x99s");
  if (!opens_aside) return false;
  size_t w = text.rfind(' ', open - 1);
  w = w == std::string::npos ? 0 : w + 1;
  const char c = text[w];
  return c >= 'A' && c <= 'Z';
}

// The date an event sentence is about, or "" when it has none worth a
// timeline entry.
std::string EventDate(const Sentence& s, const std::optional<timex::CivilDate>& anchor) {
  if (s.words < 6 || s.words > 70) return "";  // datelines, bylines, run-ons
  if (!s.text.empty() && s.text.back() == '?') return "";
  timex::TimexOptions options;
  options.anchor = anchor;
  for (const timex::TimeExpression& e : timex::FindTimexes(s.text, options)) {
    if (!e.anchored || (e.type != timex::TimexType::kDate && e.type != timex::TimexType::kTime)) continue;
    Granularity g = e.meaning.granularity;
    bool absolute = e.meaning.kind == timex::TimexMeaning::Kind::kCalendar &&
                    e.meaning.year != timex::TimexMeaning::kUnset;
    // A full date at the very start of an article's first sentence is its
    // dateline ("WASHINGTON, March 25, 2024 -"), not an event.
    if (absolute && s.ordinal == 0 && e.begin < 48 && IsDateline(s.text, e)) continue;
    if (InAsideAfterName(s.text, e)) continue;
    if (g == Granularity::kDay || g == Granularity::kPartOfDay || g == Granularity::kTime) {
      if (e.value.size() >= 10) return e.value.substr(0, 10);
    } else if (g == Granularity::kMonth && e.value.size() == 7) {
      return e.value;
    }
  }
  return "";
}

// Union-find over candidate indices.
size_t Root(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

std::vector<TimelineEntry> BuildTimeline(const std::vector<Article>& articles,
                                         const StoryCluster& story, const SentenceModel& model,
                                         const Alignment& alignment,
                                         const std::vector<double>& salience,
                                         const TimelineOptions& options) {
  const auto anchors = Anchors(articles, story);
  const auto& sents = model.sentences();
  std::vector<Candidate> cands;
  for (uint32_t i = 0; i < sents.size(); ++i) {
    const Sentence& s = sents[i];
    if (!English(articles[s.article])) continue;
    std::string date = EventDate(s, anchors[s.article]);
    if (date.empty() || IsBoilerplate(text::Fold(s.text))) continue;  // tweet signatures, "Related: ..."
    cands.push_back({date, i, i < salience.size() ? salience[i] : 0.0});
  }
  std::stable_sort(cands.begin(), cands.end(),
                   [](const Candidate& a, const Candidate& b) { return a.date < b.date; });

  // One event: same date, and the same fact group or similar wording.
  std::vector<size_t> parent(cands.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (size_t x = 0; x < cands.size(); ++x) {
    for (size_t y = x + 1; y < cands.size() && cands[y].date == cands[x].date; ++y) {
      uint32_t sx = cands[x].sentence, sy = cands[y].sentence;
      if (alignment.group_of[sx] == alignment.group_of[sy] ||
          Cosine(sents[sx].vec, sents[sy].vec) >= options.same_event) {
        parent[Root(parent, y)] = Root(parent, x);
      }
    }
  }
  struct Event {
    std::string date;
    uint32_t representative = 0;
    double best_salience = -1e300;
    std::vector<size_t> articles;  // input indices, representative's first
  };
  std::vector<Event> events;
  std::vector<int> event_of(cands.size(), -1);
  for (size_t x = 0; x < cands.size(); ++x) {
    size_t r = Root(parent, x);
    if (event_of[r] < 0) {
      event_of[r] = static_cast<int>(events.size());
      events.push_back({cands[x].date, cands[x].sentence, -1e300, {}});
    }
    Event& ev = events[event_of[r]];
    if (cands[x].salience > ev.best_salience) {
      ev.best_salience = cands[x].salience;
      ev.representative = cands[x].sentence;
    }
    auto add = [&](size_t a) {
      if (std::find(ev.articles.begin(), ev.articles.end(), a) == ev.articles.end()) ev.articles.push_back(a);
    };
    add(sents[cands[x].sentence].article);
    for (size_t a : alignment.groups[alignment.group_of[cands[x].sentence]].articles) add(a);
  }
  for (Event& ev : events) {
    // The quoted sentence's own article is cited first.
    size_t own = sents[ev.representative].article;
    auto it = std::find(ev.articles.begin(), ev.articles.end(), own);
    std::rotate(ev.articles.begin(), it, it + 1);
  }

  // Keep the most widely reported events, at most a few per date.
  std::vector<size_t> order(events.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (events[a].articles.size() != events[b].articles.size()) {
      return events[a].articles.size() > events[b].articles.size();
    }
    return events[a].best_salience > events[b].best_salience;
  });
  std::vector<size_t> kept;
  for (size_t e : order) {
    if (kept.size() >= options.max_entries) break;
    size_t same_date = std::count_if(kept.begin(), kept.end(),
                                     [&](size_t k) { return events[k].date == events[e].date; });
    if (same_date >= options.max_per_date) continue;
    kept.push_back(e);
  }
  std::stable_sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
    return events[a].date != events[b].date ? events[a].date < events[b].date : false;
  });
  std::vector<TimelineEntry> out;
  for (size_t e : kept) {
    TimelineEntry entry;
    entry.date = events[e].date;
    entry.text = sents[events[e].representative].text;
    for (size_t a : events[e].articles) entry.sources.push_back(articles[a].id);
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace parallax::brief
