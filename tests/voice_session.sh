#!/usr/bin/env bash
# The real binary guides a short routine at real speed with the voice and the tones written
# to a WAV (--audio-file), each cue logged by the --on-cue hook; check_session_wav.py (Python's
# own wave module) then checks the file against the log: speech at each spoken cue's instant
# (+-150 ms), the hold-end tone at each hold's end, the tick at each countdown, nothing in
# between. The log itself is checked against the plan, so that the hook and the sound cannot
# agree on a wrong schedule. Exit 77 (SKIPPED) when espeak-ng or its data is missing.
#   voice_session.sh STRETCH_TIMER PYTHON CHECK_SESSION_WAV WORKDIR
set -u
binary=$1 python=$2 check=$3 work=$4
source "$(dirname "$0")/support/voice_env.sh"
# Get ready 3 s, left hold 6 s, switch 3 s, right hold 6 s: 18 s.
voice_routine "$work" 6 3
cat >"$work/config/stretch-timer/config.json" <<'JSON'
{"get_ready_seconds": 3, "daily_safety_check": false, "pain_checkin": false}
JSON
log="$work/cues.tsv"
: >"$log"
# One printf per cue: a short append is written whole, whatever order the hooks run in.
hook='printf "%s\t%s\t%s\n" "$STRETCH_CUE_AT_MS" "$STRETCH_CUE_KIND" "$STRETCH_CUE_WORDS" >>"$CUE_LOG"'
out=$(HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
      CUE_LOG="$log" STRETCH_TIMER_TIME_SCALE=1 \
      "$binary" session voice-check --plain --voice --sound tones --audio-file "$work/session.wav" \
      --on-cue "$hook" </dev/null 2>&1)
rc=$?
echo "$out"
if [[ $out == *"espeak-ng cannot start"* || $out == *"espeak-ng: cannot load"* ]]; then
  echo "SKIPPED: espeak-ng or its data is not installed (scripts/setup.sh installs them)"
  exit 77
fi
if ((rc != 0)); then
  echo "stretch-timer failed ($rc)"
  exit 1
fi
sleep 0.5  # the last hooks were started without waiting
expected=$'0\tget_ready\n3000\thold_start\n6000\tcountdown\n7000\tcountdown\n8000\tcountdown\n9000\thold_end
9000\tswitch_sides\n12000\thold_start\n15000\tcountdown\n16000\tcountdown\n17000\tcountdown\n18000\thold_end
18000\texercise_done\n18000\tsession_done'
actual=$(cut -f1,2 "$log" | sort -n -s -k1,1)
if [[ $(sort <<<"$actual") != $(sort <<<"$expected") ]]; then
  printf 'the hook logged other cues than the plan has:\n%s\nexpected:\n%s\n' "$actual" "$expected"
  exit 1
fi
exec "$python" "$check" "$work/session.wav" "$log"
