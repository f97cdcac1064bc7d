#!/usr/bin/env bash
# Scores Mozilla Readability and bantin side by side on the HTML half of
# tests/pages with the same scorer. Installs the npm packages it needs.
#   bench/readability/run.sh [BANTIN_BIN]
set -euo pipefail
cd "$(dirname "$0")"
[[ -d node_modules/@mozilla/readability ]] || npm ci --no-audit --no-fund >&2
ROOT=$(cd ../.. && pwd)
BIN="${1:-$ROOT/build/bin/bantin}"
for engine in "$BIN" "$PWD/readability-parse.mjs"; do
  echo "== $(basename "$engine")"
  python3 "$ROOT/tests/tools/eval_extraction.py" "$engine" "$ROOT/tests/pages/labels_html.jsonl" "$ROOT/tests/pages" | tail -3
done
