// The quotes section of a story brief: who said what, across outlets.
//
// Quotes are extracted per article (parallax::quotes), speakers merged
// across articles ("Netanyahu" = "Benjamin Netanyahu"), and the same
// statement carried by several outlets — verbatim, cut to a partial quote,
// translated a little differently, or paraphrased as indirect speech — is
// aligned into one BriefQuote by the overlap of content-word stems. Each
// differing wording is kept as a variant with its source.
//
// Only direct quotes head a BriefQuote (the renderers print the text as a
// verbatim quotation); indirect speech joins as a variant of the direct
// quote it paraphrases. Scare quotes and fragments of 1-3 words are
// dropped. Direct quotes carried by more sources come first.
//
// Pure functions; thread-safe (the default extractor is loaded once).
#pragma once

#include "brief/mentions.h"

#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/brief.h"
#include "parallax/cluster.h"
#include "parallax/quotes.h"

namespace parallax::brief {

// Quotes found in one article.
struct ArticleQuotes {
  std::string article_id;
  std::vector<quotes::Quote> quotes;
};

// Groups and aligns already extracted quotes (in story order).
std::vector<BriefQuote> AlignQuotes(const std::vector<ArticleQuotes>& per_article,
                                    size_t max_quotes = 20);

// Extracts the quotes of `story`'s articles with `extractor` and aligns them.
std::vector<BriefQuote> StoryQuotes(const std::vector<Article>& articles, const StoryCluster& story,
                                    const quotes::Extractor& extractor);

// Same, with the project's NER model when it loads (capitalisation only
// otherwise), loaded once per process.
std::vector<BriefQuote> StoryQuotes(const std::vector<Article>& articles, const StoryCluster& story);

// Same, with the story's mentions already tagged (TagStory): speakers come
// from those mentions instead of tagging every article again.
std::vector<BriefQuote> StoryQuotes(const std::vector<Article>& articles, const StoryCluster& story,
                                    const StoryMentions& mentions);

}  // namespace parallax::brief
