#!/usr/bin/env bash
# export --redact on the redaction corpus (tests/export/redaction-corpus/,
# a case folder of 10 clients and 112 notes written the ways case workers
# write: lower case, capitals, accents, typographic apostrophes, dates,
# phones and ids in every common form, names that are also words). Each
# file lists what it plants in "# planted:" lines. Every client is exported
# in every format `casekit export --list-formats` lists; no planted
# identifier may appear in its redacted export, as a whole word, in any
# case, with accents folded (recall must be 100%), and every one must
# appear in the plain export, or the search could not fail. Then the precision: the share of
# the notes' other words that the redacted JSON export still has.
# Usage: redaction_corpus.sh CASEKIT [REPOSITORY]
set -euo pipefail
casekit=$(realpath "$1")
repo=$(realpath "${2:-$(dirname "$0")/../..}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo/tests/export/redaction-corpus" "$work/caseload"
cd "$work/caseload"

# Lower case, accents folded (María, MARIA and maria are one word).
fold() { iconv -f UTF-8 -t ASCII//TRANSLIT | tr 'A-Z' 'a-z'; }

# Every format of export's table, and what its export is made of
# (one-per-client, one, several), as the binary lists them.
declare -A documents
formats=
while IFS=$'\t' read -r name made_of _; do
  formats+="$name "
  documents[$name]=$made_of
done < <("$casekit" export --list-formats)
[ -n "$formats" ] || { echo "casekit export --list-formats listed no formats" >&2; exit 1; }

letters() { printf "\\$(printf %03o $((97 + $1)))"; }  # 0 -> a (the corpus has fewer than 27 clients)

export_all() {  # DIR [--redact]: every format, with --all
  local out=$1; shift
  mkdir -p "$out"
  for format in $formats; do "$casekit" export --all --format "$format" -o "$out/$format" "$@"; done
}

# The folded text of one client in every format of an export: its own
# documents, its object in the JSON and its rows in the CSV tables (a row
# begins with its client id; the lines after it until the next row are its
# fields' continuation). A new format for the whole caseload fails here
# until it has its case.
client_text() {  # DIR INDEX ID
  local out=$1 index=$2 id=$3
  for format in $formats; do
    case ${documents[$format]}:$format in
      one-per-client:*) cat "$out/$format/$id".* ;;
      one:json) jq ".clients[$index]" "$out/$format" ;;
      several:csv) awk -v id="$id" 'FNR == 1 { mine = 0; next } /^[a-z0-9-]+,/ { mine = index($0, id ",") == 1 } mine' "$out/$format"/* ;;
      *) echo "client_text does not know where a client is in the $format export: add it" >&2; return 1 ;;
    esac
  done
  # Note attachments in FHIR are base64: search their text too.
  jq -r '.. | objects | .data? // empty | strings | @base64d' "$out/fhir/$id".*
}

planted() {  # ID: the client's planted identifiers, folded, one a line
  cat "clients/$1"/*.yaml "clients/$1"/notes/*.yaml | sed -n 's/^# planted: //p' | fold | sort -u
}

# The values (one a line, file 1) found in a text (file 2) as whole words.
found_in() {
  awk 'NR == FNR { values[$0] = 1; next } { text = text $0 "\n" }
    END {
      for (v in values)
        for (rest = text; (at = index(rest, v)) > 0; rest = substr(rest, at + 1)) {
          before = at > 1 ? substr(rest, at - 1, 1) : " "
          after = substr(rest, at + length(v), 1)
          if (before !~ /[a-z0-9_]/ && after !~ /[a-z0-9_]/) { print v; break }
        }
    }' "$1" "$2" | sort
}

export_all "$work/plain"
export_all "$work/redacted" --redact
leaks=0 missing=0 total=0 index=0
for id in $(ls clients); do
  client_text "$work/plain" "$index" "$id" | fold >"$work/plain/$id.txt"
  # The documents' own headings are not the records' words.
  client_text "$work/redacted" "$index" "client-$(letters "$index")" | fold |
    sed 's/what we will do: who, by when//g' >"$work/redacted/$id.txt"
  planted "$id" >"$work/$id.planted"
  total=$((total + $(wc -l <"$work/$id.planted")))
  not_found=$(comm -23 "$work/$id.planted" <(found_in "$work/$id.planted" "$work/plain/$id.txt"))
  [ -z "$not_found" ] || { echo "not in the plain export of $id:" $not_found >&2; missing=$((missing + 1)); }
  while IFS= read -r value; do
    echo "LEAK in $id: $value" >&2
    leaks=$((leaks + 1))
  done < <(found_in "$work/$id.planted" "$work/redacted/$id.txt")
  index=$((index + 1))
done
notes=$(ls clients/*/notes/*.yaml | wc -l)
if [ "$missing" -gt 0 ]; then
  echo "planted identifiers of $missing clients are not in the plain export: the search is not working" >&2
  exit 1
fi

# Precision: each note's words (objective and assessment, from the JSON
# export), less the words of what it plants, and how many of them the
# redacted export keeps.
note_words() {  # JSON: "INDEX DATE TIME<TAB>text" per note, folded
  jq -r '.clients | to_entries[] | .key as $i | .value.notes[] |
    "\($i) \(.date) \(.time)\t\(.objective // "") \(.assessment // "")"' "$1" | fold
}
index=0
for id in $(ls clients); do
  for note in clients/"$id"/notes/*.yaml; do
    key="$index $(sed -n 's/^date: //p' "$note") $(sed -n 's/^time: "\(.*\)"/\1/p' "$note")"
    printf '%s\t%s\n' "$key" "$(sed -n 's/^# planted: //p' "$note" | tr '\n' ' ' | fold)"
  done
  index=$((index + 1))
done >"$work/planted.tsv"
note_words "$work/plain/json" >"$work/plain.tsv"
# Placeholders and pseudonyms are not words of the note.
note_words "$work/redacted/json" |
  sed -E 's/\[(name|phone|email|address|date of birth|id number)\]//g; s/(client|case manager) [a-z]+\b//g' \
    >"$work/redacted.tsv"
precision=$(awk -F'\t' '
  function words(text, out,   n, i, list) {
    n = split(text, list, /[^a-z0-9]+/)
    for (i = 1; i <= n; i++) if (list[i] != "") out[list[i]]++
  }
  FILENAME ~ /planted/ { planted[$1] = $2; next }
  FILENAME ~ /plain/ { original[$1] = $2; next }
  { after[$1] = $2 }
  END {
    for (key in planted) {
      delete p; delete o; delete r
      words(planted[key], p); words(original[key], o); words(after[key], r)
      for (w in o) {
        if (w in p) continue
        all += o[w]
        kept += (r[w] < o[w] ? r[w] : o[w])
      }
    }
    printf "%.1f%% (%d of %d words)", 100 * kept / all, kept, all
  }' "$work/planted.tsv" "$work/plain.tsv" "$work/redacted.tsv")
if [ "$leaks" -gt 0 ]; then
  echo "export --redact leaked $leaks of $total planted identifiers" >&2
  exit 1
fi
echo "export --redact on $notes notes of $(ls clients | wc -l) clients, formats:" $formats
echo "recall: 100% ($total of $total planted identifiers removed); precision: $precision of the notes' other words kept"
