// Quotes and attribution: who said what in one article.
//
// Finds direct quotes (straight and curly marks, several sentences, a quote
// that runs on over paragraphs whose opening paragraph has no closing mark,
// split quotes `"…," he said, "…"`), indirect speech (`X said (that) …`,
// `X told reporters …`, `…, the official said`, `X warned/argued/believes …`)
// and `according to X` attributions, and resolves each speaker:
//   - a named person or organisation (NER mentions), reported under the
//     longest name the article uses for it ("Netanyahu" -> "Benjamin
//     Netanyahu");
//   - a title ("the prime minister") -> the nearest earlier person introduced
//     with that title, when only one person in the article carries it;
//   - a pronoun (he/she/they) -> the most recent compatible speaker or
//     subject;
//   - otherwise an anonymous but described source ("a senior US official",
//     "officials"), kept as its description.
//
//   quotes::Extractor ex(tagger);                 // tagger: ner::Tagger
//   for (const quotes::Quote& q : ex.Extract(article.Text())) { ... }
//
// Rules for direct quotes and speech verbs, plus a trained cue detector and
// content-span model (models/quotes/quotes.model, trained on PolNeAR by
// `train_quotes`) for attributions with other cues: support, plans,
// expectations, polls that show, nominal cues ("Options::learned"). The
// algorithm is described in src/extract/quotes/README.md, measured figures
// in eval/quotes/RESULTS.md.
//
// Thread-safety: an Extractor is immutable after construction; Extract may
// be called concurrently. Results own their strings.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/ner.h"

namespace parallax::quotes {

namespace internal {
struct Model;
}

enum class QuoteKind { kDirect, kIndirect };
const char* QuoteKindName(QuoteKind kind);  // "direct" | "indirect"

// What the speaker resolved to.
enum class SpeakerType {
  kPerson,        // a named person
  kOrganization,  // a named organisation, outlet, country or government
  kAnonymous,     // described but unnamed ("a senior US official")
  kUnknown,       // no speaker found (e.g. an unattributed pronoun)
};
const char* SpeakerTypeName(SpeakerType type);  // person|organization|anonymous|unknown

// Speaker names: the words of a name without a trailing possessive
// (text::Words, "'s" dropped), and whether every word of `part` occurs in
// `whole` in the same order ("Netanyahu" within "Benjamin Netanyahu"; an
// empty `part` is within anything). Used to merge a speaker's short and full
// names, within an article and across a story's articles.
std::vector<std::string> NameWords(std::string_view name);
bool NameWithin(const std::vector<std::string>& part, const std::vector<std::string>& whole);

struct Quote {
  // Content span in the text given to Extract: bytes and code points. A
  // direct quote's span includes its quotation marks. A quote in several
  // parts (`"…," he said, "…"`, or a statement continued over sentences and
  // paragraphs) spans from the first part's start to the last part's end.
  // `text` is the content without the enclosing marks (and without the
  // comma a quote ends on before its attribution), parts joined by a space.
  // Indirect content is the reported clause ("that the talks failed").
  size_t begin = 0;
  size_t end = 0;
  size_t char_begin = 0;
  size_t char_end = 0;
  std::string text;
  QuoteKind kind = QuoteKind::kDirect;
  std::string cue;  // "said", "according to", "" for a continued quote
  // Where the speaker is mentioned (bytes; equal when there is none) and
  // what it is called there.
  size_t speaker_begin = 0;
  size_t speaker_end = 0;
  std::string speaker_mention;
  // Resolved speaker: canonical name for named speakers, the description
  // for anonymous ones, the mention itself when unresolved.
  std::string speaker;
  SpeakerType speaker_type = SpeakerType::kUnknown;
};

struct Options {
  bool indirect = true;  // also report indirect speech and "according to"
  // Direct quotes with no cue and no speaker to continue, of at most this
  // many words, are scare quotes ("so-called 'peace plan'") and dropped.
  int min_unattributed_words = 4;
  // The trained cue detector and content-span model (models/quotes/,
  // located like the NER model: $PARALLAX_MODELS/quotes/quotes.model, else
  // the source tree's) add attributions beyond the cue-verb rules: support,
  // plans, expectations, polls that show, nominal cues. When the file cannot
  // be read the rules run alone. Only with a tagger.
  bool learned = true;
  std::string model_path;            // empty: the default location
  float cue_threshold_delta = 0;     // added to the model's cue threshold
};

class Extractor {
 public:
  // Without a tagger, names are found by capitalisation only (weaker).
  Extractor() = default;
  explicit Extractor(ner::Tagger tagger, Options options = {});

  // Quotes of one article's text in order of their start.
  std::vector<Quote> Extract(std::string_view text) const;

  // Same, with entity mentions already computed (byte offsets into `text`,
  // as ner::Tagger::TagText returns them).
  std::vector<Quote> Extract(std::string_view text,
                             const std::vector<ner::Mention>& mentions) const;

 private:
  std::optional<ner::Tagger> tagger_;
  Options options_;
  std::shared_ptr<const internal::Model> model_;  // null: rules only
};

}  // namespace parallax::quotes
