#!/usr/bin/env bash
# Runs bash's completion function from `casekit completion bash` the way
# bash does on TAB (COMP_WORDS, COMP_CWORD, then COMPREPLY) in a copy of
# the sample caseload, and checks what it offers.
# Usage: bash_test.sh CASEKIT REPO
set -u
casekit=$(realpath "$1")
repo=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$casekit" "$work/bin/casekit"
export PATH="$work/bin:$PATH" CASEKIT_TODAY=2026-11-23
cp -R "$repo/examples/caseload" "$work/caseload"
cd "$work/caseload" || exit 99

source <(casekit completion bash) || { echo "the script does not load"; exit 1; }
complete -p casekit >/dev/null || { echo "casekit has no completion"; exit 1; }

failed=0
# expect "WORDS TYPED" "EXPECTED REPLY": the last word is the one being typed.
expect() {
  read -r -a COMP_WORDS <<<"casekit $1"
  [[ $1 == *" " || -z $1 ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _casekit casekit "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  local got="${COMPREPLY[*]}"
  if [[ $got != "$2" ]]; then
    echo "casekit $1<TAB>: expected '$2', got '$got'"
    failed=1
  fi
}

expect "" "init new-client plan note close show list check export due hook merge-driver fix-renumbered completion"
expect "hook " "install"
expect "hook install --f" "--force"
expect "pl" "plan"
expect "show " "dana-okafor jasmine-rivera marcus-jones teresa-nguyen xavier-brown"
expect "note ma" "marcus-jones"
expect "plan marcus-jones add-m" "add-milestone"
expect "plan marcus-jones complete-milestone " "G1 G2 G3"
expect "plan marcus-jones meet-need N" "N1 N2 N3 N4 N5"
expect "note marcus-jones --goal G" "G1 G2 G3"
expect "note marcus-jones --con" "--contact"
expect "note marcus-jones --contact " "in-person phone video collateral attempted"
expect "check --explain plan/sig" "plan/signature"
expect "check --format s" "sarif"
expect "list --status " "active closed"
expect "-C ../caseload show x" "xavier-brown"
expect "show nobody " ""
exit $failed
