#!/usr/bin/env bash
# The cache's differential test must fail when the cache breaks (issue 18,
# goal 8): each mutant is casekit built with one safety of the cache planted
# out of a copy of its source (tests/CMakeLists.txt, plant.cmake), and
# differential.py, run against it, must find a report the cache changed.
# usage: mutants_catch.sh REPOSITORY MUTANT...
set -euo pipefail
repo=$1
shift
for mutant in "$@"; do
  if out=$(python3 "$repo/tests/check_cache/differential.py" "$mutant" "$repo" 2>&1); then
    echo "differential.py passed $(basename "$mutant"), whose cache is broken:"
    echo "$out" | tail -n 3
    exit 1
  fi
  grep -q "differs with the cache" <<<"$out" || {
    echo "differential.py failed on $(basename "$mutant") without finding a changed report:"
    echo "$out" | tail -n 20
    exit 1
  }
  echo "$(basename "$mutant"): $(head -n 1 <<<"$out")"
done
echo "differential.py catches each broken cache"
