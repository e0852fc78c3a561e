#!/usr/bin/env bash
# A full disk: every writing command fails with exit status 3 and the
# system's reason, and the case folder is exactly as it was, with no
# temporary file left. Two ways to fill the disk:
#  - a real full file system: a 512 KiB tmpfs filled to the last byte
#    (needs root and permission to mount; skipped otherwise, with a note);
#  - a file size limit (RLIMIT_FSIZE, `ulimit -f`), which makes writes fail
#    with EFBIG as a full disk makes them fail with ENOSPC; works anywhere.
# Usage: disk_full.sh CASEKIT
set -u
casekit=$(realpath "$1")
repo=$(realpath "$(dirname "$0")/../..")
work=$(mktemp -d)
mounted=""
cleanup() { [ -n "$mounted" ] && umount "$mounted"; rm -rf "$work"; }
trap cleanup EXIT
export TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 CASEKIT_TODAY=2026-11-23 HOME="$work"
failed=0 tried=0

commands=(
  "plan marcus-jones add-need --domain housing --description 'A room of his own'|clients/marcus-jones/client.yaml"
  "plan marcus-jones review --next 2027-02-01|clients/marcus-jones/plan.yaml"
  "note marcus-jones --date 2026-11-23 --time 09:00 --contact phone --strengths x --objective x --assessment x|clients/marcus-jones/notes/2026-11-23-0900-phone.yaml"
  "new-client --name 'Kim Park'|clients/kim-park/client.yaml"
  "close marcus-jones --reason moved --end-all --keep-releases|clients/marcus-jones/plan.yaml"
  "reopen dana-okafor --reason back|clients/dana-okafor/client.yaml"
)

# run_all DIR REASON LIMIT: each command in a copy of the sample in DIR
# (under `ulimit -f LIMIT` unless LIMIT is empty) must fail with REASON.
run_all() {
  local dir=$1 reason=$2 limit=$3 entry command file expected
  for entry in "${commands[@]}"; do
    command=${entry%|*} file=${entry#*|}
    expected="casekit: error: $file: could not write: $reason"
    [ "$reason" = "No space left on device" ] &&
      expected+=" (the disk is full; free some space and run the command again)"
    # SIGXFSZ ignored: write() fails with EFBIG instead. The output goes
    # through a pipe, which the limit does not cover.
    (cd "$dir/case" && if [ -n "$limit" ]; then trap '' XFSZ; ulimit -f "$limit"; fi
     eval "\"$casekit\" $command" 2>&1) | cat >"$work/out"
    local status=${PIPESTATUS[0]}
    tried=$((tried + 1))
    [ $status = 3 ] || { echo "FAIL: $command: exit status $status, expected 3"; failed=1; }
    [ "$(cat "$work/out")" = "$expected" ] || { echo "FAIL: $command printed:"; cat "$work/out"; echo "expected: $expected"; failed=1; }
    diff -r "$repo/examples/caseload" "$dir/case" || { echo "FAIL: $command changed the case folder"; failed=1; }
  done
}

# A real full disk.
if [ "$(id -u)" = 0 ] && mkdir "$work/mnt" && mount -t tmpfs -o size=512k,mode=0700 tmpfs "$work/mnt" 2>/dev/null; then
  mounted="$work/mnt"
  cp -R "$repo/examples/caseload" "$work/mnt/case"
  dd if=/dev/zero of="$work/mnt/filler" bs=4k 2>/dev/null
  run_all "$work/mnt" "No space left on device" ""
else
  echo "note: no tmpfs (not root, or mounting is not permitted): the file size limit only"
fi

# A file size limit of 0: every write fails.
mkdir -p "$work/limit"
cp -R "$repo/examples/caseload" "$work/limit/case"
run_all "$work/limit" "File too large" 0
# Exports are all or nothing. Under a file size limit that the first CSV
# table fits and a later one does not, `export --all --format csv -o DIR`
# fails with status 3 and leaves no DIR, no temporary folder, and an
# earlier export in DIR as it was; a one-file export leaves the file it
# would replace as it was.
exp="$work/export"
mkdir -p "$exp"
cp -R "$repo/examples/caseload" "$exp/case"
(cd "$exp/case" && "$casekit" export --all --format csv -o ../sizes >/dev/null)
limit=$(( ($(wc -c <"$exp/sizes/clients.csv") + 1023) / 1024 ))
largest=$(for table in "$exp"/sizes/*.csv; do wc -c <"$table"; done | sort -n | tail -1)
[ "$largest" -gt $((limit * 1024)) ] ||
  { echo "FAIL: no CSV table is larger than $limit KiB; the test needs one"; failed=1; }
rm -rf "$exp/sizes"
# run_export LIMIT CASEKIT-ARGUMENTS...: exit status 3 and the expected reason.
run_export() {
  local limit=$1
  shift
  (cd "$exp/case" && trap '' XFSZ && ulimit -f "$limit" && "$casekit" "$@" 2>&1) | cat >"$work/out"
  local status=${PIPESTATUS[0]}
  tried=$((tried + 1))
  [ $status = 3 ] || { echo "FAIL: export $*: exit status $status, expected 3"; failed=1; }
  grep -q "could not write: File too large" "$work/out" || { echo "FAIL: export $* printed:"; cat "$work/out"; failed=1; }
  diff -r "$repo/examples/caseload" "$exp/case" || { echo "FAIL: export $* changed the case folder"; failed=1; }
}
run_export "$limit" export --all --format csv -o ../out
[ "$(ls -A "$exp")" = case ] || { echo "FAIL: a failed export left:"; ls -A "$exp"; failed=1; }
(cd "$exp/case" && "$casekit" export --all --format csv -o ../out >/dev/null)
echo earlier >"$exp/out/notes.csv"
cp -R "$exp/out" "$work/earlier"
run_export "$limit" export --all --format csv -o ../out
diff -r "$work/earlier" "$exp/out" || { echo "FAIL: a failed export changed the earlier one"; failed=1; }
[ "$(ls -A "$exp" | tr '\n' ' ')" = "case out " ] || { echo "FAIL: a failed export left:"; ls -A "$exp"; failed=1; }
echo earlier >"$exp/one.json"
run_export 0 export marcus-jones --format json -o ../one.json
[ "$(cat "$exp/one.json")" = earlier ] || { echo "FAIL: a failed export changed the file it would replace"; failed=1; }
[ "$(ls -A "$exp" | tr '\n' ' ')" = "case one.json out " ] || { echo "FAIL: a failed export left:"; ls -A "$exp"; failed=1; }

echo "$tried writes on a full disk refused, the case folder unchanged each time"
exit $failed
