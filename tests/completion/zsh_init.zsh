# Sourced by zsh_complete.zsh in an interactive zsh on a pseudo-terminal:
# zsh's completion system (compinit) finds casekit's function in $fpath.
# Every word a completion function adds that zsh's own matching keeps is
# printed as "match:WORD"; the shell ends after the first completion.
PROMPT='' RPROMPT='' PS2=''
autoload -Uz compinit && compinit -u -D
bindkey '^I' complete-word
zstyle ':completion:*' insert-tab false
# A compadd with -O, -A or -D only asks which words match: left alone.
compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return
  fi
  local -a matched
  builtin compadd -O matched "$@"
  (( $#matched )) && print -rl -- "match:"${^matched}
  builtin compadd "$@"
}
_casekit_test_end() {
  print -r -- "end:"
  exit
}
comppostfuncs=(_casekit_test_end)
print -r -- "ready:"
