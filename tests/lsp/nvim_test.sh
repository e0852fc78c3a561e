#!/usr/bin/env bash
# casekit lsp under Neovim's built-in LSP client (nvim --headless): a
# note of the sample caseload changed in the buffer and not saved gets the
# finding of its unsaved text, at its place, with its rule as the code.
# Usage: nvim_test.sh CASEKIT REPO. Exit 77 (skip) without nvim.
set -euo pipefail
casekit=$(realpath "$1")
repo=$(realpath "$2")
command -v nvim >/dev/null || { echo "skip: nvim is not installed (scripts/install-deps)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/examples/caseload" "$work/caseload"
note=$work/caseload/clients/marcus-jones/notes/2026-11-20-1430-in-person.yaml
cp "$note" "$work/before.yaml"
# The line (from 0) of the item the test replaces in the buffer.
line=$(($(grep -n '^  - Submitted six job applications.$' "$note" | cut -d: -f1) - 1))
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state
CASEKIT=$casekit NOTE=$note LINE=$line ROOT=$work/caseload OUT=$work/got.txt \
  CASEKIT_TODAY=2026-11-21 TZ=UTC \
  timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $repo/tests/lsp/nvim_test.lua" \
  </dev/null >"$work/nvim.log" 2>&1 || { cat "$work/nvim.log"; echo "FAIL: nvim did not finish"; exit 1; }
cat "$work/got.txt"
want="$line:4 2 language/label 'Tested clean': labelling or stigmatising words"
grep -qF "$want" "$work/got.txt" || { echo "FAIL: Neovim did not receive: $want"; exit 1; }
cmp -s "$note" "$work/before.yaml" || { echo "FAIL: the note on disk changed"; exit 1; }
echo "ok: Neovim received the finding of the unsaved text"
