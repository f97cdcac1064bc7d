#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, ASan and UBSan, one per entry
# point (text parse, HTML parse, query and filter, JSON readers, request
# decoding), and runs them for SECONDS in all (default 60), as many at once
# as there are cores (BANTIN_FUZZ_JOBS to use fewer). Each starts from its corpus in tests/fuzz/corpus/ (and
# the seeds and fixtures) plus what earlier runs in this build found. Prints
# executions per target; crashes are written to build/fuzz/artifacts/ and
# make the script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
BUILD="${BANTIN_BUILD:-$PWD/build}/fuzz"
TARGETS=(text_parse html_parse query json request)
JOBS="${BANTIN_FUZZ_JOBS:-$(nproc)}"
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DBANTIN_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$BUILD" -j"$JOBS" --target "${TARGETS[@]/%/_fuzzer}"
rm -rf "$BUILD/artifacts"
mkdir -p "$BUILD/artifacts"
for t in "${TARGETS[@]}"; do
  mkdir -p "$BUILD/corpus/$t"
  cp tests/fuzz/corpus/"$t"/* "$BUILD/corpus/$t/" 2>/dev/null || true
done
cp seeds/*.txt tests/fixtures/*.txt "$BUILD/corpus/text_parse/"
cp tests/fixtures/*.html "$BUILD/corpus/html_parse/"
# Inputs stay short: a parse costs in proportion to its input, and the
# shapes that break parsers fit in a few kilobytes.
declare -A MAX_LEN=([text_parse]=8192 [html_parse]=8192 [query]=512 [json]=16384 [request]=4096)
# Every target gets the same share of the cores for the time given.
PER_TARGET=$(( SECONDS_TO_RUN * JOBS / ${#TARGETS[@]} ))
(( PER_TARGET >= 1 )) || PER_TARGET=1
run() {
  local t="$1"
  "$BUILD/bin/${t}_fuzzer" -max_total_time="$PER_TARGET" -max_len="${MAX_LEN[$t]}" -timeout=20 \
    -rss_limit_mb=2048 -artifact_prefix="$BUILD/artifacts/$t-" -print_final_stats=1 \
    "$BUILD/corpus/$t" >"$BUILD/$t.log" 2>&1 || true
}
export -f run
export BUILD PER_TARGET
export MAX_LEN_DECL="$(declare -p MAX_LEN)"
printf '%s\n' "${TARGETS[@]}" | xargs -P "$JOBS" -I{} bash -c 'eval "$MAX_LEN_DECL"; run {}'
total=0
for t in "${TARGETS[@]}"; do
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$BUILD/$t.log" | grep -o '[0-9]*$' || echo 0)
  total=$(( total + ${runs:-0} ))
  printf 'fuzz: %-11s %12s executions in %s s\n' "$t" "${runs:-0}" "$PER_TARGET"
  grep -E "^(==|SUMMARY|Test unit written)" "$BUILD/$t.log" || true
done
echo "fuzz: $total executions in all"
# libFuzzer writes a crash-* / timeout-* / oom-* file for every failure.
if compgen -G "$BUILD/artifacts/*" >/dev/null; then
  echo "fuzz: failures found:" "$BUILD"/artifacts/* >&2
  exit 1
fi
