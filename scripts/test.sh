#!/usr/bin/env bash
# The whole test suite: dependencies, build, unit and end-to-end tests.
# Tests that need ../shared/data skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
ctest --preset default -j "$(nproc)" --timeout 600
