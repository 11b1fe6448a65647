// Short human labels for cited articles in rendered briefs: a number per
// article ("[2]") plus a display name (outlet, else title, else the URL's
// host, else the text's opening words, else id).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "parallax/article.h"

namespace parallax::brief {

// "5 articles, 3 independent sources", "1 article, 1 independent source".
std::string ArticleCounts(size_t articles, int independent_sources);

class SourceLabels {
 public:
  explicit SourceLabels(const std::vector<Article>& articles);
  // 1-based reference number of an article id (0 when unknown).
  int Number(const std::string& id) const;
  // "CNN", or the title, or "example.com", or "The United States and Israel
  // will hold a…", or the id. Worked out once per article at construction
  // (renderers ask for every citation); `articles` must outlive the labels.
  std::string Name(const Article& a) const;
  // The name shown for one outlet of the framing section, which names an
  // outlet by its outlet field or, for an article without one, by the
  // article's id: that id becomes the article's name as above ("The United
  // States and Israel will hold a…"); any other `outlet` is returned as is.
  std::string OutletName(const std::string& outlet, const std::vector<std::string>& ids) const;

 private:
  std::unordered_map<std::string, int> number_;
  std::vector<const Article*> named_;  // by number - 1: the article each name is of
  std::vector<std::string> names_;
};

}  // namespace parallax::brief
