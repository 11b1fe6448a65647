// TEMPORARY: weak stand-ins for ParseFeed and ArticleFromJsonRecord until the
// format readers land in src/ingest/formats/. They live in their own library,
// linked after parallax_ingest, so the real (strong) definitions always win
// and these are only used while the real ones do not exist. Delete this file
// (and its target in CMakeLists.txt) once they do.
#include "parallax/ingest.h"

namespace parallax {

__attribute__((weak)) Status ParseFeed(std::string_view /*bytes*/, const DocContext& /*ctx*/,
                                       const ReadCallbacks& /*callbacks*/) {
  return Unsupported("feeds are not supported in this build");
}

__attribute__((weak)) Result<Article> ArticleFromJsonRecord(std::string_view /*json_line*/,
                                                            const DocContext& /*ctx*/) {
  return Unsupported("JSONL records are not supported in this build");
}

}  // namespace parallax
