// meta_debug: the metadata of one page, for error analysis.
//   meta_debug PAGE.html[.gz] [URL]
#include <cstdio>
#include <string>

#include "ingest/html/dom.h"
#include "ingest/html/meta/metadata.h"
#include "sets.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: meta_debug PAGE.html[.gz] [URL]\n");
    return 2;
  }
  parallax::Result<std::string> bytes = parallax::eval::ReadPage(argv[1]);
  if (!bytes.ok()) {
    std::fprintf(stderr, "meta_debug: %s\n", bytes.status().message().c_str());
    return 1;
  }
  const auto doc = parallax::html::HtmlDocument::Parse(*bytes);
  const auto m = parallax::html::ExtractMetadata(doc, argc > 2 ? argv[2] : "");
  std::printf("title:       %s\nauthor:      %s\npublished:   %s (%s, %s)\nmodified:    %s\n"
              "outlet:      %s\nurl:         %s\nlanguage:    %s\ndescription: %s\n",
              m.title.c_str(), m.author.c_str(), m.published.c_str(),
              parallax::DateSourceName(m.published_source), m.published_evidence.c_str(),
              m.modified.c_str(), m.outlet.c_str(), m.url.c_str(), m.language.c_str(),
              m.description.c_str());
  return 0;
}
