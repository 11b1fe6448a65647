#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: install dependencies, build,
# and brief the example articles shipped in examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/parallax brief examples/
