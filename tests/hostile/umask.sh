#!/usr/bin/env bash
# Permissions: under umask 000 (every new file world-writable by default)
# everything casekit creates is still the owner's only: files 0600,
# folders 0700. A file it rewrites keeps the mode its owner gave it.
# Usage: umask.sh CASEKIT
set -u
casekit=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 CASEKIT_TODAY=2026-11-23 HOME="$work"
umask 000
cd "$work" || exit 99
failed=0
run() { "$casekit" "$@" >/dev/null || { echo "FAIL: casekit $*"; failed=1; }; }
run init caseload --program "Umask test"
cd caseload || exit 99
run new-client --name "Kim Park" --dob 2001-05-06
run plan kim-park add-need --domain housing --description "A room of her own"
run plan kim-park add-long-term-goal --statement "Kim will live on her own."
run note kim-park --date 2026-11-23 --time 09:00 --contact phone --strengths x --objective x --assessment x
checked=0
while IFS= read -r path; do
  mode=$(stat -c %a "$path") checked=$((checked + 1))
  if [ -d "$path" ]; then want=700; else want=600; fi
  [ "$mode" = "$want" ] || { echo "FAIL: $path has mode $mode, not $want"; failed=1; }
done < <(find "$work/caseload")
# init writes .gitignore, casekit.yaml and clients/ (with the folder itself,
# 4 paths), schemas/ with its six schemas (7) and .vscode/settings.json (2);
# the client 5 more.
[ "$checked" = 18 ] || { echo "FAIL: $checked paths, expected 18"; find "$work/caseload"; failed=1; }
chmod 640 clients/kim-park/plan.yaml
run plan kim-park review --next 2027-02-01
[ "$(stat -c %a clients/kim-park/plan.yaml)" = 640 ] || { echo "FAIL: a rewrite changed plan.yaml's mode"; failed=1; }
echo "umask 000: $checked files and folders created 0600/0700"
exit $failed
