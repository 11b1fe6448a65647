// The store's schema and its migrations. Private to the store; the design
// note is docs/store.md.
//
// The schema version lives in PRAGMA user_version and the file is marked as
// ours by PRAGMA application_id. Migration i (0-based) upgrades version i to
// i + 1 and runs in its own transaction together with the user_version bump,
// so a crash mid-upgrade leaves the previous version intact. Released steps
// are frozen: change the schema only by appending a step.
#pragma once

#include <cstdint>

#include "parallax/status.h"
#include "store/store_impl.h"

namespace parallax::store_internal {

// "PRLX": marks a database file as Parallax's.
constexpr int32_t kApplicationId = 0x50524C58;

int LatestSchema();

// Checks the opened file is a Parallax database (or an empty file) this
// binary can use, without writing to it; stores its version in
// impl.schema_version. Read-only stores must already be at LatestSchema().
Status CheckSchema(Store::Impl& impl);

// Applies pending migrations, one transaction each (read-write stores).
Status Migrate(Store::Impl& impl);

}  // namespace parallax::store_internal
