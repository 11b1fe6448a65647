// Output formats for articles and briefs (CONTRACT.md shapes).
//
// All text from articles is untrusted: the HTML renderer escapes every
// string and links only http(s) URLs; the Markdown renderer escapes Markdown
// and inline-HTML syntax. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/brief.h"

namespace parallax {

// One `parallax.article/1` object; compact (one line) or indented.
std::string RenderArticleJson(const Article& article, bool pretty);

// `parallax.brief/1` for the given stories; `articles` are every input article.
std::string RenderBriefJson(const std::vector<Article>& articles,
                            const std::vector<StoryBrief>& stories);
std::string RenderBriefMarkdown(const std::vector<Article>& articles,
                                const std::vector<StoryBrief>& stories);
// A self-contained HTML page (inline CSS, no scripts, no external resources).
std::string RenderBriefHtml(const std::vector<Article>& articles,
                            const std::vector<StoryBrief>& stories);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view s);

}  // namespace parallax
