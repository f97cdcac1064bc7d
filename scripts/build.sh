#!/usr/bin/env bash
# Builds bantin natively (build/bin/bantin, tests, benchmarks) and the core
# for WebAssembly (build/wasm/bantin.mjs, the npm tarball), and installs what
# an embedding program uses (README.md, "Embedding") into BANTIN_PREFIX,
# by default ~/.local, where this user's python3 finds the bantin module.
# Incremental after the first run.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BANTIN_BUILD:-$PWD/build}"
JOBS="${BANTIN_JOBS:-$(nproc)}"

cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j"$JOBS"
cmake --install "$BUILD" --prefix "${BANTIN_PREFIX:-$HOME/.local}" >/dev/null

ICU_WASM=$(scripts/build-icu-wasm.sh)
GUMBO_WASM=$(scripts/build-gumbo-wasm.sh)
export NODE_PATH=/usr/share/nodejs  # emcc's optimiser needs acorn from here
# emcmake sets an emulator Node 20 rejects (--experimental-wasm-threads).
emcmake cmake -S . -B "$BUILD/wasm-build" -DCMAKE_BUILD_TYPE=Release \
  -DBANTIN_ICU_WASM_PREFIX="$ICU_WASM" -DBANTIN_GUMBO_WASM_PREFIX="$GUMBO_WASM" -DCMAKE_CROSSCOMPILING_EMULATOR=node \
  -DBANTIN_WASM_OUT="$BUILD/wasm" >/dev/null
cmake --build "$BUILD/wasm-build" -j"$JOBS"
