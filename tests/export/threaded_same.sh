#!/usr/bin/env bash
# export --all reads and renders the records on two threads and writes them
# in order (issue 18, goal 4): what it writes must be byte for byte what an
# export of the same clients named one by one writes, which reads and
# renders them in one thread. 60 clients (two threads start above 16),
# three of them with format errors, which --all leaves out and names (exit
# 2), in every format that streams the caseload: to a folder and printed.
# Usage: threaded_same.sh CASEKIT GENERATE_CASELOAD SOURCE_DIR
set -euo pipefail
casekit=$1 generate=$2 source=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export CASEKIT_TODAY=2026-11-23 CASEKIT_NO_CACHE=1
"$generate" "$source/examples/caseload" "$dir/caseload" 60 5 >/dev/null
mapfile -t ids < <(ls "$dir/caseload/clients")
broken=("${ids[4]}" "${ids[30]}" "${ids[59]}")
for id in "${broken[@]}"; do printf 'bad: [\n' >>"$dir/caseload/clients/$id/client.yaml"; done
valid=()
for id in "${ids[@]}"; do [[ " ${broken[*]} " == *" $id "* ]] || valid+=("$id"); done

failed=0
# What each way wrote, to compare: the files, standard output, and the
# exit status (stderr differs: --all names the clients it left out).
export_both() {  # FORMAT PRINTED(0|1)
  local format=$1 printed=$2 way
  for way in all named; do
    rm -rf "$dir/$way" && mkdir "$dir/$way"
    local -a who=(--all)
    [ "$way" = all ] || who=("${valid[@]}")
    local -a out=(-o "$dir/$way/export")
    [ "$printed" = 1 ] && out=()
    set +e
    "$casekit" -C "$dir/caseload" export "${who[@]}" --format "$format" "${out[@]}" \
      >"$dir/$way.stdout" 2>"$dir/$way.stderr"
    echo $? >"$dir/$way.status"
    set -e
  done
  local what="$format$([ "$printed" = 1 ] && echo ', printed' || true)"
  if [ "$(cat "$dir/all.status")" != 2 ] || ! grep -q "${broken[1]}" "$dir/all.stderr"; then
    echo "$what: --all did not leave out and name the clients with format errors"
    cat "$dir/all.stderr"
    failed=1
  elif ! diff -r "$dir/all" "$dir/named" >/dev/null || ! cmp -s "$dir/all.stdout" "$dir/named.stdout"; then
    echo "$what: --all wrote otherwise than the clients named one by one"
    diff -r "$dir/all" "$dir/named" | head -n 20
    failed=1
  else
    echo "$what: the same, $(cat "$dir/all.stdout" $(find "$dir/all" -type f) | wc -c) bytes"
  fi
}
for format in json csv markdown fhir; do export_both "$format" 0; done
for format in json markdown; do export_both "$format" 1; done
exit "$failed"
