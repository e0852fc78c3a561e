#!/usr/bin/env bash
# Speed on hostile or merely large files: every command's work grows
# linearly with a file's size. Each shape (many keys, through the fast
# reader and through libyaml, also in casekit.yaml; many findings; many
# distinct misspellings; many list items; many services; many needs each
# with a service; many notes; a long one-line flow list outside ASCII; many
# suppression comments; a large plan edited and merged) is made at about
# 1 MB and 4 MB (the largest file casekit reads is 4 MiB), and the CPU
# time beyond an empty case (user + system, best of three) must grow less
# than 8 times for the 4 times larger input. A step that reads the file
# again per key or per finding grows 16 times; linear work grows 4 to 7
# times, as tens of megabytes of nodes and findings miss the caches more
# than a few do. CPU time, not wall time, so a loaded machine slows both
# sizes alike.
# Usage: linear_growth.sh CASEKIT [SHAPE...]
set -u
casekit=$(realpath "$1")
shift
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 CASEKIT_TODAY=2026-12-02 HOME="$work"
PATH="$(dirname "$casekit"):$PATH"
# Loading the dictionary costs a tenth of a second, which would drown the
# growth of a cheap shape in noise: only the spelling shape loads it.
export CASEKIT_DICTIONARY=/nonexistent
failed=0

# A case folder with one client, Marcus Jones of the sample caseload.
fresh_folder() {
  rm -rf "$work/case"
  mkdir -p "$work/case/clients"
  cp "$source_dir/examples/caseload/casekit.yaml" "$work/case/"
  cp -r "$source_dir/examples/caseload/clients/marcus-jones" "$work/case/clients/"
}

# Lines from awk's program until about $2 bytes, to file $3 (appended).
fill() {
  awk -v bytes="$2" "BEGIN { n = 0; for (i = 1; n < bytes; i++) { line = $1; print line; n += length(line) + 1 } }" >>"$3"
}

plan=clients/marcus-jones/plan.yaml
note=clients/marcus-jones/notes/2026-11-20-1430-in-person.yaml

# Each shape: make the input of about $1 bytes in $work/case, then print
# the command to time.
shape_keys() {
  fill 'sprintf("key_%07d: value", i)' "$1" "$plan"
  echo casekit check
}
shape_keys_libyaml() {
  # A document marker, which the fast reader leaves to libyaml.
  { echo '---'; cat "$plan"; } >"$work/plan.tmp" && mv "$work/plan.tmp" "$plan"
  shape_keys "$1"
}
shape_settings_keys() {
  fill 'sprintf("key_%07d: value", i)' "$1" "$work/case/casekit.yaml"
  echo casekit check  # refused for the unknown keys, after reading them all
}
# Takes the top-level key $1 and its lines out of the note, and starts it
# again at the end with the rest of the line, $2.
restart_key() {
  awk -v key="$1:" '$1 == key { skip = 1; next } /^[a-z]/ { skip = 0 } !skip' "$note" >"$work/note.tmp"
  { cat "$work/note.tmp"; echo "$1:$2"; } >"$note"
}
shape_findings() {
  restart_key data ' >-'
  fill '"  He refused. She refused. They refused."' "$1" "$note"
  echo casekit check
}
shape_misspellings() {
  restart_key data ' >-'
  fill 'sprintf("  qz%x vq%x", i, i)' "$1" "$note"
  echo "CASEKIT_DICTIONARY= casekit check"
}
shape_list_items() {
  restart_key worker_steps ''
  fill '"  - Called the school about the schedule."' "$1" "$note"
  echo casekit check
}
shape_notes() {
  local template n=0 size=0
  template=$(cat "$work/case/$note")
  while [ "$size" -lt "$1" ]; do
    n=$((n + 1))
    printf '%s\n' "$template" >"$work/case/clients/marcus-jones/notes/2026-11-20-$(printf %04d "$n")-in-person.yaml"
    size=$((size + ${#template}))
  done
  echo casekit check
}
shape_flow_list() {
  # One line, non-ASCII (so columns count characters), many references.
  { printf 'location: Café\ngoals: ['; awk -v bytes="$1" 'BEGIN { for (n = 0; n < bytes; n += 4) printf "G1, " }'; echo 'G1]'; } >"$work/note.tmp"
  grep -v -e '^location:' -e '^goals:' -e '^  - G' "$note" >>"$work/note.tmp"
  mv "$work/note.tmp" "$note"
  echo casekit check
}
shape_suppressions() {
  restart_key client_steps ''
  fill '(i % 2 ? "  # casekit: disable=language/label" : "  - He refused.")' "$1" "$note"
  echo casekit check
}
# Inserts file $3 before the first line matching $1 in file $2.
insert_before() {
  awk -v f="$3" -v re="$1" '!done && $0 ~ re { while ((getline l < f) > 0) print l; done = 1 } { print }' \
    "$2" >"$work/insert.tmp"
  mv "$work/insert.tmp" "$2"
}
# Many services in the plan, one flow mapping a line, before its referrals.
many_services() {
  : >"$work/services.tmp"
  fill 'sprintf("  - {id: S%d, name: Tutoring, needs: [N1], status: active, start: 2026-10-01}", i + 10)' \
    "$1" "$work/services.tmp"
  insert_before '^referrals:' "$plan" "$work/services.tmp"
}
shape_plan_items() {
  many_services "$1"
  echo casekit check
}
shape_needs_services() {
  # Needs outside the program's scope, each with a service: plan rules
  # that pair needs with services. About 80 bytes a need and 70 a service.
  local n=$(($1 / 150)) i
  awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++)
    printf "    - {id: N%d, domain: education, description: x, status: open, in_scope: false}\n", i + 10 }' \
    >"$work/needs.tmp"
  insert_before '^  basic_needs:' clients/marcus-jones/client.yaml "$work/needs.tmp"
  awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++)
    printf "  - {id: S%d, name: Tutoring, needs: [N%d], status: active}\n", i + 10, i + 10 }' \
    >"$work/services.tmp"
  insert_before '^referrals:' "$plan" "$work/services.tmp"
  echo casekit check
}
shape_add_goal() {
  many_services "$1"
  cp "$plan" "$work/plan.orig"
  echo "cp $work/plan.orig $plan; casekit plan marcus-jones add-goal --statement x --long-term L1 --need N1"
}
shape_merge() {
  many_services "$1"
  cp "$plan" "$work/base.yaml"
  sed 's/^referrals:/  - {id: S9999, name: Ours, needs: [N1], status: active}\n&/' "$plan" >"$work/ours.orig"
  sed 's/^referrals:/  - {id: S9999, name: Theirs, needs: [N1], status: active}\n&/' "$plan" >"$work/theirs.yaml"
  echo "cp $work/ours.orig $work/ours.yaml; casekit merge-driver $work/base.yaml $work/ours.yaml $work/theirs.yaml $plan"
}

# CPU seconds (user + system) of the best of three runs of the shell
# command $1. Half a minute of CPU is far past linear: casekit is stopped
# there (ulimit), and the time given is 999.
cpu_time() {
  local best="" t
  for _ in 1 2 3; do
    t=$( { TIMEFORMAT='%3U %3S'
           time (cd "$work/case" && ulimit -t 30 && bash -c "$1" >/dev/null 2>&1
                 echo $? >"$work/status"); } 2>&1 | awk '{ print $1 + $2 }')
    [ "$(cat "$work/status")" -lt 128 ] || t=999
    best=$(awk -v a="$t" -v b="${best:-$t}" 'BEGIN { print (a < b ? a : b) }')
    [ "$t" != 999 ] || break
  done
  echo "$best"
}

measure() {  # shape bytes -> seconds
  fresh_folder
  local cmd
  cmd=$(cd "$work/case" && "shape_$1" "$2")
  cpu_time "$cmd"
}

# LINEAR_GROWTH_SHOW=1: show what each shape's command prints on a small
# input, to see that it reads the file as meant (and is not refused early).
show() {
  fresh_folder
  local cmd
  cmd=$(cd "$work/case" && "shape_$1" 20000)
  echo "== $1: $cmd"
  (cd "$work/case" && bash -c "$cmd" 2>&1 | cut -c1-160 | head -n 4; echo "status ${PIPESTATUS[0]}")
}

shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(keys keys_libyaml settings_keys findings misspellings list_items plan_items needs_services notes flow_list suppressions add_goal merge)
small=1000000
large=4000000
for shape in "${shapes[@]}"; do
  if [ "${LINEAR_GROWTH_SHOW:-}" = 1 ]; then show "$shape" && continue; fi
  t0=$(measure "$shape" 0)
  t1=$(measure "$shape" "$small")
  t4=$(measure "$shape" "$large")
  # The excess over an empty input; at least 20 ms, so that noise on a
  # fast shape does not make a ratio.
  verdict=$(awk -v t0="$t0" -v t1="$t1" -v t4="$t4" 'BEGIN {
    a = t1 - t0; b = t4 - t0; if (a < 0.02) a = 0.02; if (b < 0.02) b = 0.02
    r = b / a; if (t1 >= 999 || t4 >= 999) r = 999
    printf "%.1f %s", r, (r < 8 ? "ok" : "FAIL") }')
  echo "$shape: empty ${t0}s, 1 MB ${t1}s, 4 MB ${t4}s: ratio ${verdict}"
  case $verdict in *FAIL) failed=1 ;; esac
done
exit $failed
