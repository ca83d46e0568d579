# shellcheck shell=bash
# Sourced by the voice tests (voice_session.sh, speechd_session.sh, voice_command_session.sh),
# which guide a short routine at real speed and check what the voice was given or said.

# voice_routine WORK [HOLD SWITCH]: a fresh WORK with the routine "voice-check" in its config
# folder, one sided exercise held HOLD seconds a side with SWITCH seconds to change sides
# (4 and 2 unless given: with a get ready of 2 s, 12 s in all), and an empty data folder.
voice_routine() {
  local work=$1 hold=${2:-4} switch=${3:-2}
  rm -rf "$work"
  mkdir -p "$work/config/stretch-timer/routines" "$work/data"
  cat >"$work/config/stretch-timer/routines/voice.json" <<JSON
{
  "exercises": [
    {"id": "reach", "name": "Side reach", "purpose": "A short check of the voice.", "position": "Stand tall.",
     "steps": ["Reach up."], "sided": true, "hold": $hold, "reps": 1, "switch_sides": $switch}
  ],
  "routines": [{"id": "voice-check", "name": "Voice check", "description": "A short check of the voice.",
                "exercises": ["reach"]}]
}
JSON
}

# voice_session WORK BINARY [VAR=VALUE...]: runs the routine in plain mode at real speed with
# WORK as its home and the variables given; sets $output (stdout and stderr) and $rc.
voice_session() {
  local work=$1 binary=$2
  shift 2
  # shellcheck disable=SC2034  # for the script that sources this
  output=$(env HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
           XDG_STATE_HOME="$work/state" STRETCH_TIMER_TIME_SCALE=1 "$@" \
           "$binary" session voice-check --plain </dev/null 2>&1)
  # shellcheck disable=SC2034
  rc=$?
}

# check_voice_said WHAT LINE...: the lines (what the voice was given, one utterance a line)
# must begin with each cue's words in the order the cues were due; "FAIL: ..." and exit 1 if
# not. "Side reach done." and the session's "done" fall due at the same instant: the newer
# cuts the older short, so the older may or may not have been given, and is left out here.
check_voice_said() {
  local what=$1 line i
  shift
  local due=(
    "Side reach, exercise 1 of 1: get ready, 2 s. Start with your left side."
    "Side reach, left side: hold 4 s."
    "3" "2" "1"
    "switch sides, 2 s. Next: right side."
    "Side reach, right side: hold 4 s."
    "3" "2" "1"
    "done: 12 s."
  )
  local said=()
  for line in "$@"; do
    [[ $line == "Side reach done." ]] || said+=("$line")
  done
  if ((${#said[@]} != ${#due[@]})); then
    echo "FAIL: ${#said[@]} ${what}s, expected ${#due[@]}"
    exit 1
  fi
  for i in "${!due[@]}"; do
    if [[ ${said[$i]} != "${due[$i]}"* ]]; then
      echo "FAIL: $what $((i + 1)) was '${said[$i]}', expected it to begin '${due[$i]}'"
      exit 1
    fi
  done
}
