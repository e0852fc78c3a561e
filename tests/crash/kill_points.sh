#!/usr/bin/env bash
# Crash safety: each writing command runs once to count the calls by which
# it changes the disk (kill_shim.c), then once for every one of those calls
# with a SIGKILL just before it. After each kill every file of the case
# folder must be byte for byte its old or its new version (nothing lost,
# nothing half written), and `casekit check` must report exactly what it
# reports before or after the command, plus a format/leftover-temp warning
# for each temporary file the kill left.
# Usage: kill_points.sh CASEKIT KILL_SHIM
set -u
casekit=$(realpath "$1")
shim=$(realpath "$2")
repo=$(realpath "$(dirname "$0")/../..")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 CASEKIT_TODAY=2026-11-23 HOME="$work"
unset VISUAL EDITOR

commands=(
  'new-client --name "Kim Park" --dob 2001-05-06 --language Korean --case-manager "Alicia Moreno"'
  'note marcus-jones --date 2026-11-23 --time 09:30 --contact phone --author "Alicia Moreno" --goal G1
     --strengths "Kept every class." --objective "Called for 10 minutes." --assessment "On track."
     --next "Book the math test | 2026-12-10 | Marcus"'
  'note xavier-brown --date 2026-11-23 --time 10:00 --contact in-person --author "Alicia Moreno"
     --strengths "Came on time." --objective "Met at the office." --assessment "Settling in."'
  'plan marcus-jones add-goal --statement "Marcus will open a savings account by 2027-01-31."
     --long-term L1 --need N1 --target-date 2027-01-31 --responsible "Marcus"'
  'plan teresa-nguyen review --next 2027-02-23'
  'plan marcus-jones referral-status R3 no-show --date 2026-11-20 --note "Missed the intake"'
  'plan marcus-jones add-consent --partner "Legal Aid Society" --shares contact,plan
     --signed 2026-11-20'
  'review jasmine-rivera --checklist isp-short-term-goal --goal G2 --reviewer "Ruth Adler"
     --feedback "A target date would show when." --follow-up 2026-12-07'
  'close xavier-brown --reason moved --summary "Moved out of state."'
  'reopen dana-okafor --date 2026-11-23 --reason "Lost her job"'
  'edit marcus-jones --phone 718-555-0142 --add-household-member "Keisha Jones"'
  'init fresh --program "New program"'
)

leftover='/\.[^/]*\.casekit-[A-Za-z0-9]{6}(/|$)'
# What check says, without temporary-file findings and the count line.
findings() { (cd "$1" && casekit check 2>/dev/null) | grep -Ev 'format/leftover-temp|^casekit: checked'; }
# Each file (not in a leftover temporary folder) and its checksum.
files_of() { (cd "$1" && find . -type f | grep -Ev "$leftover" | sort | xargs -r -d '\n' sha256sum); }

failed=0 kills=0
mkdir "$work/bin"; ln -s "$casekit" "$work/bin/casekit"; export PATH="$work/bin:$PATH"
for command in "${commands[@]}"; do
  command=${command//$'\n'/ }
  rm -rf "$work/old" "$work/new"
  cp -R "$repo/examples/caseload" "$work/old"
  cp -R "$work/old" "$work/new"
  rm -f "$work/count"
  (cd "$work/new" && CASEKIT_KILL_COUNT="$work/count" LD_PRELOAD="$shim" eval "casekit $command" >"$work/out" 2>&1) &&
    [ -s "$work/count" ] || { echo "FAIL: casekit $command did not succeed:"; cat "$work/out"; failed=1; continue; }
  calls=$(cat "$work/count")
  old_files=$(files_of "$work/old") new_files=$(files_of "$work/new")
  old_check=$(findings "$work/old") new_check=$(findings "$work/new")
  for ((at = 1; at <= calls; at++)); do
    rm -rf "$work/run"; cp -R "$work/old" "$work/run"
    (cd "$work/run" && CASEKIT_KILL_AT=$at LD_PRELOAD="$shim" eval "casekit $command" >/dev/null 2>&1)
    status=$?
    where="casekit $command, killed before call $at of $calls"
    if [ $status != 137 ]; then echo "FAIL: $where: exit status $status, not a kill"; failed=1; continue; fi
    # Every file is an old or a new version; no old file is gone.
    while read -r sum path; do
      grep -qxF "$sum  $path" <<<"$old_files"$'\n'"$new_files" || { echo "FAIL: $where: $path is neither old nor new"; failed=1; }
    done < <(files_of "$work/run")
    while read -r sum path; do
      [ -f "$work/run/$path" ] || { echo "FAIL: $where: $path was lost"; failed=1; }
    done <<<"$old_files"
    check=$(findings "$work/run")
    if [ "$check" != "$old_check" ] && [ "$check" != "$new_check" ]; then
      echo "FAIL: $where: check reports something new:"; diff <(echo "$old_check") <(echo "$check"); failed=1
    fi
    # Each temporary file left in the case folder is reported, and nothing
    # else is. (init's, in a folder that is not a case folder yet, cannot be.)
    temps=$(cd "$work/run" && find . -regextype posix-extended -regex "\./(clients/([^/]+/(notes/)?)?)?$leftover" -prune |
      sed 's|^\./||' | sort)
    if [ -n "$temps" ]; then
      reported=$( (cd "$work/run" && casekit check 2>/dev/null) | sed -n 's/: warning: .*\[format\/leftover-temp\]$//p' | sort)
      [ "$temps" = "$reported" ] || { echo "FAIL: $where: temporary files [$temps], reported [$reported]"; failed=1; }
    fi
    kills=$((kills + 1))
  done
  echo "casekit ${command%% --*}: $calls kill points"
done
echo "$kills kills survived: every file old or new, check as before or after"
exit $failed
