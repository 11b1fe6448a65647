#include "parallax/entities.h"

#include <string>
#include <vector>

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

std::function<std::vector<std::string>(const Article&)> ClusterEntityNames(const Extractor& extractor,
                                                                           ClusterNames mode) {
  ner::Tagger tagger = extractor.tagger();  // shares the model
  if (mode == ClusterNames::kMentions) {
    return [tagger](const Article& a) {
      std::vector<std::string> out;
      for (ner::Mention& m : tagger.TagText(a.Text())) {
        if (m.type == ner::EntityType::kPerson) {
          size_t sp = m.text.rfind(' ');
          if (sp != std::string::npos) out.push_back(m.text.substr(sp + 1));
        }
        out.push_back(std::move(m.text));
      }
      return out;
    };
  }
  return [x = Extractor(tagger)](const Article& a) {
    std::vector<std::string> out;
    for (const ArticleEntity& e : x.Extract(a.Text())) {
      for (size_t i = 0; i < e.mentions.size(); ++i) out.push_back(e.name);
    }
    return out;
  };
}

}  // namespace parallax::entities
