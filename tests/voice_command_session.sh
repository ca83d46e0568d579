#!/usr/bin/env bash
# The "voice_command" backend through the real binary at real speed (plain mode): the
# config's command reads each utterance on its stdin and appends it to a file, which must
# then hold the session's words in the order they were due. Then the same session with a
# command that takes 5 s before it speaks: the session must end when the plan says, not
# wait for the voice (each utterance is cut short by the next, and the last is left to
# finish on its own after the program has gone).
#   voice_command_session.sh STRETCH_TIMER WORKDIR
set -u
binary=$1 work=$2
source "$(dirname "$0")/support/voice_env.sh"
voice_routine "$work"
planned_ms=12000

# run_session VOICE_COMMAND: runs the routine with that voice command; sets $elapsed_ms
# (start to exit, real time) and $output.
run_session() {
  local command_json
  command_json=$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')
  cat >"$work/config/stretch-timer/config.json" <<JSON
{"get_ready_seconds": 2, "daily_safety_check": false, "pain_checkin": false,
 "voice": true, "sound": "off", "voice_command": "$command_json"}
JSON
  local start end
  start=$(date +%s%N)
  voice_session "$work" "$binary" VOICE_LOG="$work/words.txt"
  end=$(date +%s%N)
  elapsed_ms=$(((end - start) / 1000000))
  echo "$output"
  echo "voice_command '$1': exit $rc after $elapsed_ms ms (plan: $planned_ms ms)"
  if ((rc != 0)); then
    echo "FAIL: stretch-timer failed ($rc)"
    exit 1
  fi
  if [[ $output == *"voice is silent"* || $output == *"did not run"* ]]; then
    echo "FAIL: the program says the voice command did not speak"
    exit 1
  fi
}

# 1. A quick command: every utterance arrives, whole, in order.
: >"$work/words.txt"
run_session 'cat >> "$VOICE_LOG"'
sleep 0.5  # the last utterance's command was left to finish on its own
echo "the voice command was given:"
cat "$work/words.txt"
mapfile -t said <"$work/words.txt"
check_voice_said utterance "${said[@]}"

# 2. A command that takes 5 s before it speaks: the session still ends on time. The program's
# start-up and the record take a few tens of milliseconds; a session that waited for the
# voice even once would end 5 s late.
: >"$work/words.txt"
run_session 'sleep 5; cat >> "$VOICE_LOG"'
if ((elapsed_ms > planned_ms + 1500)); then
  echo "FAIL: the session took $elapsed_ms ms with a slow voice command; the plan is $planned_ms ms"
  exit 1
fi
if [[ -s $work/words.txt ]]; then
  echo "FAIL: the slow command spoke before its 5 s were up:"
  cat "$work/words.txt"
  exit 1
fi
# Each utterance was cut short by the next; the last one, "done", is left to finish after
# the program has gone, so that the person hears it.
sleep 6
if [[ $(cat "$work/words.txt") != "done: 12 s." ]]; then
  echo "FAIL: after the slow session the voice command spoke (expected only the last words, 'done: 12 s.'):"
  cat "$work/words.txt"
  exit 1
fi
echo "PASS"
