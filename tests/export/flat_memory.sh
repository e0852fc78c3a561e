#!/usr/bin/env bash
# export --all holds one client's record at a time (issue 18, goal 4): its
# peak memory does not grow with the caseload, whatever the format, with
# the caseload page, --redact and --for. Untimed: the same exports of a
# caseload of 40 and of 320 clients are compared by peak memory, which
# grew about 0.8 MiB a client when every record was loaded first (and the
# caseload page, 35 KiB a client, when it was held whole; printed, the
# page's parts, below).
# Usage: flat_memory.sh CASEKIT GENERATE_CASELOAD SOURCE_DIR
set -euo pipefail
casekit=$1 generate=$2 source=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export CASEKIT_TODAY=2026-11-23
"$generate" "$source/examples/caseload" "$dir/small" 40 5 >/dev/null
"$generate" "$source/examples/caseload" "$dir/large" 320 5 >/dev/null

# Peak KiB of one export of FOLDER, with ARGS; its output is removed.
peak() {
  local folder=$1
  shift
  /usr/bin/time -f %M -o "$dir/kib" "$casekit" -C "$folder" export --all "$@" -o "$dir/out" \
    >/dev/null 2>"$dir/err" || { cat "$dir/err" >&2; return 1; }
  rm -rf "$dir/out"
  tail -n 1 "$dir/kib"
}

failed=0
while read -r -a args; do
  # The generator's clients have a release with this partner.
  for i in "${!args[@]}"; do [ "${args[$i]}" != PARTNER ] || args[$i]="Project H.O.P.E."; done
  small=$(peak "$dir/small" "${args[@]}")
  large=$(peak "$dir/large" "${args[@]}")
  # 8x the clients: at most a quarter more memory and 4 MiB (what the
  # redaction learns of every client, the JSON's and CSV's buffers).
  verdict=ok
  if [ "$large" -gt $((small * 5 / 4 + 4096)) ]; then verdict=GROWS; failed=1; fi
  printf '%-50s %7s KiB %7s KiB  %s\n' "${args[*]}" "$small" "$large" "$verdict"
done <<'ARGS'
--format html
--format json
--format csv
--format markdown --redact
--format html --redact
--format json --for PARTNER
--format fhir --for PARTNER --redact
ARGS

# Printed, the HTML export is the caseload page alone, made the same way:
# its parts wait in a nameless file in the case folder's .casekit/, not in
# memory, where they grew about 7 KiB a client (4.3 MiB more for the large
# caseload), and nothing of them is left there.
printed() {
  /usr/bin/time -f %M -o "$dir/kib" "$casekit" -C "$1" export --all --format html \
    >/dev/null 2>"$dir/err" || { cat "$dir/err" >&2; return 1; }
  tail -n 1 "$dir/kib"
}
small=$(printed "$dir/small")
large=$(printed "$dir/large")
verdict=ok
if [ "$large" -gt $((small + 2048)) ]; then verdict=GROWS; failed=1; fi
if [ -e "$dir/small/.casekit" ] || [ -e "$dir/large/.casekit" ]; then verdict=LEFT; failed=1; fi
printf '%-50s %7s KiB %7s KiB  %s\n' "--format html, printed" "$small" "$large" "$verdict"
exit "$failed"
