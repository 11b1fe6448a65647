// eval_quotes: quote content-span P/R/F1 and speaker accuracy of
// parallax::quotes on PolNeAR (metric: /work/shared/data/README.md), plus
// speed (articles/s, NER tagging included). Prints a Markdown table.
//
//   build/eval/quotes/eval_quotes --split dev
//   build/eval/quotes/eval_quotes --split train --limit 200 --errors 40
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>

#include "parallax/ner.h"
#include "parallax/quotes.h"
#include "polnear.h"

namespace {

// CPU time of this thread: a speed figure other processes on a shared
// machine do not distort (wall time is printed too).
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

using parallax::eval::GoldDoc;
using parallax::eval::PredictedQuote;
using parallax::eval::QuoteScore;

std::string Snip(const std::string& s, size_t n = 160) {
  std::string out = s.size() > n ? s.substr(0, n) + "…" : s;
  for (char& c : out) if (c == '\n') c = ' ';
  return out;
}

// Code-point span -> text.
std::string CharText(const std::string& text, size_t b, size_t e) {
  size_t cp = 0, bb = text.size(), eb = text.size();
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (cp == b) bb = i;
      if (cp == e) { eb = i; break; }
      ++cp;
    }
  }
  return bb < eb ? text.substr(bb, eb - bb) : "";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Quote extraction on PolNeAR"};
  std::string root = std::string(PARALLAX_SHARED_DATA) + "/ie/polnear";
  std::string split = "dev";
  std::string model;
  size_t limit = 0, offset = 0;
  int errors = 0;
  size_t speaker_context = 0;
  bool direct_only = false, near = false, rules_only = false;
  std::string quotes_model;
  float cue_delta = 0;
  std::string fn_cue, only;
  app.add_option("--data", root, "PolNeAR folder");
  app.add_option("--split", split, "train or dev")->check(CLI::IsMember({"train", "dev"}));
  app.add_option("--model", model, "NER model (default: the project's)");
  app.add_option("--offset", offset, "skip this many articles");
  app.add_option("--limit", limit, "at most this many articles (0 = all)");
  app.add_option("--errors", errors, "print this many misses, false alarms and wrong speakers");
  app.add_option("--speaker-context", speaker_context,
                 "with --errors: print this many bytes before a wrong speaker's mention");
  app.add_option("--fn-cue", fn_cue, "print only misses whose gold cue contains this");
  app.add_option("--only", only, "articles whose name contains this; prints every quote");
  app.add_flag("--near", near, "print near misses (overlapping but under half) instead of false alarms");
  app.add_flag("--direct-only", direct_only, "direct quotes only (for comparison)");
  app.add_flag("--rules-only", rules_only, "without the trained cue and content-span model");
  app.add_option("--quotes-model", quotes_model, "quotes model (default: the project's)");
  app.add_option("--cue-delta", cue_delta, "added to the model's cue threshold");
  CLI11_PARSE(app, argc, argv);

  auto docs = parallax::eval::ReadPolnear(root, split);
  if (!docs.ok()) {
    std::cerr << "eval_quotes: " << docs.status().message() << "\n";
    return 1;
  }
  auto tagger = model.empty() ? parallax::ner::Tagger::LoadDefault() : parallax::ner::Tagger::Load(model);
  if (!tagger.ok()) {
    std::cerr << "eval_quotes: " << tagger.status().message() << "\n";
    return 1;
  }
  parallax::quotes::Options options;
  options.indirect = !direct_only;
  options.learned = !rules_only;
  options.model_path = quotes_model;
  options.cue_threshold_delta = cue_delta;
  parallax::quotes::Extractor extractor(*tagger, options);

  std::vector<GoldDoc> set;
  for (size_t i = offset; i < docs->size() && (limit == 0 || set.size() < limit); ++i) {
    if (!only.empty() && (*docs)[i].name.find(only) == std::string::npos) continue;
    set.push_back((*docs)[i]);
  }
  QuoteScore total, direct_score;
  size_t direct_pred = 0, direct_matched = 0, chars = 0;
  int shown_fn = 0, shown_fp = 0, shown_sp = 0;
  size_t near_misses = 0, exact = 0;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = ThreadCpuSeconds();
  std::vector<std::vector<parallax::quotes::Quote>> all;
  for (const GoldDoc& d : set) all.push_back(extractor.Extract(d.text));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = ThreadCpuSeconds() - cpu_start;
  for (size_t k = 0; k < set.size(); ++k) {
    const GoldDoc& d = set[k];
    chars += d.text.size();
    std::vector<PredictedQuote> pred;
    for (const auto& q : all[k]) pred.push_back({{q.char_begin, q.char_end}, q.speaker});
    std::vector<int> matches;
    QuoteScore s = parallax::eval::ScoreDoc(d, pred, &matches);
    exact += parallax::eval::ExactMatches(d, pred);
    total.Add(s);
    std::vector<char> gold_hit(d.attributions.size(), 0);
    if (!only.empty()) {
      for (size_t p = 0; p < pred.size(); ++p) {
        std::printf("PRED %zu-%zu %s | %s [%s] | %s\n", pred[p].span.begin, pred[p].span.end,
                    matches[p] >= 0 ? "ok" : "--", all[k][p].speaker.c_str(),
                    all[k][p].cue.c_str(), Snip(all[k][p].text, 120).c_str());
      }
    }
    for (size_t p = 0; p < pred.size(); ++p) {
      bool direct = all[k][p].kind == parallax::quotes::QuoteKind::kDirect;
      direct_pred += direct;
      if (matches[p] >= 0) {
        gold_hit[matches[p]] = 1;
        direct_matched += direct;
        const auto& g = d.attributions[matches[p]];
        if (!g.source.empty() && !parallax::eval::SpeakerMatches(pred[p].speaker, g) &&
            shown_sp < errors) {
          ++shown_sp;
          std::printf("SPEAKER %s | pred=\"%s\" (mention \"%s\") gold=\"%s\" coref=\"%s\" | %s\n",
                      d.name.c_str(), pred[p].speaker.c_str(), all[k][p].speaker_mention.c_str(),
                      g.source_text.c_str(), g.coreferent_name.c_str(),
                      Snip(all[k][p].text, 100).c_str());
          if (speaker_context > 0 && all[k][p].speaker_end > 0) {
            size_t e = all[k][p].speaker_end;
            size_t b = e > speaker_context ? e - speaker_context : 0;
            while (b > 0 && (static_cast<unsigned char>(d.text[b]) & 0xC0) == 0x80) --b;
            std::printf("     before: %s\n", Snip(d.text.substr(b, e - b), 2 * speaker_context).c_str());
          }
        }
      } else if (std::any_of(d.attributions.begin(), d.attributions.end(), [&](const auto& g) {
                   return pred[p].span.begin < g.content.back().end &&
                          g.content.front().begin < pred[p].span.end;
                 })) {
        ++near_misses;
        if (shown_fp < errors && near) {
          ++shown_fp;
          std::printf("NEAR %s | %s [%s/%s] | %s\n", d.name.c_str(), all[k][p].speaker.c_str(),
                      all[k][p].cue.c_str(), parallax::quotes::QuoteKindName(all[k][p].kind),
                      Snip(all[k][p].text).c_str());
          for (const auto& g : d.attributions) {
            size_t gb = g.content.front().begin, ge = g.content.back().end;
            size_t pb = pred[p].span.begin, pe = pred[p].span.end;
            if (pb < ge && gb < pe) {
              std::printf("     gold: %s\n", Snip(CharText(d.text, gb, ge)).c_str());
              // What differs at each end: "+" the prediction has more, "-" less.
              std::printf("     start %s[%s] end %s[%s]\n", pb < gb ? "+" : pb > gb ? "-" : "=",
                          Snip(CharText(d.text, std::min(pb, gb), std::max(pb, gb)), 60).c_str(),
                          pe > ge ? "+" : pe < ge ? "-" : "=",
                          Snip(CharText(d.text, std::min(pe, ge), std::max(pe, ge)), 60).c_str());
            }
          }
        }
      } else if (shown_fp < errors && !near) {
        ++shown_fp;
        std::printf("FP %s | %s [%s/%s] | %s\n", d.name.c_str(), all[k][p].speaker.c_str(),
                    all[k][p].cue.c_str(), parallax::quotes::QuoteKindName(all[k][p].kind),
                    Snip(all[k][p].text).c_str());
      }
    }
    for (size_t g = 0; g < d.attributions.size(); ++g) {
      if (gold_hit[g] || shown_fn >= errors) continue;
      const auto& a = d.attributions[g];
      if (!fn_cue.empty() && a.cue_text.find(fn_cue) == std::string::npos) continue;
      ++shown_fn;
      // "FN~" when some unmatched prediction overlaps it (a boundary miss).
      // "FN=" when only matched predictions overlap it (nested in, or
      // around, another attribution).
      bool overlapped = false, nested = false;
      for (size_t p = 0; p < pred.size(); ++p) {
        bool over = pred[p].span.begin < a.content.back().end &&
                    a.content.front().begin < pred[p].span.end;
        overlapped |= over && matches[p] < 0;
        nested |= over && matches[p] >= 0;
      }
      std::printf("FN%s %s | src=\"%s\" cue=\"%s\" | %s\n", overlapped ? "~" : nested ? "=" : "", d.name.c_str(), a.source_text.c_str(),
                  a.cue_text.c_str(),
                  Snip(CharText(d.text, a.content.front().begin, a.content.back().end)).c_str());
    }
  }
  std::printf("\n| PolNeAR %s (%zu articles) | P | R | F1 | speaker acc | matched/pred/gold |\n",
              split.c_str(), set.size());
  std::printf("|---|---|---|---|---|---|\n");
  std::printf("| parallax::quotes%s | %.1f | %.1f | %.1f | %.1f (%zu/%zu) | %zu/%zu/%zu |\n",
              direct_only ? " (direct only)" : "", total.Precision(), total.Recall(), total.F1(),
              total.SpeakerAccuracy(), total.speaker_correct, total.speaker_pairs, total.matched,
              total.predicted, total.gold);
  {
    double p = total.predicted ? 100.0 * exact / total.predicted : 0;
    double r = total.gold ? 100.0 * exact / total.gold : 0;
    std::printf("\nstrict (exact content span, edge punctuation and quote marks ignored; not the "
                "target's metric): P %.1f R %.1f F1 %.1f (%zu exact)\n",
                p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, exact);
  }
  std::printf("\ndirect quotes: %zu predicted, %zu matched; indirect: %zu predicted, %zu matched\n",
              direct_pred, direct_matched, total.predicted - direct_pred,
              total.matched - direct_matched);
  std::printf("unmatched predictions overlapping some gold content: %zu\n", near_misses);
  std::printf("speed (one thread, NER included): %.1f articles/s CPU (%.0f KB/s), %.1f articles/s "
              "wall; %.2f s CPU, %.2f s wall for %zu articles\n",
              set.size() / cpu, chars / 1024.0 / cpu, set.size() / seconds, cpu, seconds, set.size());
  return 0;
}
