#!/usr/bin/env bash
# search prints each hit as it finds it (issue 18, goal 7): its peak memory
# does not grow with the hits. Untimed: a search for "e", which is on
# nearly every line, in a caseload of 40 and of 320 clients, compared by
# peak memory. With the hits held until the end it grew 4 to 9 times the
# output's size (the large caseload: 153 MiB for 31 MiB of text, 507 MiB
# for 56 MiB of JSON); now it stays at about 8 MiB.
# Usage: flat_memory.sh CASEKIT GENERATE_CASELOAD SOURCE_DIR
set -euo pipefail
casekit=$1 generate=$2 source=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$generate" "$source/examples/caseload" "$dir/small" 40 5 >/dev/null
"$generate" "$source/examples/caseload" "$dir/large" 320 5 >/dev/null

failed=0
for format in text json; do
  declare -A kib=()
  for size in small large; do
    /usr/bin/time -f %M -o "$dir/kib" "$casekit" -C "$dir/$size" search e --format "$format" \
      >"$dir/out" 2>"$dir/err" || { cat "$dir/err" >&2; exit 1; }
    kib[$size]=$(tail -n 1 "$dir/kib")
    out_kib=$(($(stat -c %s "$dir/out") / 1024))
  done
  # 8x the clients: at most a quarter more memory and 4 MiB.
  verdict=ok
  if [ "${kib[large]}" -gt $((kib[small] * 5 / 4 + 4096)) ]; then verdict=GROWS; failed=1; fi
  printf 'search e --format %-5s %7s KiB %7s KiB (output %s KiB)  %s\n' "$format" "${kib[small]}" \
    "${kib[large]}" "$out_kib" "$verdict"
done
exit "$failed"
