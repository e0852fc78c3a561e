#!/usr/bin/env bash
# Rebuilds the seed corpus in tests/fuzz/corpus/ from the sample caseload,
# the e2e fixtures and the e2e cases' starting files. Run it when those
# change; the fuzzers' own finds are not kept here (scripts/fuzz keeps
# them in build-sanitize/corpus/).
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

# Small documents for the fast reader's harder constructs: plain scalars
# over several lines, with blank lines, comments and indicators in them.
printf 'a: one\n  two\n\n  three # c\nb: [x, y]\n' >"$out/fuzz_yaml_load/small-plain-lines"
printf -- '- one\n  - two: x\n- k:\n  - a\n    b\n' >"$out/fuzz_yaml_load/small-plain-list"
printf 'n: Jos\xc3\xa9\n   M\xc3\xbcller\n\n\n  #x\nm: |\n  y\n' >"$out/fuzz_yaml_load/small-plain-accents"

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
# fuzz_export's partner filter: Marcus with a release for the partner it
# asks for, sharing each category alone (and none), padded to a length
# that makes it export for the partner (a multiple of 3, plus 2).
marcus=examples/caseload/clients/marcus-jones
for shares in "" contact assessment plan notes; do
  seed="$out/fuzz_check/share-marcus-jones-${shares:-always}"
  {
    cat "$marcus/client.yaml"
    printf '  - partner: Eastside Learning Center\n    shares: [%s]\n    signed: 2026-09-24\n' "$shares"
    printf '\0'; cat "$marcus/plan.yaml"
    for note in "$marcus"/notes/*.yaml; do printf '\0%s\n' "$(basename "$note")"; cat "$note"; done
  } >"$seed"
  while [ $(($(wc -c <"$seed") % 3)) != 2 ]; do echo >>"$seed"; done
done
# fuzz_record_merge: a byte (even: plan.yaml, odd: client.yaml; the honest
# merger), then base, ours and theirs joined by NUL bytes. Each record of
# the sample merged with itself, with a comment added on one side and a
# date changed on the other, and (with a built casekit) two copies that
# each added a goal and a service to the same plan: the ids collide.
mkdir -p "$out/fuzz_record_merge"
for f in $(find examples -name plan.yaml -o -name client.yaml | sort); do
  n=$(name_of "$f")
  kind='\000'
  [ "$(basename "$f")" = client.yaml ] && kind='\001'
  { printf "$kind"; cat "$f"; printf '\0'; cat "$f"; printf '\0'; cat "$f"; } >"$out/fuzz_record_merge/$n-same"
  {
    printf "$kind"; cat "$f"; printf '\0'; cat "$f"; echo "# ours"; printf '\0'
    sed '0,/20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]/s//2027-01-02/' "$f"
  } >"$out/fuzz_record_merge/$n-apart"
done
casekit=$(realpath -e "${CASEKIT:-build/casekit}" 2>/dev/null || true)
if [ -n "$casekit" ] && [ -x "$casekit" ]; then
  copies=$(mktemp -d)
  for side in ours theirs; do
    cp -R examples/caseload "$copies/$side"
  done
  (cd "$copies/ours" && CASEKIT_TODAY=2026-11-23 "$casekit" plan marcus-jones add-goal \
    --statement "Marcus will open a bank account by 2027-01-31." --need N2 >/dev/null &&
    CASEKIT_TODAY=2026-11-23 "$casekit" plan marcus-jones add-service \
      --name "Financial coaching" --need N2 --goal G4 >/dev/null)
  (cd "$copies/theirs" && CASEKIT_TODAY=2026-11-23 "$casekit" plan marcus-jones add-goal \
    --statement "Marcus will get a state ID by 2027-01-15." --need N2 >/dev/null &&
    CASEKIT_TODAY=2026-11-23 "$casekit" plan marcus-jones add-service \
      --name "ID document help" --need N2 --goal G4 >/dev/null)
  plan=clients/marcus-jones/plan.yaml
  { printf '\000'; cat "examples/caseload/$plan"; printf '\0'; cat "$copies/ours/$plan"; printf '\0'
    cat "$copies/theirs/$plan"; } >"$out/fuzz_record_merge/caseload-marcus-jones-plan.yaml-collide"
  rm -rf "$copies"
fi
# fuzz_export reads the same records as fuzz_check.
ln -sfn fuzz_check "$out/fuzz_export"
# fuzz_redact: the texts of the redaction corpus's notes.
mkdir -p "$out/fuzz_redact"
for note in tests/export/redaction-corpus/clients/*/notes/*.yaml; do
  sed -n 's/^objective: //p' "$note" >"$out/fuzz_redact/$(name_of "$note")"
done
# fuzz_lsp: each sample note, then edits (line, column, bytes deleted,
# bytes inserted, flag; the inserted text): a labelling phrase typed in,
# a key cut in half, a quote left open, a line joined to the next.
mkdir -p "$out/fuzz_lsp"
i=0
for note in examples/caseload/clients/*/notes/*.yaml; do
  { cat "$note"; printf '\0'
    printf "\\$(printf %03o $((i % 40 + 10)))\\004\\000\\014\\000tested clean"
    printf '\024\000\003\000\000'
    printf "\\$(printf %03o $((i % 30 + 2)))\\002\\000\\001\\000\""
    printf '\005\077\001\000\001'
  } >"$out/fuzz_lsp/$(name_of "$note")"
  i=$((i + 1))
done
for d in "$out"/*; do echo "$(ls "$d"/ | wc -l) seeds in $d"; done
