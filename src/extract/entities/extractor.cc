#include "parallax/entities.h"

namespace parallax::entities {

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganization: return "organization";
    case EntityType::kPlace: return "place";
    case EntityType::kOther: return "other";
  }
  return "other";
}

Result<Extractor> Extractor::LoadDefault() {
  Result<ner::Tagger> tagger = ner::Tagger::LoadDefault();
  if (!tagger.ok()) return tagger.status();
  return Extractor(std::move(*tagger));
}

std::vector<ArticleEntity> Extractor::Extract(std::string_view text) const {
  return ResolveArticle(text, tagger_.TagText(text));
}

}  // namespace parallax::entities
