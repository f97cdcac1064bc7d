#!/usr/bin/env bash
# Embedding, as a user of each package meets it: `cmake --install` into an
# empty prefix and the npm tarball into an empty folder, then every example
# of examples/ built and run against those (never against the build tree):
# C99 with pkg-config, C++ with find_package, Python, Node (ESM) and
# Chromium from a plain module script; tsc --noEmit on a TypeScript
# consumer; libbantin.so exports only bantin_*; the Python module against a
# real `bantin serve`; and one parity test of the C API, the Python module
# and the npm package against `bantin parse --json` on every page.
#
# usage: tests/embedding/run.sh   (after scripts/build.sh; BANTIN_BUILD as there)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BUILD="${BANTIN_BUILD:-$ROOT/build}"
PY=/usr/bin/python3  # Debian's, with python3-grpcio for the client
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PREFIX=$WORK/prefix
SEED=$ROOT/seeds/001_d43689925f22576c.txt

/usr/bin/python3 tests/embedding/readme_snippets.py "$ROOT"

echo "-- install into an empty prefix" >&2
cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
SITE=$(echo "$PREFIX"/lib/python3*/site-packages)

echo "-- libbantin.so: its SONAME, and only bantin_* exported" >&2
LIB=$(readlink -f "$PREFIX/lib/libbantin.so")
objdump -p "$LIB" | grep -q "SONAME *libbantin.so.0.1$"
others=$(nm -D --defined-only "$LIB" | awk '{print $3}' | grep -v '^bantin_' || true)
[[ -z "$others" ]] || { echo "libbantin.so exports more than bantin_*: $others" >&2; exit 1; }
nm -D --defined-only "$LIB" | grep -q " T bantin_index_search$"
[[ ! -e "$PREFIX/include/bantin/parse/lines.h" && -e "$PREFIX/include/bantin/parse/parser.h" ]] ||
  { echo "install: private headers installed, or public ones missing" >&2; exit 1; }

echo "-- examples/c: C99, pkg-config" >&2
export PKG_CONFIG_PATH=$PREFIX/lib/pkgconfig
cc -std=c99 -Wall -Wextra -pedantic -Werror examples/c/main.c $(pkg-config --cflags --libs bantin) \
  -Wl,-rpath,"$(pkg-config --variable=libdir bantin)" -o "$WORK/c_example"
"$WORK/c_example" "$SEED" | tail -1

echo "-- examples/cpp: find_package(bantin), bantin::core and bantin::storage" >&2
cmake -S examples/cpp -B "$WORK/cpp" -DCMAKE_PREFIX_PATH="$PREFIX" >/dev/null
cmake --build "$WORK/cpp" -j"${BANTIN_JOBS:-$(nproc)}" >/dev/null
"$WORK/cpp/example" "$SEED" | tail -1
"$WORK/cpp/store_example" "$SEED" "$WORK/store_db"

echo "-- python3 -c 'import bantin' finds what scripts/build.sh installed" >&2
if [[ -z "${BANTIN_PREFIX:-}" ]]; then
  (cd / && env -u PYTHONPATH python3 -c 'import bantin, sys; assert bantin.__file__.startswith(sys.argv[1]), bantin.__file__' \
    "$HOME/.local/")
fi

echo "-- examples/python" >&2
(cd "$WORK" && PYTHONPATH="$SITE" $PY "$ROOT/examples/python/example.py" "$SEED" | tail -1)
PYTHONPATH="$SITE" $PY tests/embedding/python_test.py "$BUILD/bin/bantin" "$ROOT"

echo "-- examples/node: the packed tarball in an empty folder" >&2
TARBALL=$(echo "$BUILD"/wasm/bantin-*.tgz)
NODE_DIR=$WORK/node
mkdir -p "$NODE_DIR"
cp examples/node/package.json examples/node/example.mjs examples/node/consumer.ts examples/node/browser.html "$NODE_DIR/"
(cd "$NODE_DIR" && npm install --offline --no-audit --no-fund --no-save "$TARBALL" >/dev/null)
(cd "$NODE_DIR" && node example.mjs "$SEED" | tail -1)
echo "-- tsc --noEmit on a TypeScript consumer" >&2
(cd "$NODE_DIR" && "$ROOT/wasm-client/node_modules/.bin/tsc" --noEmit --strict --target es2022 \
  --module nodenext --moduleResolution nodenext consumer.ts)
echo "-- Chromium: the package from a plain <script type=module>" >&2
node tests/embedding/browser_check.mjs "$NODE_DIR"

echo "-- parity: C API, Python and npm against bantin parse --json, every page" >&2
cp tests/embedding/npm_parse.mjs "$NODE_DIR/"
PYTHONPATH="$SITE" $PY tests/embedding/parity_test.py "$BUILD/bin/bantin" "$NODE_DIR/npm_parse.mjs" \
  seeds tests/fixtures tests/pages
