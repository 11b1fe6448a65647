// Named-entity tagger: PER / ORG / LOC / MISC in IOB2, trained in this
// project (see models/ner/README.md for the exact command and figures).
//
// The model is a first-order averaged structured perceptron decoded with
// Viterbi under IOB2 constraints (an I-X tag only follows B-X or I-X), over
// word, shape, affix, context, word-cluster, gazetteer and document-level
// features. Word clusters and gazetteers are compiled into the model file,
// so tagging needs nothing but that one file.
//
//   Result<ner::Tagger> t = ner::Tagger::LoadDefault();
//   if (!t.ok()) return t.status();
//   std::vector<std::string> tags = t->Tag({"Antony", "Blinken", "met", ...});
//   for (const ner::Mention& m : t->TagText(article_text)) { ... }
//
// Thread-safety: a Tagger is immutable after loading; all const methods may
// be called concurrently from any number of threads. Copies share the model
// (cheap, reference-counted).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/status.h"

namespace parallax::ner {

enum class EntityType { kPerson, kOrganization, kLocation, kMisc };

// "PER", "ORG", "LOC", "MISC".
const char* EntityTypeName(EntityType type);

// One entity mention found in raw text.
struct Mention {
  size_t begin = 0;  // byte offsets into the text given to TagText
  size_t end = 0;
  EntityType type = EntityType::kMisc;
  std::string text;  // text[begin, end)
  bool operator==(const Mention&) const = default;
};

// Where LoadDefault looks: $PARALLAX_MODELS/ner/ner.model when the variable
// is set and non-empty, else <source dir>/models/ner/ner.model (the path is
// fixed at build time).
std::string DefaultModelPath();

struct Model;  // opaque; defined in src/extract/ner/model.h

class Tagger {
 public:
  // Reads a model file. Errors: kNotFound (missing file), kInvalidInput
  // (not a model, truncated, checksum mismatch, incompatible version); the
  // message names the path.
  static Result<Tagger> Load(const std::string& path);
  static Result<Tagger> LoadDefault();

  // Wraps an in-memory model (used by training and tests).
  explicit Tagger(std::shared_ptr<const Model> model);

  // IOB2 tags ("O", "B-PER", "I-PER", ...) for one tokenised sentence, one
  // per token. The sentence is treated as a document of its own.
  std::vector<std::string> Tag(const std::vector<std::string>& tokens) const;

  // Tags every sentence of one document; document-level features (how a
  // word is cased elsewhere in the document) make this more accurate than
  // tagging sentences one by one.
  std::vector<std::vector<std::string>> TagDocument(
      const std::vector<std::vector<std::string>>& sentences) const;

  // Splits `text` into sentences and tokens with the text layer, tags it as
  // one document and returns the entity mentions in order.
  std::vector<Mention> TagText(std::string_view text) const;

  const Model& model() const { return *model_; }

 private:
  std::shared_ptr<const Model> model_;
};

}  // namespace parallax::ner
