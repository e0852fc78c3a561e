#!/usr/bin/env bash
# The JSON Schemas of `casekit schema` as editors use them, with packages
# from npm installed once into ~/.cache/casekit/yaml-schema (or
# $XDG_CACHE_HOME); exits 77, CTest's "skipped", when npm or its registry
# cannot be had.
# Usage: editor_schemas.sh CASEKIT REPOSITORY language-server|differential
#   language-server  the real yaml-language-server on the sample caseload,
#                    mapped by the .vscode/settings.json `schema --install`
#                    writes (yaml_ls.js)
#   differential     ajv's verdict against check's on every sample record
#                    and every e2e case's records (differential.js)
set -euo pipefail
casekit=$(realpath "$1")
repo=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
tools=${XDG_CACHE_HOME:-$HOME/.cache}/casekit/yaml-schema
export TZ=UTC LC_ALL=C.UTF-8 CASEKIT_TODAY=2026-11-23

if [ ! -d "$tools/node_modules/yaml-language-server" ]; then
  command -v npm >/dev/null || { echo "skipped: npm is not installed"; exit 77; }
  mkdir -p "$tools"
  # ajv and yaml as yaml-language-server 1.25 depends on them.
  npm install --prefix "$tools" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
    yaml-language-server@1.25.0 ajv@8.17.1 yaml@2.8.3 >&2 ||
    { echo "skipped: npm could not install yaml-language-server"; exit 77; }
fi

work=$(mktemp -d)
trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT

# casekit exits 1 when it finds problems; only 2 and up mean it failed.
check_json() {
  local status=0
  (cd "$1" && "$casekit" check --format json) >"$2" 2>"$2.err" || status=$?
  [ "$status" -le 1 ]
}

if [ "$3" = language-server ]; then
  cp -R "$repo/examples/caseload" "$work/caseload"
  (cd "$work/caseload" && "$casekit" schema --install >/dev/null)
  check_json "$work/caseload" "$work/check.json" || { cat "$work/check.json.err" >&2; exit 1; }
  exec node "$here/yaml_ls.js" "$tools" "$work/caseload" "$work/check.json"
fi

# Each case's folder as run_case.sh starts it: the fixture, then before/
# over it; cases without before/ share their fixture's.
"$casekit" schema -o "$work/schemas" >/dev/null
args=()
add_folder() {
  local name=$1 folder=$2
  [ -f "$folder/casekit.yaml" ] || return 0
  # A casekit.yaml check refuses leaves the JSON empty: no record of the
  # folder is checked, and differential.js compares casekit.yaml alone.
  check_json "$folder" "$folder.json" || : >"$folder.json"
  args+=("$name=$folder=$folder.json")
}
for fixture in examples/caseload tests/e2e/fixtures/minimal tests/e2e/fixtures/small \
  tests/e2e/fixtures/commented; do
  mkdir -p "$work/fixtures/$fixture"
  cp -R "$repo/$fixture/." "$work/fixtures/$fixture/"
  add_folder "$fixture" "$work/fixtures/$fixture"
done
for case_dir in "$repo"/tests/e2e/cases/*/; do
  [ -d "$case_dir/before" ] || continue
  name=$(basename "$case_dir")
  mkdir -p "$work/cases/$name"
  [ -f "$case_dir/fixture" ] && cp -R "$repo/$(cat "$case_dir/fixture")/." "$work/cases/$name/"
  cp -R "$case_dir/before/." "$work/cases/$name/"
  add_folder "$name" "$work/cases/$name"
done
exec node "$here/differential.js" "$tools" "$work/schemas" "$here/exceptions.json" "${args[@]}"
