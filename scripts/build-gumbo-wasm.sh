#!/usr/bin/env bash
# Compiles gumbo (the HTML5 parser) for WebAssembly, cached like ICU (see
# build-icu-wasm.sh). Prints the install prefix (include/, lib/libgumbo.a).
#
# Natively bantin links Debian's libgumbo 0.10.1. Debian's mirror here serves
# no gumbo-parser *source*, so the same upstream release (0.10.1, its C
# sources unchanged) is taken from the npm package gumbo-parser@0.3.0, which
# bundles it; the tarball is checked against a pinned SHA-256.
set -euo pipefail

GUMBO_VERSION=0.10.1
RECIPE=1
TARBALL_SHA256=d47101b5182186c4646f7eba5107308dbf93392621ae8c12bd35a7d867c8e913
source "$(dirname "$0")/wasm-cache.sh" gumbo "$GUMBO_VERSION" "$RECIPE"

(cd "$WORK" && npm pack --silent gumbo-parser@0.3.0 >&2)
echo "$TARBALL_SHA256  $WORK/gumbo-parser-0.3.0.tgz" | sha256sum -c >&2
tar -xzf "$WORK/gumbo-parser-0.3.0.tgz" -C "$WORK"
SRC="$WORK/package/deps/gumbo-parser/src"
grep -q 'AC_INIT(\[gumbo\], \[0.10.1\]' "$WORK/package/deps/gumbo-parser/configure.ac"
mkdir -p "$WORK/obj"
for c in "$SRC"/*.c; do
  emcc -O2 -std=c99 -c "$c" -I"$SRC" -o "$WORK/obj/$(basename "${c%.c}").o" >&2
done
emar rcs "$PREFIX/lib/libgumbo.a" "$WORK"/obj/*.o >&2
cp "$SRC/gumbo.h" "$SRC/tag_enum.h" "$PREFIX/include/"
wasm_cache_done
