#include <CLI/CLI.hpp>
#include <iostream>

#include "parallax/ingest.h"

int main(int argc, char** argv) {
  CLI::App app{"parallax: one story, many outlets"};
  app.require_subcommand(1);
  std::vector<std::string> inputs;
  auto* extract = app.add_subcommand("extract", "Extract articles");
  extract->add_option("inputs", inputs)->required();
  CLI11_PARSE(app, argc, argv);
  int failed = 0;
  parallax::ReadInputs(inputs, {},
                       {[](parallax::Article&& a) { std::cout << a.id << "\t" << a.title << "\n"; },
                        [&](const parallax::InputError& e) {
                          std::cerr << "parallax: " << e.input << ": " << e.problem << "\n";
                          failed = 1;
                        }});
  return failed;
}
