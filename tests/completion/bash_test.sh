#!/usr/bin/env bash
# Runs bash's completion function from `casekit completion bash` the way
# bash does on TAB (COMP_WORDS, COMP_CWORD, then COMPREPLY) in a copy of
# the sample caseload, and checks what it offers.
# Usage: bash_test.sh CASEKIT REPO
set -u
casekit=$(realpath "$1")
repo=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$casekit" "$work/bin/casekit"
export PATH="$work/bin:$PATH" CASEKIT_TODAY=2026-11-23
cp -R "$repo/examples/caseload" "$work/caseload"
cd "$work/caseload" || exit 99

source <(casekit completion bash) || { echo "the script does not load"; exit 1; }
complete -p casekit >/dev/null || { echo "casekit has no completion"; exit 1; }

# What TAB offers after `casekit WORDS`: the last word is the one being typed.
offered() {
  read -r -a COMP_WORDS <<<"casekit $1"
  [[ $1 == *" " || -z $1 ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _casekit casekit "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  echo "${COMPREPLY[*]}"
}
source "$here/compare_expected.sh"
