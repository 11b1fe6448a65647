#include <iostream>
#include <unordered_map>

#include "commands.h"

namespace parallax::cli {

void ReportProblem(const std::string& input, const std::string& problem) {
  std::cerr << "parallax: " << input << ": " << problem << "\n";
}

std::vector<Article> ReadAll(const std::vector<std::string>& inputs, const ReadOptions& options,
                             bool* failed) {
  std::vector<Article> articles;
  std::unordered_map<std::string, int> seen;
  ReadCallbacks callbacks;
  callbacks.on_article = [&](Article&& a) {
    int& n = seen[a.id];
    if (++n > 1) {
      std::string base = a.id;
      do {
        a.id = base + "-" + std::to_string(n++);
      } while (seen.count(a.id) != 0);
      seen[a.id] = 1;
    }
    articles.push_back(std::move(a));
  };
  callbacks.on_error = [&](const InputError& e) {
    ReportProblem(e.input, e.problem);
    *failed = true;
  };
  ReadInputs(inputs, options, callbacks);
  return articles;
}

}  // namespace parallax::cli
