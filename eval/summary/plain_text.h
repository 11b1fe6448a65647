// Articles from plain news text (Multi-News documents, the example articles),
// shared by eval_summary and bench_brief so both read text the same way.
#pragma once

#include <string>

#include "parallax/article.h"

namespace parallax::eval {

// One paragraph per non-empty line of `raw` (after text::Normalize), English.
Article PlainTextArticle(std::string id, std::string outlet, const std::string& raw);

}  // namespace parallax::eval
