#!/usr/bin/env bash
# ctest: sources completions/stretch-timer.bash in bash and asks it, as bash asks it at a Tab,
# what completes a few command lines; the routine ids must come from the program, a routine of
# the user's own included. Usage: bash.sh COMPLETION_FILE PROGRAM
set -uo pipefail
completion=$1 program=$2

# The user's own routine, which only the program itself can know about.
export XDG_CONFIG_HOME
XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
mkdir -p "$XDG_CONFIG_HOME/stretch-timer/routines"
cat >"$XDG_CONFIG_HOME/stretch-timer/routines/mine.json" <<'JSON'
{"routines": [{"id": "my-evening", "name": "Mine", "description": "Mine.", "exercises": ["bridge"]}]}
JSON

source "$completion" || exit 1
failures=0
# expect "WORDS..." -- what COMPREPLY must hold, in any order, and nothing else
expect() {
  local line=$1 want=$2
  read -ra COMP_WORDS <<<"$line"
  [[ $line == *" " ]] && COMP_WORDS+=("")
  COMP_WORDS[0]=$program
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _stretch_timer
  local got
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
  want=$(printf '%s\n' $want | sort | tr '\n' ' ')
  if [[ $got == "$want" ]]; then echo "ok: '$line' -> $got"; else
    echo "FAIL: '$line' -> '$got', expected '$want'"
    failures=$((failures + 1))
  fi
}

expect "stretch-timer s" "session show stats"
expect "stretch-timer --v" "--version"
expect "stretch-timer session low-b" "low-back"
expect "stretch-timer session my" "my-evening"
expect "stretch-timer session --level " "gentle standard full"
expect "stretch-timer session --level gentle --p" "--plain"
expect "stretch-timer show --level full my" "my-evening"
expect "stretch-timer history --" "--since --json --csv --help"
expect "stretch-timer list --i" "--ids"
expect "stretch-timer session --r" "--resume"
expect "stretch-timer t" "tips"
exit $((failures > 0))
