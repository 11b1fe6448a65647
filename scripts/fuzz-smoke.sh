#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, ASan, UBSan) and runs
# each one briefly from its seed corpus. Fails on the first crash, leak,
# timeout or sanitizer report; the reproducer is left in build-fuzz/artifacts/.
#
#   scripts/fuzz-smoke.sh                 # every target, 20 s each (~3 min on 2 cores)
#   FUZZ_SECONDS=300 scripts/fuzz-smoke.sh warc gzip
#
# Environment: FUZZ_SECONDS (per target, default 20), FUZZ_JOBS (build
# parallelism, default 2). New corpus entries go to a scratch folder, never
# into fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-20}"
jobs="${FUZZ_JOBS:-2}"
all_targets=(encoding feed gzip html jsonl sniff text warc)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=("${all_targets[@]}"); fi

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs" --target "${targets[@]/#/fuzz_}"

artifacts=build-fuzz/artifacts
mkdir -p "$artifacts"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# The preset compiles UBSan in recoverable mode; make any report fatal here.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"

status=0
for t in "${targets[@]}"; do
  mkdir -p "$scratch/$t"
  echo "== fuzz_$t: ${seconds}s"
  if ! build-fuzz/fuzz/fuzz_"$t" "$scratch/$t" "fuzz/corpus/$t" \
      -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=25 \
      -print_final_stats=1 -artifact_prefix="$artifacts/$t-" 2>"$scratch/$t.log"; then
    tail -n 60 "$scratch/$t.log"
    echo "fuzz_$t FAILED (reproducer in $artifacts/)"
    status=1
    continue
  fi
  grep -E "stat::number_of_executed_units|cov: " "$scratch/$t.log" | tail -n 2 || true
done
exit $status
