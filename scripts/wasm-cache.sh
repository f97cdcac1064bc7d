# Sourced by the build-*-wasm.sh scripts: one cached build in
# ~/.cache/bantin (or $BANTIN_CACHE), keyed by name, version and recipe.
#
#   source wasm-cache.sh NAME VERSION RECIPE
#
# If the build is complete, prints its prefix and exits the calling script.
# Otherwise sets PREFIX (empty), WORK (scratch, removed on exit) and LOG,
# sends the build's stderr to LOG (shown in part if the build fails), and
# the caller ends with `wasm_cache_done`, which marks and prints PREFIX.
CACHE_ROOT="${BANTIN_CACHE:-$HOME/.cache/bantin}"
PREFIX="$CACHE_ROOT/$1-wasm-$2-r$3"
if [[ -f "$PREFIX/.complete" ]]; then
  echo "$PREFIX"
  exit 0
fi
export NODE_PATH=/usr/share/nodejs  # emcc's optimiser needs acorn from here
WORK="$CACHE_ROOT/$1-wasm-work-$$"
LOG="$CACHE_ROOT/$1-wasm-$2-r$3.log"
rm -rf "$PREFIX" "$WORK"
mkdir -p "$WORK" "$PREFIX/include" "$PREFIX/lib"
echo "building $1 $2 for WebAssembly (once; log in $LOG)" >&2
exec 3>&2 2>"$LOG"
trap 'status=$?; rm -rf "$WORK"; if ((status)); then tail -30 "$LOG" >&3; fi' EXIT
WASM_CACHE_START=$(date +%s)

wasm_cache_done() {
  echo "built $(basename "$PREFIX") in $(( $(date +%s) - WASM_CACHE_START )) s" |
    tee "$PREFIX/BUILD_INFO" >&3
  touch "$PREFIX/.complete"
  echo "$PREFIX"
}
