#!/usr/bin/env bash
# Cross-builds ICU for WebAssembly from Debian's own `icu` source package and
# caches the result outside the repository, keyed by ICU version and by this
# script's recipe version. A cached build is reused; a missing or partial one
# is rebuilt. Prints the install prefix on its last line.
#
# Why not Emscripten's USE_ICU port: it downloads from the internet.
# Why no ICU data file: the core uses only NFC/NFD, case folding and character
# properties, whose data ICU compiles into libicuuc itself; the stub data
# library is therefore all the browser needs (see wasm-client/README.md).
set -euo pipefail

ICU_VERSION=72.1
RECIPE=2
source "$(dirname "$0")/wasm-cache.sh" icu "$ICU_VERSION" "$RECIPE"

"$(dirname "$0")/debian-source.sh" "icu=$(dpkg-query -W -f='${Version}' icu-devtools)" "$WORK" >&2
SRC_DIR=$(find "$WORK" -maxdepth 2 -type d -path "*/icu-*/source" | head -1)
[[ -z "$SRC_DIR" ]] && SRC_DIR=$(find "$WORK" -maxdepth 1 -type d -name "icu-*" | head -1)/source

# ICU insists on a cross-build directory; Debian's icu-devtools binaries serve.
CROSS="$WORK/cross"
mkdir -p "$CROSS/config" "$CROSS/bin" "$CROSS/lib"
for tool in /usr/bin/{genrb,genbrk,gencfu,gencnval,gendict,makeconv,pkgdata,derb} \
            /usr/sbin/{icupkg,genccode,gencmn,gennorm2,gensprep}; do
  ln -s "$tool" "$CROSS/bin/"
done
cat >"$CROSS/config/icucross.mk" <<MK
CROSS_ICU_VERSION=$ICU_VERSION
TOOLEXEEXT=
TOOLBINDIR=$CROSS/bin
TOOLLIBDIR=/usr/lib/x86_64-linux-gnu
INVOKE=
PKGDATA_INVOKE=
MK
touch "$CROSS/config/icucross.inc"

BUILD="$WORK/build"
mkdir -p "$BUILD"
cd "$BUILD"
CFLAGS="-O2" CXXFLAGS="-O2 -std=c++17" \
  emconfigure "$SRC_DIR/configure" --host=wasm32-unknown-linux \
    --with-cross-build="$CROSS" --prefix="$PREFIX" \
    --enable-static --disable-shared --disable-tools --disable-tests \
    --disable-samples --disable-extras --disable-icuio --disable-layoutex \
    --disable-dyload --with-data-packaging=static >&2
# Only the stub data library and libicuuc: the core uses nothing from i18n
# (collation, formatting, transliteration), so it is not built at all.
mkdir -p lib
for dir in stubdata common; do
  emmake make -j"$(nproc)" -C "$dir" >&2
done

cp lib/libicuuc.a "$PREFIX/lib/"
cp stubdata/libicudata.a "$PREFIX/lib/" 2>/dev/null || cp lib/libicudata.a "$PREFIX/lib/"
cp -r "$SRC_DIR/common/unicode" "$PREFIX/include/"
wasm_cache_done
