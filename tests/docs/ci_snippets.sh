#!/usr/bin/env bash
# The CI examples of casekit-hook(1) (CI) run as they are written: every
# `git` and `casekit` command of the GitLab and GitHub snippets, with the
# variables those services set, in a clone whose branch broke one client's
# record. Each must run (exit 0, or 1 for findings) and report that client
# in its format, and no other client.
# Usage: ci_snippets.sh CASEKIT [REPOSITORY]
set -euo pipefail
casekit=$(realpath "$1")
repo=$(realpath "${2:-$(dirname "$0")/../..}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/home"
ln -s "$casekit" "$work/bin/casekit"
export PATH="$work/bin:$PATH" HOME="$work/home" TZ=UTC LC_ALL=C.UTF-8 CASEKIT_TODAY=2026-11-23
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME="Alicia Moreno" GIT_AUTHOR_EMAIL=alicia@example.org
export GIT_COMMITTER_NAME="Alicia Moreno" GIT_COMMITTER_EMAIL=alicia@example.org

cp -R "$repo/examples/caseload" "$work/caseload"
(cd "$work/caseload" && git init -q -b main . && git add . && git commit -q -m Caseload)
git clone -q --bare "$work/caseload" "$work/origin.git"
git clone -q "$work/origin.git" "$work/ci"
cd "$work/ci"
git checkout -q -b request
echo "favourite_colour: blue" >>clients/xavier-brown/client.yaml
git commit -q -am "A broken record"

# What GitLab and GitHub put in the snippets' variables for a request to main.
export CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main
commands=$(sed -n '/^\.SS CI$/,/^\.SS /p' "$repo/man/casekit-hook.1" | sed 's/\\-/-/g' |
  sed -n -E 's/^ *- (run: )?((git|casekit) .*)$/\2/p' | sed 's/\${{ github.base_ref }}/main/g')
[ "$(grep -c '^casekit check' <<<"$commands")" -ge 2 ] || { echo "no casekit check in the CI snippets" >&2; exit 1; }
while IFS= read -r command; do
  status=0
  bash -c "$command" >"$work/out" 2>"$work/err" </dev/null || status=$?
  if [ "$status" -gt 1 ]; then
    echo "'$command' exited $status:" >&2; cat "$work/err" >&2; exit 1
  fi
  [[ $command == casekit* ]] || continue
  shown=$(cat "$work/out"; cat casekit.xml 2>/dev/null || true)
  grep -q 'clients/xavier-brown/client.yaml' <<<"$shown" || { echo "'$command' does not report the changed client" >&2; exit 1; }
  if grep -q 'marcus-jones' <<<"$shown"; then echo "'$command' reports a client the branch did not change" >&2; exit 1; fi
  rm -f casekit.xml
  echo "ran: $command"
done <<<"$commands"
