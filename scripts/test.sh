#!/usr/bin/env bash
# The whole test suite: dependencies, build, unit and end-to-end tests, then a
# short libFuzzer run of every reader. Tests that need ../shared/data carry the
# CTest label `data` and skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
ctest --preset default -j "$(nproc)" --timeout 900
FUZZ_SECONDS="${FUZZ_SECONDS:-15}" bash scripts/fuzz-smoke.sh
bash scripts/e2e.sh
