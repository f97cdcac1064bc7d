#!/usr/bin/env bash
# Builds the server-side peers of the side-by-side benchmark (SQLite FTS5 and
# Xapian). They do not link bantin and need no CMake: plain g++ -O2.
#
#   bench/peers/build_peers.sh [OUT_DIR]      (default: build/peers)
#
# Installs libsqlite3-dev, sqlite3 and libxapian-dev with apt-get only when a
# header (or the sqlite3 shell) is missing, and runs `apt-get update` only
# when the package is not known yet. Rebuilds a program only when its source
# or peer_common.h is newer than the binary.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../build/peers}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

sudo_cmd=()
if [ "$(id -u)" != 0 ]; then sudo_cmd=(sudo); fi

need=()
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
command -v sqlite3 >/dev/null || need+=(sqlite3)
[ -f /usr/include/xapian.h ] || need+=(libxapian-dev)
if [ ${#need[@]} -gt 0 ]; then
  for p in "${need[@]}"; do
    if ! apt-cache show "$p" >/dev/null 2>&1; then
      "${sudo_cmd[@]}" apt-get update
      break
    fi
  done
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${need[@]}"
fi

# The FTS5 peer needs SQLite compiled with FTS5 (Debian's is).
if ! sqlite3 :memory: "CREATE VIRTUAL TABLE t USING fts5(x);" 2>/dev/null; then
  echo "build_peers: this SQLite has no FTS5" >&2
  exit 1
fi

build() {  # build NAME LIBS...
  local name="$1"; shift
  local src="$here/$name.cc" bin="$out/$name"
  if [ -x "$bin" ] && [ "$bin" -nt "$src" ] && [ "$bin" -nt "$here/peer_common.h" ]; then
    echo "up to date: $bin"
    return
  fi
  echo "g++ -O2 -> $bin"
  g++ -std=c++17 -O2 -Wall -Wextra -o "$bin" "$src" "$@"
}

build fts5_peer -lsqlite3
build xapian_peer -lxapian
