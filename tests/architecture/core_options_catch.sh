#!/usr/bin/env bash
# core_options.py must fail when the core names an option: on a copy of
# the tree, plant a refusal that names its option instead of its field, a
# row that no longer happens, and a hint naming an option its command
# lacks, one at a time, and expect the check to name each.
# Usage: core_options_catch.sh CASEKIT
set -euo pipefail
casekit=$1
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fresh() { rm -rf "$work/tree" && mkdir "$work/tree" && cp -r "$repo/src" "$repo/ARCHITECTURE.md" "$work/tree/"; }
expect_failure() {  # WORDS: core_options.py fails on the tree, saying WORDS
  if out=$(python3 "$here/core_options.py" "$work/tree" "$casekit"); then
    echo "core_options.py passed a tree that breaks the rule ($1)"; exit 1
  fi
  grep -qF "$1" <<<"$out" || { echo "expected '$1' in:"; echo "$out"; exit 1; }
}
python3 "$here/core_options.py" "$repo" "$casekit" >/dev/null
fresh; printf '%s\n' 'void f(const std::string& d) { require_date(d, "--target-date"); }' \
  >>"$work/tree/src/edit/plan_edits.cpp"
expect_failure 'plan_edits.cpp:'
expect_failure 'names the option --target-date'
fresh; printf '%s\n' 'const char* kHint = "add --description TEXT";' >>"$work/tree/src/edit/attach.cpp"
expect_failure 'src/edit/attach.cpp:'
fresh; sed -i 's/casekit check --list-rules/casekit check/' "$work/tree/src/check/settings_findings.cpp"
expect_failure 'lets src/check/settings_findings.cpp name --list-rules, and it no longer does'
fresh; sed -i 's/--worker-step/--worker-steps/' "$work/tree/src/views/due.cpp" "$work/tree/ARCHITECTURE.md"
expect_failure 'names --worker-steps of `casekit note`, which has no such option'
echo "core_options.py catches an option named by the core, a row gone stale, and a hint's option its command lacks"
