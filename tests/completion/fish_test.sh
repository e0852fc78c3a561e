#!/usr/bin/env bash
# Runs fish's completion (`complete -C`) with the script from `casekit
# completion fish` on a copy of the sample caseload; exit 77 without fish.
# Usage: fish_test.sh CASEKIT REPO
set -u
command -v fish >/dev/null || { echo "fish is not installed"; exit 77; }
casekit=$(realpath "$1")
repo=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/home"
ln -s "$casekit" "$work/bin/casekit"
cp -R "$repo/examples/caseload" "$work/caseload"
cd "$work/caseload" || exit 99
"$casekit" completion fish >"$work/casekit.fish"
got=$(HOME="$work/home" PATH="$work/bin:$PATH" CASEKIT_TODAY=2026-11-23 fish --no-config -c "
  source $work/casekit.fish
  complete -C 'casekit pl'
  complete -C 'casekit plan marcus-jones meet-need N'
  complete -C 'casekit check --format j'" | tr '\n' ' ')
expected="plan N1 N2 N3 N4 N5 json junit "
if [ "$got" != "$expected" ]; then
  echo "expected '$expected', got '$got'"
  exit 1
fi
