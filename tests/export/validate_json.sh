#!/usr/bin/env bash
# Validates `casekit export --format json` on the example caseload against
# the export's JSON Schema (src/data/export.schema.json), with ajv-cli from
# npm (installed once by npm_tool.sh). Exits 77 (skipped) offline.
# Usage: validate_json.sh CASEKIT [REPOSITORY]
set -euo pipefail
casekit=$(realpath "$1")
repo=$(realpath "${2:-$(dirname "$0")/../..}")
schema=$repo/src/data/export.schema.json
source "$(dirname "$0")/npm_tool.sh"
npm_tool json-validate ajv-cli@5.0.0
ajv=$tools/node_modules/.bin/ajv

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo/examples/caseload" "$work/caseload"
# A document, so that the export's documents are validated too.
printf '%%PDF-1.4\n' >"$work/release.pdf"
(cd "$work/caseload" && "$casekit" attach marcus-jones "$work/release.pdf" --kind release \
  --date 2026-09-24 --note "Signed release" >/dev/null)
(cd "$work/caseload" && "$casekit" export --all --format json -o "$work/export.json")

validate() { "$ajv" validate --spec=draft7 -s "$schema" -d "$1" --all-errors --errors=text; }
failed=0
validate "$work/export.json" || failed=1
# The validator must be able to say no: a date that is not ISO.
sed '0,/"opened": "2026-/s//"opened": "09\/2026-/' "$work/export.json" >"$work/broken.json"
cmp -s "$work/export.json" "$work/broken.json" && { echo "could not break the export" >&2; exit 1; }
if validate "$work/broken.json" >/dev/null 2>&1; then
  echo "the validator accepted a non-ISO date; it is not checking" >&2
  failed=1
fi
[ "$failed" -eq 0 ] && echo "JSON export is valid against export.schema.json"
exit "$failed"
