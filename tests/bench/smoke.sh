#!/usr/bin/env bash
# scripts/bench at a tiny size, untimed: it only proves the benchmark and
# its generator still work (the figures mean nothing at 20 clients).
# Usage: smoke.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
out=$(BENCH_BUILD="$1" BENCH_RUNS=1 BENCH_UNIFORM=1 BENCH_DIR="$dir" BENCH_PLOT="$dir/plot.svg" \
  "$2/scripts/bench" 20)
echo "$out"
# A header and one row of check's figures for the 20 clients.
[ "$(echo "$out" | awk '$1 == 20 && NF > 7' | wc -l)" = 1 ]
# The commands' table: a row for each of the 9 commands (check, list and due
# cold and warm, export json and html, search), with its ratio, and the plot.
[ "$(echo "$out" | awk '$1 == 20 && $4 ~ /x$/ && $5 ~ /^floor2?$/' | wc -l)" = 9 ]
grep -q '<polyline' "$dir/plot.svg"
# The typo caseload really has typos: check reports them.
found=$("$1/casekit" -C "$dir/varied-20-typos-5" check --as-of 2026-11-23 2>&1 || true)
grep -q "may be misspelled" <<<"$found"
