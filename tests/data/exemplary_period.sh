#!/usr/bin/env bash
# The exemplary sample record (Marcus Jones) passes check on every day of
# its active period, under every program profile: from his latest note
# (2026-11-20) until his next contact falls due 30 days later (2026-12-20),
# the shortest interval of any profile. A time-based rule that fires too
# early (a review, a progress note, an exit plan) fails it on some day.
# Usage: exemplary_period.sh CASEKIT SOURCE_DIR
# EXEMPLARY_EVERY_DAYS (default 1) checks every Nth day only: the
# sanitizer run looks for memory errors on that path, not for the day a
# rule fires too early, which the normal run finds.
set -u
casekit=$(realpath "$1")
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
failed=0
every=${EXEMPLARY_EVERY_DAYS:-1}
for profile in $(sed -n 's/^  \([a-z-]*\):$/\1/p' "$source_dir/src/data/profiles.yaml"); do
  rm -rf "$work/case" && cp -r "$source_dir/examples/caseload" "$work/case"
  sed -i "s/^opened:/profile: $profile\nopened:/" "$work/case/clients/marcus-jones/client.yaml"
  day=2026-11-20
  while [[ "$day" < 2026-12-21 ]]; do
    out=$(cd "$work/case" && "$casekit" check marcus-jones --as-of "$day" 2>&1)
    status=$?
    if [ $status -ne 0 ] || grep -q ': \(error\|warning\|info\): ' <<<"$out"; then
      echo "== profile $profile, as of $day (exit $status)"
      echo "$out"
      failed=1
    fi
    day=$(date -I -d "$day + $every day")
  done
  echo "profile $profile: checked 2026-11-20 to 2026-12-20, every $every day(s)"
done
exit $failed
