# Sourced by the git-server-* cases, after git_setup.sh: a bare repository
# with casekit's pre-receive hook (casekit hook install --server) that the
# case folder is pushed to, and two clones of it, alicia and darnell, each
# with casekit's hooks and merge driver. $server is the folder that holds
# them all (removed at the end); push prints what the person pushing sees,
# with that folder's name replaced by SERVER.
run=$PWD
server=$(mktemp -d)
trap 'rm -rf "$server"' EXIT
git init -q --bare -b main "$server/caseload.git"
casekit hook install --server "$server/caseload.git" >/dev/null
casekit hook install >/dev/null
git add .gitattributes
git commit -q -m "casekit merge driver"
git push -q "$server/caseload.git" main
for person in alicia darnell; do
  git clone -q "$server/caseload.git" "$server/$person"
  (cd "$server/$person" && casekit hook install >/dev/null && rm .git/hooks/pre-commit)
done
# git push, showing its lines without the temporary folder's name, and
# git's exit status when it refuses.
push() {
  local status=0
  git push "$@" >"$server/push.out" 2>&1 || status=$?
  sed -e "s|$server|SERVER|g" -e "s/ *$//" -e 's/[0-9a-f]\{7,\}\.\.[0-9a-f]\{7,\}/OLD..NEW/' "$server/push.out"
  [ "$status" = 0 ] || echo "push refused (exit $status)"
}
