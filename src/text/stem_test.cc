#include <gtest/gtest.h>

#include <libstemmer.h>

#include <string>

#include "parallax/text.h"

namespace parallax::text {
namespace {

struct StemCase {
  const char* language;
  const char* word;
  const char* stem;
};

const StemCase kCases[] = {
    {"en", "running", "run"},
    {"en", "officials", "offici"},
    {"en", "negotiations", "negoti"},
    {"en", "netanyahu's", "netanyahu"},
    {"fr", "négociations", "négoci"},
    {"de", "verhandlungen", "verhandl"},
    {"es", "negociaciones", "negoci"},
    {"it", "negoziati", "negoz"},
    {"pt", "negociações", "negoc"},
    {"nl", "onderhandelingen", "onderhandel"},
    {"ru", "переговоры", "переговор"},
    {"sv", "förhandlingar", "förhandling"},
    {"english", "running", "run"},  // algorithm names work too
    {"xx", "running", "running"},   // unknown: identity
    {"", "running", "running"},
};

TEST(Stemmer, GoldenTable) {
  for (const StemCase& c : kCases) {
    Stemmer s(c.language);
    EXPECT_EQ(s.Stem(c.word), c.stem) << c.language << " " << c.word;
  }
}

TEST(Stemmer, ReportsWhetherItHasAnAlgorithm) {
  EXPECT_TRUE(Stemmer("en").HasAlgorithm());
  EXPECT_TRUE(Stemmer("ar").HasAlgorithm());
  EXPECT_FALSE(Stemmer("zh").HasAlgorithm());
}

TEST(Stemmer, EveryIsoAliasResolvesToAnInstalledAlgorithm) {
  for (const char* iso : {"ar", "da", "de", "el", "en", "es", "fi", "fr", "hu", "id", "it", "nl",
                          "no", "pt", "ro", "ru", "sv", "tr"}) {
    EXPECT_TRUE(Stemmer(iso).HasAlgorithm()) << iso;
  }
}

TEST(Stemmer, MovesAndEmptyWords) {
  Stemmer a("en");
  Stemmer b(std::move(a));
  EXPECT_EQ(b.Stem("cats"), "cat");
  EXPECT_EQ(b.Stem(""), "");
  Stemmer c("fr");
  c = std::move(b);
  EXPECT_EQ(c.Stem("dogs"), "dog");
}

}  // namespace
}  // namespace parallax::text
