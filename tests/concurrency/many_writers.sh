#!/usr/bin/env bash
# Concurrency: 16 casekit processes at once, each adding 2 notes and 2
# short-term goals to the same client (64 changes). Afterwards every note
# and every goal must be there, each once, with its own id; every file
# must parse (check reports nothing that was not reported before) and no
# temporary file may remain.
# Usage: many_writers.sh CASEKIT [WRITERS]
set -u
casekit=$(realpath "$1")
writers=${2:-16}
repo=$(realpath "$(dirname "$0")/../..")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 CASEKIT_TODAY=2026-11-23 HOME="$work"
cp -R "$repo/examples/caseload" "$work/case"
cd "$work/case" || exit 99
before=$("$casekit" check 2>/dev/null)

writer() {  # writer NUMBER: two notes and two goals, alternating
  local w=$1 j
  for j in 1 2; do
    "$casekit" note marcus-jones --date 2026-11-23 --time "$(printf '%02d:%02d' "$w" "$j")" --contact phone \
      --author "Writer $w" --goal G1 --strengths "Writer $w note $j strengths." \
      --objective "Writer $w note $j objective." --assessment "Writer $w note $j assessment." >/dev/null || return 1
    "$casekit" plan marcus-jones add-goal --statement "Goal of writer $w number $j by 2027-06-30." \
      --long-term L1 --need N1 --target-date 2027-06-30 --responsible "Writer $w" >/dev/null || return 1
  done
}

pids=()
for ((w = 1; w <= writers; w++)); do writer "$w" & pids+=($!); done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || { echo "FAIL: a writer's command failed"; failed=1; }; done

for ((w = 1; w <= writers; w++)); do
  for j in 1 2; do
    note="clients/marcus-jones/notes/2026-11-23-$(printf '%02d%02d' "$w" "$j")-phone.yaml"
    grep -q "Writer $w note $j objective." "$note" 2>/dev/null || { echo "FAIL: note $w.$j is missing"; failed=1; }
    n=$(grep -c "statement: Goal of writer $w number $j by 2027-06-30.$" clients/marcus-jones/plan.yaml)
    [ "$n" = 1 ] || { echo "FAIL: goal $w.$j is in the plan $n times"; failed=1; }
  done
done
ids=$(grep -E '^  - id: G[0-9]+$' clients/marcus-jones/plan.yaml | sort)
[ "$(sort -u <<<"$ids" | wc -l)" = "$(wc -l <<<"$ids")" ] || { echo "FAIL: goal ids repeat"; failed=1; }
# Nothing new but what the new notes and goals are told about (they are
# brief on purpose): no format finding, nothing about other files.
after=$("$casekit" check 2>/dev/null)
new=$(diff <(echo "$before") <(echo "$after") | grep '^>' | grep -Ev 'notes/2026-11-23-[0-9]{4}-phone.yaml: warning: |plan.yaml:[0-9]+:[0-9]+: warning: ')
[ -z "$new" ] || { echo "FAIL: check reports new problems:"; echo "$new"; failed=1; }
grep -q '\[format/' <<<"$after" && { echo "FAIL: a format finding:"; grep '\[format/' <<<"$after"; failed=1; }
temps=$(find . -name '.*.casekit-*')
[ -z "$temps" ] || { echo "FAIL: temporary files remain: $temps"; failed=1; }
echo "$writers writers, $((writers * 4)) changes to one client at once: $(ls clients/marcus-jones/notes | wc -l) notes, $(wc -l <<<"$ids") goals"
exit $failed
