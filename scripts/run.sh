#!/usr/bin/env bash
# Installs what is missing, builds, starts `bantin serve` on an embedded
# RocksDB (build/run-db), ingests seeds/ and serves the API and the viewer
# until Ctrl-C. Addresses: BANTIN_GRPC (127.0.0.1:50051), BANTIN_HTTP
# (127.0.0.1:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BANTIN_BUILD:-$PWD/build}"
GRPC="${BANTIN_GRPC:-127.0.0.1:50051}"
HTTP="${BANTIN_HTTP:-127.0.0.1:8080}"
DB="${BANTIN_DB:-$BUILD/run-db}"
TOKEN="${BANTIN_TOKEN_FILE:-$BUILD/run-token}"

scripts/setup.sh
BANTIN_BUILD="$BUILD" scripts/build.sh >/dev/null
# Writes need a bearer token: one made for this machine, readable by its owner only.
if [[ ! -s "$TOKEN" ]]; then
  (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$TOKEN")
fi

"$BUILD/bin/bantin" serve --db "$DB" --listen "$GRPC" --http "$HTTP" --write-token-file "$TOKEN" 2>"$BUILD/serve.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server' INT TERM EXIT
for _ in $(seq 50); do
  "$BUILD/bin/bantin" list --server "$GRPC" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { echo "run: bantin serve did not start:" >&2; cat "$BUILD/serve.log" >&2; exit 1; }
  sleep 0.2
done
"$BUILD/bin/bantin" ingest --server "$GRPC" --token-file "$TOKEN" seeds/
cat <<MSG

bantin is running (Ctrl-C stops it):
  gRPC API  $GRPC     e.g. $BUILD/bin/bantin search --server $GRPC "tuyên giáo"
  viewer    http://$HTTP/   (one file for offline use: $BUILD/wasm/bantin-viewer.html)
  bundle    http://$HTTP/bundle   metrics http://$HTTP/metrics
  writes    need the token in $TOKEN (--token-file or BANTIN_TOKEN)
  call log  $BUILD/serve.log (one JSON line per call)
MSG
wait $server
