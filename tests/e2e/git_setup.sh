# Sourced by the git-* cases: a repository of the case folder with a fixed
# identity and dates, so commits and messages are the same on every run.
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME="Alicia Moreno" GIT_AUTHOR_EMAIL=alicia@example.org
export GIT_COMMITTER_NAME="Alicia Moreno" GIT_COMMITTER_EMAIL=alicia@example.org
export GIT_AUTHOR_DATE="2026-11-23T12:00:00Z" GIT_COMMITTER_DATE="2026-11-23T12:00:00Z"
git init -q -b main .
git add .
git commit -q -m "Caseload"
