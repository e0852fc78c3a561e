#!/usr/bin/env bash
# Runs one end-to-end case: the real binary in a temporary folder, compared
# with golden files. Usage: run_case.sh CASEKIT CASE_DIR
#
# A case folder holds:
#   cmd       shell commands to run (casekit is on PATH); required
#   fixture   a folder to start from, relative to the repository's root,
#             like examples/caseload or tests/e2e/fixtures/commented (optional)
#   before/   files to start from, copied over the fixture (optional)
#   stdout, stderr, status   what the commands print and exit with
#   after/    the folder as it must be afterwards; without it, the folder
#             must be exactly as it was before (nothing changed on disk)
# UPDATE_GOLDEN=1 rewrites stdout, stderr, status and after/ from this run.
# CASEKIT_WRAPPER="valgrind --error-exitcode=99 --leak-check=full -q" runs
# each casekit command under valgrind: any report fails the case.
set -u
casekit=$(realpath "$1")
case_dir=$(realpath "$2")
repo=$(realpath "$(dirname "$0")/../..")

work=$(mktemp -d)
trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/start" "$work/run" "$work/home"
# CASEKIT_WRAPPER runs casekit under another program, like valgrind.
if [ -n "${CASEKIT_WRAPPER:-}" ]; then
  printf '#!/bin/sh\nexec %s %q "$@"\n' "$CASEKIT_WRAPPER" "$casekit" >"$work/bin/casekit"
  chmod +x "$work/bin/casekit"
else
  ln -s "$casekit" "$work/bin/casekit"
fi

if [ -f "$case_dir/fixture" ]; then
  cp -R "$repo/$(cat "$case_dir/fixture")/." "$work/start/"
fi
if [ -d "$case_dir/before" ]; then
  cp -R "$case_dir/before/." "$work/start/"
fi
cp -R "$work/start/." "$work/run/"

(
  cd "$work/run" || exit 99
  export PATH="$work/bin:/usr/bin:/bin" HOME="$work/home" TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
  # Who sends an export --for, in the accounting of disclosures.
  export USER=worker
  export CASEKIT_TODAY=2026-11-23
  # check keeps no cache of unchanged clients: a case leaves the folder as its after/ says.
  export CASEKIT_NO_CACHE=1
  # Helpers cases may source, such as git_setup.sh.
  export CASEKIT_E2E="$repo/tests/e2e"
  unset VISUAL EDITOR
  bash -e "$case_dir/cmd" >"$work/stdout" 2>"$work/stderr" </dev/null
  echo $? >"$work/status"
)

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$work/stdout" "$case_dir/stdout"
  cp "$work/stderr" "$case_dir/stderr"
  cp "$work/status" "$case_dir/status"
  rm -rf "$case_dir/after"
  if ! diff -r "$work/start" "$work/run" >/dev/null 2>&1; then
    mkdir "$case_dir/after"
    cp -R "$work/run/." "$case_dir/after/"
  fi
  echo "updated $case_dir"
  exit 0
fi

failed=0
compare() {  # expected-file actual-file label
  local expected=$1 actual=$2 label=$3
  if [ -f "$expected" ]; then
    diff -u --label "expected $label" --label "actual $label" "$expected" "$actual" || failed=1
  elif [ -s "$actual" ]; then
    echo "unexpected $label:"; cat "$actual"; failed=1
  fi
}
compare "$case_dir/stdout" "$work/stdout" stdout
compare "$case_dir/stderr" "$work/stderr" stderr
expected_status=0
[ -f "$case_dir/status" ] && expected_status=$(cat "$case_dir/status")
actual_status=$(cat "$work/status")
if [ "$expected_status" != "$actual_status" ]; then
  echo "exit status: expected $expected_status, got $actual_status"; failed=1
fi
expected_tree="$work/start"
[ -d "$case_dir/after" ] && expected_tree="$case_dir/after"
if ! diff -r "$expected_tree" "$work/run"; then
  echo "the case folder differs from what was expected (left: expected, right: actual)"; failed=1
fi
# What casekit creates must be readable by the owner only (0600, 0700).
while IFS= read -r path; do
  rel=${path#"$work/run/"}
  [ -e "$work/start/$rel" ] && continue
  mode=$(stat -c %a "$path")
  if { [ -d "$path" ] && [ "$mode" != 700 ]; } || { [ -f "$path" ] && [ "$mode" != 600 ]; }; then
    echo "created with mode $mode, readable by others: $rel"; failed=1
  fi
done < <(find "$work/run" -mindepth 1)
exit $failed
