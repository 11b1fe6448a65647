// A more diverse base for the synthetic stream (StreamGenerator) than ECB+
// alone: every news text in ../shared/data that comes with known stories.
//
//   ECB+            772 documents, gold event_cluster            ("ecb:" + cluster)
//   Multi-News      690 documents of 250 clusters, one per story  ("mn:" + line)
//   NeuS/AllSides   921 lead paragraphs of 307 left/centre/right  ("as:" + line)
//                   triples, one story per triple
//   PolNeAR         924 articles, each its own story              ("pn:" + file name)
//
// 3,307 texts and 1,331 stories in all (ECB+ alone: 772 and 66), with other
// outlets' styles, lengths and subjects (US politics, disasters, business,
// sport). Texts are split into one sentence per line (text::SplitSentences),
// as StreamGenerator expects. The texts stay in ../shared/data; nothing is
// copied into the repository.
#pragma once

#include <string>
#include <vector>

#include "ecb.h"
#include "parallax/status.h"

namespace parallax::eval {

// Reads the corpora above from `data_dir` (the ../shared/data folder).
// Errors name the missing or unreadable file.
Result<std::vector<EcbDoc>> LoadMixedCorpus(const std::string& data_dir);

// One sentence per line, whitespace inside a sentence collapsed to spaces.
std::string SentencePerLine(const std::string& text);

}  // namespace parallax::eval
