#!/usr/bin/env bash
# Privacy: a secret (an address) planted in bad records of many kinds must
# never appear in what casekit prints: check in every format, the reading
# commands and the editing commands that refuse the record. Messages name
# the file, the place and the key; casekit's own source lines under a
# finding are shown only on a terminal, which this is not (CI logs).
# Usage: privacy.sh CASEKIT
set -u
casekit=$(realpath "$1")
repo=$(realpath "$(dirname "$0")/../..")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 CASEKIT_TODAY=2026-11-23 HOME="$work"
secret='lives at 4471 Zebra Lane'
client=clients/marcus-jones
note=$client/notes/2026-11-20-1430-in-person.yaml

# Each bad record: a name, then shell that plants the secret in a copy of
# the sample caseload.
kinds=(
  "date:         sed -i 's/^date_of_birth: .*/date_of_birth: $secret/' $client/client.yaml"
  "unknown-key:  echo 'targt_date: $secret' >>$client/plan.yaml"
  "enum:         sed -i 's/^contact: .*/contact: $secret/' $note"
  "list-type:    sed -i 's/^contact: .*/contact: [$secret, x]/' $note"
  "unclosed-flow: echo 'exit_plan: [$secret' >>$client/plan.yaml"
  "unclosed-quote: echo 'exit_plan: \"$secret' >>$client/plan.yaml"
  "duplicate-key: echo 'name: $secret' >>$client/client.yaml"
  "bad-utf8:     printf 'exit_plan: $secret \\377\\n' >>$client/plan.yaml"
  "nul-byte:     printf 'exit_plan: $secret \\000\\n' >>$client/plan.yaml"
  "control-char: printf 'exit_plan: $secret \\033[2J\\n' >>$client/plan.yaml"
  "tab-indent:   printf 'exit_plan:\\n\\t$secret\\n' >>$client/plan.yaml"
  "dangling-ref: sed -i 's/^  - G1\$/  - $secret/' $note"
  "consent-ref:  sed -i 's/^    consent: .*/    consent: $secret/' $client/plan.yaml"
  "anchor:       echo 'exit_plan: &a $secret' >>$client/plan.yaml"
  "tag:          echo 'exit_plan: !secret $secret' >>$client/plan.yaml"
  "not-a-map:    echo '- $secret' >$client/plan.yaml"
)
commands=(
  "check" "check --format json" "check --format sarif" "check --format junit" "check --format github"
  "check --format checklist" "check marcus-jones" "check $client/plan.yaml" "show marcus-jones" "list"
  "plan marcus-jones add-need --domain housing --description 'A room of his own'"
  "plan marcus-jones review --next 2027-02-01"
  "note marcus-jones --date 2026-11-23 --time 09:00 --contact phone --strengths x --objective x --assessment x"
  "close marcus-jones --reason moved"
)

failed=0 runs=0
for kind in "${kinds[@]}"; do
  name=${kind%%:*} plant=${kind#*:}
  rm -rf "$work/case"; cp -R "$repo/examples/caseload" "$work/case"
  (cd "$work/case" && eval "$plant")
  # The planted record must really be refused, or this proves nothing.
  (cd "$work/case" && "$casekit" check marcus-jones >"$work/out" 2>&1)
  grep -q 'error: .*\[format/' "$work/out" || { echo "FAIL: $name: check finds no format error"; cat "$work/out"; failed=1; }
  for command in "${commands[@]}"; do
    (cd "$work/case" && eval "\"$casekit\" $command" >"$work/out" 2>&1 </dev/null)
    runs=$((runs + 1))
    if grep -aq 'Zebra Lane' "$work/out"; then
      echo "FAIL: $name: casekit $command printed the record's text:"; grep -a 'Zebra Lane' "$work/out"; failed=1
    fi
  done
done
# Standard input that is not a valid record: new-client --from -
for input in "name: $secret\nid: [x" "name: x\ndob: $secret" "nmae: $secret" "- $secret"; do
  rm -rf "$work/case"; cp -R "$repo/examples/caseload" "$work/case"
  (cd "$work/case" && printf '%b\n' "$input" | "$casekit" new-client --from - >"$work/out" 2>&1)
  runs=$((runs + 1))
  grep -aq 'Zebra Lane' "$work/out" && { echo "FAIL: new-client --from - printed its input:"; cat "$work/out"; failed=1; }
done
echo "$runs runs on ${#kinds[@]} kinds of bad record and 4 bad inputs: the secret never printed"
exit $failed
