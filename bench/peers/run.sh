#!/usr/bin/env bash
# bantin side by side with its peers, on one generated corpus, in one run:
#
#   bench/peers/run.sh [N] [ROUNDS] [--server-only] [--engines bantin,fts5,xapian]
#
# N bulletins (default 10000) from `make_bundle --generated N` (bench/corpus.h),
# ROUNDS rounds (default 3). Installs what is missing (scripts/setup.sh: the
# Debian packages of SQLite and Xapian among them; the npm packages of
# bench/peers/js), builds bantin (scripts/build.sh) and the peers
# (build_peers.sh), then:
#
#   server: bantin (parse, index and store each raw page on RocksDB), SQLite
#     FTS5 and Xapian (each given the bulletins' text, pre-folded text
#     beside it: they have no đ→d folding) ingest and search the same
#     bulletins, one engine at a time, pinned to one core (taskset -c 1, or
#     the core $BANTIN_PEERS_CORE names) where taskset exists, the order of the engines rotated each round;
#     server_report.py prints the medians and bantin / peer ratios
#     (--engines: only those of the three, bantin always among them);
#   bantin's ingest by stage: ingest_stages on the first min(N, 10000)
#     bulletins, pinned alike (parsing, indexing and storing apart; with
#     FTS5 among the engines, what 1.5 times its batch rate leaves);
#   browser (not with --server-only): bantin's wasm index, from the bundle
#     and from its saved index, beside FlexSearch, MiniSearch and Pagefind in Node
#     (js/browser_peers.mjs, which rotates and pins the same way).
#
# Everything it writes goes to $BANTIN_PEERS_WORK (default
# /tmp/bantin-peers-N): the corpus is made once per N and kept. Results:
# server.jsonl, server.json, browser.json there; the tables on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=10000
ROUNDS=3
SERVER_ONLY=0
ENGINES=bantin,fts5,xapian
positional=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --server-only) SERVER_ONLY=1 ;;
    --engines) ENGINES=$2; shift ;;
    *) positional+=("$1") ;;
  esac
  shift
done
[[ ${#positional[@]} -ge 1 ]] && N=${positional[0]}
[[ ${#positional[@]} -ge 2 ]] && ROUNDS=${positional[1]}
if ! [[ $N =~ ^[1-9][0-9]*$ && $ROUNDS =~ ^[1-9][0-9]*$ && ,$ENGINES, == *,bantin,* &&
        $ENGINES =~ ^(bantin|fts5|xapian)(,(bantin|fts5|xapian))*$ ]]; then
  echo "usage: bench/peers/run.sh [N] [ROUNDS] [--server-only] [--engines bantin,fts5,xapian]" >&2
  exit 2
fi
BUILD="${BANTIN_BUILD:-$PWD/build}"
export BANTIN_BUILD="$BUILD"
WORK="${BANTIN_PEERS_WORK:-/tmp/bantin-peers-$N}"
QUERIES="$PWD/bench/peers/queries.txt"
mkdir -p "$WORK"

if [[ ${BANTIN_PEERS_BUILT:-0} != 1 ]]; then  # scripts/test.sh has just done both
  scripts/setup.sh
  scripts/build.sh >&2
fi
bench/peers/build_peers.sh "$BUILD/peers" >&2
if [[ ! -d bench/peers/js/node_modules/flexsearch || ! -d bench/peers/js/node_modules/minisearch ||
      ! -d bench/peers/js/node_modules/pagefind ]]; then
  (cd bench/peers/js && npm ci --no-audit --no-fund >&2)
fi

# The corpus, once per N and generator (made again when make_bundle is
# newer): the bundle (and, for the browser, its saved index), and the
# peers' TSV of the same bulletins.
if [[ ! -s "$WORK/corpus.tsv" || "$BUILD/bin/make_bundle" -nt "$WORK/corpus.tsv" ||
      ($SERVER_ONLY == 0 && ! -s "$WORK/index.btix") ]]; then
  echo "== corpus: $N generated bulletins" >&2
  index_args=()
  [[ $SERVER_ONLY == 0 ]] && index_args=(--index "$WORK/index.btix")
  "$BUILD/bin/make_bundle" "${index_args[@]}" "$WORK/bundle.ndjson" --generated "$N" >&2
  python3 bench/peers/bundle_to_tsv.py "$WORK/bundle.ndjson" "$WORK/corpus.tsv.part"
  mv "$WORK/corpus.tsv.part" "$WORK/corpus.tsv"
fi

PIN=()
command -v taskset >/dev/null && PIN=(taskset -c "${BANTIN_PEERS_CORE:-1}")
engine() {  # engine NAME: one run, its JSON line appended to server.jsonl
  local log="$WORK/$1.log"
  case "$1" in
    bantin) "${PIN[@]}" "$BUILD/bin/bantin_peer" "$N" "$WORK/db-bantin" "$QUERIES" >"$log" 2>&1 ;;
    fts5) "${PIN[@]}" "$BUILD/peers/fts5_peer" "$WORK/corpus.tsv" "$WORK/db-fts5" "$QUERIES" >"$log" 2>&1 ;;
    xapian) "${PIN[@]}" "$BUILD/peers/xapian_peer" "$WORK/corpus.tsv" "$WORK/db-xapian" "$QUERIES" >"$log" 2>&1 ;;
  esac || { echo "run.sh: $1 failed; its output:" >&2; tail -20 "$log" >&2; exit 1; }
  grep '^{"engine"' "$log" | tail -1 >>"$WORK/server.jsonl"
  rm -rf "$WORK/db-$1"
}

echo "== server: $ENGINES; $ROUNDS round(s), ${PIN[*]:-not pinned}" >&2
: >"$WORK/server.jsonl"
IFS=, read -r -a engines <<<"$ENGINES"
for ((round = 0; round < ROUNDS; ++round)); do
  for ((i = 0; i < ${#engines[@]}; ++i)); do
    name=${engines[(i + round) % ${#engines[@]}]}
    echo "round $((round + 1)): $name" >&2
    engine "$name"
  done
done
echo "## Server side (load average $(cut -d' ' -f1-3 /proc/loadavg))"
python3 bench/peers/server_report.py "$WORK/server.jsonl" --json "$WORK/server.json"

echo
echo "## bantin's ingest by stage"
fts5_rate=$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["medians"].get("fts5", {}).get("ingest_batch_docs_per_s", ""))' "$WORK/server.json")
"${PIN[@]}" "$BUILD/bin/ingest_stages" $((N < 10000 ? N : 10000)) "$WORK/db-stages" --rounds "$ROUNDS" \
  ${fts5_rate:+--peer-docs-per-s "$fts5_rate"}
rm -rf "$WORK/db-stages"

if [[ $SERVER_ONLY == 0 ]]; then
  echo
  echo "## Browser engines, in Node"
  # Past 20,000 bulletins two engines are left out: bantin's index from the
  # bundle (every text in a wasm heap of 2 GB at most; the saved index is
  # the way there) and Pagefind (its indexer grew past 22 GB of memory
  # building 100,000 here).
  browser_engines=()
  ((N > 20000)) && browser_engines=(--engines bantin-saved,flexsearch,minisearch)
  node bench/peers/js/browser_peers.mjs "$WORK/bundle.ndjson" "$ROUNDS" --saved-index "$WORK/index.btix" \
    --json "$WORK/browser.json" "${browser_engines[@]}"
fi
