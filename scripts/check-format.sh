#!/usr/bin/env bash
# Checks that every tracked C++ file follows .clang-format (clang-format 14,
# Debian's). With --fix, rewrites the files that do not.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cc' '*.h')
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2> /tmp/bantin-format.$$; then
  grep -E '^[^ ].*: (error|warning):' /tmp/bantin-format.$$ | cut -d: -f1 | sort -u | sed 's/^/needs formatting: /' >&2
  rm -f /tmp/bantin-format.$$
  echo "check-format: run scripts/check-format.sh --fix" >&2
  exit 1
fi
rm -f /tmp/bantin-format.$$
echo "check-format: ${#files[@]} files follow .clang-format" >&2
