#include "ingest/html/content/container.h"

#include "ingest/html/content/patterns.h"

namespace parallax::html::content {
namespace {

bool IsParagraphLike(Tag t) {
  switch (t) {
    case Tag::kP: case Tag::kLi: case Tag::kDd: case Tag::kDt: case Tag::kTd: case Tag::kTh:
    case Tag::kBlockquote: case Tag::kPre: case Tag::kH1: case Tag::kH2: case Tag::kH3:
    case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kAddress: case Tag::kFigcaption:
      return true;
    default:
      return false;
  }
}

double GoodWeight(const TextBlock& b) {
  double nonlink = static_cast<double>(b.weighted_chars()) * (1.0 - b.link_density());
  switch (b.cls) {
    case BlockClass::kGood: return nonlink;
    case BlockClass::kNearGood: return 0.5 * nonlink;
    default: return 0;
  }
}

double BadWeight(const TextBlock& b) {
  if (b.cls == BlockClass::kBad) return b.weighted_chars();
  return b.link_chars;
}

double ElementMultiplier(const HtmlDocument& doc, const NodeInfo& ni, uint32_t id) {
  double m = 1.0;
  if (ni.own & kFlagStrongPositive) {
    m *= 1.5;
  } else if (ni.own & kFlagPositive) {
    m *= 1.15;
  }
  Tag t = doc.node(id).tag;
  if (t == Tag::kArticle || t == Tag::kMain) m *= 1.2;
  if (ni.flags & kFlagBoiler) m *= 0.1;
  if (ni.flags & kFlagWeakBoiler) m *= 0.5;
  if (ni.chars > 0) m *= 1.0 - static_cast<double>(ni.link_chars) / ni.chars;
  return m;
}

}  // namespace

uint32_t ChooseContainer(const HtmlDocument& doc, const std::vector<NodeInfo>& info,
                         const std::vector<TextBlock>& blocks, std::string* trace) {
  auto note = [&](const char* what, uint32_t id, double a, double b) {
    if (trace == nullptr) return;
    *trace += std::string(what) + " " + std::to_string(id) + " <" + std::string(doc.Name(id)) +
              " class=\"" + std::string(doc.Attribute(id, "class")) + "\"> " +
              std::to_string(a) + " " + std::to_string(b) + "\n";
  };
  size_t n = doc.size();
  std::vector<double> seed(n, 0.0), good(n, 0.0), bad(n, 0.0);
  static constexpr double kDecay[] = {1.0, 0.5, 1.0 / 6, 1.0 / 9, 1.0 / 12};
  for (const TextBlock& b : blocks) {
    double g = GoodWeight(b);
    good[b.owner] += g;
    bad[b.owner] += BadWeight(b);
    if (g <= 0) continue;
    uint32_t e = b.owner;
    if (e != 0 && IsParagraphLike(doc.node(e).tag)) e = doc.node(e).parent;
    for (double d : kDecay) {
      if (e == kNoNode || e == 0) break;
      seed[e] += g * d;
      e = doc.node(e).parent;
    }
  }
  for (size_t i = n; i-- > 1;) {
    uint32_t p = doc.node(static_cast<uint32_t>(i)).parent;
    good[p] += good[i];
    bad[p] += bad[i];
  }
  uint32_t best = 0;
  double best_score = 0;
  for (uint32_t i = 1; i < n; ++i) {
    if (seed[i] <= 0) continue;
    double s = seed[i] * ElementMultiplier(doc, info[i], i);
    if (s > best_score) {
      best_score = s;
      best = i;
    }
  }
  if (best == 0) return 0;
  note("seed", best, best_score, seed[best]);
  uint32_t chosen = best;
  uint32_t c = best;
  while (true) {
    uint32_t p = doc.node(c).parent;
    if (p == kNoNode || p == 0) break;
    double dg = good[p] - good[c];
    double db = bad[p] - bad[c];
    if (dg <= 0 && db <= 0) {  // a wrapper adding nothing: look further up
      c = p;
      continue;
    }
    if (dg > 2 * db) {
      c = p;
      chosen = p;
      note("expand", p, dg, db);
      continue;
    }
    note("stop", p, dg, db);
    break;
  }
  // Cross-check with the element of maximum good-minus-bad text (the
  // "maximum subtree"): when the two are disjoint, the seed was a dense but
  // small island (an author box) while the article is spread over many
  // small sibling modules; take the larger one.
  constexpr double k = 1.0;
  constexpr double ratio = 1.5;
  uint32_t alt = 0;
  double alt_f = 0;
  for (uint32_t i = 1; i < n; ++i) {
    if (info[i].flags & kFlagBoiler) continue;
    double f = good[i] - k * bad[i];
    if (f > alt_f) {
      alt_f = f;
      alt = i;
    }
  }
  auto contains = [&](uint32_t a, uint32_t b) { return b >= a && b < info[a].end; };
  if (alt != 0 && !contains(alt, chosen) && !contains(chosen, alt)) {
    double chosen_f = good[chosen] - k * bad[chosen];
    note("alt", alt, alt_f, chosen_f);
    if (alt_f > chosen_f && good[alt] > ratio * good[chosen]) return alt;
  }
  // When it contains the seed's element instead, it is taken only with
  // several times the good text: the seed was one module of a body built
  // from many (page builders), not the article next to a sidebar.
  constexpr double up = 3.0;
  if (alt != 0 && alt != chosen && contains(alt, chosen)) {
    double chosen_f = good[chosen] - k * bad[chosen];
    note("alt-up", alt, alt_f, chosen_f);
    if (alt_f > chosen_f && good[alt] > up * good[chosen]) return alt;
  }
  return chosen;
}

}  // namespace parallax::html::content
