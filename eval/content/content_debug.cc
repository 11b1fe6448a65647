// content_debug FILE[.gz]: prints the blocks the content extractor sees,
// their class and flags, and the chosen container, for error analysis.
#include <cstdio>
#include <string>

#include "datasets.h"
#include "ingest/html/content/blocks.h"
#include "ingest/html/content/classify.h"
#include "ingest/html/content/container.h"
#include "ingest/html/dom.h"

using namespace parallax;
using namespace parallax::html;
using namespace parallax::html::content;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: content_debug FILE[.gz]\n");
    return 2;
  }
  auto bytes = eval::ReadGzip(argv[1]);
  if (!bytes.ok()) {
    std::fprintf(stderr, "%s\n", bytes.status().message().c_str());
    return 1;
  }
  HtmlDocument doc = HtmlDocument::Parse(*bytes);
  auto info = AnalyzeNodes(doc);
  auto blocks = SegmentBlocks(doc, info);
  ClassifyBlocks(&blocks);
  std::string trace;
  uint32_t c = ChooseContainer(doc, info, blocks, &trace);
  std::printf("%s", trace.c_str());
  auto path = [&](uint32_t id) {
    std::string s;
    for (int k = 0; k < 4 && id != 0 && id != kNoNode; ++k) {
      std::string part(doc.Name(id));
      std::string cls(doc.Attribute(id, "class"));
      if (cls.size() > 30) cls.resize(30);
      if (!cls.empty()) part += "." + cls;
      s = part + (s.empty() ? "" : " > ") + s;
      id = doc.node(id).parent;
    }
    return s;
  };
  std::printf("container %u %s chars=%u\n", c, path(c).c_str(), info[c].chars);
  const char* cls_names[] = {"BAD", "short", "near", "GOOD"};
  for (const auto& b : blocks) {
    bool in = b.first_node >= c && b.first_node < info[c].end;
    std::string t = b.text.substr(0, 90);
    std::printf("%s %-5s f=%02x len=%u ld=%.2f [%s] %s\n", in ? "*" : " ",
                cls_names[static_cast<int>(b.cls)], b.flags, b.chars, b.link_density(),
                path(b.owner).c_str(), t.c_str());
  }
  return 0;
}
