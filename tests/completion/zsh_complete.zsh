# Types LINE and a TAB into an interactive zsh on a pseudo-terminal (zpty)
# set up by zsh_init.zsh, and prints the words completion offers, one a
# line. Usage: zsh -f zsh_complete.zsh INIT FPATH_DIR LINE
zmodload zsh/zpty || exit 2
zpty casekit_pty zsh -f -i || exit 2
zpty -w casekit_pty "fpath=(${(q)2} \$fpath); source ${(q)1}"
local line
while zpty -r casekit_pty line; do
  [[ $line == ready:* ]] && break
done
zpty -w -n casekit_pty "$3"$'\t'
integer ended=0
# The typed line is echoed before the first match, without a newline.
while zpty -r casekit_pty line; do
  [[ $line == *match:* ]] && print -r -- ${${line##*match:}%%$'\r'*}
  [[ $line == *end:* ]] && ended=1
done
zpty -d casekit_pty
(( ended )) || { print -u2 "zsh's completion did not run"; exit 2; }
