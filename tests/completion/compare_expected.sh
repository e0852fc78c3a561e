# Sourced by bash_test.sh and zsh_test.sh, which define `offered WORDS`
# (what the shell offers on TAB after `casekit WORDS`, on one line): runs
# every line of expected.txt and exits 1 if any offer differs.
failed=0
while IFS='|' read -r -u 3 typed want; do
  got=$(offered "$typed")
  if [[ $got != "$want" ]]; then
    echo "casekit $typed<TAB>: expected '$want', got '$got'"
    failed=1
  fi
done 3< <(grep -v '^#' "$here/expected.txt")
exit $failed
