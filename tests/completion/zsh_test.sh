#!/usr/bin/env bash
# Runs zsh's completion system on `casekit completion zsh`: an interactive
# zsh on a pseudo-terminal (zsh/zpty) with compinit and the script as the
# autoloaded _casekit in $fpath gets a line and a TAB, in a copy of the
# sample caseload, and the words it offers are compared; exit 77 without zsh.
# Usage: zsh_test.sh CASEKIT REPO
set -u
command -v zsh >/dev/null || { echo "zsh is not installed"; exit 77; }
casekit=$(realpath "$1")
repo=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/functions" "$work/home"
ln -s "$casekit" "$work/bin/casekit"
"$casekit" completion zsh >"$work/functions/_casekit" || exit 1
cp -R "$repo/examples/caseload" "$work/caseload"
cd "$work/caseload" || exit 99
export PATH="$work/bin:$PATH" HOME="$work/home" ZDOTDIR="$work/home" CASEKIT_TODAY=2026-11-23

# What TAB offers after `casekit WORDS`: the last word is the one being typed.
offered() {
  local words
  words=$(zsh -f "$here/zsh_complete.zsh" "$here/zsh_init.zsh" "$work/functions" "casekit $1" </dev/null)
  echo "${words//$'\n'/ }"
}
source "$here/compare_expected.sh"
