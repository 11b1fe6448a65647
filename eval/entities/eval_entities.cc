// eval_entities: entity coreference quality and speed on ECB+ (ecbplus-dev,
// topics 1-35), and a debugging view of any text file.
//
//   build/eval/entities/eval_entities                  # ECB+ figures + speed
//   build/eval/entities/eval_entities --show FILE...   # entities of files as one story
//
// ECB+ annotates person/organisation/place mentions (HUMAN_PART_*, LOC_*)
// with within- and cross-document coreference, but only in the sentences
// about each topic's seminal events. So we score on the gold mentions our
// mentions align with (same end token, or one span inside the other; one to
// one) and report how many that is: coreference given detection, not
// detection. Gold markables in no coreference relation are left out by
// default (ECB+ leaves many repeated names unlinked; --with-unlinked scores
// them as singletons). Metrics: pairwise link P/R/F1, MUC and B-cubed over those
// mentions, (a) within each document and (b) across the documents of each
// gold story (event_cluster), cross-document pairs only for (b) pairwise.
// A baseline that links mentions with the same folded text is scored on the
// same mentions.
#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <CLI/CLI.hpp>

#include "ecb.h"
#include "parallax/entities.h"
#include "parallax/text.h"

namespace {

namespace ent = parallax::entities;
using parallax::eval::EcbXmlDoc;
using parallax::eval::GoldMention;
using parallax::eval::ReadFile;

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

// One predicted mention aligned with a gold one.
struct Aligned {
  size_t doc = 0;
  std::string gold;
  int entity = 0;            // index into the doc's entities
  std::string text;          // folded surface (baseline key)
  ent::MentionKind kind = ent::MentionKind::kName;
};

std::vector<Aligned> Align(size_t doc_index, const EcbXmlDoc& d, const std::vector<ent::ArticleEntity>& ents) {
  std::vector<Aligned> out;
  std::vector<bool> used(d.gold.size(), false);
  for (int e = 0; e < static_cast<int>(ents.size()); ++e) {
    for (const ent::EntityMention& m : ents[e].mentions) {
      int best = -1;
      for (size_t g = 0; g < d.gold.size(); ++g) {
        if (used[g]) continue;
        const GoldMention& gm = d.gold[g];
        bool same_end = gm.end == m.end;
        bool nested = (gm.begin <= m.begin && m.end <= gm.end) || (m.begin <= gm.begin && gm.end <= m.end);
        if (same_end) {
          best = static_cast<int>(g);
          break;
        }
        if (nested && best < 0) best = static_cast<int>(g);
      }
      if (best < 0) continue;
      used[best] = true;
      out.push_back({doc_index, d.gold[best].cluster, e, parallax::text::Fold(m.text), m.kind});
    }
  }
  return out;
}

struct Counts {
  double tp = 0, pred = 0, gold = 0;  // pairwise links
  double muc_rn = 0, muc_rd = 0, muc_pn = 0, muc_pd = 0;
  double b3_p = 0, b3_r = 0, b3_n = 0;
  void Print(const char* label) const {
    auto f = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
    double pp = pred > 0 ? tp / pred : 0, pr = gold > 0 ? tp / gold : 0;
    double mp = muc_pd > 0 ? muc_pn / muc_pd : 0, mr = muc_rd > 0 ? muc_rn / muc_rd : 0;
    double bp = b3_n > 0 ? b3_p / b3_n : 0, br = b3_n > 0 ? b3_r / b3_n : 0;
    std::printf("  %-34s pairwise P %.3f R %.3f F1 %.3f (links %.0f pred, %.0f gold) | MUC P %.3f R %.3f F1 %.3f | "
                "B3 P %.3f R %.3f F1 %.3f\n",
                label, pp, pr, f(pp, pr), pred, gold, mp, mr, f(mp, mr), bp, br, f(bp, br));
  }
};

// Scores one group of aligned mentions (one document, or one story) with
// predicted keys `key` (same key = same predicted entity). `cross_only`
// restricts pairwise links to pairs from different documents.
void Score(const std::vector<Aligned>& ms, const std::vector<std::string>& key, bool cross_only, Counts* c) {
  const size_t n = ms.size();
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (cross_only && ms[i].doc == ms[j].doc) continue;
      bool p = key[i] == key[j], g = ms[i].gold == ms[j].gold;
      c->pred += p;
      c->gold += g;
      c->tp += p && g;
    }
  }
  std::map<std::string, std::vector<size_t>> gold, pred;
  for (size_t i = 0; i < n; ++i) {
    gold[ms[i].gold].push_back(i);
    pred[key[i]].push_back(i);
  }
  auto muc = [&](const auto& keys_clusters, auto&& other_of, double* num, double* den) {
    for (const auto& [k, members] : keys_clusters) {
      std::set<std::string> parts;
      for (size_t i : members) parts.insert(other_of(i));
      *num += members.size() - parts.size();
      *den += members.size() - 1;
    }
  };
  muc(gold, [&](size_t i) { return key[i]; }, &c->muc_rn, &c->muc_rd);
  muc(pred, [&](size_t i) { return ms[i].gold; }, &c->muc_pn, &c->muc_pd);
  for (size_t i = 0; i < n; ++i) {
    double both = 0;
    for (size_t j : pred[key[i]]) both += ms[j].gold == ms[i].gold;
    c->b3_p += both / pred[key[i]].size();
    c->b3_r += both / gold[ms[i].gold].size();
    c->b3_n += 1;
  }
}

void Show(const ent::Extractor& x, const std::vector<std::string>& files) {
  std::vector<std::vector<ent::ArticleEntity>> per;
  for (const std::string& f : files) {
    std::string t = parallax::text::Normalize(ReadFile(f), true);
    per.push_back(x.Extract(t));
    std::printf("== %s\n", f.c_str());
    for (const auto& e : per.back()) {
      std::printf("  %-12s %s", ent::EntityTypeName(e.type), e.name.c_str());
      for (const auto& a : e.aliases) std::printf(" | %s", a.c_str());
      for (const auto& r : e.roles) std::printf(" [%s]", r.c_str());
      std::printf("  {");
      for (const auto& m : e.mentions) {
        if (m.kind != ent::MentionKind::kName) std::printf(" %s", m.text.c_str());
      }
      std::printf(" } %zu mentions\n", e.mentions.size());
    }
  }
  std::printf("== story\n");
  for (const auto& e : ent::MergeStoryEntities(per)) {
    std::printf("  %zu art %3d m  %-12s %s", e.articles.size(), e.mentions, ent::EntityTypeName(e.type), e.name.c_str());
    for (const auto& a : e.aliases) std::printf(" | %s", a.c_str());
    for (const auto& r : e.roles) std::printf(" [%s]", r.c_str());
    std::printf("\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Entity coreference on ECB+ (within and across documents) and speed"};
  std::string data = std::string(PARALLAX_SHARED_DATA) + "/clustering/ecbplus-dev/ECB+";
  std::vector<std::string> show;
  int topic_min = 1, topic_max = 35;
  bool with_unlinked = false;
  app.add_flag("--with-unlinked", with_unlinked,
               "also score gold markables that are in no coreference relation, as singletons");
  app.add_option("--data", data, "ECB+ folder of <topic>/<doc>.xml");
  app.add_option("--show", show, "print the entities of these files (as one story) and exit");
  app.add_option("--topic-min", topic_min);
  app.add_option("--topic-max", topic_max);
  CLI11_PARSE(app, argc, argv);

  parallax::Result<ent::Extractor> x = ent::Extractor::LoadDefault();
  if (!x.ok()) {
    std::fprintf(stderr, "eval_entities: %s\n", x.status().message().c_str());
    return 1;
  }
  if (!show.empty()) {
    Show(*x, show);
    return 0;
  }
  std::vector<EcbXmlDoc> docs = parallax::eval::ReadEcbTopics(data, topic_min, topic_max, with_unlinked);
  if (docs.empty()) {
    std::fprintf(stderr, "eval_entities: no ECB+ documents under %s\n", data.c_str());
    return 1;
  }
  // Extraction, timed (CPU seconds, one thread).
  std::vector<std::vector<ent::ArticleEntity>> ents(docs.size());
  size_t bytes = 0, tokens = 0;
  double t0 = CpuSeconds();
  for (size_t i = 0; i < docs.size(); ++i) ents[i] = x->Extract(docs[i].text);
  double t_extract = CpuSeconds() - t0;
  std::vector<std::vector<parallax::ner::Mention>> tagged(docs.size());
  t0 = CpuSeconds();
  for (size_t i = 0; i < docs.size(); ++i) tagged[i] = x->tagger().TagText(docs[i].text);
  double t_tag = CpuSeconds() - t0;
  t0 = CpuSeconds();
  size_t resolved_entities = 0;
  for (int rep = 0; rep < 5; ++rep) {
    for (size_t i = 0; i < docs.size(); ++i) resolved_entities += ent::ResolveArticle(docs[i].text, tagged[i]).size();
  }
  double t_resolve = (CpuSeconds() - t0) / 5;
  for (const auto& d : docs) {
    bytes += d.text.size();
    tokens += parallax::text::Tokenize(d.text).size();
  }

  std::map<std::string, std::vector<size_t>> stories;
  for (size_t i = 0; i < docs.size(); ++i) stories[docs[i].story].push_back(i);
  t0 = CpuSeconds();
  std::map<std::string, std::vector<ent::StoryEntity>> merged;
  for (const auto& [story, members] : stories) {
    std::vector<std::vector<ent::ArticleEntity>> per;
    for (size_t i : members) per.push_back(ents[i]);
    merged[story] = ent::MergeStoryEntities(per);
  }
  double t_merge = CpuSeconds() - t0;

  // Alignment and scoring.
  size_t gold_total = 0, aligned_total = 0, kinds[3] = {0, 0, 0};
  std::vector<std::vector<Aligned>> aligned(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    aligned[i] = Align(i, docs[i], ents[i]);
    gold_total += docs[i].gold.size();
    aligned_total += aligned[i].size();
    for (const auto& a : aligned[i]) ++kinds[static_cast<int>(a.kind)];
  }
  // Pronoun and title links: right when a name mention of the entity they
  // were given is in their gold chain (judged where such a name is aligned).
  size_t judged[3] = {0, 0, 0}, right[3] = {0, 0, 0};
  for (const auto& doc : aligned) {
    for (const Aligned& a : doc) {
      if (a.kind == ent::MentionKind::kName) continue;
      bool any = false, ok = false;
      for (const Aligned& b : doc) {
        if (b.kind != ent::MentionKind::kName || b.entity != a.entity) continue;
        any = true;
        ok = ok || b.gold == a.gold;
      }
      if (!any) continue;
      ++judged[static_cast<int>(a.kind)];
      right[static_cast<int>(a.kind)] += ok;
    }
  }
  auto subset = [](const std::vector<Aligned>& v, bool names_only) {
    std::vector<Aligned> out;
    for (const auto& a : v) {
      if (!names_only || a.kind == ent::MentionKind::kName) out.push_back(a);
    }
    return out;
  };
  std::printf("ECB+ topics %d-%d: %zu docs, %zu stories, %zu gold entity mentions (PER/ORG/GPE/LOC), "
              "%zu aligned with ours (names %zu, titles %zu, pronouns %zu)\n",
              topic_min, topic_max, docs.size(), stories.size(), gold_total, aligned_total, kinds[0], kinds[1],
              kinds[2]);
  std::printf("antecedent accuracy: pronouns %zu/%zu, title nouns %zu/%zu (given an aligned name of the entity)\n",
              right[2], judged[2], right[1], judged[1]);
  for (bool names_only : {true, false}) {
    Counts ours, base;
    for (size_t i = 0; i < docs.size(); ++i) {
      std::vector<Aligned> ms = subset(aligned[i], names_only);
      std::vector<std::string> k_ours, k_base;
      for (size_t j = 0; j < ms.size(); ++j) {
        k_ours.push_back(std::to_string(ms[j].entity));
        k_base.push_back(ms[j].kind == ent::MentionKind::kName ? ms[j].text : "#" + std::to_string(j));
      }
      Score(ms, k_ours, false, &ours);
      Score(ms, k_base, false, &base);
      if (std::getenv("EVAL_ENTITIES_DEBUG") && names_only) {
        for (size_t a = 0; a < ms.size(); ++a) {
          for (size_t b = a + 1; b < ms.size(); ++b) {
            if ((k_ours[a] == k_ours[b]) != (ms[a].gold == ms[b].gold)) {
              std::printf("DEBUG %s %s: \"%s\" / \"%s\" ours %d gold %d\n", docs[i].name.c_str(),
                          k_ours[a] == k_ours[b] ? "FP" : "FN", ms[a].text.c_str(), ms[b].text.c_str(),
                          k_ours[a] == k_ours[b], ms[a].gold == ms[b].gold);
            }
          }
        }
      }
    }
    std::printf("within document, %s:\n", names_only ? "name mentions" : "all mentions (names, titles, pronouns)");
    ours.Print("entities (ResolveArticle)");
    base.Print("baseline: same text");
  }
  // Cross-document: story-level entity of each aligned mention.
  for (bool names_only : {true, false}) {
    Counts ours, base, ours_all, base_all;
    for (const auto& [story, members] : stories) {
      const auto& se = merged[story];
      // (article position in story, entity name) -> story entity index.
      std::vector<Aligned> ms;
      std::vector<std::string> k_ours, k_base;
      for (size_t pos = 0; pos < members.size(); ++pos) {
        size_t i = members[pos];
        for (const Aligned& a : subset(aligned[i], names_only)) {
          int found = -1;
          for (size_t s = 0; s < se.size() && found < 0; ++s) {
            for (const auto& [art, idx] : se[s].members) {
              if (art == pos && idx == static_cast<size_t>(a.entity)) found = static_cast<int>(s);
            }
          }
          ms.push_back(a);
          k_ours.push_back(found >= 0 ? std::to_string(found) : "?" + std::to_string(i) + ":" + std::to_string(a.entity));
          k_base.push_back(a.kind == ent::MentionKind::kName ? a.text : "#" + std::to_string(ms.size()));
        }
      }
      Score(ms, k_ours, true, &ours);
      Score(ms, k_base, true, &base);
      if (std::getenv("EVAL_ENTITIES_DEBUG") && names_only) {
        for (size_t a = 0; a < ms.size(); ++a) {
          for (size_t b = a + 1; b < ms.size(); ++b) {
            if (ms[a].doc == ms[b].doc || (k_ours[a] == k_ours[b]) == (ms[a].gold == ms[b].gold)) continue;
            std::printf("XDEBUG %s %s: \"%s\" / \"%s\"\n", story.c_str(), k_ours[a] == k_ours[b] ? "FP" : "FN",
                        ms[a].text.c_str(), ms[b].text.c_str());
          }
        }
      }
      Score(ms, k_ours, false, &ours_all);
      Score(ms, k_base, false, &base_all);
    }
    std::printf("across the documents of each gold story, %s (pairwise: cross-document pairs; MUC/B3: all):\n",
                names_only ? "name mentions" : "all mentions");
    ours.Print("entities (MergeStoryEntities)");
    base.Print("baseline: same text");
  }
  std::printf("speed (CPU, one thread): Extract %.1f articles/s (%.0f tokens/s, %.1f MB/s); tagger alone %.1f "
              "articles/s; ResolveArticle alone %.0f articles/s; merge %.0f stories/s (%zu docs, %.2f s extract, "
              "%.2f s tag, %.3f s resolve, %.3f s merge)\n",
              docs.size() / t_extract, tokens / t_extract, bytes / t_extract / 1e6, docs.size() / t_tag,
              docs.size() / std::max(t_resolve, 1e-9), stories.size() / std::max(t_merge, 1e-9), docs.size(),
              t_extract, t_tag, t_resolve, t_merge);
  if (resolved_entities == 0) std::printf("(no entities resolved)\n");
  return 0;
}
