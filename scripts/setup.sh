#!/usr/bin/env bash
# Installs whatever is missing for building and testing bantin on Debian 12:
# apt packages, the viewer's npm packages, and ICU cross-built for wasm (cached
# in ~/.cache/bantin). Safe to run again: it only does what is not yet done.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config python3
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  librocksdb-dev libicu-dev icu-devtools libgumbo-dev libgtest-dev libbenchmark-dev libcpp-httplib-dev
  emscripten dpkg-dev chromium fonts-noto-core clang clang-format libclang-rt-14-dev
  python3-grpcio python3-protobuf openssl
  libsqlite3-dev sqlite3 libxapian-dev  # the peers of bench/peers/run.sh
)
command -v node >/dev/null || PACKAGES+=(nodejs)
command -v npm >/dev/null || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if [[ ! -d wasm-client/node_modules/playwright-core || ! -d wasm-client/node_modules/typescript ]]; then
  echo "setup: installing npm packages" >&2
  (cd wasm-client && npm ci --no-audit --no-fund >&2)
fi

scripts/build-icu-wasm.sh >/dev/null
scripts/build-gumbo-wasm.sh >/dev/null
