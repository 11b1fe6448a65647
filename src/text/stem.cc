// Stemmer: a thin owner of one libstemmer (Snowball) instance. libstemmer
// keeps its working buffer inside the sb_stemmer object, which is why a
// Stemmer must not be shared between threads.
#include <libstemmer.h>

#include <string>

#include "parallax/text.h"

namespace parallax::text {
namespace {

struct Alias {
  const char* iso;
  const char* algorithm;
};

// ISO 639-1 code -> Snowball algorithm name (the ones Debian's libstemmer
// ships; sb_stemmer_list() is the authority at run time).
constexpr Alias kAliases[] = {
    {"ar", "arabic"},     {"ca", "catalan"},    {"da", "danish"},     {"de", "german"},
    {"el", "greek"},      {"en", "english"},    {"es", "spanish"},    {"eu", "basque"},
    {"fi", "finnish"},    {"fr", "french"},     {"ga", "irish"},      {"hi", "hindi"},
    {"hu", "hungarian"},  {"hy", "armenian"},   {"id", "indonesian"}, {"it", "italian"},
    {"lt", "lithuanian"}, {"nb", "norwegian"},  {"ne", "nepali"},     {"nl", "dutch"},
    {"nn", "norwegian"},  {"no", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"},
    {"ru", "russian"},    {"sr", "serbian"},    {"sv", "swedish"},    {"ta", "tamil"},
    {"tr", "turkish"},    {"yi", "yiddish"},
};

std::string AlgorithmFor(std::string_view language) {
  for (const Alias& a : kAliases) {
    if (language == a.iso) return a.algorithm;
  }
  return std::string(language);  // maybe already an algorithm name ("english")
}

}  // namespace

struct Stemmer::Impl {
  sb_stemmer* stemmer = nullptr;  // owned; null means identity
  ~Impl() {
    if (stemmer != nullptr) sb_stemmer_delete(stemmer);
  }
};

Stemmer::Stemmer(std::string_view language) : impl_(std::make_unique<Impl>()) {
  std::string algorithm = AlgorithmFor(language);
  if (!algorithm.empty()) impl_->stemmer = sb_stemmer_new(algorithm.c_str(), "UTF_8");
}

Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;

bool Stemmer::HasAlgorithm() const { return impl_ != nullptr && impl_->stemmer != nullptr; }

std::string Stemmer::Stem(std::string_view folded_word) {
  if (!HasAlgorithm() || folded_word.empty()) return std::string(folded_word);
  const sb_symbol* s = sb_stemmer_stem(
      impl_->stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
      static_cast<int>(folded_word.size()));
  if (s == nullptr) return std::string(folded_word);  // out of memory inside libstemmer
  return std::string(reinterpret_cast<const char*>(s),
                     static_cast<size_t>(sb_stemmer_length(impl_->stemmer)));
}

}  // namespace parallax::text
