#include <cstdio>
#include <string>

#include "brief/labels.h"
#include "parallax/render.h"

namespace parallax {
namespace {

// Backslash-escapes Markdown and inline-HTML syntax so article text renders
// as text.
std::string Md(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '#': case '!':
        out.push_back('\\');
        out.push_back(c);
        break;
      case '\n':
        out.push_back(' ');
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string Refs(const brief::SourceLabels& labels, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += " [" + std::to_string(labels.Number(id)) + "]";
  return out;
}

// "How each outlet tells it": distinctive terms with their z-scores, then
// whom the outlet quotes.
std::string FramingSection(const brief::SourceLabels& labels, const std::vector<OutletFraming>& framing) {
  if (framing.empty()) return "";
  std::string md = "\n## How each outlet tells it\n\n";
  for (const auto& f : framing) {
    md += "- **" + Md(labels.OutletName(f.outlet, f.articles)) + "**" + Refs(labels, f.articles) + ": ";
    std::string terms;
    for (const auto& t : f.terms) {
      char z[32];
      std::snprintf(z, sizeof z, "%.1f", t.z);
      terms += (terms.empty() ? "" : ", ") + Md(t.term) + " (z " + z + ")";
    }
    md += terms.empty() ? "no distinctive terms" : "distinctive terms " + terms;
    if (!f.sources.empty()) {
      std::string names;
      for (const auto& n : f.sources) names += (names.empty() ? "" : ", ") + Md(n);
      md += "; relies on " + names;
    }
    md += "\n";
  }
  return md;
}

}  // namespace

std::string RenderBriefMarkdown(const std::vector<Article>& articles,
                                const std::vector<StoryBrief>& stories) {
  brief::SourceLabels labels(articles);
  std::string md;
  for (const StoryBrief& s : stories) {
    md += "# " + Md(s.title.empty() ? s.id : s.title) + "\n\n";
    md += "*" + brief::ArticleCounts(s.articles.size(), s.independent_sources) + "* (story " + Md(s.id) + ")\n\n";
    md += "## Summary\n\n";
    // A page of lists or credits has no sentence that reads as prose.
    if (s.summary.empty()) md += "No sentence of these articles reads as a summary.\n";
    for (const auto& c : s.summary) md += "- " + Md(c.text) + Refs(labels, c.sources) + "\n";
    if (!s.agreements.empty()) {
      md += "\n## What the sources agree on\n\n";
      for (const auto& c : s.agreements) {
        md += "- " + Md(c.text) + Refs(labels, c.sources) + "\n";
      }
    }
    if (!s.disagreements.empty()) {
      md += "\n## Where they disagree\n\n";
      for (const auto& d : s.disagreements) {
        md += "- **" + Md(d.topic) + "**" + (d.kind.empty() ? "" : " (" + Md(d.kind) + ")") + "\n";
        for (const auto& v : d.values) {
          md += "  - " + Md(v.value) + ": " + Md(v.text) + Refs(labels, v.sources) + "\n";
        }
      }
    }
    if (!s.exclusives.empty()) {
      md += "\n## Reported by one source only\n\n";
      for (const auto& e : s.exclusives) md += "- " + Md(e.text) + Refs(labels, {e.source}) + "\n";
    }
    if (!s.quotes.empty()) {
      md += "\n## Quotes\n\n";
      for (const auto& q : s.quotes) {
        md += "- **" + Md(q.speaker) + "**: \u201C" + Md(q.text) + "\u201D" + Refs(labels, q.sources) + "\n";
      }
    }
    if (!s.timeline.empty()) {
      md += "\n## Timeline\n\n";
      for (const auto& t : s.timeline) {
        md += "- " + Md(t.date) + ": " + Md(t.text) + Refs(labels, t.sources) + "\n";
      }
    }
    if (!s.entities.empty()) {
      md += "\n## People, organizations, places\n\n";
      for (const auto& e : s.entities) {
        md += "- " + Md(e.name) + " (" + Md(e.type);
        for (const auto& r : e.roles) md += "; " + Md(r);
        md += ")";
        if (!e.aliases.empty()) {
          md += ", also";
          for (size_t i = 0; i < e.aliases.size(); ++i) md += (i ? ", " : " ") + Md(e.aliases[i]);
        }
        md += Refs(labels, e.sources) + "\n";
      }
    }
    md += FramingSection(labels, s.framing);
    md += "\n## Sources\n\n";
    for (const std::string& id : s.articles) {
      for (const Article& a : articles) {
        if (a.id != id) continue;
        md += std::to_string(labels.Number(id)) + ". " + Md(labels.Name(a));
        if (!a.title.empty() && a.title != labels.Name(a)) md += ": " + Md(a.title);
        if (!a.published.empty()) md += " (" + Md(a.published) + ")";
        if (!a.url.empty()) md += ", " + Md(a.url);
        md += " (id " + Md(a.id) + ")\n";
        break;
      }
    }
    md += "\n";
  }
  return md;
}

}  // namespace parallax
