// How one article copies another; shared by the dedup stage (which finds
// copies) and the store (which records them).
#pragma once

namespace parallax {

enum class DuplicateKind {
  kExact,  // same normalised content
  kNear,   // near-duplicate: syndicated copy with light edits, new headline, truncation
};

// "exact" or "near".
const char* DuplicateKindName(DuplicateKind k);

}  // namespace parallax
