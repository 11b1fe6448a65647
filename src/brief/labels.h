// Short human labels for cited articles in rendered briefs: a number per
// article ("[2]") plus a display name (outlet, else title, else the URL's
// host, else the text's opening words, else id).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "parallax/article.h"

namespace parallax::brief {

class SourceLabels {
 public:
  explicit SourceLabels(const std::vector<Article>& articles);
  // 1-based reference number of an article id (0 when unknown).
  int Number(const std::string& id) const;
  // "CNN", or the title, or "example.com", or "The United States and Israel
  // will hold a virtual…", or the id.
  std::string Name(const Article& a) const;

 private:
  std::unordered_map<std::string, int> number_;
};

}  // namespace parallax::brief
