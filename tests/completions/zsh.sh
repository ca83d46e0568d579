#!/usr/bin/env bash
# ctest: drives an interactive zsh in a pseudo-terminal (zsh/zpty), with the completion on its
# fpath and compinit run, types a command line and a Tab, and checks what zsh wrote there;
# the routine ids must come from the program, a routine of the user's own included.
# Skipped (77) without zsh. Usage: zsh.sh COMPLETION_FILE PROGRAM
set -uo pipefail
completion=$1 program=$2
command -v zsh >/dev/null || { echo "zsh is not installed"; exit 77; }

export XDG_CONFIG_HOME PATH
XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
mkdir -p "$XDG_CONFIG_HOME/stretch-timer/routines" "$XDG_CONFIG_HOME/bin" "$XDG_CONFIG_HOME/fpath"
cat >"$XDG_CONFIG_HOME/stretch-timer/routines/mine.json" <<'JSON'
{"routines": [{"id": "my-evening", "name": "Mine", "description": "Mine.", "exercises": ["bridge"]}]}
JSON
ln -s "$(realpath "$program")" "$XDG_CONFIG_HOME/bin/stretch-timer"
cp "$completion" "$XDG_CONFIG_HOME/fpath/_stretch-timer"
PATH=$XDG_CONFIG_HOME/bin:$PATH

# complete LINE: what the line reads after one Tab in an interactive zsh. A widget bound to
# Ctrl-X writes the edit buffer to a file, the way to see the line without parsing the screen.
complete() {
  local buffer=$XDG_CONFIG_HOME/buffer
  rm -f "$buffer"
  BUFFER_FILE=$buffer LINE=$1 FPATH_DIR=$XDG_CONFIG_HOME/fpath zsh -f <<'ZSH'
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z 'PS1="> "; fpath=($FPATH_DIR $fpath); autoload -Uz compinit; compinit -u -D'
zpty -w z 'dump() { print -r -- "[$BUFFER]" > $BUFFER_FILE }; zle -N dump; bindkey "^X" dump'
zpty -w -n z "$LINE"$'\t'
# Ask for the buffer until the Tab has done something (a loaded machine may take seconds to
# run compinit and the program), for at most 20 s.
for i in {1..40}; do
  rm -f $BUFFER_FILE
  zpty -w -n z $'\x18'
  for j in {1..10}; do [[ -s $BUFFER_FILE ]] && break; sleep 0.05; done
  [[ -s $BUFFER_FILE && "$(<$BUFFER_FILE)" != "[$LINE]" ]] && break
  sleep 0.5
done
zpty -d z
ZSH
  cat "$buffer" 2>/dev/null
}

failures=0
expect() {  # expect LINE COMPLETED_LINE
  local got
  got=$(complete "$1")
  got=${got/% ]/]}  # the space after a completed word is a suffix zsh may take back: ignore it
  if [[ $got == "[${2% }]" ]]; then echo "ok: '$1' -> '$2'"; else
    echo "FAIL: '$1' -> '$got', expected '[$2]'"
    failures=$((failures + 1))
  fi
}
expect "stretch-timer sess" "stretch-timer session "
expect "stretch-timer session my-e" "stretch-timer session my-evening "
expect "stretch-timer show low-b" "stretch-timer show low-back "
expect "stretch-timer session --level gen" "stretch-timer session --level gentle "
expect "stretch-timer rep" "stretch-timer report "
expect "stretch-timer rem" "stretch-timer remind "
expect "stretch-timer remind rem" "stretch-timer remind remove "
expect "stretch-timer session --res" "stretch-timer session --resume "
exit $((failures > 0))
