#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: GoogleTest suites
# (core, storage on a real RocksDB, service on a real 127.0.0.1 server), the
# extraction score on the labelled seeds and fixtures, the Node tests of the
# wasm module (parse and search byte parity with native), the headless
# Chromium tests of the viewer (served, offline, file://), the embedding
# packages built and used from an installed tree, a 1,000-bulletin round of
# the peer benchmark (bench/peers/run.sh), and a short fuzzing run of the
# parser and the JSON reader.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BANTIN_BUILD:-$PWD/build}"
export BANTIN_BUILD="$BUILD"
start=$(date +%s)

scripts/setup.sh
echo "== C++ format (.clang-format)" >&2
scripts/check-format.sh
scripts/build.sh

echo "== GoogleTest" >&2
ctest --test-dir "$BUILD" --output-on-failure -j"$(nproc)"

echo "== extraction score on the labelled seeds" >&2
python3 tests/tools/eval_extraction.py "$BUILD/bin/bantin" seeds/labels.jsonl seeds --min 1.0 -v
echo "== extraction score on the hand-written fixtures (other sites and shapes)" >&2
python3 tests/tools/eval_extraction.py "$BUILD/bin/bantin" tests/fixtures/labels.jsonl tests/fixtures --min 1.0 -v

# Real pages of many sites (tests/pages/README.md); floors only rise.
echo "== extraction score on real pages: text scrapes" >&2
python3 tests/tools/eval_extraction.py "$BUILD/bin/bantin" tests/pages/labels_text.jsonl tests/pages --min 0.97
echo "== extraction score on real pages: raw HTML" >&2
python3 tests/tools/eval_extraction.py "$BUILD/bin/bantin" tests/pages/labels_html.jsonl tests/pages --min 0.98

echo "== extraction score on held-back real pages (summary only; tests/pages/README.md says which were read)" >&2
python3 tests/tools/eval_extraction.py "$BUILD/bin/bantin" tests/pages/labels_heldout_text.jsonl tests/pages --min 0.95 | tail -2
python3 tests/tools/eval_extraction.py "$BUILD/bin/bantin" tests/pages/labels_heldout_html.jsonl tests/pages --min 0.95 | tail -2

echo "== wasm module (Node) and viewer (headless Chromium)" >&2
(cd wasm-client && node --test test/)

echo "== embedding: C API, C++ package, Python module, npm package (tests/embedding/run.sh)" >&2
tests/embedding/run.sh

echo "== peer benchmark smoke: 1,000 bulletins, one round (bench/peers/run.sh), so the harness cannot rot" >&2
BANTIN_PEERS_BUILT=1 BANTIN_PEERS_WORK="$BUILD/peers-smoke" bench/peers/run.sh 1000 1

echo "== parser fuzzing (libFuzzer, ASan, UBSan), ${BANTIN_FUZZ_SECONDS:-60} s" >&2
scripts/fuzz.sh "${BANTIN_FUZZ_SECONDS:-60}"

echo "all tests passed in $(( $(date +%s) - start )) s" >&2
