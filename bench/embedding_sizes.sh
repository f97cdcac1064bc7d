#!/usr/bin/env bash
# What embedding costs: libbantin.so stripped, the npm tarball, and the time
# `import bantin` adds to a Python start (and `import 'bantin'` to a Node
# start), measured side by side: each round runs the bare interpreter and
# the one importing bantin one after the other; medians over ROUNDS.
#
# usage: bench/embedding_sizes.sh [ROUNDS]   (after scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BANTIN_BUILD:-$PWD/build}"
ROUNDS=${1:-21}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cmake --install "$BUILD" --prefix "$WORK/prefix" >/dev/null
SITE=$(echo "$WORK"/prefix/lib/python3*/site-packages)
strip -o "$WORK/libbantin.so" "$(readlink -f "$WORK/prefix/lib/libbantin.so")"
TARBALL=$(echo "$BUILD"/wasm/bantin-*.tgz)
mkdir "$WORK/node" && (cd "$WORK/node" && echo '{"type":"module"}' >package.json &&
  npm install --offline --no-audit --no-fund --no-save "$TARBALL" >/dev/null)

size() { stat -c %s "$1"; }
echo "libbantin.so stripped: $(size "$WORK/libbantin.so") bytes (unstripped $(size "$(readlink -f "$WORK/prefix/lib/libbantin.so")"))"
echo "npm tarball $(basename "$TARBALL"): $(size "$TARBALL") bytes; unpacked: $(du -sb "$WORK/node/node_modules/bantin" | cut -f1) bytes"

# Milliseconds of one run of a command.
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for ((i = 0; i < ROUNDS; i++)); do
  echo "py_bare $(ms /usr/bin/python3 -c pass)"
  echo "py_bantin $(PYTHONPATH=$SITE ms /usr/bin/python3 -c 'import bantin')"
  echo "node_bare $(cd "$WORK/node" && ms node -e 0)"
  echo "node_bantin $(cd "$WORK/node" && ms node --input-type=module -e "import 'bantin'")"
done >"$WORK/times"
for k in py_bare py_bantin node_bare node_bantin; do
  echo "$k $(grep "^$k " "$WORK/times" | cut -d' ' -f2 | median)"
done | awk '{m[$1]=$2} END {
  printf "python3 start: %d ms; with import bantin: %d ms (import costs %d ms)\n", m["py_bare"], m["py_bantin"], m["py_bantin"]-m["py_bare"];
  printf "node start: %d ms; with import of bantin: %d ms (import costs %d ms)\n", m["node_bare"], m["node_bantin"], m["node_bantin"]-m["node_bare"] }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
