#!/usr/bin/env bash
# export --redact on the example caseload, in every format `casekit export
# --list-formats` lists: no identifying value of the records may appear in
# what is written. The values are read from the records themselves (names,
# preferred names, ids, birth dates, phone, email, address, case managers,
# note authors, signers), plus the third parties the sample's texts name.
# FHIR note attachments are decoded before they are searched. The same
# search on an export without --redact must find them all, or the test
# could not fail.
# Usage: redact_leaks.sh CASEKIT [REPOSITORY]
set -euo pipefail
casekit=$(realpath "$1")
repo=$(realpath "${2:-$(dirname "$0")/../..}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo/examples/caseload" "$work/caseload"
cd "$work/caseload"

# People the sample's free text names: family, teachers, partners' staff.
third_parties=(Denise Keisha Tanya Julissa Harrell Carmen Gloria Rosa Yolanda Adeyemi Delgado Feliciano)

# What a worker might also type: names in capitals or lower case, an SSN,
# a birth date in US form, a phone number without separators, the client's
# id, a release to a person, and a name in a note's file name.
planted=("DENISE JONES" "keisha" "123-45-6789" "03/14/2004" "7185550143" "Tanya Brooks" "Brooks" "Okonkwo"
         "Whitfield" "Abernathy")
note=clients/marcus-jones/notes/2026-10-29-1530-phone.yaml
sed -i '/^client_steps:/a\  - Spoke with DENISE JONES and keisha; SSN 123-45-6789; DOB 03/14/2004; called 7185550143; see the marcus-jones folder.' "$note"
git mv -f "$note" clients/marcus-jones/notes/2026-10-29-1530-phone-call-with-Okonkwo.yaml 2>/dev/null ||
  mv "$note" clients/marcus-jones/notes/2026-10-29-1530-phone-call-with-Okonkwo.yaml
cat >>clients/marcus-jones/client.yaml <<'YAML'
  - partner: Tanya Brooks (sister)
    scope: [Attendance]
    signed: 2026-09-24
YAML

# A document whose file name and note name people: listed by a plain
# export, left out of a redacted one.
printf '%%PDF-1.4\n' >"$work/Release for Whitfield.pdf"
"$casekit" attach marcus-jones "$work/Release for Whitfield.pdf" --kind release --date 2026-09-24 \
  --note "Signed with Abernathy present" >/dev/null

values() {
  for id in $(ls clients); do
    echo "$id"
    sed -n -E 's/^ *(name|preferred_name|date_of_birth|phone|email|address|case_manager): *"?([^"#]*[^" #])"? *(#.*)?$/\2/p' \
      "clients/$id/client.yaml"
    sed -n -E 's/^author: *"?([^"#]*[^" #])"? *(#.*)?$/\1/p' clients/$id/notes/*.yaml 2>/dev/null
  done | grep -v "^[>|]" | sort -u
}

# Every format of export's table, as the binary lists them.
formats=$("$casekit" export --list-formats | cut -f1)
[ -n "$formats" ] || { echo "casekit export --list-formats listed no formats" >&2; exit 1; }

export_all() {  # DIR [--redact]
  local out=$1; shift
  mkdir -p "$out"
  # A file for a format of one document, a folder for the others.
  for format in $formats; do "$casekit" export --all --format "$format" -o "$out/$format" "$@"; done
  # Note attachments in FHIR are base64: search their text too.
  grep -ho '"data": "[^"]*"' "$out"/fhir/*.json | cut -d'"' -f4 | while read -r data; do
    echo "$data" | base64 -d; echo
  done >"$out/attachments.txt"
}

leaks() {  # DIR: prints each identifying value found in it
  local found=0
  while IFS= read -r value; do
    [ -n "$value" ] || continue
    if grep -rqF -- "$value" "$1"; then echo "  $value"; found=$((found + 1)); fi
    # Each word of a name on its own (Marcus, Jones), as a whole word.
    for word in $value; do
      [[ $word =~ ^[A-Z][a-z]{2,}$ ]] || continue
      if grep -rqw -- "$word" "$1"; then echo "  $word (from $value)"; found=$((found + 1)); fi
    done
  done < <(values; printf '%s\n' "${third_parties[@]}" "${planted[@]}")
  return 0
}

export_all "$work/plain"
export_all "$work/redacted" --redact
plain=$(leaks "$work/plain" | wc -l)
expected=$( (values; printf '%s\n' "${third_parties[@]}" "${planted[@]}") | sed '/^$/d' | wc -l)
if [ "$plain" -lt "$expected" ]; then
  echo "only $plain of $expected identifying values were found in the plain export; the search is not working" >&2
  exit 1
fi
found=$(leaks "$work/redacted")
if [ -n "$found" ]; then
  echo "export --redact leaked identifying values:" >&2
  echo "$found" >&2
  exit 1
fi
echo "export --redact: none of $expected identifying values appears in any format:" $formats
