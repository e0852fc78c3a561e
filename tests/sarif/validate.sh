#!/usr/bin/env bash
# Validates `casekit check --format sarif` against the SARIF 2.1.0 JSON
# schema, so a dashboard that checks the schema never rejects our logs.
# Usage: validate.sh CASEKIT [REPOSITORY]
#
# The schema is OASIS's final SARIF 2.1.0 schema ("2.1.0-rtm.5", JSON Schema
# draft-04) as the npm package @microsoft/jest-sarif ships it; ajv-cli 3 is
# the validator, since its Ajv 6 still reads draft-04 (ajv-cli 5 does not).
# Both are fetched with npm once into a cache folder, CASEKIT_SARIF_TOOLS or
# ~/.cache/casekit/sarif-validate. Exits 77, CTest's "skipped", when npm or
# its registry cannot be had, so an offline build is not a failed one.
set -euo pipefail
casekit=$(realpath "$1")
repo=$(realpath "${2:-$(dirname "$0")/../..}")
tools=${CASEKIT_SARIF_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/casekit/sarif-validate}
schema=$tools/sarif-2.1.0-rtm.5.json
ajv=$tools/node_modules/.bin/ajv

skip() { echo "skipped: $*"; exit 77; }

install_tools() {
  command -v npm >/dev/null || skip "npm is not installed"
  mkdir -p "$tools"
  if [ ! -x "$ajv" ]; then
    npm install --prefix "$tools" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
      ajv-cli@3.3.0 >&2 || skip "npm could not install ajv-cli"
  fi
  if [ ! -f "$schema" ]; then
    local tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null) || skip "npm could not fetch the schema"
    tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json
    mv "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema"
    rm -rf "$tmp"
  fi
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# casekit exits 1 when it finds problems; only 2 and up mean it failed.
sarif_of() {
  local status=0
  (cd "$1" && TZ=UTC "$casekit" check --format sarif --as-of 2026-11-23) >"$2" || status=$?
  [ "$status" -le 1 ] || { echo "casekit check failed in $1 (exit $status)" >&2; exit 1; }
}

validate() {
  "$ajv" validate -s "$schema" -d "$1" --format=full --all-errors --errors=text
}

install_tools
# The example caseload; then the same with stray entries whose names need
# percent-encoding in a URI and whose findings have no line (region line 1).
cp -R "$repo/examples/caseload" "$work/caseload"
sarif_of "$work/caseload" "$work/caseload.json"
mkdir "$work/odd"
cp -R "$repo/examples/caseload/." "$work/odd/"
touch "$work/odd/clients/notes 100%: draft.txt" "$work/odd/clients/résumé.pdf"
mkdir "$work/odd/clients/Not_An_Id"
sarif_of "$work/odd" "$work/odd.json"
grep -q '"level": "warning"' "$work/odd.json" || { echo "the stray entries gave no finding" >&2; exit 1; }

# What a dashboard shows beyond the schema: the tool's version and home,
# each rule's short description and help link (an anchor of
# casekit-check(1), which names every rule), a region for every result.
complete() {
  node -e '
    const fs = require("fs");
    const run = JSON.parse(fs.readFileSync(process.argv[1])).runs[0];
    const man = fs.readFileSync(process.argv[2], "utf8").replace(/\\-/g, "-");
    const d = run.tool.driver, bad = [];
    if (!/^[0-9]+\.[0-9]+\.[0-9]+$/.test(d.version)) bad.push("driver.version " + d.version);
    if (!d.informationUri) bad.push("no driver.informationUri");
    for (const r of d.rules) {
      if (!r.shortDescription || !r.shortDescription.text) bad.push(r.id + ": no shortDescription");
      if (r.helpUri !== "man:casekit-check(1)#" + r.id) bad.push(r.id + ": helpUri " + r.helpUri);
      if (!man.includes(".B " + r.id + "\n")) bad.push(r.id + ": not in casekit-check(1)");
    }
    for (const r of run.results)
      if (r.locations && !r.locations[0].physicalLocation.region) bad.push(r.ruleId + ": no region");
    if (bad.length) { console.error(process.argv[1] + ": " + bad.join("; ")); process.exit(1); }
  ' "$1" "$repo/man/casekit-check.1"
}

failed=0
complete "$work/caseload.json" || failed=1
complete "$work/odd.json" || failed=1
validate "$work/caseload.json" || failed=1
validate "$work/odd.json" || failed=1
# The validator must be able to say no: SARIF has no level "info".
sed 's/"level": "warning"/"level": "info"/' "$work/odd.json" >"$work/broken.json"
if validate "$work/broken.json" >/dev/null 2>&1; then
  echo "the validator accepted a log with level \"info\"; it is not checking" >&2
  failed=1
fi
[ "$failed" -eq 0 ] && echo "SARIF output is valid SARIF 2.1.0"
exit "$failed"
