#!/usr/bin/env bash
# Browser end-to-end test of `parallax serve`: ingests examples/ into a temp
# database, starts build/parallax serve on a free loopback port, runs the
# Playwright script in tests/e2e (Debian's chromium, headless) and stops the
# server. Screenshots and timings go to build/e2e/. Skips (exit 0, with a
# message) only when chromium or node is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${PARALLAX_BIN:-build/parallax}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export ARTIFACTS="${ARTIFACTS:-$PWD/build/e2e}"

if [ ! -x "$CHROMIUM" ]; then
  echo "e2e: SKIPPED: no chromium at $CHROMIUM (apt-get install chromium; see scripts/install-deps.sh)" >&2
  exit 0
fi
# Debian's nodejs has npm as a separate package; NodeSource's bundles it.
if command -v node >/dev/null && ! command -v npm >/dev/null && [ "$(id -u)" -eq 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm || true
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "e2e: FAILED: node/npm not installed (apt-get install nodejs npm)" >&2
  exit 1
fi
[ -x "$BIN" ] || { echo "e2e: $BIN not built (run scripts/build.sh)" >&2; exit 1; }
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

tmp="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

"$BIN" ingest --db "$tmp/e2e.db" examples/ 2>/dev/null
token="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
PARALLAX_INGEST_TOKEN="$token" "$BIN" serve --db "$tmp/e2e.db" --port 0 >"$tmp/serve.log" 2>&1 &
pid=$!
port=""
for _ in $(seq 100); do
  port="$(sed -n 's|.*on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.log")"
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; echo "e2e: server exited" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "e2e: server did not report its port" >&2; exit 1; }

PARALLAX_URL="http://127.0.0.1:$port" INGEST_TOKEN="$token" timeout 120 node tests/e2e/e2e.mjs
