#!/usr/bin/env bash
# Every C++ file of the repository follows .clang-format: a file that does
# not is listed with what clang-format would change, and the test fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
format=$(command -v clang-format-14 || command -v clang-format)
mapfile -t files < <(find src include tests -name '*.cpp' -o -name '*.hpp' | sort)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if ! "$format" --dry-run --Werror "${files[@]}" 2>"$out"; then
  head -40 "$out"
  echo "run: clang-format -i FILE... (clang-format 14, .clang-format at the top)"
  exit 1
fi
echo "${#files[@]} files follow .clang-format"
