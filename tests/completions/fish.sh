#!/usr/bin/env bash
# ctest: loads completions/stretch-timer.fish in fish and asks it (complete -C, what a Tab
# shows) what completes a few command lines; the routine ids must come from the program, a
# routine of the user's own included. Skipped (77) without fish. Usage: fish.sh COMPLETION PROGRAM
set -uo pipefail
completion=$1 program=$2
command -v fish >/dev/null || { echo "fish is not installed"; exit 77; }

export XDG_CONFIG_HOME PATH
XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
mkdir -p "$XDG_CONFIG_HOME/stretch-timer/routines" "$XDG_CONFIG_HOME/bin"
cat >"$XDG_CONFIG_HOME/stretch-timer/routines/mine.json" <<'JSON'
{"routines": [{"id": "my-evening", "name": "Mine", "description": "Mine.", "exercises": ["bridge"]}]}
JSON
# fish completes the command by its name, as a user types it.
ln -s "$(realpath "$program")" "$XDG_CONFIG_HOME/bin/stretch-timer"
PATH=$XDG_CONFIG_HOME/bin:$PATH

failures=0
expect() {
  local line=$1 want=$2 got
  got=$(fish --no-config -c "source '$completion'; complete -C '$line'" | cut -f1 | sort | tr '\n' ' ')
  want=$(printf '%s\n' $want | sort | tr '\n' ' ')
  if [[ $got == "$want" ]]; then echo "ok: '$line' -> $got"; else
    echo "FAIL: '$line' -> '$got', expected '$want'"
    failures=$((failures + 1))
  fi
}

expect "stretch-timer s" "session show stats"
expect "stretch-timer session low-b" "low-back"
expect "stretch-timer session my" "my-evening"
expect "stretch-timer session --level " "gentle standard full"
expect "stretch-timer session --p" "--plain"
expect "stretch-timer history --c" "--csv"
expect "stretch-timer r" "report remind"
expect "stretch-timer remind " "add list remove fire"
expect "stretch-timer report --s" "--since"
expect "stretch-timer session --r" "--resume"
expect "stretch-timer session --f" "--from"
exit $((failures > 0))
