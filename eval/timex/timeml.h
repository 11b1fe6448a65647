// TimeML reading and TempEval-3 scoring for eval_timex.
//
// ReadTimeML() takes the <TEXT> element of a TimeML file as plain text (tags
// removed, XML entities decoded) with its TIMEX3 spans in character offsets,
// and the document creation time from <DCT>. Score() applies the metrics of
// ../shared/data/README.md: strict extent (same span), relaxed extent (any
// overlap, one to one) and value (relaxed matches with equal values).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "parallax/status.h"

namespace parallax::eval {

struct Span {
  size_t begin = 0;  // character offsets into the document text
  size_t end = 0;
  std::string type;
  std::string value;
};

struct TimeMLDoc {
  std::string id;
  std::string dct;   // YYYY-MM-DD
  std::string text;  // UTF-8 text of <TEXT>
  std::vector<Span> timexes;
};

Result<TimeMLDoc> ReadTimeML(const std::string& path);

struct Counts {
  size_t gold = 0, predicted = 0;
  size_t strict = 0, relaxed = 0, value = 0, type = 0;
  void Add(const Counts& o);
};

// Scores one document's predictions; `matched` receives, per gold span, the
// index of its relaxed match or -1.
Counts Score(const std::vector<Span>& gold, const std::vector<Span>& predicted,
             std::vector<int>* matched = nullptr);

double F1(size_t correct, size_t predicted, size_t gold);

}  // namespace parallax::eval
