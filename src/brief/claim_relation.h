// How one outlet's claim relates to another's on the same story: does claim
// b back claim a up, undercut it, or neither?
//
// Lexical cues only (no trained model): content overlap (stems and names),
// negation and denial words present on one side only, hedges and modals
// ("may", "reportedly", "allegedly") on one side only, and quantities about
// the same counted thing whose values cannot both hold. Evaluated against
// ClaimDiff in eval/claimdiff (see its RESULTS.md for how weak this is).
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace parallax::brief {

enum class ClaimRelation { kNone, kStrengthens, kWeakens };

struct ClaimCues {
  double overlap = 0;          // Jaccard of content stems
  int shared_names = 0;        // capitalised words both mention
  bool negation_mismatch = false;
  bool denial = false;         // "denied", "rejected", "false", ... in one claim only
  bool hedge_mismatch = false;
  bool quantity_conflict = false;
};

struct ClaimRelationOptions {
  double support_overlap = 0.10;  // overlap at or above: b strengthens a (absent weakening cues)
  double weaken_overlap = 0.05;   // weakening cues count only above this overlap
};

ClaimCues CompareClaims(std::string_view a, std::string_view b);

ClaimRelation ClassifyClaims(std::string_view a, std::string_view b,
                             const ClaimRelationOptions& options = {});
ClaimRelation ClassifyCues(const ClaimCues& cues, const ClaimRelationOptions& options = {});

}  // namespace parallax::brief
