#!/usr/bin/env bash
# Loads every table of `casekit export --format csv` (the example caseload)
# with a standard CSV reader, npm's csv-parse in strict mode (RFC 4180
# quoting, every row as many fields as the header), and compares each
# header with the columns casekit-export(1) documents for that table. A need
# whose text starts like a formula is read back with its ' (the default and
# --excel) and as written (--no-formula-prefix); --excel starts each table
# with a UTF-8 byte order mark, which the reader must take off (bom: true);
# --excel with --no-formula-prefix is refused and writes nothing.
# Exits 77 (skipped) where npm cannot install the reader.
# Usage: csv_reader.sh CASEKIT [REPOSITORY]
set -euo pipefail
casekit=$(realpath "$1")
repo=$(realpath "${2:-$(dirname "$0")/../..}")
source "$(dirname "$0")/npm_tool.sh"
npm_tool csv-read csv-parse@5.5.6
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo/examples/caseload" "$work/caseload"
sed -i "s/^      description: Needs a full-time job\.$/      description: '=HYPERLINK(\"x\") needs a job'/" \
  "$work/caseload/clients/dana-okafor/client.yaml"
grep -q HYPERLINK "$work/caseload/clients/dana-okafor/client.yaml"
(cd "$work/caseload" && "$casekit" export --all --format csv -o "$work/csv")
(cd "$work/caseload" && "$casekit" export --all --format csv --excel -o "$work/excel")
(cd "$work/caseload" && "$casekit" export --all --format csv --no-formula-prefix -o "$work/raw")
status=0
(cd "$work/caseload" && "$casekit" export --all --format csv --excel --no-formula-prefix -o "$work/both") 2>"$work/both.err" || status=$?
if [ "$status" -ne 2 ] || [ -e "$work/both" ]; then
  echo "--excel --no-formula-prefix: exit $status, not 2 with nothing written" >&2
  exit 1
fi
grep -q "^casekit: .*--no-formula-prefix would let a spreadsheet run cells as formulas" "$work/both.err" || {
  cat "$work/both.err" >&2
  exit 1
}

# The documented columns: the paragraph under ".B TABLE.csv" in the man page.
for table in clients needs goals services referrals notes; do
  awk -v t="$table.csv" '$0 == ".B " t {on = 1; next} on && /^\./ {exit} on {print}' "$repo/man/casekit-export.1" |
    tr '\n' ' ' | sed -E 's/\\-/-/g; s/ \([^)]*\)//g; s/\. .*//; s/\.$//; s/ +$//' >"$work/$table.documented"
done

cat >"$work/read.js" <<'JS'
const { parse } = require(process.argv[2] + '/node_modules/csv-parse/dist/cjs/sync.cjs');
const fs = require('fs');
let failed = false;
// Each export folder: whether its tables start with a byte order mark, and
// how the need that starts with '=' reads.
const folders = { csv: [false, "'=HYPERLINK(\"x\") needs a job"],
                  excel: [true, "'=HYPERLINK(\"x\") needs a job"],
                  raw: [false, '=HYPERLINK("x") needs a job'] };
for (const [folder, [bom, formula]] of Object.entries(folders))
for (const table of ['clients', 'needs', 'goals', 'services', 'referrals', 'notes']) {
  const text = fs.readFileSync(`${process.argv[3]}/${folder}/${table}.csv`, 'utf8');
  if (text.startsWith('\ufeff') !== bom) { console.error(`${folder}/${table}.csv: byte order mark is not ${bom}`); failed = true; }
  let rows;
  try {
    rows = parse(text, { relax_column_count: false, record_delimiter: '\r\n', bom: true });
  } catch (e) {
    console.error(`${table}.csv: ${e.message}`); failed = true; continue;
  }
  const documented = fs.readFileSync(`${process.argv[3]}/${table}.documented`, 'utf8').trim().split(/,\s*/);
  if (rows[0].join(',') !== documented.join(','))
    { console.error(`${table}.csv header ${rows[0].join(',')}\n  documented ${documented.join(',')}`); failed = true; }
  if (rows.length < 2) { console.error(`${table}.csv has no rows`); failed = true; }
  if (table === 'needs' && !rows.some((row) => row[3] === formula))
    { console.error(`${folder}/needs.csv: no description reads ${formula}`); failed = true; }
  console.log(`${folder}/${table}.csv: ${rows.length - 1} rows of ${rows[0].length} columns`);
}
process.exit(failed ? 1 : 0);
JS
node "$work/read.js" "$tools" "$work"
