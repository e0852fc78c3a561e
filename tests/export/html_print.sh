#!/usr/bin/env bash
# Prints `casekit export --format html` pages to PDF with headless Chromium
# (Debian's chromium) and reads the PDF back with pdftotext: the printed
# plan has its action plan and its signature block, the block stays on one
# page, and text from the record is shown as text, never run as markup.
# Usage: html_print.sh CASEKIT [REPOSITORY]. Exits 77 without chromium.
set -euo pipefail
casekit=$(realpath "$1")
repo=$(realpath "${2:-$(dirname "$0")/../..}")
command -v chromium >/dev/null || { echo "skipped: chromium is not installed"; exit 77; }
command -v pdftotext >/dev/null || { echo "skipped: pdftotext is not installed"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo/examples/caseload" "$work/caseload"
# A name that would be markup if it were not escaped.
sed -i 's/^name: Jasmine Rivera$/name: "Jasmine <script>alert(1)<\/script> Rivera"/' \
  "$work/caseload/clients/jasmine-rivera/client.yaml"
(cd "$work/caseload" && CASEKIT_TODAY=2026-11-23 "$casekit" export marcus-jones jasmine-rivera --format html -o "$work/pages")
(cd "$work/caseload" && "$casekit" export --all --format html -o "$work/caseload-pages")

print_pdf() {
  HOME="$work/home" timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$work/profile" --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}
failed=0
fail() { echo "$*" >&2; failed=1; }
for id in marcus-jones jasmine-rivera; do
  page=$work/pages/$id.html
  grep -Eq '(src|href)=' "$page" && fail "$id.html loads something from elsewhere"
  print_pdf "$page" "$work/$id.pdf"
  [ -s "$work/$id.pdf" ] || { fail "chromium printed nothing for $id"; continue; }
  pages=$(pdfinfo "$work/$id.pdf" | awk '/^Pages:/ {print $2}')
  pdftotext "$work/$id.pdf" "$work/$id.txt"
  grep -q "Action plan" "$work/$id.txt" || fail "$id: no action plan in print"
  found=0
  for p in $(seq 1 "$pages"); do
    text=$(pdftotext -f "$p" -l "$p" "$work/$id.pdf" -)
    grep -q "^Signatures" <<<"$text" || continue
    found=1
    for want in "We agree to this plan." "Client:" "Case manager:" "Date:"; do
      grep -qF "$want" <<<"$text" || fail "$id: page $p has the signature heading but not '$want'"
    done
  done
  [ "$found" = 1 ] || fail "$id: no signature block in print"
done
# Every printed page has the running footer and its number; the plan starts a page of
# its own; no date is broken across lines.
id=marcus-jones
pages=$(pdfinfo "$work/$id.pdf" | awk '/^Pages:/ {print $2}')
plan_page=0
for p in $(seq 1 "$pages"); do
  text=$(pdftotext -f "$p" -l "$p" "$work/$id.pdf" -)
  grep -qF "Marcus Jones · Confidential · Printed 2026-11-23" <<<"$text" ||
    fail "$id: page $p of $pages has no footer with the name, Confidential and the printed date"
  grep -qx "Page $p of $pages" <<<"$text" || fail "$id: page $p has no 'Page $p of $pages'"
  [[ "$(head -1 <<<"$text")" == "Individual service plan (created 2026-09-24"* ]] && plan_page=$p
done
[ "$plan_page" -gt 1 ] || fail "$id: the plan does not start a printed page of its own"
pdftotext -layout "$work/$id.pdf" "$work/$id-layout.txt"
grep -qE "(^|[^0-9])[0-9]{4}-$|(^|[^0-9])[0-9]{4}-[0-9]{2}-$" "$work/$id-layout.txt" &&
  fail "$id: a date is broken across lines"
# --plan-only: the pages to sign, the signature block with printed names
# on the last of them, nothing of the assessment or the notes.
(cd "$work/caseload" && "$casekit" export marcus-jones --plan-only --format html -o "$work/plan.html")
print_pdf "$work/plan.html" "$work/plan.pdf"
pages=$(pdfinfo "$work/plan.pdf" | awk '/^Pages:/ {print $2}')
pdftotext "$work/plan.pdf" "$work/plan.txt"
head -1 "$work/plan.txt" | grep -qx "Marcus Jones" || fail "the plan alone does not open with the client's name"
grep -q "^Individual service plan" "$work/plan.txt" || fail "the plan alone has no plan"
grep -qE "^Progress notes|^Assessment \\(" "$work/plan.txt" && fail "the plan alone prints more than the plan"
last=$(pdftotext -f "$pages" -l "$pages" "$work/plan.pdf" -)
for want in "Signatures" "We agree to this plan." "Client: Marcus Jones" "Case manager: Alicia Moreno" \
  "Marcus Jones · Confidential"; do
  grep -qF "$want" <<<"$last" || fail "the last page of the plan alone lacks '$want'"
done
# In Spanish (--lang es): the footer and "Página X de N" on every page, the
# Spanish signature block on the last page, and every word printed whole:
# each word of the PDF's text is a word of the page (a word split across
# lines would print as two pieces that are not).
(cd "$work/caseload" && CASEKIT_TODAY=2026-11-23 "$casekit" export marcus-jones --plan-only --lang es --format html -o "$work/plan-es.html")
(cd "$work/caseload" && CASEKIT_TODAY=2026-11-23 "$casekit" export marcus-jones --lang es --format html -o "$work/record-es.html")
for doc in plan-es record-es; do
  print_pdf "$work/$doc.html" "$work/$doc.pdf"
  pages=$(pdfinfo "$work/$doc.pdf" | awk '/^Pages:/ {print $2}')
  for p in $(seq 1 "$pages"); do
    text=$(pdftotext -f "$p" -l "$p" "$work/$doc.pdf" -)
    grep -qF "Marcus Jones · Confidencial · Impreso el 2026-11-23" <<<"$text" ||
      fail "$doc: page $p of $pages has no Spanish footer"
    grep -qx "Página $p de $pages" <<<"$text" || fail "$doc: page $p has no 'Página $p de $pages'"
    grep -q "Page\|Confidential\|Printed" <<<"$text" && fail "$doc: page $p has English labels"
  done
  pdftotext "$work/$doc.pdf" "$work/$doc.txt"
  python3 - "$work/$doc.html" "$work/$doc.txt" <<'PY' || fail "$doc: a word is split across lines in print"
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
# Dates and bold lead-ins are inline; the signature's name and date are two boxes.
text = page[page.index("<body>"):].replace("</span><span", "</span> <span")
inline = re.sub(r"</?(span|strong|em)\b[^>]*>", "", text)
body = html.unescape(re.sub(r"<[^>]+>", " ", inline)).split()
# A line may end at a word's own hyphen (pre-HSE), which pdftotext takes out.
words = set(body) | {w.replace("-", "") for w in body}
words |= {"Página", "de", "☐", "☑"} | set(map(str, range(1, 100)))
broken = [w for w in open(sys.argv[2], encoding="utf-8").read().split() if w not in words]
if broken:
    print("not words of the page:", broken[:20], file=sys.stderr)
    sys.exit(1)
PY
done
grep -qE "(^|[^0-9])[0-9]{4}-$|(^|[^0-9])[0-9]{4}-[0-9]{2}-$" "$work/record-es.txt" &&
  fail "record-es: a date is broken across lines"
pages=$(pdfinfo "$work/plan-es.pdf" | awk '/^Pages:/ {print $2}')
last=$(pdftotext -f "$pages" -l "$pages" "$work/plan-es.pdf" -)
for want in "Firmas" "Estamos de acuerdo con este plan." "Firma del cliente: Marcus Jones" \
  "Firma del administrador(a) de casos: Alicia Moreno" "Fecha: 2026-09-24"; do
  grep -qF "$want" <<<"$last" || fail "the last page of the Spanish plan lacks '$want'"
done
head -1 "$work/plan-es.txt" | grep -qx "Marcus Jones" || fail "the Spanish plan does not open with the client's name"
grep -q "^Plan de servicios individual" "$work/plan-es.txt" || fail "the Spanish plan has no Spanish heading"
grep -qF '<html lang="es">' "$work/plan-es.html" || fail "the Spanish page does not say it is in Spanish"
grep -qF "Jasmine <script>alert(1)</script> Rivera" "$work/jasmine-rivera.txt" ||
  fail "a name with markup was not printed as the text it is"
# The caseload page: every client, and the charts drawn (their labels are
# text in the PDF only if the SVG was rendered).
print_pdf "$work/caseload-pages/index.html" "$work/caseload.pdf"
pdftotext -layout "$work/caseload.pdf" "$work/caseload.txt"
for want in "Caseload:" "Marcus Jones" "Teresa Nguyen" "Due and overdue" "target 78" "target 20" \
  "Active clients" "Closed cases" "What check finds, client by client"; do
  grep -qF "$want" "$work/caseload.txt" || fail "the printed caseload page lacks '$want'"
done
# A caseload longer than a page (the redaction corpus: 10 clients, 131
# items overdue): the table's header is printed again on each page the
# table runs onto, names and counts are whole words, and no date is
# broken at a hyphen.
cp -R "$repo/tests/export/redaction-corpus" "$work/corpus"
(cd "$work/corpus" && CASEKIT_TODAY=2026-11-23 "$casekit" export --all --format html -o "$work/corpus-pages")
print_pdf "$work/corpus-pages/index.html" "$work/corpus.pdf"
pages=$(pdfinfo "$work/corpus.pdf" | awk '/^Pages:/ {print $2}')
headers=0
for p in $(seq 1 "$pages"); do
  text=$(pdftotext -f "$p" -l "$p" -layout "$work/corpus.pdf" -)
  grep -q "Client .*Status .*Case manager .*Last contact" <<<"$text" && headers=$((headers + 1))
done
[ "$headers" -ge 3 ] || fail "the caseload table's header is printed on $headers pages, not on each page it runs onto"
pdftotext -layout "$work/corpus.pdf" "$work/corpus.txt"
grep -qF "Darnell Price" "$work/corpus.txt" || fail "'Darnell Price' is broken in the printed caseload page"
grep -qE "warnin$|Darn$" "$work/corpus.txt" && fail "a word is broken in the printed caseload page"
grep -qE "(^|[^0-9])[0-9]{4}-$|(^|[^0-9])[0-9]{4}-[0-9]{2}-$" "$work/corpus.txt" &&
  fail "a date is broken at a hyphen in the printed caseload page"
grep -Eq '(src|href)="(https?:|//)' "$work/caseload-pages/index.html" && fail "the caseload page links outside itself"
[ "$failed" = 0 ] && echo "HTML pages print with their action plan and signature block"
exit "$failed"
