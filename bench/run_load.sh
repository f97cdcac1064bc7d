#!/usr/bin/env bash
# Load on a database at rest: starts `bantin serve` on a fresh database in a
# temp dir (127.0.0.1, call log to a file as in production), fills it with N
# generated pages over the IngestBulletins stream, stops it, compacts (so no
# flush or compaction competes with the measured calls), starts it again
# and runs bench/load_gen: empty RPC, Get, Search. With two or more cores
# the server runs on CPU 0 and the client on CPU 1, so the client's work
# does not count against the server.
#   bench/run_load.sh [N=10000] [SECONDS=10] [extra load_gen flags...]
# BANTIN_SERVE_FLAGS adds flags to the measured server (e.g.
# "--read-cache-bytes 0").
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BANTIN_BUILD:-$PWD/build}"
N="${1:-10000}"
SECONDS_PER_RPC="${2:-10}"
shift $(( $# > 2 ? 2 : $# ))
work=$(mktemp -d)
server=""
trap '[[ -n $server ]] && kill -TERM $server 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
(umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$work/token")
server_cpu=(); client_cpu=()
if (( $(nproc) >= 2 )) && command -v taskset >/dev/null; then server_cpu=(taskset -c 0); client_cpu=(taskset -c 1); fi

start_server() {  # sets $server and $address
  rm -f "$work/out"  # never read the previous server's address
  "${server_cpu[@]}" "$BUILD/bin/bantin" serve --db "$work/db" --listen 127.0.0.1:0 \
    --write-token-file "$work/token" ${BANTIN_SERVE_FLAGS:-} >"$work/out" 2>>"$work/calls.log" &
  server=$!
  for _ in $(seq 300); do grep -q "API on" "$work/out" 2>/dev/null && break; sleep 0.1; done
  address=$(grep -o 'API on [0-9.]*:[0-9]*' "$work/out" | cut -d' ' -f3)
  [[ -n $address ]] || { echo "run_load: bantin serve did not start" >&2; cat "$work/calls.log" >&2; exit 1; }
}
stop_server() { kill -TERM "$server"; wait "$server"; server=""; }

start_server
"${client_cpu[@]}" "$BUILD/bin/load_gen" --server "$address" --fill "$N" --token-file "$work/token" --rpcs none
stop_server
"$BUILD/bin/bantin" compact --db "$work/db" >/dev/null
start_server
"${client_cpu[@]}" "$BUILD/bin/load_gen" --server "$address" --seconds "$SECONDS_PER_RPC" "$@"
echo "server call log: $(wc -l < "$work/calls.log") lines"
