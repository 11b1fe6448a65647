#include <cstdio>
#include <string>

#include "brief/labels.h"
#include "parallax/render.h"

namespace parallax {
namespace {

constexpr const char* kStyle = R"css(
:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--muted:#6e6e73;--chip:#e8eefc;--line:#ddd}
@media (prefers-color-scheme:dark){:root{--fg:#f2f2f2;--bg:#15171a;--muted:#a1a1a6;--chip:#263251;--line:#333}}
body{font:16px/1.55 system-ui,sans-serif;color:var(--fg);background:var(--bg);max-width:50rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid var(--line)}
.meta{color:var(--muted)}a.cite{display:inline-block;background:var(--chip);border-radius:.6rem;padding:0 .4rem;
margin-left:.2rem;font-size:.8rem;text-decoration:none;color:inherit}li{margin:.35rem 0}
.src{color:var(--muted);font-size:.9rem}article.story{margin-bottom:3rem}
)css";

std::string Esc(std::string_view s) { return HtmlEscape(s); }

bool SafeUrl(std::string_view u) {
  return u.starts_with("https://") || u.starts_with("http://");
}

std::string Chips(const brief::SourceLabels& labels, const std::vector<Article>& articles,
                  const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    int n = labels.Number(id);
    std::string name = id;
    if (n > 0) name = labels.Name(articles[static_cast<size_t>(n - 1)]);
    out += "<a class=\"cite\" href=\"#src-" + std::to_string(n) + "\" title=\"" + Esc(name) +
           "\">" + std::to_string(n) + "</a>";
  }
  return out;
}

void CitedList(std::string* h, const char* heading, const std::vector<CitedText>& items,
               const brief::SourceLabels& labels, const std::vector<Article>& articles) {
  if (items.empty()) return;
  *h += "<h2>" + std::string(heading) + "</h2><ul>";
  for (const auto& c : items) *h += "<li>" + Esc(c.text) + Chips(labels, articles, c.sources) + "</li>";
  *h += "</ul>";
}

// "How each outlet tells it": distinctive terms (z-score on hover), then whom
// the outlet quotes.
void FramingSection(std::string* h, const std::vector<OutletFraming>& framing,
                    const brief::SourceLabels& labels, const std::vector<Article>& articles) {
  if (framing.empty()) return;
  *h += "<h2>How each outlet tells it</h2><ul>";
  for (const auto& f : framing) {
    *h += "<li><strong>" + Esc(labels.OutletName(f.outlet, f.articles)) + "</strong>" + Chips(labels, articles, f.articles) + ": ";
    std::string terms;
    for (const auto& t : f.terms) {
      char z[32];
      std::snprintf(z, sizeof z, "%.1f", t.z);
      terms += std::string(terms.empty() ? "" : ", ") + "<span title=\"z " + z + "\">" + Esc(t.term) + "</span>";
    }
    *h += terms.empty() ? "no distinctive terms" : "distinctive terms " + terms;
    if (!f.sources.empty()) {
      std::string names;
      for (const auto& n : f.sources) names += (names.empty() ? "" : ", ") + Esc(n);
      *h += "; <span class=\"src\">relies on " + names + "</span>";
    }
    *h += "</li>";
  }
  *h += "</ul>";
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string RenderBriefHtml(const std::vector<Article>& articles,
                            const std::vector<StoryBrief>& stories) {
  brief::SourceLabels labels(articles);
  std::string h = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                  "<title>Parallax brief</title><style>";
  h += kStyle;
  h += "</style></head><body>";
  for (const StoryBrief& s : stories) {
    h += "<article class=\"story\"><h1>" + Esc(s.title.empty() ? s.id : s.title) + "</h1>";
    h += "<p class=\"meta\">" + brief::ArticleCounts(s.articles.size(), s.independent_sources) + "</p>";
    CitedList(&h, "Summary", s.summary, labels, articles);
    if (s.summary.empty()) h += "<h2>Summary</h2><p>No sentence of these articles reads as a summary.</p>";
    CitedList(&h, "What the sources agree on", s.agreements, labels, articles);
    if (!s.disagreements.empty()) {
      h += "<h2>Where they disagree</h2><ul>";
      for (const auto& d : s.disagreements) {
        h += "<li><strong>" + Esc(d.topic) + "</strong>" +
             (d.kind.empty() ? "" : " <em>(" + Esc(d.kind) + ")</em>") + "<ul>";
        for (const auto& v : d.values) {
          h += "<li><strong>" + Esc(v.value) + "</strong>: " + Esc(v.text) +
               Chips(labels, articles, v.sources) + "</li>";
        }
        h += "</ul></li>";
      }
      h += "</ul>";
    }
    if (!s.exclusives.empty()) {
      h += "<h2>Reported by one source only</h2><ul>";
      for (const auto& e : s.exclusives) h += "<li>" + Esc(e.text) + Chips(labels, articles, {e.source}) + "</li>";
      h += "</ul>";
    }
    if (!s.quotes.empty()) {
      h += "<h2>Quotes</h2><ul>";
      for (const auto& q : s.quotes) {
        h += "<li><strong>" + Esc(q.speaker) + "</strong>: \u201C" + Esc(q.text) + "\u201D" +
             Chips(labels, articles, q.sources) + "</li>";
      }
      h += "</ul>";
    }
    if (!s.timeline.empty()) {
      h += "<h2>Timeline</h2><ul>";
      for (const auto& t : s.timeline) {
        h += "<li><time>" + Esc(t.date) + "</time> " + Esc(t.text) + Chips(labels, articles, t.sources) + "</li>";
      }
      h += "</ul>";
    }
    if (!s.entities.empty()) {
      h += "<h2>People, organizations, places</h2><ul>";
      for (const auto& e : s.entities) {
        h += "<li>" + Esc(e.name) + " <span class=\"src\">" + Esc(e.type);
        for (const auto& r : e.roles) h += "; " + Esc(r);
        h += "</span>";
        if (!e.aliases.empty()) {
          h += " <span class=\"src\">also";
          for (size_t i = 0; i < e.aliases.size(); ++i) h += (i ? ", " : " ") + Esc(e.aliases[i]);
          h += "</span>";
        }
        h += Chips(labels, articles, e.sources) + "</li>";
      }
      h += "</ul>";
    }
    FramingSection(&h, s.framing, labels, articles);
    h += "<h2>Sources</h2><ol class=\"src\">";
    for (const std::string& id : s.articles) {
      int n = labels.Number(id);
      if (n == 0) continue;
      const Article& a = articles[static_cast<size_t>(n - 1)];
      h += "<li value=\"" + std::to_string(n) + "\" id=\"src-" + std::to_string(n) + "\">";
      std::string name = Esc(labels.Name(a));
      h += SafeUrl(a.url) ? "<a href=\"" + Esc(a.url) + "\" rel=\"noopener noreferrer\">" + name + "</a>" : name;
      if (!a.title.empty() && a.title != labels.Name(a)) h += ": " + Esc(a.title);
      if (!a.published.empty()) h += " <time>" + Esc(a.published) + "</time>";
      h += "</li>";
    }
    h += "</ol></article>";
  }
  h += "</body></html>\n";
  return h;
}

}  // namespace parallax
