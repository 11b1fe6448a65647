#include "brief/alignment.h"

#include <algorithm>
#include <numeric>

namespace parallax::brief {
namespace {

struct Dsu {
  std::vector<uint32_t> parent;
  explicit Dsu(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
};

}  // namespace

Alignment AlignSentences(const SentenceModel& model, const SourceGroups& sources,
                         const AlignmentOptions& options) {
  const auto& sents = model.sentences();
  const size_t n = sents.size();
  Alignment out;
  out.echoed.assign(n, false);

  auto pairs = model.SimilarPairs(options.echo);
  struct Scored {
    float sim;
    uint32_t a, b;
  };
  std::vector<Scored> links;
  for (const auto& [a, b] : pairs) {
    if (sources.GroupOf(sents[a].article) == sources.GroupOf(sents[b].article)) continue;
    out.echoed[a] = out.echoed[b] = true;
    float sim = Cosine(sents[a].vec, sents[b].vec);
    if (sim >= options.link) links.push_back({sim, a, b});
  }
  // Strongest links first; a merge must also be close to the other group's
  // seed sentence, which stops long chains of loosely related sentences.
  std::sort(links.begin(), links.end(), [](const Scored& x, const Scored& y) {
    return x.sim != y.sim ? x.sim > y.sim : (x.a != y.a ? x.a < y.a : x.b < y.b);
  });
  Dsu dsu(n);
  std::vector<uint32_t> seed(n);
  std::iota(seed.begin(), seed.end(), 0u);
  for (const Scored& l : links) {
    uint32_t ra = dsu.Find(l.a), rb = dsu.Find(l.b);
    if (ra == rb) continue;
    if (Cosine(sents[seed[ra]].vec, sents[l.b].vec) < options.link * 0.8f) continue;
    if (Cosine(sents[seed[rb]].vec, sents[l.a].vec) < options.link * 0.8f) continue;
    dsu.parent[rb] = ra;
  }

  out.group_of.assign(n, 0);
  std::vector<int64_t> index_of_root(n, -1);
  for (uint32_t s = 0; s < n; ++s) {
    uint32_t r = dsu.Find(s);
    if (index_of_root[r] < 0) {
      index_of_root[r] = static_cast<int64_t>(out.groups.size());
      out.groups.emplace_back();
    }
    FactGroup& g = out.groups[static_cast<size_t>(index_of_root[r])];
    g.sentences.push_back(s);
    out.group_of[s] = static_cast<uint32_t>(index_of_root[r]);
  }
  for (FactGroup& g : out.groups) {
    // Representative: the member most similar to the rest of its group,
    // ties broken by salience to the story.
    if (g.sentences.size() > 2) {
      uint32_t best = g.sentences[0];
      double best_score = -1;
      for (uint32_t s : g.sentences) {
        double score = 0;
        for (uint32_t o : g.sentences) {
          if (o != s) score += Cosine(sents[s].vec, sents[o].vec);
        }
        score += 0.1 * model.CentroidSimilarity(sents[s].vec);
        if (score > best_score) {
          best_score = score;
          best = s;
        }
      }
      std::iter_swap(g.sentences.begin(),
                     std::find(g.sentences.begin(), g.sentences.end(), best));
    }
    for (uint32_t s : g.sentences) {
      size_t a = sents[s].article;
      if (std::find(g.articles.begin(), g.articles.end(), a) == g.articles.end()) {
        g.articles.push_back(a);
      }
    }
    g.independent = sources.CountIndependent(g.articles);
  }
  return out;
}

}  // namespace parallax::brief
