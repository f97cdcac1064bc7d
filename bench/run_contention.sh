#!/usr/bin/env bash
# Ingest beside searching clients: starts `bantin serve` on a fresh database
# in a temp dir (127.0.0.1), fills it with N generated pages, and runs
# bench/contention: one client ingesting page by page, alone and beside 8
# and 64 searching clients, phases alternated round by round.
#   bench/run_contention.sh [N=10000] [SECONDS=5] [ROUNDS=3]
# BANTIN_SERVE_BIN measures another build's server (e.g. an older commit's)
# with this build's client, for a side-by-side comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BANTIN_BUILD:-$PWD/build}"
SERVE_BIN="${BANTIN_SERVE_BIN:-$BUILD/bin/bantin}"
N="${1:-10000}"; SECONDS_PER_PHASE="${2:-5}"; ROUNDS="${3:-3}"
work=$(mktemp -d)
server=""
trap '[[ -n $server ]] && kill -TERM $server 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
(umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$work/token")
"$SERVE_BIN" serve --db "$work/db" --listen 127.0.0.1:0 --write-token-file "$work/token" --quiet \
  >"$work/out" 2>"$work/err" &
server=$!
for _ in $(seq 300); do grep -q "API on" "$work/out" 2>/dev/null && break; sleep 0.1; done
address=$(grep -o 'API on [0-9.]*:[0-9]*' "$work/out" | cut -d' ' -f3)
[[ -n $address ]] || { echo "run_contention: bantin serve did not start" >&2; cat "$work/err" >&2; exit 1; }
"$BUILD/bin/load_gen" --server "$address" --fill "$N" --token-file "$work/token" --rpcs none
echo "server: $SERVE_BIN; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$BUILD/bin/contention" --server "$address" --token-file "$work/token" --seconds "$SECONDS_PER_PHASE" \
  --rounds "$ROUNDS" --searchers 8,64
