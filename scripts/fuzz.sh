#!/usr/bin/env bash
# Builds the parser's libFuzzer target with clang, ASan and UBSan, and runs it
# for SECONDS (default 60) from the seeds and fixtures. Crashes are written to
# build/fuzz/artifacts/ and make the script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
BUILD="${BANTIN_BUILD:-$PWD/build}/fuzz"
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DBANTIN_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target parse_fuzzer
rm -rf "$BUILD/artifacts"
mkdir -p "$BUILD/corpus" "$BUILD/artifacts"
cp seeds/*.txt tests/fixtures/*.txt tests/fixtures/*.html tests/fuzz/corpus/* "$BUILD/corpus/"
"$BUILD/bin/parse_fuzzer" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=20 \
  -rss_limit_mb=4096 -artifact_prefix="$BUILD/artifacts/" -print_final_stats=1 \
  "$BUILD/corpus" 2>&1 | grep -E "^(Done|stat::|==|SUMMARY|artifact_prefix|Test unit written)" || true
# libFuzzer writes a crash-* / timeout-* / oom-* file for every failure.
if compgen -G "$BUILD/artifacts/*" >/dev/null; then
  echo "fuzz: failures found:" "$BUILD"/artifacts/* >&2
  exit 1
fi
