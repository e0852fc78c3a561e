#!/usr/bin/env bash
# Loads every table of `casekit export --format csv` (the example caseload)
# with a standard CSV reader, npm's csv-parse in strict mode (RFC 4180
# quoting, every row as many fields as the header), and compares each
# header with the columns casekit-export(1) documents for that table.
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
(cd "$work/caseload" && "$casekit" export --all --format csv -o "$work/csv")

# The documented columns: the paragraph under ".B TABLE.csv" in the man page.
for table in clients needs goals services referrals notes; do
  awk -v t="$table.csv" '$0 == ".B " t {on = 1; next} on && /^\./ {exit} on {print}' "$repo/man/casekit-export.1" |
    tr '\n' ' ' | sed -E 's/\\-/-/g; s/ \([^)]*\)//g; s/\. .*//; s/\.$//; s/ +$//' >"$work/$table.documented"
done

cat >"$work/read.js" <<'JS'
const { parse } = require(process.argv[2] + '/node_modules/csv-parse/dist/cjs/sync.cjs');
const fs = require('fs');
let failed = false;
for (const table of ['clients', 'needs', 'goals', 'services', 'referrals', 'notes']) {
  const text = fs.readFileSync(`${process.argv[3]}/csv/${table}.csv`, 'utf8');
  let rows;
  try {
    rows = parse(text, { relax_column_count: false, record_delimiter: '\r\n' });
  } catch (e) {
    console.error(`${table}.csv: ${e.message}`); failed = true; continue;
  }
  const documented = fs.readFileSync(`${process.argv[3]}/${table}.documented`, 'utf8').trim().split(/,\s*/);
  if (rows[0].join(',') !== documented.join(','))
    { console.error(`${table}.csv header ${rows[0].join(',')}\n  documented ${documented.join(',')}`); failed = true; }
  if (rows.length < 2) { console.error(`${table}.csv has no rows`); failed = true; }
  console.log(`${table}.csv: ${rows.length - 1} rows of ${rows[0].length} columns`);
}
process.exit(failed ? 1 : 0);
JS
node "$work/read.js" "$tools" "$work"
