#!/usr/bin/env bash
# Rebuilds the seed corpus in tests/fuzz/corpus/ from the sample caseload,
# the e2e fixtures and the e2e cases' starting files. Run it when those
# change; the fuzzers' own finds are not kept here (scripts/fuzz keeps
# them in build-fuzz/corpus/).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tests/fuzz/corpus
rm -rf "$out"
mkdir -p "$out"/{fuzz_yaml_load,fuzz_record,fuzz_yaml_edit,fuzz_check}

# A seed's name: where it comes from, slashes as dashes.
name_of() { echo "$1" | sed -e 's|^tests/e2e/||' -e 's|/clients/|-|' -e 's|/|-|g'; }
kind_byte() {  # fuzz_record's first byte: which file kind the rest is
  case "$1" in
    */casekit.yaml) printf '\000' ;; */client.yaml) printf '\001' ;;
    */plan.yaml) printf '\002' ;; *) printf '\003' ;;
  esac
}

mapfile -t files < <(find examples tests/e2e/fixtures tests/e2e/cases/*/before -name '*.yaml' -type f | sort)
i=0
for f in "${files[@]}"; do
  n=$(name_of "$f")
  cp "$f" "$out/fuzz_yaml_load/$n"
  { kind_byte "$f"; cat "$f"; } >"$out/fuzz_record/$n"
  # The edit's choices come from the last bytes: vary them from seed to seed.
  { cat "$f"; printf "\\$(printf %03o $((i % 200 + 1)))\\$(printf %03o $((i * 7 % 250 + 1)))"; printf 'edit%04d' "$i"; } \
    >"$out/fuzz_yaml_edit/$n"
  i=$((i + 1))
done

# fuzz_check: a client's files joined by NUL bytes: client.yaml, plan.yaml
# (empty when there is none), then each note as "FILE-NAME\nTEXT".
for client in $(find examples tests/e2e/fixtures tests/e2e/cases/*/before -path '*/clients/*/client.yaml' | sort); do
  dir=$(dirname "$client")
  {
    cat "$client"; printf '\0'
    [ -f "$dir/plan.yaml" ] && cat "$dir/plan.yaml"
    for note in "$dir"/notes/*.yaml; do
      [ -f "$note" ] || continue
      printf '\0%s\n' "$(basename "$note")"; cat "$note"
    done
  } >"$out/fuzz_check/$(name_of "$dir")"
done
# fuzz_export reads the same records as fuzz_check.
ln -sfn fuzz_check "$out/fuzz_export"
for d in "$out"/*; do echo "$(ls "$d"/ | wc -l) seeds in $d"; done
